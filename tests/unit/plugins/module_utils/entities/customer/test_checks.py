# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Checks before a customer write: a creation whose full name belongs to a customer with another code is refused
before the SET (a code cannot be changed, full names are unique); one FIND, only for a creation."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.engine.context import RunContext
from ansible_collections.atria.cortex.plugins.module_utils.engine.reconciler import Plan
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.checks import CustomerCheckError, check_code_change, check_parent_change
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.resource import CUSTOMER

from fakes import ScriptedClient, answers, element

FOUND_DA = element('<response><customer><name>DA</name><fullname>Demo Also</fullname></customer></response>')
NOTHING = element('<response/>')


def creation(fullname):
    field = CUSTOMER.field('fullname')
    return Plan('create', [(field, field.compare(None, fullname, {}, creating=True))])


def test_a_new_code_for_an_existing_full_name_is_refused_with_the_existing_code():
    client = ScriptedClient(answers(FOUND_DA))
    with pytest.raises(CustomerCheckError) as caught:
        check_code_change(creation('Demo Also'), RunContext(client), lambda: "customer 'DANEW'")
    message = str(caught.value)
    assert "already exists with the code 'DA'" in message and 'name: DA' in message and 'Nothing was sent' in message
    assert [action for action, _entity in client.calls] == ['FIND'] and client.writes == []


def test_a_new_full_name_or_an_update_passes():
    client = ScriptedClient(answers(NOTHING))
    check_code_change(creation('Brand New'), RunContext(client), lambda: "customer 'NEW'")
    assert len(client.calls) == 1
    check_code_change(Plan('update'), RunContext(ScriptedClient()), lambda: "customer 'DA'")     # no request at all


def parent_update(current, wanted):
    field = CUSTOMER.field('parent')
    change = field.compare({'name': current, 'fullname': current + ' Full'} if current else None, wanted, {}, creating=False)
    return Plan('update', [(field, change)] if change.changed else [], before={'parent': change.before})


def test_a_parent_change_of_an_existing_customer_is_refused_naming_the_current_parent():
    client = ScriptedClient()
    with pytest.raises(CustomerCheckError) as caught:
        check_parent_change(parent_update('Gsp', 'DA'), RunContext(client), lambda: "customer 'TC'")
    message = str(caught.value)
    assert "Customer 'TC' is below reseller 'Gsp' (its parent)" in message
    assert 'set it to Gsp' in message and "below 'DA' must be done another way" in message and 'Nothing was sent' in message
    assert client.calls == []


def test_the_same_parent_by_code_or_full_name_or_a_creation_passes():
    check_parent_change(parent_update('Gsp', 'gsp'), RunContext(ScriptedClient()), lambda: "customer 'TC'")
    check_parent_change(parent_update('Gsp', 'Gsp Full'), RunContext(ScriptedClient()), lambda: "customer 'TC'")
    field = CUSTOMER.field('parent')
    check_parent_change(Plan('create', [(field, field.compare(None, 'DA', {}, creating=True))]), RunContext(ScriptedClient()),
                        lambda: "customer 'NEW'")
