# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A customer named by code or full name: the one "code, else full name" rule (CustomerRef.read_with)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.api.errors import NotFoundError
from ansible_collections.atria.cortex.plugins.module_utils.engine.context import RunContext
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CustomerCodes, CustomerLocator, CustomerRef

from fakes import FakeClient, element


def customers():
    return FakeClient([element('<customer><name>TC</name><fullname>Test Customer</fullname></customer>'),
                       element('<customer><name>ACME</name><fullname>AcmeCorp</fullname></customer>'),
                       element('<customer><name>ZZ</name><fullname>ACME2</fullname></customer>')])


def test_a_code_is_used_as_it_is_and_a_full_name_is_resolved_with_one_find():
    assert CustomerRef('TC').code == 'TC' and CustomerRef('Test Customer').code is None
    client = customers()
    ref = CustomerRef('Test Customer')
    assert ref.resolve(client) == 'TC' and ref.resolved
    assert [call[0] for call in client.calls] == ['FIND']
    assert client.calls[0][1].findtext('fullname') == 'Test Customer'


def test_resolve_remembers_the_code_for_the_task():
    client = customers()
    CustomerRef('Test Customer').resolve(client)
    assert CustomerRef('Test Customer').resolve(client) == 'TC'
    assert len(client.calls) == 1       # the second lookup came from client.memo


def test_an_unknown_reference_is_customer_not_found():
    with pytest.raises(NotFoundError) as caught:
        CustomerRef('Nobody Ltd').resolve(customers())
    assert caught.value.code == 34 and "Customer 'Nobody Ltd' not found." in str(caught.value)


def test_the_level_names_the_customer_by_code_else_by_full_name():
    assert CustomerRef('TC').level().keys == [('name', 'TC')]
    assert CustomerRef('Test Customer').level().keys == [('fullname', 'Test Customer')]
    assert CustomerRef('Test Customer').describe() == "customer 'Test Customer'"


def test_read_with_a_get_retries_a_guessed_code_after_customer_not_found():
    client = customers()
    ref = CustomerRef('AcmeCorp')           # looks like a code, but is ACME's full name
    seen = []

    def read():
        seen.append(ref.code)
        if ref.code != 'ACME':
            raise NotFoundError(34, 'Customer not found')
        return 'answer'

    assert ref.read_with(client, read) == 'answer'
    assert seen == ['AcmeCorp', 'ACME']


def test_read_with_a_find_retries_a_guessed_code_after_an_empty_answer():
    client = customers()
    ref = CustomerRef('ACME2')
    seen = []

    def read():
        seen.append(ref.code)
        return 'found' if ref.code == 'ZZ' else None

    assert ref.read_with(client, read) == 'found' and seen == ['ACME2', 'ZZ']


def test_read_with_tries_once_and_keeps_the_server_error():
    client = customers()
    ref = CustomerRef('Nobody')

    def read():
        raise NotFoundError(34, 'Customer not found')

    with pytest.raises(NotFoundError):
        ref.read_with(client, read)
    assert [call[0] for call in client.calls] == ['FIND', 'FIND']     # as full name, then as code: once

    def user_missing():
        raise NotFoundError(16, 'User not found')

    with pytest.raises(NotFoundError) as caught:
        CustomerRef('TC').read_with(client, user_missing)
    assert caught.value.code == 16      # only CustomerNotFound is a reason to look the customer up


def test_read_with_an_empty_answer_for_a_known_code_is_none():
    client = customers()
    ref = CustomerRef('TC')
    assert ref.read_with(client, lambda: None) is None
    # looked up once (as a full name, then as a code) and it gave the same code: the read is not repeated
    assert [call[0] for call in client.calls] == ['FIND', 'FIND']


def test_read_with_resolves_a_full_name_first_when_the_code_is_needed():
    client = customers()
    ref = CustomerRef('Test Customer')
    assert ref.read_with(client, lambda: ref.code) == 'TC'
    by_full_name = CustomerRef('Test Customer')
    assert by_full_name.read_with(client, lambda: by_full_name.level().keys, needs_code=False) == [('fullname', 'Test Customer')]


def test_customer_codes_look_each_reference_up_once_per_run():
    client = customers()
    codes = RunContext(client).lookup(CustomerCodes)
    assert codes.code_of('Test Customer') == 'TC' and codes.code_of('test customer') == 'TC'
    assert len(client.calls) == 1


def test_customer_locator_addresses_by_code_else_full_name():
    assert CustomerLocator(name='TC').address().describe() == "customer 'TC'"
    assert CustomerLocator(fullname='Test Customer').address().element().findtext('fullname') == 'Test Customer'
    assert CustomerLocator(name='TC').retry_after(NotFoundError(34, 'x'), None) is False


def test_code_for_resolves_a_full_name_once():
    client = customers()
    ref = CustomerRef('Test Customer')
    assert ref.code_for(client) == 'TC' and ref.code_for(client) == 'TC'
    assert len(client.calls) == 1
    assert CustomerRef('TC').code_for(None) == 'TC'        # a code needs no request
