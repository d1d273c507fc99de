"""<location>: FIND and GET of the locations and the services they offer (customer/user property defaults)."""

from lxml import etree

from ..properties import definitions
from ..core.context import optional_module
from ..core.errors import SimError
from ..core.xmlio import sub, text_of
from .readonly import read_only


# Appendix B of the guide: the services a location offers when the service catalogue is not installed.
DEFAULT_SERVICES = (("ADSync", "AD Sync"), ("CRM2011", "Customer Relationship Management 2011"), ("DNS", "DNS"),
                    ("FSS", "File Sharing"), ("HostedAppsandDesktops", "Hosted Apps and Desktops"),
                    ("HE", "Hosted Exchange"), ("MARCH", "Mail Archiving"), ("MySQL", "MySQL"),
                    ("Reseller", "Reseller"), ("WinWebHost", "Windows Web-Hosting"))


def _services(ctx, place, service_el):
    catalogue = optional_module("services.catalogue")
    if catalogue is not None and hasattr(catalogue, "location_services"):
        return catalogue.location_services(ctx, place["name"], service_el)
    name, fullname = text_of(service_el, "name"), text_of(service_el, "fullname")
    found = []
    for code, label in DEFAULT_SERVICES:
        if (name and name.casefold() != code.casefold()) or (fullname and fullname.casefold() != label.casefold()):
            continue
        item = etree.Element("service")
        sub(item, "name", code)
        sub(item, "fullname", label)
        found.append(item)
    return found


def _location_el(ctx, place, service_els):
    out = etree.Element("location")
    sub(out, "name", place["name"])
    sub(out, "id", place["id"])
    for service_el in service_els:
        for item in _services(ctx, place, service_el):
            out.append(item)
    return out


def location(ctx, el):
    read_only(ctx, "<location>", ("FIND", "GET"))
    name = text_of(el, "name")
    matches = [loc for loc in ctx.store.locations if not name or loc["name"].casefold() == name.casefold()]
    if ctx.action == "FIND":
        return [_location_el(ctx, loc, el.findall("service")) for loc in matches]
    if not name or not matches:
        raise SimError(20, "Location '%s' not found." % (name or ""))
    out = _location_el(ctx, matches[0], el.findall("service") or [etree.Element("service")])
    customer_el = el.find("customer")
    if customer_el is not None and customer_el.find("customerproperties") is not None:
        box = sub(out, "customer")
        props = definitions.render(definitions.customer_defs(ctx.store.config), lambda d: d["default"], True)
        props.tag = "customerproperties"
        box.append(props)
    user_el = el.find("user")
    if user_el is not None and user_el.find("additionalproperties") is not None:
        box = sub(out, "user")
        props = definitions.render([d for d in definitions.USER_DEFS if d.get("adattribute")], lambda d: d["default"],
                                   True)
        props.tag = "additionalproperties"
        box.append(props)
    return [out]
