"""What each tag of a user SET does to the user record: names, UPN, password block, roles, places, properties.

Every function returns True when the record changed, so the caller knows whether to start an update request.
"""

import datetime
import re

from ..core.errors import SimError
from ..core.xmlio import text_of
from ..properties import definitions
from . import record, roles

TEXT_FIELDS = ("fullname", "firstname", "lastname", "phone", "customfield1", "customfield2")
_FIELD_PROPERTY = dict((field, prop) for prop, field in definitions.USER_FIELDS.items())
MANAGER = "manager"
_UPN = re.compile(r"^[^@\s]+@([^@\s]+)$")


def _set(rec, key, value):
    if rec.get(key) == value:
        return False
    rec[key] = value
    return True


def _check_field(field, value):
    prop = _FIELD_PROPERTY.get(field)
    definition = definitions.find_def(definitions.USER_DEFS, prop) if prop else None
    if definition is None:
        return value
    try:
        return definitions.check(definition, value, label="<%s>" % field)
    except SimError as exc:
        # user-level problems are InvalidUser (15) on this API, keeping the rule's message
        raise SimError(15 if exc.code == 1 else exc.code, exc.message) from None


def _upn(ctx, customer, rec, value):
    match = _UPN.match(value)
    if not match:
        raise SimError(15, "'%s' is not a valid UPN; use name@domain." % value)
    if match.group(1).casefold() not in [d.casefold() for d in customer.get("domains", [])]:
        raise SimError(15, "The UPN suffix '%s' is not one of customer '%s''s domains (%s)."
                       % (match.group(1), customer["name"], ", ".join(customer.get("domains", []))))
    if ctx.store.upn_in_use(value, except_id=rec["id"]):
        raise SimError(15, "The UPN '%s' is already in use by another user." % value)
    return value


def _date(value, code, what):
    try:
        return datetime.datetime.strptime(value, "%Y-%m-%d")
    except ValueError:
        raise SimError(code, "%s: '%s' cannot be read as a date; use YYYY-MM-DD or Never." % (what, value)) from None


def _password_block(ctx, customer, rec, pw_el):
    changed = False
    if len(pw_el):
        password, cnl, expires = (text_of(pw_el, "password"), text_of(pw_el, "changeatnextlogon"),
                                  text_of(pw_el, "expires"))
    else:
        password, cnl, expires = (pw_el.text or "").strip(), None, None
    policy = customer.get("password_policy", {})
    if password:
        if len(password) < int(policy.get("minimumlength", 7)):
            raise SimError(15, "The password does not meet the password policy of customer '%s' (minimum length %s)."
                           % (customer["name"], policy.get("minimumlength", 7)))
        rec["password"] = password
        changed = True
    if cnl:
        changed = _set(rec, "changeatnextlogon", ctx.parse_bool(cnl, "<password><changeatnextlogon>")) or changed
    if expires:
        if expires.casefold() == "never":
            if not policy.get("allowneverexpires"):
                raise SimError(35, "Passwords that never expire are not allowed for customer '%s'." % customer["name"])
            value = "Never"
        else:
            value = _date(expires, 37, "<password><expires>").strftime("%Y%m%d")
        changed = _set(rec, "password_expires", value) or changed
    return changed


def _roles(customer, roles_el):
    wanted = []
    for role_el in roles_el.findall("role"):
        text = (role_el.text or "").strip()
        found = roles.role(text) or next((r for r in roles.ROLES if r[1] == role_el.get("id")), None)
        if found is None or found[0] not in customer.get("roles", []):
            raise SimError(22, "Role '%s' not found." % (text or role_el.get("id")))
        if found[0] not in wanted:
            wanted.append(found[0])
    return wanted


def _place(customer, rec, key, value):
    """location/department: empty means Unassigned; a new name is added to the customer's list."""
    value = value or record.UNASSIGNED
    listing = customer.setdefault(key + "s", [record.UNASSIGNED])
    known = next((item for item in listing if item.casefold() == value.casefold()), None)
    if known is None:
        listing.append(value)
        known = value
    return _set(rec, key, known)


