"""A user's distribution groups: customer/user/service(HE)/distributiongroups (guide: "Get Distribution Groups of
which the User is a Member", "Add a User to a Distribution Group"), and dropping a deleted object from every list.

In the user-level SET, <selected>true</selected> (the default) on a <distributiongroup> adds the user to its
<members>, <selected>false</selected> removes it; an unknown group is error 10. The group is named by its
<syncobjectid>, <path>, <displayname> or primary <email> (the guide's example uses path and display name).
"""

from lxml import etree

from ..core.errors import SimError
from ..core.values import children, norm, opt_bool, sub, text
from . import directory
from .distribution import MEMBER_LISTS, find_group


def groups_of_user(ctx, customer, user):
    """<distributiongroups> listing the groups whose <members> hold the user (user-level GET)."""
    ref = {"type": "user", "id": user["id"]}
    out = etree.Element("distributiongroups")
    mine = [group for group in customer.get("distgroups") or [] if ref in group["members"]]
    for group in sorted(mine, key=lambda group: (norm(group["displayname"]), group["id"])):
        el = sub(out, "distributiongroup")
        for field in ("displayname", "syncobjectid", "path", "email"):
            sub(el, field, group[field])
        sub(el, "selected", "True")
    return out


def set_user_membership(ctx, customer, user, groups_el):
    """customer/user/service(HE)/distributiongroups: add (<selected>true</selected>) or remove the user."""
    groups = customer.get("distgroups") or []
    ref = {"type": "user", "id": user["id"]}
    changes = []
    for group_el in children(groups_el, "distributiongroup"):
        group = find_group(groups, group_el)
        email = norm(text(group_el, "email"))
        if group is None and email:
            group = next((item for item in groups if norm(item.get("email")) == email), None)
        if group is None:
            raise SimError(10, "Distribution group %s not found for customer '%s'."
                           % (directory.describe(group_el), customer.get("name")))
        changes.append((group, opt_bool(group_el, "selected", "<distributiongroup><selected>", default=True)))
    for group, selected in changes:
        if selected and ref not in group["members"]:
            group["members"].append(ref)
        elif not selected and ref in group["members"]:
            group["members"].remove(ref)
    ctx.start_request("Update distribution group membership of user %s" % user.get("name"), "Distribution Group",
                      user.get("name"), [], "Provisioned")


def forget(customer, ref):
    """Drop a deleted user or contact from every list of every group."""
    for group in customer.get("distgroups") or []:
        for list_tag in [tag for tag, _item in MEMBER_LISTS] + ["owners"]:
            if ref in group[list_tag]:
                group[list_tag] = [item for item in group[list_tag] if item != ref]
