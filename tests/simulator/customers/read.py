"""<customer> reads: FIND and GET (SET: write.py, DELETE: remove.py, dispatch: actions.py).

Scope: the caller sees its own customer and those below it. Out of scope a customer is absent from FIND and
"not found" (34) for GET and DELETE; write.py answers 12 for a SET that names an out-of-scope customer.
"""

from ..core import extensions
from ..core.errors import SimError
from ..core.xmlio import text_of
from ..properties import definitions
from ..users import read as user_read
from . import shape
from .write import identify

STRING_FILTERS = ("name", "fullname", "billingid", "primarydomain")


def locate_visible(ctx, el):
    key, value = identify(el)
    if key is None:
        raise SimError(34, "Customer not found: the request names no <name>, <fullname>, <id> or <billingid>.")
    rec = ctx.store.find_customer(key, value, within=ctx.visible_ids())
    if rec is None:
        raise SimError(34, "Customer '%s' not found." % value)
    return rec


def wants_detail(props_el):
    return (props_el.get("detail") or "").strip().lower() in ("true", "yes", "1", "-1")


# ----------------------------------------------------------------------- FIND
def _filters(ctx, el):
    wanted = {}
    for key in STRING_FILTERS:
        value = text_of(el, key)
        if value:
            wanted[key] = value.casefold()
    value = text_of(el, "id")
    if value:
        wanted["id"] = value
    value = text_of(el, "status")
    if value:
        wanted["status"] = ctx.parse_status(value, "<customer><status>")
    parent_el = el.find("parent")
    if parent_el is not None:
        key, value = identify(parent_el)
        if key is not None:
            parent = ctx.store.find_customer(key, value)
            wanted["parent_id"] = parent["id"] if parent is not None else -1
    return wanted


def _matches(rec, wanted):
    for key, value in wanted.items():
        if key == "id":
            if str(rec["id"]) != value:
                return False
        elif key == "status":
            if (rec.get("status") or "").lower() != value.lower():
                return False
        elif key == "parent_id":
            if rec.get("parent_id") != value:
                return False
        elif (rec.get(key) or "").casefold() != value:
            return False
    return True


def find(ctx, el):
    wanted = _filters(ctx, el)
    user_els = el.findall("user")
    service_els = el.findall("service")
    found = []
    for rec in ctx.visible_customers():
        if not _matches(rec, wanted):
            continue
        entry = shape.customer_summary(rec)
        for user_el in user_els:
            user_read.find_into(ctx, rec, user_el, entry)
        for service_el in service_els:
            for item in extensions.services().find_customer_services(ctx, rec, service_el):
                entry.append(item)
        found.append(entry)
    return found


# ----------------------------------------------------------------------- GET
def customer_properties(ctx, rec, detail):
    ou = shape.customer_ou(ctx.store, rec)
    return definitions.render(definitions.customer_defs(ctx.store.config),
                              lambda definition: definitions.customer_value(rec, definition, ou), detail)


def get(ctx, el):
    rec = locate_visible(ctx, el)
    out = shape.customer_detail(ctx.store, rec)
    props_el = el.find("properties")
    if props_el is not None:
        out.append(customer_properties(ctx, rec, wants_detail(props_el)))
    for user_el in el.findall("user"):
        out.extend(user_read.get_users(ctx, rec, user_el))
    for service_el in el.findall("service"):
        out.append(extensions.services().get_customer_service(ctx, rec, service_el))
    for child in el.findall("approvalproviders"):
        out.append(extensions.approvals().get_approvalproviders(ctx, rec, child))
    for child in el.findall("approvalresponses"):
        out.append(extensions.approvals().get_approvalresponses(ctx, rec, None, child))
    return [out]
