"""<location>: FIND, GET, SET and DELETE of the locations, the services they offer and their property defaults.

The guide (A 1855-1975, C11 1472-1550) says "You can FIND, GET, SET, and DELETE locations" but shows only FIND and
GET requests. The SET this simulator reads mirrors the GET answer, as the guide's rule for every entity says (A 211:
"a GET action ... will return a response that can then be used as the basis of the SET request"):

    <location><name>N</name>                                   the handle; an unknown name creates the location
      <service><name>HE</name></service>...                    the services offered: the list given replaces it
      <customer><customerproperties><property><name/><value/></property>...</customerproperties></customer>
      <user><additionalproperties><property><name/><value/></property>...</additionalproperties></user>
    </location>

A SET without <service> keeps the list; properties change one by one (those not named keep their value). DELETE
names the location by <name>: unknown is error 20 (LocationNotFound), one a customer still has as its <location>
is error 27 (LocationError, Appendix A: "The <LocationName> can not be deleted as it is in use"), naming them.
Locations are the service provider's: a SET or DELETE by a caller whose customer has a parent (a reseller or a
customer below one) is error 12.

Location records: {"id", "name", "services": None (the catalogue's list for that name) or [codes],
"customer_properties": {name: value}, "user_properties": {name: value}} (values override the definitions' defaults).
"""

from lxml import etree

from ..properties import definitions
from ..core.context import optional_module
from ..core.errors import SimError
from ..core.xmlio import sub, text_of


# Appendix B of the guide: the services a location offers when the service catalogue is not installed.
DEFAULT_SERVICES = (("ADSync", "AD Sync"), ("CRM2011", "Customer Relationship Management 2011"), ("DNS", "DNS"),
                    ("FSS", "File Sharing"), ("HostedAppsandDesktops", "Hosted Apps and Desktops"),
                    ("HE", "Hosted Exchange"), ("MARCH", "Mail Archiving"), ("MySQL", "MySQL"),
                    ("Reseller", "Reseller"), ("WinWebHost", "Windows Web-Hosting"))


def _catalogue():
    catalogue = optional_module("services.catalogue")
    return catalogue if catalogue is not None and hasattr(catalogue, "location_services") else None


def _known_services():
    """[(code, display name)] of every service the server knows."""
    catalogue = _catalogue()
    if catalogue is None:
        return list(DEFAULT_SERVICES)
    return [(entry["name"], entry["fullname"]) for entry in catalogue.SERVICES.values()]


def _service_items(ctx, place, service_el):
    """<service> elements of the services the location offers, filtered by the <name>/<fullname> of service_el."""
    name, fullname = text_of(service_el, "name"), text_of(service_el, "fullname")
    if place.get("services") is None and _catalogue() is not None:
        return _catalogue().location_services(ctx, place["name"], service_el)
    known = _known_services()
    offered = known if place.get("services") is None else [item for item in known if item[0] in place["services"]]
    found = []
    for code, label in offered:
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
        for item in _service_items(ctx, place, service_el):
            out.append(item)
    return out


def _customer_defs(ctx):
    return definitions.customer_defs(ctx.store.config)


def _user_defs():
    return [item for item in definitions.USER_DEFS if item.get("adattribute")]


def _properties(defs, overrides, tag):
    props = definitions.render(defs, lambda d: overrides.get(d["name"], d["default"]), True)
    props.tag = tag
    return props


def _find(ctx, name):
    wanted = (name or "").strip().casefold()
    return next((loc for loc in ctx.store.locations if loc["name"].casefold() == wanted), None)


def _get(ctx, el, place):
    out = _location_el(ctx, place, el.findall("service") or [etree.Element("service")])
    customer_el = el.find("customer")
    if customer_el is not None and customer_el.find("customerproperties") is not None:
        sub(out, "customer").append(_properties(_customer_defs(ctx), place.get("customer_properties") or {},
                                                "customerproperties"))
    user_el = el.find("user")
    if user_el is not None and user_el.find("additionalproperties") is not None:
        sub(out, "user").append(_properties(_user_defs(), place.get("user_properties") or {}, "additionalproperties"))
    return out


# Customer properties that are another view of a customer field or policy (properties/definitions.py): a location
# default does not override what the SET of the customer sets through its own tags.
_COMPUTED = ("MinimumPasswordLength", "PasswordBannerDisplayDays", "Enabled", "CustomerFullPath")


