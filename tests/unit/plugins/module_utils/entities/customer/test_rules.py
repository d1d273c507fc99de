# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Customer rules come from the server that enforces them: a refusal is explained with the published rule."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from fakes import ScriptedClient, answers, element

from ansible_collections.atria.cortex.plugins.module_utils.api.errors import api_error
from ansible_collections.atria.cortex.plugins.module_utils.engine.validation import not_blank_problem
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.rules import explain_refusal, follows, published_rules

PUBLISHED = element(
    '<response><customer><name>DA</name><properties>'
    '<property><name>FullName</name><validation><type>RegularExpression</type>'
    '<errormessage>A valid customer long name must be specified</errormessage><value>^[\\p{L}\\p{N} .-]{1,60}$</value>'
    '</validation></property>'
    '<property><name>ShortName</name><validation><type>RegularExpression</type><value>^[A-Za-z0-9]{1,20}$</value>'
    '</validation></property></properties></customer></response>')
ONE_CUSTOMER = element('<response><customer><name>DA</name></customer></response>')


def test_ordinary_punctuation_is_not_refused_before_sending():
    for name in ("Dunder & Mifflin, Inc.", "O'Brien (UK) Ltd", 'Smith & Sons, Inc.'):
        assert not_blank_problem(name) is None
    assert not_blank_problem('  ') == 'must not be empty'


def test_the_published_rules_are_read_from_detail_properties():
    client = ScriptedClient(answers(PUBLISHED))
    rules = published_rules(client, 'DA')
    assert rules['fullname']['rule'] == '^[\\p{L}\\p{N} .-]{1,60}$' and rules['name']['rule'] == '^[A-Za-z0-9]{1,20}$'
    assert client.calls[0][1].find('properties').get('detail') == 'true'


def test_a_refused_full_name_is_explained_with_this_servers_rule():
    refusal = api_error(1, 'A valid customer long name must be specified')
    client = ScriptedClient(answers(ONE_CUSTOMER), answers(PUBLISHED))      # FIND of the parent, GET of its rules
    explained = explain_refusal(refusal, client, {'fullname': "O'Brien (UK) Ltd", 'name': None, 'parent': 'DA'})
    message = str(explained)
    assert "fullname \"O'Brien (UK) Ltd\" must match this server's rule ^[\\p{L}\\p{N} .-]{1,60}$" in message
    assert explained.code == 1


def test_other_refusals_are_left_alone():
    refusal = api_error(34, "Customer 'ZZ' not found.")
    assert explain_refusal(refusal, ScriptedClient(), {'fullname': 'X'}) is refusal


def test_a_refusal_is_explained_only_with_the_rules_the_values_break():
    """A domain refusal (error 1 too) must not blame a full name this server's rule accepts."""
    refusal = api_error(1, "The primary domain 'rel.example' must stay in <domains>")
    client = ScriptedClient(answers(ONE_CUSTOMER), answers(PUBLISHED))
    explained = explain_refusal(refusal, client, {'fullname': 'Reliability Customer', 'name': 'REL', 'parent': None})
    assert 'must match' not in str(explained)


def test_published_dotnet_classes_are_read_as_letters_and_digits():
    rule = {'rule': '^[\\p{L}\\p{N} .-]{1,60}$', 'type': 'RegularExpression'}
    assert follows('Ünïcode Ltd.', rule) is True
    assert follows("O'Brien (UK) Ltd", rule) is False
    assert follows('x', {'rule': '([', 'type': 'RegularExpression'}) is None
