# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A customer's full-name and code rules, as the server that enforces them publishes them.

The rules are per deployment (DESIGN point 13): the CPSM 11 capture's server publishes ``^[\\p{L}\\p{N} .-]{1,60}$``
for the full name, another accepts "O'Brien (UK) Ltd". So the module does not check them before sending (the guide
states none that holds everywhere); when the server refuses a customer write, the refusal is explained with the
rule this server publishes in ``<properties detail="true"/>`` (one more GET, only on that failure path).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CUSTOMER_ERROR, ApiError, CortexError, ValidationError, with_hint

# option -> (the property that carries its rule, what messages call it)
RULE_PROPERTIES = (('fullname', 'FullName'), ('name', 'ShortName'))


def published_rules(client, customer_code):
    """{option: {'property', 'rule', 'message'}} from the customer's <properties detail="true"/>; {} if unknown."""
    request = xml_codec.E('customer', xml_codec.leaf('name', customer_code), xml_codec.leaf('properties', detail='true'))
    try:
        answer = client.get(request, entity="the published rules of customer '%s'" % customer_code)
    except CortexError:
        return {}
    rules = {}
    by_name = dict((xml_codec.text_of(prop, 'name'), prop) for prop in answer.iterfind('customer/properties/property'))
    for option, prop_name in RULE_PROPERTIES:
        prop = by_name.get(prop_name)
        if prop is None:
            continue
        rule = xml_codec.text_of(prop, 'validation/value')
        if rule:
            rules[option] = dict(property=prop_name, rule=rule, type=xml_codec.text_of(prop, 'validation/type'),
                                 message=xml_codec.text_of(prop, 'validation/errormessage'))
    return rules


def rule_source(client, params):
    """A customer whose published rules this server applies: the customer itself, its parent, else any visible one."""
    for reference in (params.get('name'), params.get('parent')):
        if reference:
            found = _code_of(client, reference)
            if found:
                return found
    try:
        listing = client.find(xml_codec.leaf('customer'), entity='the visible customers')
    except CortexError:
        return None
    first = listing.find('customer')
    return xml_codec.text_of(first, 'name') if first is not None else None


def _code_of(client, reference):
    for key in ('name', 'fullname'):
        try:
            listing = client.find(xml_codec.E('customer', xml_codec.leaf(key, reference)))
        except CortexError:
            return None
        matches = listing.findall('customer')
        if len(matches) == 1:
            return xml_codec.text_of(matches[0], 'name')
    return None


def follows(value, rule):
    """True when ``value`` matches a published regular expression; None when Python cannot read the rule.

    .NET rules use Unicode classes Python's ``re`` lacks: ``[\\p{L}\\p{N} .-]`` (letters, digits, space, dot, hyphen)
    is read as ``(?:[^\\W_]|[ .-])``.
    """
    if (rule.get('type') or 'RegularExpression') != 'RegularExpression':
        return None

    def letters_and_digits(match):
        rest = match.group(1)
        return '(?:[^\\W_]|[%s])' % rest if rest else '[^\\W_]'

    pattern = re.sub(r'\[\\p\{L\}\\p\{N\}([^\]]*)\]', letters_and_digits, rule['rule'])
    try:
        return re.search(pattern, value) is not None
    except re.error:
        return None


def explain_refusal(error, client, params):
    """The server's refusal of a customer write, with the full-name and code rules it publishes as the hint."""
    if not isinstance(error, ValidationError) and not (isinstance(error, ApiError) and error.code == CUSTOMER_ERROR):
        return error
    sent = [option for option, _prop in RULE_PROPERTIES if params.get(option)]
    if not sent:
        return error
    source = rule_source(client, params)
    rules = published_rules(client, source) if source else {}
    explained = []
    for option in sent:
        rule = rules.get(option)
        if rule is None or follows(params[option], rule):
            continue
        explained.append("%s %r must match this server's rule %s (property %s%s)" % (
            option, params[option], rule['rule'], rule['property'],
            ': "%s"' % rule['message'] if rule.get('message') else ''))
    if not explained:
        return error
    return with_hint(error, 'The server publishes its rules in <properties detail="true"/>: %s. Change the value to '
                            'follow the rule, or ask the Atria administrator which rule applies.' % '; '.join(explained))
