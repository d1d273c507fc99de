# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The user Resource: places compared as the server stores them, the password write-only, and the checks and the
Customer Administrator rule wired through the run's context (USER is a constant: nothing is built per task)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.engine.reconciler import Engine
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.checks import UserCheckError
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.locator import UserLocator
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.resource import USER

from fakes import FakeClient, FakeModule, element


def params(**overrides):
    values = dict(customer='NEW', name='ann', upn=None, first_name=None, last_name=None, display_name=None,
                  external_email=None, location=None, department=None, phone=None, enabled=None, roles=None,
                  roles_mode='exact', password=None, update_password='on_create', state='present', wait=False, wait_timeout=5)
    values.update(overrides)
    return values


def ensure(client, check_mode=False, **overrides):
    task_params = params(**overrides)
    engine = Engine(FakeModule(task_params, check_mode=check_mode), client, USER,
                    UserLocator(task_params['customer'], name=task_params['name']))
    return engine.ensure(task_params['state'])


def test_an_empty_place_is_unassigned_and_places_ignore_case():
    field = USER.field('department')
    assert field.normalize('') == 'Unassigned' and field.normalize(' Sales ') == 'Sales'
    assert not field.compare('SALES', 'sales', {}, creating=False).changed


def test_the_password_travels_in_its_block_and_is_never_read():
    block, = USER.field('password').build('S3cret')
    assert block.tag == 'password' and block.findtext('password') == 'S3cret'
    user = element('<user><name>a</name><password><password>x</password></password></user>')
    assert 'password' not in USER.values(user)


def test_the_first_user_of_a_customer_gets_customer_administrator_with_a_warning():
    client = FakeClient([element('<customer><name>NEW</name><status>Provisioned</status></customer>')])
    result = ensure(client, check_mode=True, roles=['User Administrator'])
    assert result['user']['roles'] == ['User Administrator', 'Customer Administrator']
    assert 'first user of customer' in result['warnings'][0]
    assert client.writes == []


def test_deleting_the_last_user_is_refused_before_anything_is_sent():
    client = FakeClient([element('<customer><name>NEW</name><status>Provisioned</status>'
                                 '<user><name>ann_NEW</name><status>Provisioned</status></user></customer>')])
    original_get = client.get

    def get(entity):
        user = entity.find('user')
        if user is not None and user.findtext('name') is None:      # the users of the customer, all at once
            client.calls.append(('GET', entity))
            response = element('<response/>')
            response.append(client.customers['NEW'])
            return response
        return original_get(entity)

    client.get = get
    with pytest.raises(UserCheckError) as caught:
        ensure(client, state='absent')
    assert "User 'ann_NEW' is the last user of customer 'NEW'" in str(caught.value)
    assert client.writes == []


def test_user_checks_are_declared_on_the_resource():
    assert len(USER.checks) == 2 and len(USER.delete_checks) == 1
    assert USER.field('roles').compare(['A'], ['A', 'B'], {'roles_mode': 'exact'}, creating=False).send == ['A', 'B']
