"""What each tag of a customer SET does to the customer record: text fields (by the published rules), domains,
properties, enabled, location, and the blocks of settings.py. Each function returns True when the record changed.
"""

import re

from ..core.errors import SimError
from ..core.xmlio import text_of
from ..properties import definitions
from . import settings

TEXT_FIELDS = ("fullname", "contactname", "contactemail", "address", "phone", "fax", "billingid")
_DOMAIN = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$")


def unique_fullname(ctx, fullname, rec):
    other = ctx.store.find_customer("fullname", fullname)
    if other is not None and other is not rec:
        raise SimError(1, "A customer with the full name '%s' already exists (code %s)." % (fullname, other["name"]))


def domain(value):
    if not _DOMAIN.match(value or ""):
        raise SimError(1, "'%s' is not a valid domain name." % value)
    return value


def _set(rec, key, value):
    if rec.get(key) == value:
        return False
    rec[key] = value
    return True


def _apply_properties(ctx, rec, props_el):
    changed = False
    for definition, value in definitions.parse_set(props_el, definitions.customer_defs(ctx.store.config), "customer"):
        name = definition["name"]
        value = definitions.check(definition, value, ctx, rec)
        field = definitions.CUSTOMER_FIELDS.get(name)
        if field == "name":
            if value.casefold() != rec["name"].casefold():
                raise SimError(1, "The customer code (ShortName) cannot be changed.")
        elif field is not None:
            if field == "fullname":
                unique_fullname(ctx, value, rec)
            changed = _set(rec, field, value) or changed
        elif name in ("MinimumPasswordLength", "PasswordBannerDisplayDays"):
            key = "minimumlength" if name == "MinimumPasswordLength" else "bannerdisplaydays"
            changed = _set(rec["password_policy"], key, int(value)) or changed
        elif name == "Enabled":
            changed = _set(rec, "enabled", ctx.parse_bool(value, "property Enabled")) or changed
        else:
            changed = _set(rec["properties"], name, value) or changed
    return changed


def _apply_domains(rec, el):
    changed = False
    primary = text_of(el, "primarydomain")
    if primary is not None and primary.casefold() != (rec.get("primarydomain") or "").casefold():
        rec["primarydomain"] = domain(primary)
        if primary.casefold() not in [d.casefold() for d in rec["domains"]]:
            rec["domains"] = [primary] + rec["domains"]
        changed = True
    domains_el = el.find("domains")
    if domains_el is not None:
        wanted = []
        for domain_el in domains_el.findall("domain"):
            value = domain((domain_el.text or "").strip())
            if value.casefold() not in [d.casefold() for d in wanted]:
                wanted.append(value)
        if rec["primarydomain"].casefold() not in [d.casefold() for d in wanted]:
            raise SimError(1, "The primary domain '%s' must stay in <domains>; change <primarydomain> first."
                           % rec["primarydomain"])
        changed = _set(rec, "domains", wanted) or changed
    return changed


def apply_fields(ctx, rec, el, creating=False):
    """Apply every updatable field present in el; True when the record changed."""
    changed = False
    for tag in TEXT_FIELDS:
        value = text_of(el, tag)
        if value is None:
            continue
        value = definitions.check_customer_field(tag, value, ctx, rec)
        if tag == "fullname":
            unique_fullname(ctx, value, rec)
        changed = _set(rec, tag, value) or changed
    changed = _apply_domains(rec, el) or changed
    props_el = el.find("properties")
    if props_el is not None:
        changed = _apply_properties(ctx, rec, props_el) or changed
    enabled = text_of(el, "enabled")
    if enabled:
        changed = _set(rec, "enabled", ctx.parse_bool(enabled, "<customer><enabled>")) or changed
    location = text_of(el, "location")
    if location:
        known = next((loc["name"] for loc in ctx.store.locations if loc["name"].casefold() == location.casefold()), None)
        if known is None:
            raise SimError(20, "Location '%s' not found." % location)
        if not creating and known != rec.get("location"):
            raise SimError(1, "The location of customer '%s' ('%s') is chosen when the customer is created and "
                              "cannot be changed." % (rec["name"], rec.get("location")))
        changed = _set(rec, "location", known) or changed
    changed = settings.apply(ctx, rec, el, ctx.users_of(rec)) or changed
    return changed
