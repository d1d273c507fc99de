"""Customer full-name and code rules: per deployment (DESIGN point 13), published in <properties detail="true"/>.

The CPSM 11 capture's server publishes a strict full-name rule (``CAPTURE``); another deployment accepts ordinary
punctuation ("Dunder & Mifflin, Inc.", "O'Brien (UK) Ltd"). The simulator's default is ``LENIENT``; release
``cpsm11`` (the captures' release) defaults to ``CAPTURE``. The ``customer_rules`` config hook chooses: "capture",
"lenient", or {"fullname": REGEX, "name": REGEX} over the release's default. The rules replace the validation
values of the FullName and ShortName property definitions, so what is published is what is enforced.
"""

import copy
import re

CAPTURE = {"fullname": r"^[\p{L}\p{N} .-]{1,60}$", "name": r"^[A-Za-z0-9]{1,20}$"}
LENIENT = {"fullname": r"^[\p{L}\p{N} .,&'()-]{1,60}$", "name": r"^[A-Za-z0-9]{1,20}$"}
NAMED = {"capture": CAPTURE, "lenient": LENIENT}
PROPERTY = {"fullname": "FullName", "name": "ShortName"}
_CACHE = {}


def check_config(value, translate):
    """ValueError unless value is 'capture', 'lenient' or {fullname|name: regular expression}."""
    if isinstance(value, str) and value in NAMED:
        return
    if not isinstance(value, dict) or not value:
        raise ValueError("customer_rules must be \"capture\", \"lenient\" or {\"fullname\": REGEX, \"name\": REGEX}")
    for key, pattern in value.items():
        if key not in PROPERTY:
            raise ValueError("customer_rules key %r is not one of fullname, name" % key)
        try:
            re.compile(translate(pattern))
        except (re.error, TypeError) as exc:
            raise ValueError("customer_rules[%r] is not a regular expression: %s" % (key, exc)) from None


def rules_for(config):
    """{"fullname": REGEX, "name": REGEX} in force for this configuration."""
    base = CAPTURE if config.get("release") == "cpsm11" else LENIENT
    chosen = config.get("customer_rules")
    if isinstance(chosen, str):
        return dict(NAMED[chosen])
    return dict(base, **(chosen or {}))


def definitions(defs, config):
    """The customer property definitions with this deployment's rules (copied once per set of rules)."""
    rules = rules_for(config)
    key = (id(defs), tuple(sorted(rules.items())))
    if key not in _CACHE:
        copied = copy.deepcopy(defs)
        for field, prop in PROPERTY.items():
            for definition in copied:
                if definition["name"] == prop:
                    definition["validation"]["value"] = rules[field]
        _CACHE[key] = copied
    return _CACHE[key]
