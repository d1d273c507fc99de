# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Checks before a user is written or deleted: the password policy, the roles a customer offers, the last user."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.engine.context import RunContext
from ansible_collections.atria.cortex.plugins.module_utils.engine.fields import Change
from ansible_collections.atria.cortex.plugins.module_utils.engine.reconciler import Plan
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CustomerRef
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.checks import UserCheckError, check_delete, check_write
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.resource import USER

from fakes import ScriptedClient, answers, element

CUSTOMER = element('<response><customer><name>TC</name><password><minimumlength>8</minimumlength></password>'
                   '<roles><role>Customer Administrator</role><role>User Administrator</role></roles></customer></response>')


def plan(**sent):
    return Plan('create', [(USER.field(option), Change(True, send=value)) for option, value in sent.items()])


def context(*script):
    return RunContext(ScriptedClient(*script), customer=CustomerRef('TC'))


def test_a_password_shorter_than_the_policy_is_refused():
    run = context(answers(CUSTOMER))
    with pytest.raises(UserCheckError) as caught:
        check_write(plan(password='short'), run, None)
    assert "password policy of customer 'TC' asks for at least 8" in str(caught.value) and 'Nothing was sent' in str(caught.value)
    assert 'short' not in str(caught.value)
    check_write(plan(password='long enough'), run, None)
    assert len(run.client.calls) == 1           # the customer is read once per run


def test_a_role_the_customer_does_not_offer_is_refused_with_the_ones_it_does():
    with pytest.raises(UserCheckError) as caught:
        check_write(plan(roles=['user administrator', 'Billing']), context(answers(CUSTOMER)), None)
    assert "does not offer the role 'Billing'" in str(caught.value)
    assert 'Customer Administrator, User Administrator' in str(caught.value)


def test_nothing_to_check_costs_no_read():
    run = context()
    check_write(plan(first_name='Ann'), run, None)
    assert run.client.calls == []


def test_the_last_user_of_a_customer_is_not_deleted():
    users = element('<response><customer><name>TC</name><user><name>a_TC</name></user><user><name>b_TC</name></user>'
                    '</customer></response>')
    run = context(answers(users))
    check_delete(element('<user><name>a_TC</name></user>'), run, None)
    with pytest.raises(UserCheckError) as caught:
        check_delete(element('<user><name>b_TC</name></user>'), run, None)      # a bulk task deleting both
    assert "User 'b_TC' is the last user of customer 'TC'" in str(caught.value)
