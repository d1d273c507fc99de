"""Customer elements in the shapes of the captures (CustomerFind.xml, CustomerGet.xml)."""

from lxml import etree

from ..core.xmlio import sub
from ..users.roles import render_roles


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
    render_roles(el, rec.get("roles", []))
    sub(el, "enabled", bool(rec.get("enabled", True)))
    sub(el, "status", rec.get("status"))
    sub(el, "approvalpending", bool(rec.get("approvalpending")))
    return el
