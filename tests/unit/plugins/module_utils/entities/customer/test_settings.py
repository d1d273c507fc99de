# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Issue 15, customers: the password policy in one <password>, places that always keep Unassigned, allowed roles with
list modes, the OU structure, and a location that is refused once the customer exists."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.engine.reconciler import Plan
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.checks import CustomerCheckError
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.resource import CUSTOMER

from fakes import element

# The blocks of CustomerGet.xml (CPSM 11 capture), roles shortened.
CUSTOMER_GET = element(
    '<customer><name>TC</name><location>Location GSP</location><customeroustructure>ungrouped</customeroustructure>'
    '<locations><name>Unassigned</name></locations><departments><name>Unassigned</name><name>Sales</name></departments>'
    '<password><minimumlength>7</minimumlength><bannerdisplaydays>0</bannerdisplaydays>'
    '<changeatnextlogon>False</changeatnextlogon><allowneverexpires>False</allowneverexpires></password>'
    '<roles><role id="{8b21}">Customer Administrator</role><role id="{ba0f}">User Administrator</role></roles></customer>')


def plan_for(options, creating=False):
    values = {} if creating else CUSTOMER.values(CUSTOMER_GET)
    desired = CUSTOMER.desired(options)
    changes = []
    for field in CUSTOMER.fields:
        if field.option in desired:
            change = field.compare(values.get(field.option), desired[field.option], options, creating=creating)
            if change.changed:
                changes.append((field, change))
    return Plan('create' if creating else 'update', changes)


def test_the_capture_reads_as_options():
    values = CUSTOMER.values(CUSTOMER_GET)
    assert values['password_minimum_length'] == 7 and values['password_banner_days'] == 0
    assert values['password_change_at_next_logon'] is False and values['password_allow_never_expires'] is False
    assert values['departments'] == ['Unassigned', 'Sales'] and values['ou_structure'] == 'ungrouped'
    assert values['allowed_roles'] == ['Customer Administrator', 'User Administrator']
    assert values['location'] == 'Location GSP'


def test_the_policy_travels_in_one_password_element():
    plan = plan_for({'password_minimum_length': 10, 'password_allow_never_expires': True,
                     'password_change_at_next_logon': True, 'password_banner_days': 0})
    block, = plan.children(None)
    assert [(child.tag, child.text) for child in block] == [
        ('minimumlength', '10'), ('changeatnextlogon', 'True'), ('changeatnextlogin', 'True'), ('allowneverexpires', 'True')]


def test_the_same_policy_places_roles_and_structure_are_no_change():
    plan = plan_for({'password_minimum_length': 7, 'departments': ['sales'], 'locations': [], 'ou_structure': 'UNGROUPED',
                     'allowed_roles': ['user administrator', 'Customer Administrator'], 'location': 'location gsp'})
    assert plan.changes == []


@pytest.mark.parametrize('mode, given, sent', [
    ('exact', ['Riga'], ['Unassigned', 'Riga']),
    ('present', ['Riga'], ['Unassigned', 'Sales', 'Riga']),
    ('absent', ['Sales', 'Unassigned'], ['Unassigned']),
])
def test_places_keep_unassigned_in_every_mode(mode, given, sent):
    plan = plan_for({'departments': given, 'departments_mode': mode})
    (_field, change), = plan.changes
    assert change.send == sent


def test_allowed_roles_take_list_modes():
    plan = plan_for({'allowed_roles': ['Exchange Users'], 'allowed_roles_mode': 'present'})
    roles, = plan.children(None)
    assert roles.tag == 'roles' and [item.text for item in roles] == ['Customer Administrator', 'User Administrator', 'Exchange Users']


def test_a_location_is_sent_at_creation():
    plan = plan_for({'location': 'Location GSP', 'fullname': 'New'}, creating=True)
    assert ('location', 'Location GSP') in [(child.tag, child.text) for child in plan.children(None)]


def test_another_location_for_an_existing_customer_is_refused_with_the_fix():
    with pytest.raises(CustomerCheckError) as caught:
        plan_for({'location': 'Location Two'})
    message = str(caught.value)
    assert "location is 'Location GSP' and cannot be changed after creation" in message
    assert 'error 1' in message and 'Leave location out' in message and 'Nothing was sent' in message


def test_a_negative_policy_number_is_refused():
    with pytest.raises(ValueError):
        CUSTOMER.desired({'password_banner_days': -1})
