"""SET <customer><user>: create or update a user (what each tag does: fields.py), its status, nested services."""

import copy
import re

from ..approvals import responses as approval_responses
from ..core import extensions
from ..core.errors import SimError
from ..core.xmlio import text_of
from . import fields, read, record, roles

SET_KEYS = ("id", "name", "upn")
_BAD_NAME = re.compile(r'[\s"/\\\[\]:;|=,+*?<>@]')


def set_user(ctx, customer, el):
    user = _locate(ctx, customer, el)
    if user is None:
        user = _create(ctx, customer, el)
    else:
        _update(ctx, customer, user, el)
    service_els = el.findall("service")
    if service_els and user.get("approvalpending"):
        # SET is not transactional: the user stays as stored, held for approval
        raise SimError(15, "User '%s' is waiting for workflow approval; provision its services once the approval "
                           "request is accepted." % user["name"])
    for service_el in service_els:
        extensions.services().set_user_service(ctx, customer, user, service_el)
    for child in el.findall("approvalresponses"):
        extensions.approvals().set_approvalresponses(ctx, customer, user, child)
    return user


def _locate(ctx, customer, el):
    for key in SET_KEYS:
        value = text_of(el, key)
        if value:
            user = read.lookup(ctx, customer, key, value)
            if user is None and key == "id":
                raise SimError(16, "User '%s' not found." % value)
            return user
    return None


def _strip_suffix(customer, value):
    suffix = "_" + customer["name"]
    if value.casefold().endswith(suffix.casefold()) and len(value) > len(suffix):
        return value[:-len(suffix)]
    return value


def _create(ctx, customer, el):
    store = ctx.store
    name, upn = text_of(el, "name"), text_of(el, "upn")
    if name:
        base = _strip_suffix(customer, name)
    elif upn:
        base = _strip_suffix(customer, upn.split("@")[0])
    else:
        raise SimError(15, "Unable to create user. A new user must specify the name or upn.")
    if _BAD_NAME.search(base):
        raise SimError(15, "'%s' is not a valid user name: blanks and \" / \\ [ ] : ; | = , + * ? < > @ are not "
                           "allowed." % base)
    if store.user_by_login("%s_%s" % (base, customer["name"])) is not None:
        raise SimError(15, "The user name '%s_%s' is already in use." % (base, customer["name"]))
    first = not ctx.users_of(customer)
    rec = record.new_user(store.next_id("user", 113), customer, base, ctx.now,
                          password=record.generated_password(store.rng),
                          roles=[roles.CUSTOMER_ADMINISTRATOR] if first else [])
    fields.apply_fields(ctx, customer, rec, el)
    if first and roles.CUSTOMER_ADMINISTRATOR not in rec["roles"]:
        # the guide: "the first user provisioned to a customer will always become the customer administrator"
        rec["roles"].insert(0, roles.CUSTOMER_ADMINISTRATOR)
    final = "Provisioned"
    status = text_of(el, "status")
    if status and ctx.parse_status(status, "<user><status>") == "NotProvisioned":
        final = "NotProvisioned"
    store.add_user(rec)
    if final == "Provisioned" and _held(ctx, customer, rec, "Provision", None):
        rec["status"] = "NotProvisioned"      # created, not provisioned until an approver accepts
        return rec
    ctx.start_request("Provision User %s" % rec["name"], "User", rec["name"], [rec], final_status=final,
                      request_type="Object Provision")
    return rec


def _snapshot(user):
    """The user as it is, for putting back when a held change is declined (services and password stay)."""
    return copy.deepcopy(dict((key, value) for key, value in user.items() if key not in ("services", "password")))


def _held(ctx, customer, user, event, before):
    """True when provisioning or de-provisioning the user waits for workflow approval (approval_responses.py, category
    "users"); error 15 when a change of the user already waits."""
    if user.get("approvalpending"):
        raise SimError(15, "User '%s' is waiting for workflow approval; accept or decline the pending approval "
                           "request (approvalresponses) before changing it again." % user["name"])
    action = {"kind": "user", "customer_id": customer["id"], "user_id": user["id"], "event": event,
              "before": before}
    description = "%s User - %s" % (event, user.get("fullname") or user["name"])
    return approval_responses.gate(ctx, customer, "users", None, event, description, action, user)


def _update(ctx, customer, user, el):
    before = _snapshot(user)
    changed = fields.apply_fields(ctx, customer, user, el)
    status = text_of(el, "status")
    target = ctx.parse_status(status, "<user><status>") if status else None
    settled = ctx.settled_status(user)
    if target == "NotProvisioned" and settled != "NotProvisioned":
        if not _held(ctx, customer, user, "Deprovision", before):
            deprovision_user(ctx, user)
    elif target == "Provisioned" and (settled != "Provisioned" or user.get("status") == "Failed"):
        if not _held(ctx, customer, user, "Provision", before):
            ctx.start_request("Provision User %s" % user["name"], "User", user["name"], [user])
            extensions.user_status(ctx, user, "Provisioned")
    elif changed:
        ctx.start_request("Update User %s" % user["name"], "User", user["name"], [user], final_status=settled,
                          request_type="Object Update")


def deprovision_user(ctx, user):
    """De-provision a user and (through the services) its services."""
    ctx.start_request("Deprovision User %s" % user["name"], "User", user["name"], [user],
                      final_status="NotProvisioned")
    extensions.user_status(ctx, user, "NotProvisioned")
