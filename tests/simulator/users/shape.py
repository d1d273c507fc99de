"""User elements in the shapes of the captures (UserServicesFindAll.xml, UserGet.xml)."""

from lxml import etree

from ..core.xmlio import sub
from .roles import render_roles


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
    mailbox = (rec.get("services") or {}).get("HE") or {}
    reply = mailbox.get("replyaddress")
    primary = reply or (rec.get("upn") or "").lower()
    sub(addresses, "address", primary, primary="True")
    # The mailbox's other SMTP addresses (<emailaddresses> of the user's HE SET) follow as primary="False" items while
    # the mailbox is there (services/user.py).
    if mailbox.get("status") not in (None, "NotProvisioned"):
        for address in mailbox.get("emailaddresses") or []:
            if address.casefold() != primary.casefold():
                sub(addresses, "address", address, primary="False")
    sub(el, "x500proxyaddresses")
    render_roles(el, rec.get("roles", []))
    sub(el, "locked", bool(rec.get("locked")))
    sub(el, "enabled", bool(rec.get("enabled", True)))
    sub(el, "status", rec.get("status"))
    sub(el, "approvalpending", bool(rec.get("approvalpending")))
    return el
