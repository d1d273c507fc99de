"""Hosted Exchange distribution groups: customer/service(HE)/distributiongroups (user level: membership.py).

Stored in customer["distgroups"] as plain dicts (see new_group). List rules, from the guide's "Add a User to a
Distribution Group":
- <members>, <sendasmembers>, <sendrestrictionacceptedmembers>, <sendrestrictionrejectedmembers>: each entry is
  added (<selected>true</selected>, the default) or removed (<selected>false</selected>); unlisted members stay;
- <owners> and <emailaddresses> replace the whole list when given. Owners are read from <owners><owner> and from
  the guide's odd <owners><owners>; GET writes <owners><owners> like the guide, so a GET answer can be sent back.
Groups are identified by <syncobjectid>, <path> or <displayname> (in that order); an unknown one is created.
Deleting a group: the guides have no sentence about it. The only group-level flag they document is the
<enabled> of the complete SET template ("Add a User to a Distribution Group", Atria guide line 3110, CPSM 11 guide
line 2299), and they enable and disable everything else (plans, customers) with <enabled>; so a customer-level
SET with <enabled>false</enabled> on a <distributiongroup> removes the group, and <enabled>true</enabled> (what
every GET shows) changes nothing. <selected> on a group means something only in the user-level SET (membership
of that user); in a customer-level SET it is an unknown tag and ignored, like on the real server. DELETE is
refused with a pointer to <enabled>false</enabled>. GET shows members only when the request's <distributiongroup>
asks for a list; a member shown carries <selected>True</selected>, so a GET answer is a valid SET. Member items
read <selected> or <enabled> (dialect/spellings.py, "member_flag"). Filters and paging: see core/paging.py.
"""

from lxml import etree

from ..core import paging
from ..core.errors import SimError
from . import directory
from ..core.values import bool_text, child, children, norm, opt_bool, own_text, sub, text

GROUP_TYPES = ("Universal_Distribution", "Global_Distribution", "Local_Distribution", "Universal_Security",
               "Global_Security", "Local_Security")
RESTRICTIONS = ("Open", "Closed", "ApprovalRequired")
MEMBER_LISTS = (("members", "member"), ("sendasmembers", "sendasmember"),
                ("sendrestrictionacceptedmembers", "sendrestrictionacceptedmember"),
                ("sendrestrictionrejectedmembers", "sendrestrictionrejectedmember"))
TEXT_FIELDS = ("syncobjectid", "email", "emailalias", "mailtip")
BOOL_FIELDS = ("hidefromaddresslists", "requiresenderauthentication", "sendmoderationnotifications")
CHOICE_FIELDS = (("grouptype", GROUP_TYPES), ("memberjoinrestriction", RESTRICTIONS),
                 ("memberdepartrestriction", RESTRICTIONS))


def new_group(gid, customer, displayname, path=None):
    alias = "".join(ch for ch in displayname if ch.isalnum() or ch in "-_.").lower() or "group%d" % gid
    return {
        "id": gid, "displayname": displayname, "syncobjectid": "", "enabled": True,
        "path": path or directory.group_path(customer, displayname),
        "email": "%s@%s" % (alias, customer.get("primarydomain") or "example.local"), "emailalias": alias,
        "mailtip": "", "grouptype": GROUP_TYPES[0], "hidefromaddresslists": False,
        "requiresenderauthentication": True, "memberjoinrestriction": "Closed", "memberdepartrestriction": "Closed",
        "sendmoderationnotifications": False, "emailaddresses": [], "owners": [],
        "members": [], "sendasmembers": [], "sendrestrictionacceptedmembers": [], "sendrestrictionrejectedmembers": [],
    }


def find_group(groups, el):
    """The stored group the element identifies (syncobjectid, path, displayname), or None."""
    for field in ("syncobjectid", "path", "displayname"):
        value = text(el, field)
        if value:
            found = next((group for group in groups if norm(group.get(field)) == norm(value)), None)
            if found is not None:
                return found
    return None


