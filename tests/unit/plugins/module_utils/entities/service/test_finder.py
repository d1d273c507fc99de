# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Read-only service queries: the FIND of a customer's (or user's) services, details in batched GETs."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.api.errors import NotFoundError
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CustomerRef
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.finder import find_services, get_services
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.locator import UserLocator

from fakes import ScriptedClient, answers, element

SERVICES = element('<response><customer><name>TC</name><service><name>HE</name></service><service><name>FSS</name></service>'
                   '</customer></response>')
EMPTY = element('<response/>')


def test_find_services_of_a_customer_named_by_full_name_is_one_find():
    client = ScriptedClient(answers(SERVICES))
    found = find_services(client, CustomerRef('Test Customer'))
    assert [service.findtext('name') for service in found] == ['HE', 'FSS']
    (action, sent), = client.calls
    assert action == 'FIND' and sent.findtext('fullname') == 'Test Customer'


def test_a_guessed_code_that_finds_nothing_is_looked_up_as_a_full_name():
    client = ScriptedClient(answers(EMPTY), answers(element('<response><customer><name>TC</name></customer></response>')),
                            answers(SERVICES))
    assert len(find_services(client, CustomerRef('Tester'))) == 2
    assert client.calls[-1][1].findtext('name') == 'TC'


def test_an_unknown_customer_or_user_is_not_found():
    client = ScriptedClient(answers(EMPTY), answers(EMPTY), answers(EMPTY))
    with pytest.raises(NotFoundError) as caught:
        find_services(client, CustomerRef('Nobody'))
    assert caught.value.code == 34
    client = ScriptedClient(answers(element('<response><customer><name>TC</name></customer></response>')))
    with pytest.raises(NotFoundError) as caught:
        find_services(client, CustomerRef('TC'), UserLocator('TC', name='ghost'))
    assert caught.value.code == 16 and "User 'ghost_TC' of customer 'TC' not found." in str(caught.value)


def test_get_services_asks_instances_only_of_the_services_that_have_them():
    answer = element('<response><customer><name>TC</name><service><name>SharePoint2010</name></service>'
                     '<service><name>HE</name></service></customer></response>')
    client = ScriptedClient(answers(answer))
    found = get_services(client, CustomerRef('TC'), ['HE', 'SharePoint2010', 'Missing'], with_properties=True, with_instances=True)
    assert [service.findtext('name') for service in found] == ['HE', 'SharePoint2010']      # the order asked for
    (action, sent), = client.calls
    he, sharepoint, _missing = sent.findall('service')
    assert he.find('instances') is None and sharepoint.find('instances') is not None
    assert he.find('properties').get('filter') == 'all'