def _unlock(rec, locked):
    """Only unlocking is possible: an account is locked by failed logons, never through the API, so a request to
    lock changes nothing (tests lock an account with POST /_sim/lock)."""
    if locked:
        return False
    return _set(rec, "locked", False)


def _manager(ctx, customer, rec, value):
    """The manager property names a user of the same customer (the published rule is a user search, "A user must
    be specified"): by login (with or without _CODE), UPN or distinguished name (CN=login,...); stored as the
    manager's login. Workflow Managers approve along this chain (approvals/responses.py)."""
    if not value:
        return ""
    login = value[3:].split(",", 1)[0] if value[:3].upper() == "CN=" else value
    manager = ctx.lookup_user(customer, name=login) or ctx.lookup_user(customer, upn=login)
    if manager is None:
        raise SimError(15, "A user must be specified (manager: '%s' is not a user of customer '%s')."
                       % (value, customer["name"]))
    if manager["id"] == rec["id"]:
        raise SimError(15, "A user must be specified (manager: user '%s' cannot be its own manager)." % rec["name"])
    return manager["name"]


def _apply_properties(ctx, customer, rec, pairs):
    """Apply (definition, value) pairs from <properties> or <additionalproperties>; True when rec changed."""
    changed = False
    for definition, value in pairs:
        name = definition["name"]
        field = definitions.USER_FIELDS.get(name)
        if field == "name":
            if value.casefold() != rec["name"].casefold():
                raise SimError(15, "The user name (sAMAccountName) cannot be changed.")
        elif field == "upn":
            if value != rec["upn"]:
                changed = _set(rec, "upn", _upn(ctx, customer, rec, value)) or changed
        elif field in ("location", "department"):
            changed = _place(customer, rec, field, value) or changed
        elif field is not None:
            changed = _set(rec, field, _check_field(field, value)) or changed
        elif name == "Locked":
            changed = _unlock(rec, ctx.parse_bool(value, "property Locked")) or changed
        elif name == MANAGER:
            changed = _set(rec["properties"], name, _manager(ctx, customer, rec, value)) or changed
        else:
            changed = _set(rec["properties"], name, definitions.check(definition, value)) or changed
    return changed


def apply_fields(ctx, customer, rec, el):
    """Apply every updatable user field present in el; True when the record changed."""
    changed = False
    upn = text_of(el, "upn")
    if upn and upn != rec.get("upn"):
        changed = _set(rec, "upn", _upn(ctx, customer, rec, upn)) or changed
    for tag in TEXT_FIELDS + ("externalemail",):
        value = text_of(el, tag)
        if value is not None:
            changed = _set(rec, tag, _check_field(tag, value)) or changed
    for tag in ("location", "department"):
        value = text_of(el, tag)
        if value is not None:
            changed = _place(customer, rec, tag, value) or changed
    enabled = text_of(el, "enabled")
    if enabled:
        changed = _set(rec, "enabled", ctx.parse_bool(enabled, "<user><enabled>")) or changed
    locked = text_of(el, "locked")
    if locked:
        changed = _unlock(rec, ctx.parse_bool(locked, "<user><locked>")) or changed
    expires = text_of(el, "expires")
    if expires:
        value = "Never" if expires.casefold() == "never" else _date(expires, 36, "<user><expires>").strftime("%Y-%m-%d")
        changed = _set(rec, "expires", value) or changed
    pw_el = el.find("password")
    if pw_el is not None:
        changed = _password_block(ctx, customer, rec, pw_el) or changed
    roles_el = el.find("roles")
    if roles_el is not None:
        changed = _set(rec, "roles", _roles(customer, roles_el)) or changed
    props_el = el.find("properties")
    if props_el is not None:
        changed = _apply_properties(ctx, customer, rec, definitions.parse_set(props_el, definitions.USER_DEFS,
                                                                              "user")) or changed
    additional_el = el.find("additionalproperties")
    if additional_el is not None:
        changed = _apply_properties(ctx, customer, rec, definitions.parse_additional_set(additional_el)) or changed
    return changed
