"""Service, plan and instance properties: <properties>, <properties detail="true">, <properties filter="all">.

Values are stored as a plain dict name -> text. Hidden properties (visible=False) only appear with filter="all",
as the guide describes. A SET changes only the properties it names.
"""

from ..core.errors import SimError
from ..core.values import bool_text, child, children, norm, sub, text


def defaults(definitions):
    return {entry["name"]: entry["default"] for entry in definitions}


def wants_all(props_el):
    return norm(props_el.get("filter")) == "all"


def wants_detail(props_el):
    return norm(props_el.get("detail")) in ("true", "yes", "1", "-1")


def render(parent, definitions, values, props_el):
    """Append <properties> as asked for by the request's <properties> element (its attributes decide the shape)."""
    out = sub(parent, "properties")
    show_all = wants_all(props_el)
    detail = wants_detail(props_el)
    for order, entry in enumerate(definitions, start=1):
        if not entry["visible"] and not show_all:
            continue
        value = values.get(entry["name"], entry["default"])
        prop_el = sub(out, "property")
        sub(prop_el, "name", entry["name"])
        if not detail:
            sub(prop_el, "value", value)
            continue
        sub(prop_el, "fullname", entry["fullname"])
        sub(prop_el, "mandatory", bool_text(entry["mandatory"]))
        sub(prop_el, "value", value)
        sub(prop_el, "category", entry["category"] or None)
        sub(prop_el, "description", entry["description"] or None)
        sub(prop_el, "sortorder", order * 10)
        sub(prop_el, "visible", bool_text(entry["visible"]))
        sub(prop_el, "readonly", bool_text(entry["readonly"]))
        sub(prop_el, "adattribute")
        _render_validation(prop_el, entry)
    return out


def _render_validation(prop_el, entry):
    validation = sub(prop_el, "validation")
    if entry["options"]:
        sub(validation, "name", entry["name"] + "Options")
        sub(validation, "type", "SQLQueryDDL")
        sub(validation, "errormessage", "A valid %s must be selected" % entry["fullname"])
        options = sub(validation, "options")
        for option in entry["options"]:
            option_el = sub(options, "option")
            sub(option_el, "name", option)
            sub(option_el, "value", option)
    else:
        sub(validation, "name", "Text")
        sub(validation, "type", "Text")
        sub(validation, "errormessage")


def apply(definitions, values, props_el, what):
    """Return a new values dict with the request's <property> entries applied (only the given keys change).

    Unknown or read-only names and values outside a property's option list raise error 19 (InvalidProperty).
    """
    updated = dict(values)
    if props_el is None:
        return updated
    by_key = {norm(entry["name"]): entry for entry in definitions}
    for prop_el in children(props_el, "property"):
        name = text(prop_el, "name") or ""
        entry = by_key.get(norm(name))
        if entry is None:
            known = ", ".join(item["name"] for item in definitions) or "none"
            raise SimError(19, "%s has no property '%s'. Known properties: %s." % (what, name, known))
        if entry["readonly"]:
            raise SimError(19, "%s: property '%s' is read-only." % (what, entry["name"]))
        value = text(prop_el, "value", "")
        if entry["options"] and value:
            match = [option for option in entry["options"] if norm(option) == norm(value)]
            if not match:
                raise SimError(19, "%s: '%s' is not a valid value for property '%s'. Valid values: %s."
                               % (what, value, entry["name"], ", ".join(entry["options"])))
            value = match[0]
        updated[entry["name"]] = value
    return updated


def check_required(definitions, values, names, what):
    """Error 10 naming each required property that has no value yet."""
    for name in names:
        if not values.get(name):
            entry = next(item for item in definitions if item["name"] == name)
            hint = " (one of %s)" % ", ".join(entry["options"]) if entry["options"] else ""
            raise SimError(10, "%s requires the property '%s'%s. Send it as <properties><property><name>%s</name>"
                           "<value>...</value></property></properties>." % (what, name, hint, name))


def requested(el):
    """The request's <properties> element (asking for properties in a GET), or None."""
    return child(el, "properties")
