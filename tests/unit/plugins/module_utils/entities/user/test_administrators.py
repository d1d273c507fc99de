# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A customer's Customer Administrators: the first user gets the role, the last administrator keeps it - one read
of the customer's users per run, shared by every user of a bulk task (a lookup of the run's context)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.engine.context import RunContext
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CustomerRef
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.administrators import Administrators, RolesField

from fakes import ScriptedClient, answers, element

ADMIN = '<roles><role>Customer Administrator</role></roles>'


def users_answer(*roles):
    users = ''.join('<user><name>u%d_TC</name>%s</user>' % (number, role) for number, role in enumerate(roles))
    return element('<response><customer><name>TC</name>%s</customer></response>' % users)


def context_with(*roles):
    return RunContext(ScriptedClient(answers(users_answer(*roles))), customer=CustomerRef('TC'))


def roles():
    return RolesField('roles', 'roles', item_tag='role')


def test_the_first_user_of_a_customer_is_given_customer_administrator_with_a_warning():
    context = context_with()
    change = roles().compare(None, ['User Administrator'], {'roles_mode': 'exact'}, creating=True, context=context)
    assert change.send == ['User Administrator', 'Customer Administrator']
    assert "first user of customer 'TC'" in context.warnings[0]
    # the second user created in the same run is not the first any more
    second = roles().compare(None, ['User Administrator'], {'roles_mode': 'exact'}, creating=True, context=context)
    assert second.send == ['User Administrator']
    assert len(context.client.calls) == 1           # one read of the users for the whole run


def test_the_last_administrator_keeps_the_role_and_is_told_how_to_move_it():
    context = context_with(ADMIN, '')
    change = roles().compare(['Customer Administrator'], ['User Administrator'], {'roles_mode': 'exact'}, creating=False,
                             context=context)
    assert change.send == ['User Administrator', 'Customer Administrator']
    assert 'last administrator' in context.warnings[0]


def test_another_administrator_lets_the_role_go():
    context = context_with(ADMIN, ADMIN)
    change = roles().compare(['Customer Administrator'], [], {'roles_mode': 'exact'}, creating=False, context=context)
    assert change.send == [] and context.warnings == []


def test_a_user_whose_roles_are_not_managed_costs_no_read():
    context = context_with()
    assert not roles().compare(None, None, {}, creating=True, context=context).changed
    assert context.client.calls == []


def test_without_a_run_the_roles_are_a_plain_list():
    change = roles().compare(['A'], ['B'], {'roles_mode': 'present'}, creating=False)
    assert change.send == ['A', 'B']


def test_the_count_of_users_comes_from_one_read():
    context = context_with('', '', ADMIN)
    administrators = context.lookup(Administrators)
    assert administrators.user_count() == 3 and administrators.user_count() == 3
    assert len(context.client.calls) == 1 and administrators.customer_label() == "customer 'TC'"
