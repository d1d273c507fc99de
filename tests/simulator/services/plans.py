"""Customer plans (<package>) and user plans (<userplan>, or <userpackage> for Hosted Exchange) of a customer service.

Stored in the customer-service record as
    "package": name of the one enabled customer plan (or None),
    "userplans": {plan name: {"enabled": bool, "userlimit": int | "Unlimited", "properties": {...}}}.

Defaults documented by the guide ("Provisioning Services", "Querying Services"):
- no customer plan given when provisioning -> the first one is enabled; only one can be enabled at a time;
- no user plan given when provisioning -> all are enabled;
- a user plan listed with <enabled>False</enabled> is disabled; a user plan listed on the first provisioning
  without an <enabled> tag is disabled too ("The Userpackage tag must include an Enabled tag set to True;
  otherwise, it will be disabled by default"), while on later updates a missing <enabled> leaves it as it is.
"""

from ..core.errors import SimError
from . import properties
from .catalogue import find_plan
from ..core.values import UNLIMITED, bool_text, children, limit_text, opt_bool, parse_limit, sub, text


def default_userplans(definition):
    return {entry["name"]: {"enabled": True, "userlimit": UNLIMITED, "properties": {}}
            for entry in definition["userplans"]}


def default_package(definition):
    return definition["packages"][0]["name"] if definition["packages"] else None


def _plan_from(el, plans, kind, service_name):
    name, fullname = text(el, "name"), text(el, "fullname")
    entry = find_plan(plans, name, fullname)
    if entry is None:
        known = ", ".join("%s (%s)" % (item["name"], item["fullname"]) for item in plans) or "none"
        raise SimError(10, "Service '%s' has no %s '%s'. Available: %s."
                       % (service_name, kind, name or fullname or "", known))
    return entry


def apply_packages(definition, record, service_el):
    """Enable the requested customer plan. Enabling one disables the others; none left enabled -> the first."""
    current = record.get("package")
    for package_el in children(service_el, "package"):
        entry = _plan_from(package_el, definition["packages"], "customer plan (<package>)", definition["name"])
        enabled = opt_bool(package_el, "enabled", "package %s <enabled>" % entry["name"], default=True)
        if enabled:
            current = entry["name"]
        elif current == entry["name"]:
            current = None
    record["package"] = current or default_package(definition)


def apply_userplans(definition, record, service_el, first_time, usage):
    """Apply <userplan>/<userpackage> entries; usage maps plan name -> number of users holding it."""
    tag = definition["plan_tag"]
    plans = record.setdefault("userplans", default_userplans(definition))
    for plan_el in children(service_el, tag):
        entry = _plan_from(plan_el, definition["userplans"], "user plan (<%s>)" % tag, definition["name"])
        state = plans.setdefault(entry["name"], {"enabled": True, "userlimit": UNLIMITED, "properties": {}})
        what = "%s %s" % (tag, entry["name"])
        enabled = opt_bool(plan_el, "enabled", what + " <enabled>", default=False if first_time else None)
        if enabled is False and usage.get(entry["name"]):
            raise SimError(10, "User plan '%s' of service '%s' cannot be disabled: %d user(s) still have it. "
                           "De-provision it from those users first."
                           % (entry["name"], definition["name"], usage[entry["name"]]))
        if enabled is not None:
            state["enabled"] = enabled
        limit = text(plan_el, "userlimit")
        if limit:
            state["userlimit"] = parse_limit(limit, what + " <userlimit>")
        state["properties"] = properties.apply(entry["properties"], state.get("properties", {}),
                                               plan_el.find("properties"), what)


def render(parent, definition, record, usage, service_el):
    """Append every user plan and customer plan, with properties when the request asks for them per plan."""
    tag = definition["plan_tag"]
    plans = record.get("userplans") or default_userplans(definition)
    asked = {entry["name"]: plan_el for plan_el in children(service_el, tag)
             for entry in [find_plan(definition["userplans"], text(plan_el, "name"), text(plan_el, "fullname"))]
             if entry is not None}
    for entry in definition["userplans"]:
        state = plans.get(entry["name"], {"enabled": False, "userlimit": UNLIMITED})
        plan_el = sub(parent, tag)
        sub(plan_el, "name", entry["name"])
        sub(plan_el, "fullname", entry["fullname"])
        sub(plan_el, "userlimit", limit_text(state.get("userlimit")))
        sub(plan_el, "used", bool_text(usage.get(entry["name"], 0) > 0))
        sub(plan_el, "enabled", bool_text(state.get("enabled")))
        props_el = properties.requested(asked.get(entry["name"]))
        if props_el is not None:
            properties.render(plan_el, entry["properties"], state.get("properties", {}), props_el)
    package = record.get("package", default_package(definition))
    for entry in definition["packages"]:
        package_el = sub(parent, "package")
        sub(package_el, "name", entry["name"])
        sub(package_el, "fullname", entry["fullname"])
        sub(package_el, "enabled", bool_text(entry["name"] == package))


def enabled_plan(definition, record, name, fullname):
    """The plan definition a user asks for, checked to exist and to be enabled for the customer (error 10)."""
    tag = definition["plan_tag"]
    entry = find_plan(definition["userplans"], name, fullname)
    if entry is None:
        known = ", ".join(item["name"] for item in definition["userplans"]) or "none"
        raise SimError(10, "Service '%s' has no user plan <%s> '%s'. Available: %s."
                       % (definition["name"], tag, name or fullname or "", known))
    state = (record.get("userplans") or {}).get(entry["name"])
    if not state or not state.get("enabled"):
        raise SimError(10, "User plan '%s' of service '%s' is not enabled for this customer. Enable it on the "
                       "customer service first (<%s><name>%s</name><enabled>True</enabled></%s>)."
                       % (entry["name"], definition["name"], tag, entry["name"], tag))
    return entry


def first_enabled(definition, record):
    plans = record.get("userplans") or {}
    for entry in definition["userplans"]:
        if plans.get(entry["name"], {}).get("enabled"):
            return entry
    return None
