"""Customer and user <properties>: the published definitions, rendering, and validation on SET.

The definitions in data/*.json were extracted once from CustomerGetProperties.xml and UserGetProperties.xml (name,
label, category, flags and the validation rule the server publishes); values come from the records. Some
properties are another view of a record field (FullName is the customer's fullname, sn the user's lastname):
reading shows the field, writing goes through the same checks as the field itself.
"""

import json
import os
import re

from lxml import etree

from ..core.errors import SimError
from ..core.xmlio import sub
from ..customers import rules as customer_rules

_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")

CUSTOMER_FIELDS = {"FullName": "fullname", "ShortName": "name", "ContactName": "contactname",
                   "ContactEmailAddress": "contactemail", "Address": "address", "Phone": "phone", "FAX": "fax",
                   "BillingID": "billingid", "Email": "contactemail", "Email   ": "contactemail"}
USER_FIELDS = {"userPrincipalName": "upn", "sAMAccountName": "name", "givenName": "firstname", "sn": "lastname",
               "displayName": "fullname", "physicalDeliveryOfficeName": "location", "Department": "department",
               "telephoneNumber": "phone", "ExternalEmailAddress": "externalemail", "adminDescription": "customfield1",
               "adminDisplayName": "customfield2"}
# The definitions flag more properties mandatory than the server enforces through the API (City, Address, ...);
# only these may not be emptied.
ENFORCED_MANDATORY = frozenset(("FullName", "ShortName", "ContactName", "ContactEmailAddress", "userPrincipalName",
                                "sAMAccountName", "givenName", "sn", "displayName"))
_DETAIL_TAGS = ("name", "fullname", "mandatory", "value", "category", "description", "sortorder", "visible",
                "readonly", "adattribute")


def _load(name):
    with open(os.path.join(_DATA, name), encoding="utf-8") as handle:
        return json.load(handle)


CUSTOMER_DEFS = _load("customer_properties.json")
USER_DEFS = _load("user_properties.json")


def find_def(defs, name):
    """Definition by exact name, else case-insensitively (names such as 'Email   ' keep their blanks)."""
    for item in defs:
        if item["name"] == name:
            return item
    wanted = (name or "").casefold()
    return next((item for item in defs if item["name"].casefold() == wanted), None)


# ----------------------------------------------------------------------- validation
# The published e-mail rule nests quantifiers ((...){1,25})+ and backtracks exponentially on some invalid input
# (40 characters take seconds, with the store lock held). This equivalent accepts the same addresses linearly.
_EMAIL_RULE = (r"^(([a-zA-Z0-9_\-\.\']+)@([a-zA-Z0-9_\-\.\']+)\.([a-zA-Z]{2,5}){1,25})+([;.](([a-zA-Z0-9_\-\.\']+)@"
               r"([a-zA-Z0-9_\-\.\']+)\.([a-zA-Z]{2,5}){1,25})+)*$")
_ADDRESS = r"[a-zA-Z0-9_\-.']+@[a-zA-Z0-9_\-.']+\.[a-zA-Z]{2,125}"
SAFE_EQUIVALENTS = {_EMAIL_RULE: r"^%s(?:[;.]%s)*$" % (_ADDRESS, _ADDRESS)}


def translate(pattern):
    r"""Python re has no \p{L}/\p{N}: a class [\p{L}\p{N}xyz] becomes (?:[^\W_]|[xyz]) (letters and digits)."""
    if pattern in SAFE_EQUIVALENTS:
        return SAFE_EQUIVALENTS[pattern]

    def repl(match):
        rest = match.group(1)
        return "(?:[^\\W_]|[%s])" % rest if rest else "[^\\W_]"
    return re.sub(r"\[\\p\{L\}\\p\{N\}([^\]]*)\]", repl, pattern)


def check(definition, value, ctx=None, record=None, label=None):
    """Raise the server's error when value breaks the published rule; return the value to store."""
    rule = definition.get("validation", {})
    kind = rule.get("type")
    label = label or definition["name"]
    message = rule.get("errormessage") or "Invalid value"
    if value == "" and definition["name"] in ENFORCED_MANDATORY:
        raise SimError(1, "%s (%s must not be empty)." % (message, label))
    if value == "":
        return value
    if kind == "RegularExpression":
        if not re.search(translate(rule.get("value", "")), value):
            raise SimError(1, "%s (%s: '%s' does not match %s)." % (message, label, value, rule.get("value")))
    elif kind == "SQLQueryDDL":
        for _name, option in rule.get("options", []):
            if option.casefold() == value.casefold():
                return option
        raise SimError(1, "%s (%s: '%s' is not one of the published options)." % (message, label, value))
    elif kind == "RangeValidator":
        try:
            number = int(value)
        except ValueError:
            raise SimError(38, "%s: '%s' is not an integer." % (label, value)) from None
        if not int(rule.get("minimum", 0)) <= number <= int(rule.get("maximum", 0)):
            raise SimError(1, "%s (%s: %d is out of range)." % (message, label, number))
    elif kind == "Boolean":
        word = value.strip().lower()
        if word not in ("true", "yes", "1", "-1", "false", "no", "0"):
            raise SimError(32, "%s: '%s' is not a Boolean value (use true, yes, 1, -1, 0, no or false)." % (label, value))
    elif kind == "ValidationControl" and definition["name"] == "ContactEmailAddress":
        if not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", value):
            raise SimError(1, "%s (%s: '%s')." % (message, label, value))
    elif kind == "SqlValidation" and definition["name"] == "BillingID" and ctx is not None:
        for other in ctx.store.customers.values():
            if other is not record and (other.get("billingid") or "").casefold() == value.casefold():
                raise SimError(1, "%s (%s: '%s')." % (message, label, value))
    return value


