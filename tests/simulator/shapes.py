"""Customer and user elements in the shapes of the captures (CustomerFind.xml, CustomerGet.xml, UserGet.xml)."""

from lxml import etree

from . import roles
from .xmlio import sub


def customer_ou(store, rec):
    """'Customers' below the service provider, 'Demo Also(DA),Customers' one reseller further down."""
    parts = []
    parent = store.customers.get(rec.get("parent_id"))
    while parent is not None and parent.get("parent_id") is not None:
        parts.append("%s(%s)" % (parent["fullname"], parent["name"]))
        parent = store.customers.get(parent.get("parent_id"))
    parts.append("Customers")
    return ",".join(parts)


def customer_summary(rec):
    """FIND entry: no parent, contact or properties (DESIGN point 12)."""
    el = etree.Element("customer")
    sub(el, "name", rec["name"])
    sub(el, "id", rec["id"])
    sub(el, "fullname", rec["fullname"])
    sub(el, "billingid", rec.get("billingid"))
    sub(el, "primarydomain", rec.get("primarydomain"))
    sub(el, "status", rec.get("status"))
    sub(el, "approvalpending", bool(rec.get("approvalpending")))
    return el


def _role_list(parent, names):
    box = sub(parent, "roles")
    for name in names:
        sub(box, "role", name, id=roles.role_id(name))
    return box


def customer_detail(store, rec):
    """GET shape, tag for tag as in CustomerGet.xml."""
    el = etree.Element("customer")
    sub(el, "name", rec["name"])
    sub(el, "id", rec["id"])
    sub(el, "fullname", rec["fullname"])
    sub(el, "location", rec.get("location"))
    sub(el, "billingid", rec.get("billingid"))
    sub(el, "primarydomain", rec.get("primarydomain"))
    parent = store.customers.get(rec.get("parent_id"))
    if parent is not None:
        block = sub(el, "parent")
        for tag in ("name", "id", "fullname", "billingid", "primarydomain"):
            sub(block, tag, parent.get(tag))
    for tag in ("contactname", "contactemail", "address", "phone", "fax"):
        sub(el, tag, rec.get(tag))
    sub(el, "customerou", customer_ou(store, rec))
    sub(el, "customeroustructure", rec.get("properties", {}).get("OrganisationalStructure", "ungrouped"))
    domains = sub(el, "domains")
    for domain in rec.get("domains", []):
        sub(domains, "domain", domain)
    for box_tag, key in (("locations", "locations"), ("departments", "departments")):
        box = sub(el, box_tag)
        for name in rec.get(key, []):
            sub(box, "name", name)
    policy = rec.get("password_policy", {})
    password = sub(el, "password")
    sub(password, "minimumlength", policy.get("minimumlength", 7))
    sub(password, "bannerdisplaydays", policy.get("bannerdisplaydays", 0))
    sub(password, "changeatnextlogon", bool(policy.get("changeatnextlogon")))
    sub(password, "allowneverexpires", bool(policy.get("allowneverexpires")))
    _role_list(el, rec.get("roles", []))
    sub(el, "enabled", bool(rec.get("enabled", True)))
    sub(el, "status", rec.get("status"))
    sub(el, "approvalpending", bool(rec.get("approvalpending")))
    return el


def user_summary(rec):
    """FIND entry as in UserServicesFindAll.xml."""
    el = etree.Element("user")
    for tag in ("name", "id", "fullname", "upn", "location", "department", "status"):
        sub(el, tag, rec.get(tag))
    sub(el, "approvalpending", bool(rec.get("approvalpending")))
    return el


def user_detail(rec):
    """GET shape as in UserGet.xml; the password itself is never written, only its settings."""
    el = etree.Element("user")
    for tag in ("name", "id", "fullname", "upn", "firstname", "lastname", "externalemail", "location",
                "department", "phone", "customfield1", "customfield2", "expires"):
        sub(el, tag, rec.get(tag))
    sub(el, "legacyexchangedn")
    sub(el, "securityquestions")
    password = sub(el, "password")
    sub(password, "changeatnextlogon", bool(rec.get("changeatnextlogon")))
    sub(password, "expires", rec.get("password_expires"))
    addresses = sub(el, "addresses")
    # The primary address is the mailbox's reply address when one is set (UserServiceGet.xml shows them equal),
    # so a user's <addresses> and its entry in a distribution group (directory.user_view) name the same address.
    reply = ((rec.get("services") or {}).get("HE") or {}).get("replyaddress")
    sub(addresses, "address", reply or (rec.get("upn") or "").lower(), primary="True")
    sub(el, "x500proxyaddresses")
    _role_list(el, rec.get("roles", []))
    sub(el, "locked", bool(rec.get("locked")))
    sub(el, "enabled", bool(rec.get("enabled", True)))
    sub(el, "status", rec.get("status"))
    sub(el, "approvalpending", bool(rec.get("approvalpending")))
    return el
