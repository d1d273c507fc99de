"""GET <identity>: the calling user and its customer (the guide's "Get Requesters' details")."""

from lxml import etree

from ..core.xmlio import sub
from .readonly import read_only


def identity(ctx, el):
    read_only(ctx, "<identity>")
    customer = ctx.caller_customer
    user = ctx.caller
    out = etree.Element("identity")
    cust = sub(out, "customer")
    for tag in ("name", "id", "fullname", "billingid", "primarydomain"):
        sub(cust, tag, customer.get(tag))
    user_el = sub(cust, "user")
    for tag in ("name", "id", "fullname", "upn", "location", "department"):
        sub(user_el, tag, user.get(tag))
    return [out]
