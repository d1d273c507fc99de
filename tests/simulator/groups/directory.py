"""The customer's Exchange directory as distribution groups see it: users, groups and contacts.

A member, owner or group is named in requests by <displayname>, <email>, <path> (distinguished name) or
<syncobjectid>; stored references are {"type": "user"|"group"|"contact", "id": ...} so that renaming an object
does not break the lists it is in. Lookup order: syncobjectid, path, email, then display name (the most specific
identifier first); a user also answers to its login name and UPN.
"""

from ..services.records import stored, user_record
from ..core.values import bool_text, norm, sub, text

DOMAIN_DN = "DC=pp-exchange,DC=local"
IDENTIFIERS = ("syncobjectid", "path", "email", "displayname")


def customer_ou(customer):
    return "OU=%s(%s),OU=Customers,%s" % (customer.get("fullname"), customer.get("name"), DOMAIN_DN)


def group_path(customer, displayname):
    return "CN=%s,OU=Distribution Groups,%s" % (displayname, customer_ou(customer))


def user_view(customer, user):
    """A user as a directory object: displayname, email, path, syncobjectid, enabled."""
    service = user_record(user, "HE") or {}
    return {
        "displayname": user.get("fullname") or user.get("name"),
        "email": service.get("replyaddress") or (user.get("upn") or "").lower(),
        "path": "CN=%s,%s" % (user.get("name"), customer_ou(customer)),
        "syncobjectid": user.get("syncobjectid") or "",
        "enabled": bool(user.get("enabled", True)),
        "aliases": [user.get("name"), user.get("upn")],
    }


def contacts_of(customer):
    return (stored(customer, "HE") or {}).get("contacts") or []


def _candidates(ctx, customer, kinds):
    if "user" in kinds:
        for user in ctx.users_of(customer):
            yield {"type": "user", "id": user["id"]}, user_view(customer, user)
    if "group" in kinds:
        for group in customer.get("distgroups") or []:
            yield {"type": "group", "id": group["id"]}, group
    if "contact" in kinds:
        for contact in contacts_of(customer):
            yield {"type": "contact", "id": contact["id"]}, contact


def resolve(ctx, customer, el, kinds=("user", "group", "contact")):
    """The reference of the object the element names, or None. Raises nothing: callers word the error."""
    given = [(field, text(el, field)) for field in IDENTIFIERS if text(el, field)]
    if not given:
        return None
    candidates = list(_candidates(ctx, customer, kinds))
    for field, value in given:
        for ref, view in candidates:
            if norm(view.get(field)) == norm(value):
                return ref
            if field == "displayname" and any(norm(alias) == norm(value) for alias in view.get("aliases") or ()):
                return ref
            if field == "email" and any(norm(alias) == norm(value) for alias in view.get("aliases") or ()):
                return ref
    return None


def describe(el):
    """How the request named an object, for error messages."""
    given = ["%s '%s'" % (field, text(el, field)) for field in IDENTIFIERS if text(el, field)]
    return " / ".join(given) or "(no displayname, email, path or syncobjectid given)"


def view_of(ctx, customer, ref):
    """The directory view of a stored reference, or None when the object no longer exists."""
    if ref["type"] == "user":
        user = ctx.store.users.get(ref["id"])
        if user is None or user.get("customer_id") != customer["id"]:
            return None
        return user_view(customer, user)
    pool = customer.get("distgroups") if ref["type"] == "group" else contacts_of(customer)
    return next((item for item in pool or [] if item["id"] == ref["id"]), None)


def render_ref(parent, tag, view, extra=()):
    """<tag> with displayname, syncobjectid, path, email, enabled (the guide's member shape) plus extra pairs."""
    el = sub(parent, tag)
    sub(el, "displayname", view.get("displayname"))
    sub(el, "syncobjectid", view.get("syncobjectid"))
    sub(el, "path", view.get("path"))
    sub(el, "email", view.get("email"))
    sub(el, "enabled", bool_text(view.get("enabled", True)))
    for key, value in extra:
        sub(el, key, value)
    return el