# --------------------------------------------------------------------- GET
def get_groups(ctx, customer, groups_el):
    """<distributiongroups> for a customer-level GET: filtered, paged, members only when asked for."""
    groups = customer.get("distgroups") or []
    template = child(groups_el, "distributiongroup")
    if template is not None and any(text(template, field) for field in ("syncobjectid", "path", "displayname")):
        found = find_group(groups, template)
        if found is None:
            raise SimError(10, "Distribution group %s not found for customer '%s'."
                           % (directory.describe(template), customer.get("name")))
        chosen = [found]
    else:
        name_filter, email_filter = text(groups_el, "displaynamefilter"), text(groups_el, "emailfilter")
        chosen = [group for group in groups if paging.matches(name_filter, group["displayname"])
                  and paging.matches(email_filter, group["email"], *group["emailaddresses"])]
        chosen = paging.page(chosen, groups_el, "<distributiongroups>")
    out = etree.Element("distributiongroups")
    for group in chosen:
        _render_group(ctx, customer, out, group, template)
    return out


def _render_group(ctx, customer, parent, group, template):
    el = sub(parent, "distributiongroup")
    sub(el, "displayname", group["displayname"])
    sub(el, "syncobjectid", group["syncobjectid"])
    sub(el, "enabled", bool_text(group["enabled"]))
    sub(el, "path", group["path"])
    for field in ("email", "emailalias", "mailtip", "grouptype"):
        sub(el, field, group[field])
    for field in ("hidefromaddresslists", "requiresenderauthentication"):
        sub(el, field, bool_text(group[field]))
    sub(el, "memberjoinrestriction", group["memberjoinrestriction"])
    sub(el, "memberdepartrestriction", group["memberdepartrestriction"])
    sub(el, "sendmoderationnotifications", bool_text(group["sendmoderationnotifications"]))
    addresses = sub(el, "emailaddresses")
    for address in group["emailaddresses"]:
        sub(addresses, "emailaddress", address)
    owners = sub(el, "owners")
    for ref in group["owners"]:
        view = directory.view_of(ctx, customer, ref)
        if view is not None:
            directory.render_ref(owners, "owners", view)
    for list_tag, item_tag in MEMBER_LISTS:
        asked = child(template, list_tag)
        if asked is not None:
            _render_members(ctx, customer, el, group, list_tag, item_tag, asked)


def _render_members(ctx, customer, parent, group, list_tag, item_tag, asked):
    out = sub(parent, list_tag)
    queried = children(asked, item_tag)
    if not queried:
        for ref in group[list_tag]:
            view = directory.view_of(ctx, customer, ref)
            if view is not None:
                directory.render_ref(out, item_tag, view, [("selected", "True")])
        return
    # A sync query: for each object asked about, whether it exists and whether it is in the list.
    for item in queried:
        ref = directory.resolve(ctx, customer, item)
        view = directory.view_of(ctx, customer, ref) if ref else {key: text(item, key) for key in directory.IDENTIFIERS}
        directory.render_ref(out, item_tag, view, [("exists", bool_text(ref is not None)),
                                                   ("selected", bool_text(ref is not None and ref in group[list_tag]))])


# --------------------------------------------------------------------- SET (customer level)
def set_groups(ctx, customer, groups_el):
    """Create, update or delete the groups listed; all-or-nothing (every group is checked before any is stored)."""
    groups = customer.setdefault("distgroups", [])
    staged, deleted = [], []
    for group_el in children(groups_el, "distributiongroup"):
        existing = find_group(groups, group_el)
        if opt_bool(group_el, "enabled", "<distributiongroup><enabled>") is False:
            if existing is not None:
                deleted.append(existing["id"])
            continue
        staged.append((existing, _staged_group(ctx, customer, groups, existing, group_el)))
    _check_unique(groups, staged, deleted)
    for existing, group in staged:
        if existing is None:
            groups.append(group)
        else:
            existing.clear()
            existing.update(group)
    if deleted:
        _delete(customer, set(deleted))
    ctx.start_request("Update distribution groups of customer %s" % customer.get("name"), "Distribution Group",
                      customer.get("name"), [], "Provisioned")