def apply_customer_defaults(ctx, rec):
    """A customer created at a location takes the location's customer property defaults (those its SET did not
    set): what the location's GET calls "the properties available for a customer in the specified location"."""
    place = _find(ctx, rec.get("location"))
    for name, value in ((place or {}).get("customer_properties") or {}).items():
        if name in definitions.CUSTOMER_FIELDS or name in _COMPUTED or name in rec.setdefault("properties", {}):
            continue
        rec["properties"][name] = value


def _require_provider(ctx, name):
    """Only the service provider's administrators manage locations: a caller whose customer has a parent is refused."""
    customer = ctx.caller_customer
    if customer is None or customer.get("parent_id") is not None:
        raise SimError(12, "You are not authorized to %s location '%s': locations are managed by the service "
                           "provider's administrators." % ("delete" if ctx.action == "DELETE" else "change", name),
                       401)


def _parse_services(location_el):
    """The codes the SET's <service> items name (by <name> or <fullname>, case-insensitively); error 21 if unknown."""
    known = _known_services()
    codes = []
    for service_el in location_el.findall("service"):
        wanted = [value.casefold() for value in (text_of(service_el, "name"), text_of(service_el, "fullname")) if value]
        if not wanted:
            raise SimError(10, "A <service> of a location needs a <name> (e.g. HE) or a <fullname>.")
        code = next((code for code, label in known if code.casefold() in wanted or label.casefold() in wanted), None)
        if code is None:
            raise SimError(21, "Service '%s' does not exist or has not been configured. Known services: %s."
                           % (wanted[0], ", ".join(code for code, _label in known)))
        if code not in codes:
            codes.append(code)
    return codes


def _parse_properties(container, defs, what):
    """{definition name: value} from <property><name/><value/></property> items; error 19 for an unknown name."""
    values = {}
    if container is None:
        return values
    for prop in container.findall("property"):
        name = text_of(prop, "name") or ""
        definition = definitions.find_def(defs, name)
        if definition is None:
            raise SimError(19, "Property '%s' is not one of the %s of a location." % (name, what))
        value = text_of(prop, "value") or ""
        # A default follows the rule the server publishes for the property (an empty one stays allowed).
        values[definition["name"]] = definitions.check(definition, value, None, None) if value else value
    return values


def _set(ctx, el):
    name = (text_of(el, "name") or "").strip()
    if not name:
        raise SimError(3, "A <location> SET needs a <name>.")
    _require_provider(ctx, name)
    # Everything is validated before anything changes.
    services = _parse_services(el) if el.find("service") is not None else None
    customer_values = _parse_properties(el.find("customer/customerproperties"), _customer_defs(ctx),
                                        "customer properties")
    user_values = _parse_properties(el.find("user/additionalproperties"), _user_defs(), "user additional properties")
    place = _find(ctx, name)
    if place is None:
        place = {"id": ctx.store.next_id("location", 2), "name": name, "services": None, "customer_properties": {},
                 "user_properties": {}}
        ctx.store.locations.append(place)
        ctx.mark_changed()
    if services is not None and services != place.get("services"):
        place["services"] = services
        ctx.mark_changed()
    for key, values in (("customer_properties", customer_values), ("user_properties", user_values)):
        stored = place.setdefault(key, {})
        for prop, value in values.items():
            if stored.get(prop) != value:
                stored[prop] = value
                ctx.mark_changed()
    return []


def _delete(ctx, el):
    name = (text_of(el, "name") or "").strip()
    _require_provider(ctx, name)
    place = _find(ctx, name)
    if place is None:
        raise SimError(20, "Location '%s' not found." % name)
    users = sorted((rec for rec in ctx.store.customers.values()
                    if (rec.get("location") or "").casefold() == place["name"].casefold()), key=lambda rec: rec["id"])
    if users:
        named = ", ".join("%s (%s)" % (rec["name"], rec["fullname"]) for rec in users)
        raise SimError(27, "The location '%s' can not be deleted as it is in use by %d customer(s): %s."
                       % (place["name"], len(users), named))
    ctx.store.locations.remove(place)
    ctx.mark_changed()
    return []


def location(ctx, el):
    if ctx.action == "SET":
        return _set(ctx, el)
    if ctx.action == "DELETE":
        return _delete(ctx, el)
    name = text_of(el, "name")
    if ctx.action == "FIND":
        matches = [loc for loc in ctx.store.locations if not name or loc["name"].casefold() == name.casefold()]
        return [_location_el(ctx, loc, el.findall("service")) for loc in matches]
    place = _find(ctx, name) if name else None
    if place is None:
        raise SimError(20, "Location '%s' not found." % (name or ""))
    return [_get(ctx, el, place)]
