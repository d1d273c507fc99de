"""Hosted Exchange contacts (guide: "Get Contacts", "Set Contact"), stored in the HE customer-service record.

GET filters by <displaynamefilter> and <syncfilter> and pages like distribution groups (core/paging.py). SET creates or
updates the contact identified by <syncobjectid>, <path> or <displayname>; like distribution groups (see there
why), a contact with <enabled>false</enabled> is deleted (the only contact-level flag of the guide's "Set Contact"
template); <selected> is not a contact tag and is ignored.
"""

from lxml import etree

from ..core import paging
from ..core.errors import SimError
from . import directory
from .membership import forget
from ..core.values import bool_text, children, norm, opt_bool, sub, text

FIELDS = ("displayname", "syncobjectid", "enabled", "path", "email", "emailalias", "firstname", "lastname",
          "initials", "jobtitle", "companyname", "businessphone", "businessfax", "homephone", "mobile", "webpage",
          "street", "city", "state", "country", "postcode", "hidefromaddresslists")
BOOL_FIELDS = ("enabled", "hidefromaddresslists")


def get_contacts(record, contacts_el):
    items = record.get("contacts") or []
    name_filter, sync_filter = text(contacts_el, "displaynamefilter"), text(contacts_el, "syncfilter")
    chosen = [item for item in items if paging.matches(name_filter, item["displayname"])
              and paging.matches(sync_filter, item["syncobjectid"])]
    out = etree.Element("contacts")
    for item in paging.page(chosen, contacts_el, "<contacts>"):
        el = sub(out, "contact")
        for field in FIELDS:
            value = item.get(field)
            sub(el, field, bool_text(value) if field in BOOL_FIELDS else value)
    return out


def _find(items, el):
    for field in ("syncobjectid", "path", "displayname"):
        value = text(el, field)
        if value:
            found = next((item for item in items if norm(item.get(field)) == norm(value)), None)
            if found is not None:
                return found
    return None


def set_contacts(ctx, customer, record, contacts_el):
    items = record.setdefault("contacts", [])
    staged, deleted = [], []
    for contact_el in children(contacts_el, "contact"):
        existing = _find(items, contact_el)
        if opt_bool(contact_el, "enabled", "<contact><enabled>") is False:
            if existing is not None:
                deleted.append(existing)
            continue
        name = text(contact_el, "displayname")
        if existing is None and not name:
            raise SimError(10, "Contact %s does not exist; a <displayname> is required to create it."
                           % directory.describe(contact_el))
        contact = dict(existing) if existing else _new(ctx, customer, name)
        for field in FIELDS:
            if field in BOOL_FIELDS:
                value = opt_bool(contact_el, field, "Contact '%s' <%s>" % (contact["displayname"], field))
            else:
                value = text(contact_el, field)
            if value is not None and (value != "" or field != "displayname"):
                contact[field] = value
        staged.append((existing, contact))
    for existing, contact in staged:
        if existing is None:
            items.append(contact)
        else:
            existing.update(contact)
    for contact in deleted:
        items.remove(contact)
        forget(customer, {"type": "contact", "id": contact["id"]})
    ctx.start_request("Update contacts of customer %s" % customer.get("name"), "Contact", customer.get("name"),
                      [], "Provisioned")


def _new(ctx, customer, name):
    contact = {field: "" for field in FIELDS}
    contact.update({"id": ctx.store.next_id("contact"), "displayname": name, "enabled": True,
                    "hidefromaddresslists": False,
                    "path": "CN=%s,OU=Contacts,%s" % (name, directory.customer_ou(customer))})
    return contact