def _staged_group(ctx, customer, groups, existing, group_el):
    name = text(group_el, "displayname")
    if existing is None:
        if not name:
            raise SimError(10, "Distribution group %s does not exist; a <displayname> is required to create it."
                           % directory.describe(group_el))
        group = new_group(ctx.store.next_id("distgroup"), customer, name, text(group_el, "path"))
    else:
        group = {key: (list(value) if isinstance(value, list) else value) for key, value in existing.items()}
        path = text(group_el, "path")
        if path and norm(path) != norm(group["path"]):
            raise SimError(10, "Distribution group '%s': <path> cannot be changed (it is '%s')."
                           % (group["displayname"], group["path"]))
    if name:
        group["displayname"] = name
    _apply_fields(group, group_el)
    _apply_lists(ctx, customer, group, group_el)
    return group


def _apply_fields(group, group_el):
    what = "Distribution group '%s'" % group["displayname"]
    for field in TEXT_FIELDS:
        value = text(group_el, field)
        if value is not None:
            group[field] = value
    for field in BOOL_FIELDS:
        value = opt_bool(group_el, field, "%s <%s>" % (what, field))
        if value is not None:
            group[field] = value
    for field, choices in CHOICE_FIELDS:
        value = text(group_el, field)
        if value:
            match = [choice for choice in choices if norm(choice) == norm(value)]
            if not match:
                raise SimError(10, "%s: <%s> '%s' is not valid; use one of %s."
                               % (what, field, value, ", ".join(choices)))
            group[field] = match[0]


def _apply_lists(ctx, customer, group, group_el):
    what = "Distribution group '%s'" % group["displayname"]
    addresses_el = child(group_el, "emailaddresses")
    if addresses_el is not None:
        group["emailaddresses"] = [own_text(item) for item in children(addresses_el, "emailaddress")
                                   if own_text(item)]
    owners_el = child(group_el, "owners")
    if owners_el is not None:
        owners = []
        for item in children(owners_el, "owner") + children(owners_el, "owners"):
            ref = directory.resolve(ctx, customer, item, kinds=("user",))
            if ref is None:
                raise SimError(10, "%s: owner %s is not a user of customer '%s'."
                               % (what, directory.describe(item), customer.get("name")))
            if ref not in owners:
                owners.append(ref)
        group["owners"] = owners
    for list_tag, item_tag in MEMBER_LISTS:
        list_el = child(group_el, list_tag)
        if list_el is None:
            continue
        default = opt_bool(list_el, "selected", "%s <%s><selected>" % (what, list_tag), default=True)
        for item in children(list_el, item_tag):
            ref = directory.resolve(ctx, customer, item)
            if ref is None:
                raise SimError(10, "%s: <%s> %s was not found among the users, groups and contacts of customer "
                                   "'%s'." % (what, item_tag, directory.describe(item), customer.get("name")))
            if ref == {"type": "group", "id": group["id"]}:
                raise SimError(10, "%s cannot be a member of itself." % what)
            selected = opt_bool(item, "selected", "%s <%s><selected>" % (what, item_tag), default=default)
            if selected and ref not in group[list_tag]:
                group[list_tag].append(ref)
            elif not selected and ref in group[list_tag]:
                group[list_tag].remove(ref)


def _check_unique(groups, staged, deleted):
    """Display names and primary addresses stay unique within the customer."""
    final = {group["id"]: group for group in groups if group["id"] not in deleted}
    final.update((group["id"], group) for _existing, group in staged)
    for field in ("displayname", "email"):
        seen = {}
        for group in final.values():
            key = norm(group[field])
            if key and key in seen and seen[key] != group["id"]:
                raise SimError(10, "Another distribution group already uses the %s '%s'." % (field, group[field]))
            seen[key] = group["id"]


def _delete(customer, ids):
    refs = [{"type": "group", "id": gid} for gid in ids]
    customer["distgroups"] = [group for group in customer.get("distgroups") or [] if group["id"] not in ids]
    for group in customer["distgroups"]:
        for list_tag, _item in MEMBER_LISTS:
            if any(ref in group[list_tag] for ref in refs):
                group[list_tag] = [ref for ref in group[list_tag] if ref not in refs]
