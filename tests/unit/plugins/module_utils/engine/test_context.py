# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The per-run context: fields ask it, it (or a lookup it holds) reads once for the whole run."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.engine.context import RunContext
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CustomerCodes, CustomerRef
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.resource import CUSTOMER
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.locator import UserLocator

from fakes import FakeClient, element


class Counted:
    made = 0

    def __init__(self, context):
        Counted.made += 1
        self.context = context


def test_a_lookup_is_made_once_per_run_and_sees_the_context():
    Counted.made = 0
    context = RunContext('client')
    first, second = context.lookup(Counted), context.lookup(Counted)
    assert first is second and Counted.made == 1 and first.context is context
    assert RunContext('client').lookup(Counted) is not first      # another run, another lookup


def test_the_context_of_a_locator_carries_its_customer():
    locator = UserLocator('ACME', name='alice')
    context = RunContext.of('client', locator)
    assert context.customer is locator.customer and context.service is None and context.client == 'client'


def test_warnings_are_kept_once():
    context = RunContext(None)
    context.warn('a')
    context.warn('a')
    context.warn('b')
    assert context.warnings == ['a', 'b']


def test_a_parent_named_by_full_name_is_resolved_by_the_context_only_when_sent():
    client = FakeClient([element('<customer><name>DA</name><fullname>Demo Also</fullname></customer>')])
    context = RunContext(client)
    field = CUSTOMER.field('parent')
    change = field.compare(None, 'Demo Also', {}, creating=True, context=context)
    assert client.calls == []                      # comparing needs no request
    container, = field.build(field.prepare(context, change.send))
    assert container.findtext('name') == 'DA'
    field.prepare(context, 'demo also')           # the same reference again: no second FIND
    assert [call[0] for call in client.calls] == ['FIND']
    assert context.lookup(CustomerCodes).code_of('DEMO ALSO') == 'DA'


def test_customer_ref_read_with_retries_a_guessed_code_as_a_full_name():
    client = FakeClient([element('<customer><name>TC</name><fullname>ACME</fullname></customer>')])
    ref = CustomerRef('ACME')       # looks like a code, is a full name
    answers = []

    def read():
        answers.append(ref.code)
        return None if ref.code == 'ACME' else 'found'

    assert ref.read_with(client, read) == 'found'
    assert answers == ['ACME', 'TC'] and ref.code == 'TC'


def test_refuse_raises_for_a_real_run_and_warns_once_in_check_mode():
    from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CortexError
    error = CortexError("members: user 'nina' does not exist. Nothing was sent.")
    with pytest.raises(CortexError) as raised:
        RunContext(None).refuse(error)
    assert raised.value is error
    preview = RunContext(None, check_mode=True)
    preview.refuse(error)
    preview.refuse(error)
    assert preview.warnings == ["Check mode preview: members: user 'nina' does not exist. In check mode an earlier task of "
                                "the run may create what is missing; a real run refuses this."]
