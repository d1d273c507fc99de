# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Read-only customer queries: FIND filters, the API user's identity, a customer's services, one GET."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.finder import (
    filter_children, find_customer_services, find_customers, get_customer, get_identity)

from fakes import ScriptedClient, answers, element


def test_filters_skip_unset_values_and_a_parent_is_named_by_code_or_full_name():
    children = filter_children([('name', None), ('status', 'Provisioned'), ('parent', 'DA'), ('parent', 'Demo Also')])
    assert [(child.tag, child.text) for child in children][:1] == [('status', 'Provisioned')]
    assert children[1].findtext('name') == 'DA' and children[2].findtext('fullname') == 'Demo Also'
    assert len(children) == 3


def test_find_customers_sends_one_find_with_the_filters():
    client = ScriptedClient(answers(element('<response><customer><name>A</name></customer><customer><name>B</name></customer></response>')))
    found = find_customers(client, [('status', 'Provisioned')])
    assert [customer.findtext('name') for customer in found] == ['A', 'B']
    (action, sent), = client.calls
    assert action == 'FIND' and sent.findtext('status') == 'Provisioned'


def test_identity_is_the_api_users_customer():
    client = ScriptedClient(answers(element('<response><identity><customer><name>GSP</name></customer></identity></response>')))
    assert get_identity(client).findtext('name') == 'GSP'
    assert client.calls[0][1].tag == 'identity'


def test_customer_services_of_a_vanished_customer_are_none():
    client = ScriptedClient(answers(element('<response/>')))
    assert find_customer_services(client, 'GONE') == []
    client = ScriptedClient(answers(element('<response><customer><name>TC</name><service><name>HE</name></service></customer></response>')))
    assert [service.findtext('name') for service in find_customer_services(client, 'TC')] == ['HE']


def test_get_customer_asks_for_properties_only_when_wanted():
    client = ScriptedClient(answers(element('<response><customer><name>TC</name></customer></response>')),
                            answers(element('<response><customer><name>TC</name></customer></response>')))
    assert get_customer(client, 'TC').findtext('name') == 'TC'
    get_customer(client, 'TC', with_properties=True)
    assert client.calls[0][1].find('properties') is None and client.calls[1][1].find('properties') is not None
