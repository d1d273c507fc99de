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
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.checks import CustomerCheckError, check_code_change
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
