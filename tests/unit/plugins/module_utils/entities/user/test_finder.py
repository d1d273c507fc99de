# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Read-only user queries: a customer's users as FIND summaries, details in batched GETs."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.api.errors import NotFoundError
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.finder import find_users, get_users

from fakes import ScriptedClient, answers, element

USERS_OF_TC = element('<response><customer><name>TC</name><user><name>alice_TC</name></user><user><name>bob_TC</name></user>'
                      '</customer></response>')
FOUND_TC = element('<response><customer><name>TC</name><fullname>Tester</fullname></customer></response>')
EMPTY = element('<response/>')


def test_find_users_filters_by_stored_name():
    client = ScriptedClient(answers(USERS_OF_TC))
    customer, users = find_users(client, 'TC', [('name', 'alice'), ('status', None)])
    assert customer.findtext('name') == 'TC' and [user.findtext('name') for user in users] == ['alice_TC', 'bob_TC']
    (action, sent), = client.calls
    assert action == 'FIND' and sent.findtext('user/name') == 'alice_TC' and sent.find('user/status') is None


def test_a_guessed_code_that_finds_nothing_is_looked_up_as_a_full_name():
    client = ScriptedClient(answers(EMPTY), answers(FOUND_TC), answers(USERS_OF_TC))
    customer, users = find_users(client, 'Tester', [])
    assert customer.findtext('name') == 'TC' and len(users) == 2
    assert [(action, sent.findtext('fullname') or sent.findtext('name')) for action, sent in client.calls] == [
        ('FIND', 'Tester'), ('FIND', 'Tester'), ('FIND', 'TC')]


def test_an_unknown_customer_is_customer_not_found():
    client = ScriptedClient(answers(EMPTY), answers(EMPTY), answers(EMPTY))
    with pytest.raises(NotFoundError) as caught:
        find_users(client, 'Nobody', [])
    assert caught.value.code == 34


def test_get_users_asks_for_properties_only_when_wanted():
    client = ScriptedClient(answers(USERS_OF_TC), answers(USERS_OF_TC))
    assert [user.findtext('name') for user in get_users(client, 'TC', ['alice_TC', 'bob_TC'])] == ['alice_TC', 'bob_TC']
    get_users(client, 'TC', ['alice_TC'], with_properties=True)
    assert client.calls[0][1].find('user/properties') is None and client.calls[1][1].find('user/properties') is not None
