"""SET <customer>: create or update (what each tag does: fields.py), status changes with the de-provisioning
cascade, then nested entities."""

import unicodedata

from ..core import extensions
from ..core.errors import SimError
from ..core.xmlio import text_of
from ..properties import definitions
from ..system import location
from ..users import write as user_write
from . import fields, record

ID_KEYS = ("id", "name", "fullname", "billingid")
REQUIRED = ("fullname", "contactname", "contactemail", "primarydomain")
UPDATE_TAGS = frozenset(fields.TEXT_FIELDS + ("primarydomain", "domains", "properties", "enabled", "status", "parent",
                                              "location", "password", "locations", "departments", "roles",
                                              "customeroustructure"))
INVALID_NEW = ("Unable to create customer. A new customer must specify the name, fullname, contactname, contactemail "
               "and primarydomain.")


def identify(el):
    for key in ID_KEYS:
        value = text_of(el, key)
        if value:
            return key, value
    return None, None


def set_customer(ctx, el):
    rec = _locate(ctx, el)
    if rec is None:
        rec = _create(ctx, el)
    else:
        _update(ctx, rec, el)
    for user_el in el.findall("user"):
        user_write.set_user(ctx, rec, user_el)
    for service_el in el.findall("service"):
        extensions.services().set_customer_service(ctx, rec, service_el)
    for child in el.findall("approvalproviders"):
        extensions.approvals().set_approvalproviders(ctx, rec, child)
    for child in el.findall("approvalresponses"):
        extensions.approvals().set_approvalresponses(ctx, rec, None, child)
    return rec


def _locate(ctx, el):
    """The existing customer the SET addresses, or None when it is a creation."""
    key, value = identify(el)
    rec = ctx.store.find_customer(key, value) if key else None
    if rec is None:
        # only identification and nested entities: the caller addresses an existing customer, so "not found"
        wants_create = any(child.tag in UPDATE_TAGS and child.tag not in ID_KEYS for child in el)
        if key == "id" or (key is not None and not wants_create):
            raise SimError(34, "Customer '%s' not found." % value)
        return None
    if not ctx.can_access(rec):
        raise SimError(12, "You are not authorized to change customer '%s': it is outside your part of the customer "
                           "hierarchy." % value, 401)
    return rec


# ----------------------------------------------------------------------- create
def generate_code(store, fullname):
    """Upper-cased initials of the words that start with a letter, plus the smallest number making it unique."""
    initials = ""
    for word in fullname.split():
        first = unicodedata.normalize("NFKD", word[0])[0]
        if first.isascii() and first.isalpha():
            initials += first.upper()
    initials = initials[:16] or "C"
    taken = set(rec["name"].casefold() for rec in store.customers.values())
    if initials.casefold() not in taken:
        return initials
    number = 1
    while ("%s%d" % (initials, number)).casefold() in taken:
        number += 1
    return "%s%d" % (initials, number)


def _parent(ctx, el):
    parent_el = el.find("parent")
    if parent_el is None:
        return None
    key, value = identify(parent_el)
    if key is None:
        return None
    parent = ctx.store.find_customer(key, value, within=ctx.visible_ids())
    if parent is None:
        raise SimError(34, "Customer '%s' not found (given as <parent>)." % value)
    return parent


def _create(ctx, el):
    store = ctx.store
    if any(not text_of(el, tag) for tag in REQUIRED):
        raise SimError(6, INVALID_NEW)
    fullname = definitions.check_customer_field("fullname", text_of(el, "fullname"), ctx, None)
    fields.unique_fullname(ctx, fullname, None)
    name = text_of(el, "name")
    if name:
        definitions.check_customer_field("name", name, ctx, None)
        if store.find_customer("name", name) is not None:
            raise SimError(1, "The customer code '%s' is already in use; choose another <name> or leave it out to "
                              "have one generated." % name)
    else:
        name = generate_code(store, fullname)
    parent = _parent(ctx, el) or ctx.caller_customer
    rec = record.new_customer(store.next_id("customer", 34), name, fullname, parent["id"],
                              location=parent.get("location") or record.DEFAULT_LOCATION)
    rec["primarydomain"] = fields.domain(text_of(el, "primarydomain"))
    rec["domains"] = [rec["primarydomain"]]
    fields.apply_fields(ctx, rec, el, creating=True)
    location.apply_customer_defaults(ctx, rec)
    final = "Provisioned"
    status = text_of(el, "status")
    if status and ctx.parse_status(status, "<customer><status>") == "NotProvisioned":
        final = "NotProvisioned"
    store.add_customer(rec)
    ctx.forget_scope()
    ctx.start_request("Provision Customer %s" % fullname, "Customer", name, [rec], final_status=final,
                      request_type="Object Provision")
    return rec


# ----------------------------------------------------------------------- update
def _reparent(ctx, rec, el):
    parent = _parent(ctx, el)
    if parent is None or parent["id"] == rec.get("parent_id"):
        return False
    if rec["id"] == ctx.caller["customer_id"]:
        raise SimError(12, "You cannot move your own customer '%s'." % rec["name"], 401)
    if parent["id"] in ctx.store.descendant_ids(rec["id"]):
        raise SimError(1, "Customer '%s' cannot be moved below itself or one of its sub-customers ('%s')."
                       % (rec["name"], parent["name"]))
    rec["parent_id"] = parent["id"]
    ctx.forget_scope()
    return True


def deprovision(ctx, rec):
    """De-provision a customer, its users, their services and every sub-customer."""
    ctx.start_request("Deprovision Customer %s" % rec["fullname"], "Customer", rec["name"], [rec],
                      final_status="NotProvisioned")
    for user in ctx.users_of(rec):
        if ctx.settled_status(user) != "NotProvisioned":
            user_write.deprovision_user(ctx, user)
    extensions.customer_status(ctx, rec, "NotProvisioned")
    for child in list(ctx.store.customers.values()):
        if child.get("parent_id") == rec["id"] and ctx.settled_status(child) != "NotProvisioned":
            deprovision(ctx, child)


def _update(ctx, rec, el):
    changed = fields.apply_fields(ctx, rec, el)
    changed = _reparent(ctx, rec, el) or changed
    status = text_of(el, "status")
    target = ctx.parse_status(status, "<customer><status>") if status else None
    settled = ctx.settled_status(rec)
    if target == "NotProvisioned" and settled != "NotProvisioned":
        deprovision(ctx, rec)
    elif target == "Provisioned" and (settled != "Provisioned" or rec.get("status") == "Failed"):
        ctx.start_request("Provision Customer %s" % rec["fullname"], "Customer", rec["name"], [rec])
        extensions.customer_status(ctx, rec, "Provisioned")
    elif changed:
        ctx.start_request("Update Customer %s" % rec["fullname"], "Customer", rec["name"], [rec],
                          final_status=settled, request_type="Object Update")
