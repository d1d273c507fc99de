# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Where a user lives: named as created (User1) although the server stores User1_TC; another customer's users."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api.errors import NotFoundError
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.locator import (
    UserLocator, foreign_owners, foreign_suffix, suffixed_user_name, unsuffixed_user_name)

from fakes import FakeClient, ScriptedClient, answers, element


def test_stored_names_have_the_customer_suffix_once():
    assert suffixed_user_name('User1', 'TC') == 'User1_TC'
    assert suffixed_user_name('User1_tc', 'TC') == 'User1_tc'
    assert suffixed_user_name('User1', None) == 'User1'
    assert unsuffixed_user_name('hsimpson_GLX_ACME', 'ACME') == 'hsimpson_GLX'
    assert unsuffixed_user_name('_ACME', 'ACME') == '_ACME'


def test_a_user_is_addressed_by_stored_name_else_upn_inside_its_customer():
    request = UserLocator('TC', name='alice').address(None).element()
    assert request.findtext('name') == 'TC' and request.findtext('user/name') == 'alice_TC'
    request = UserLocator('TC', upn='alice@tc.example').address(None).element()
    assert request.findtext('user/upn') == 'alice@tc.example' and request.find('user/name') is None
    assert UserLocator('TC', name='alice').address(None).describe() == "user 'alice_TC' of customer 'TC'"


def test_a_customer_given_by_full_name_is_resolved_before_the_address_is_built():
    client = FakeClient([element('<customer><name>TC</name><fullname>Test Customer</fullname></customer>')])
    locator = UserLocator('Test Customer', name='alice')
    assert locator.address(client).element().findtext('name') == 'TC'
    assert [call[0] for call in client.calls] == ['FIND']


def test_a_guessed_customer_code_is_retried_as_a_full_name_once():
    client = FakeClient([element('<customer><name>TC</name><fullname>Tester</fullname></customer>')])
    locator = UserLocator('Tester', name='alice')
    assert locator.retry_after(NotFoundError(34, 'Customer not found'), client) is True
    assert locator.stored_name() == 'alice_TC'
    assert locator.retry_after(NotFoundError(34, 'Customer not found'), client) is False     # once


def test_another_customers_user_is_named_with_its_owner():
    assert foreign_suffix('hsimpson_GLX', 'ACME') == 'GLX'
    assert foreign_suffix('alice_ACME', 'ACME') is None and foreign_suffix('alice', 'ACME') is None
    client = ScriptedClient(answers(element('<response><customer><name>GLX</name><user><name>hsimpson_GLX</name></user>'
                                            '</customer></response>')))
    assert foreign_owners(client, ['hsimpson_GLX_ACME', 'nobody_ACME'], 'ACME') == {'hsimpson_GLX_ACME': ('hsimpson_GLX', 'GLX')}
    assert len(client.calls) == 1       # a name without another customer's suffix costs nothing


def test_explain_missing_says_whose_user_it_is():
    client = ScriptedClient(answers(element('<response><customer><name>GLX</name><user><name>hsimpson_GLX</name></user>'
                                            '</customer></response>')))
    locator = UserLocator('ACME', name='hsimpson_GLX')
    explained = locator.explain_missing(NotFoundError(16, 'User not found'), client)
    assert explained.code == 16 and "belongs to customer 'GLX', not to customer 'ACME'" in str(explained)
    other = NotFoundError(34, 'Customer not found')
    assert locator.explain_missing(other, client) is other