def customer_defs(config):
    """CUSTOMER_DEFS with the deployment's full-name and code rules (customers/rules.py)."""
    return customer_rules.definitions(CUSTOMER_DEFS, config)


def check_customer_field(field, value, ctx, record):
    """Validate a customer field written directly (<fullname>, <name>, ...) with its property's rule."""
    for prop, mapped in CUSTOMER_FIELDS.items():
        if mapped == field:
            return check(find_def(customer_defs(ctx.store.config), prop), value, ctx, record, label="<%s>" % field)
    return value


# ----------------------------------------------------------------------- values
def customer_value(rec, definition, customer_ou_path):
    name = definition["name"]
    if name in CUSTOMER_FIELDS:
        return rec.get(CUSTOMER_FIELDS[name]) or ""
    if name in rec.get("properties", {}):
        return rec["properties"][name]
    policy = rec.get("password_policy", {})
    computed = {
        "MinimumPasswordLength": str(policy.get("minimumlength", definition["default"])),
        "PasswordBannerDisplayDays": str(policy.get("bannerdisplaydays", definition["default"])),
        "Enabled": "True" if rec.get("enabled", True) else "False",
        "CustomerFullPath": "LDAP://OU=%s(%s),%s" % (rec["fullname"], rec["name"], customer_ou_path),
    }
    return computed.get(name, definition["default"])


def user_value(rec, customer, definition):
    name = definition["name"]
    if name in USER_FIELDS:
        return rec.get(USER_FIELDS[name]) or ""
    if name in rec.get("properties", {}):
        return rec["properties"][name]
    computed = {
        "Locked": "True" if rec.get("locked") else "False",
        "NeverExpires": "True" if rec.get("password_expires") == "Never" else "False",
        "UserFullPath": "LDAP://CN=%s,OU=%s(%s)" % (rec["name"], customer["fullname"], customer["name"]),
    }
    return computed.get(name, definition["default"])


def render(defs, value_of, detail):
    """<properties> with one <property> per definition: name/value, or the full published shape with detail."""
    root = etree.Element("properties")
    for definition in defs:
        prop = sub(root, "property")
        if not detail:
            sub(prop, "name", definition["name"])
            sub(prop, "value", value_of(definition))
            continue
        for tag in _DETAIL_TAGS:
            sub(prop, tag, value_of(definition) if tag == "value" else definition.get(tag, ""))
        rule = sub(prop, "validation")
        for key, val in definition.get("validation", {}).items():
            if key == "options":
                options = sub(rule, "options")
                for option_name, option_value in val:
                    option = sub(options, "option")
                    sub(option, "name", option_name)
                    sub(option, "value", option_value)
            else:
                sub(rule, key, val)
    return root


def render_additional(rec, customer):
    """<additionalproperties>: the user's Active Directory attributes (definitions that name one)."""
    root = etree.Element("additionalproperties")
    for definition in USER_DEFS:
        if definition.get("adattribute"):
            prop = sub(root, "property")
            sub(prop, "name", definition["adattribute"])
            sub(prop, "value", user_value(rec, customer, definition))
    return root


def find_additional(name):
    """The user definition whose Active Directory attribute is name (case-insensitive), or None."""
    wanted = (name or "").strip().casefold()
    return next((item for item in USER_DEFS if item.get("adattribute") and item["adattribute"].casefold() == wanted),
                None)


def parse_additional_set(props_el):
    """[(definition, value)] from <additionalproperties>: properties named by their AD attribute (the names a GET
    of <additionalproperties/> writes, so its answer can be sent back); error 19 for an unknown attribute."""
    return parse_set(props_el, USER_DEFS, "user's Active Directory attributes", lookup=lambda _defs, name:
                     find_additional(name))


def parse_set(props_el, defs, what, lookup=find_def):
    """[(definition, value)] from <properties><property><name/><value/></property>...; error 19 if unknown."""
    pairs = []
    for prop in props_el.findall("property"):
        name_el = prop.find("name")
        name = (name_el.text or "") if name_el is not None else ""
        definition = lookup(defs, name)
        if definition is None:
            raise SimError(19, "Invalid property '%s' for a %s: no such property is defined." % (name, what))
        value_el = prop.find("value")
        pairs.append((definition, (value_el.text or "").strip() if value_el is not None else ""))
    return pairs
