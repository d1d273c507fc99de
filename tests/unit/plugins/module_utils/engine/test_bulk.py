# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Bulk work (many users of one customer): one read, one multi-item SET, at most one DELETE, and the same
check mode, diff, result and creation checks as a single-entity task (both go through reconciler.Run)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.api.errors import NotFoundError
from ansible_collections.atria.cortex.plugins.module_utils.engine import bulk as bulk_module
from ansible_collections.atria.cortex.plugins.module_utils.engine.bulk import BulkEngine, ChildLocator, check_unique
from ansible_collections.atria.cortex.plugins.module_utils.engine.reconciler import MissingForCreate
from ansible_collections.atria.cortex.plugins.module_utils.engine.verification import WriteNotApplied
from ansible_collections.atria.cortex.plugins.module_utils.engine.resource import Resource
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CustomerRef
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.locator import suffixed_user_name
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.resource import USER

from fakes import FakeClient, FakeModule, element

SECRET = 'S3cr3t!pass'


def acme():
    return element(
        '<customer><name>ACME</name><id>35</id><fullname>Acme Corporation</fullname><status>Provisioned</status>'
        '<user><name>alice_ACME</name><upn>alice_ACME@acme.example</upn><firstname>Alice</firstname>'
        '<lastname>Liddell</lastname><roles><role id="{1}">Customer Administrator</role></roles>'
        '<enabled>True</enabled><status>Provisioned</status></user>'
        '</customer>')


def user_params(**overrides):
    params = dict(customer='ACME', name='alice', upn=None, first_name=None, last_name=None, display_name=None,
                  external_email=None, location=None, department=None, phone=None, enabled=None, roles=None,
                  roles_mode='exact', password=None, update_password='on_create', state='present', wait=False, wait_timeout=5)
    params.update(overrides)
    return params


def by_name(item, code):
    return [('name', suffixed_user_name(item['name'], code))]


def bulk(client, users, check_mode=False, diff=True, resource=USER, **task_options):
    params = dict(customer='ACME', wait=False, wait_timeout=5, users=users)
    params.update(task_options)
    module = FakeModule(params, check_mode=check_mode, diff=diff)
    engine = BulkEngine(module, client, resource, CustomerRef('ACME'), 'user', by_name, index_keys=('name', 'upn'))
    return engine.ensure([user_params(**item) for item in users], result_key='users')


def all_users_get(client):
    """The fake answers an all-users GET (an empty <user/>) with every user, as the simulator does."""
    plain_get = client.get

    def get(entity):
        user = entity.find('user')
        if user is not None and user.findtext('name') is None and user.findtext('upn') is None:
            client.calls.append(('GET', entity))
            response = element('<response version="1.0"/>')
            response.append(copy.deepcopy(client.customers[entity.findtext('name')]))
            return response
        return plain_get(entity)
    client.get = get
    return client


def users_client():
    return all_users_get(FakeClient([acme()]))


# -- moved from test_reconciler.py ------------------------------------------------------------------------------------
def test_bulk_sends_one_read_and_one_set_for_many_users():
    client = users_client()
    users = [dict(name='u%d' % number, first_name='U%d' % number) for number in range(5)]
    result = bulk(client, users)
    assert result['changed'] is True
    sets = [call for call in client.writes if call[0] == 'SET']
    assert len(sets) == 1 and len(sets[0][1].findall('user')) == 5
    client.calls = []
    again = bulk(client, users)
    assert again['changed'] is False
    assert len(client.reads) == 1 and client.writes == []


# -- the same path as a single entity ---------------------------------------------------------------------------------
def test_check_mode_reads_once_sends_nothing_and_reports_each_item():
    client = users_client()
    result = bulk(client, [dict(name='alice', first_name='Alicia'), dict(name='bob', first_name='Bob', password=SECRET)],
                  check_mode=True)
    assert result['changed'] is True and result['request_ids'] == []
    # one read of every user; the password a creation sends costs one read of the customer's password policy
    assert client.writes == [] and [call[1].find('user') is not None for call in client.reads] == [True, False]
    alice, bob = result['users']
    assert (alice['action'], alice['changed'], alice['first_name']) == ('update', True, 'Alicia')
    # a creation in check mode is predicted like a single-entity creation: the values it would send
    assert (bob['action'], bob['name'], bob['first_name']) == ('create', 'bob_ACME', 'Bob')
    assert result['diff'] == {'before': {'alice_ACME': {'name': 'alice_ACME', 'first_name': 'Alice'}, 'bob_ACME': {}},
                              'after': {'alice_ACME': {'name': 'alice_ACME', 'first_name': 'Alicia'},
                                        'bob_ACME': {'first_name': 'Bob'}}}
    assert SECRET not in repr(result)


def test_no_diff_outside_diff_mode_and_unchanged_items_stay_out_of_it():
    client = users_client()
    assert 'diff' not in bulk(client, [dict(name='alice', first_name='Alicia')], diff=False)
    result = bulk(client, [dict(name='alice', first_name='Alicia'), dict(name='carol', first_name='Carol')])
    assert list(result['diff']['after']) == ['carol_ACME']
    assert [user['action'] for user in result['users']] == ['none', 'create']


def test_creations_are_read_back_once_for_the_result():
    client = users_client()
    result = bulk(client, [dict(name='dan', first_name='Dan'), dict(name='eve', first_name='Eve')])
    assert [call[0] for call in client.calls] == ['GET', 'SET', 'GET']
    dan, eve = result['users']
    assert dan['status'] == 'Provisioned' and eve['first_name'] == 'Eve'     # read from the server, not predicted


def test_a_creation_without_required_options_fails_before_any_write():
    resource = Resource('user', 'user', USER.fields, facts=USER.facts, missing_codes=USER.missing_codes,
                        required_for_create=('first_name',))
    client = users_client()
    with pytest.raises(MissingForCreate) as caught:
        bulk(client, [dict(name='alice', first_name='Alicia'), dict(name='frank')], resource=resource)
    assert "user 'frank_ACME' of customer 'ACME' does not exist" in str(caught.value)
    assert 'first_name' in str(caught.value)
    assert client.writes == []


def test_deletes_travel_in_one_delete_and_are_idempotent():
    client = users_client()
    bulk(client, [dict(name='gus'), dict(name='hal')])
    client.calls = []
    result = bulk(client, [dict(name='gus', state='absent'), dict(name='hal', state='absent'), dict(name='alice')])
    (action, sent), = client.writes
    assert action == 'DELETE' and [user.findtext('name') for user in sent.findall('user')] == ['gus_ACME', 'hal_ACME']
    assert [user['action'] for user in result['users']] == ['delete', 'delete', 'none']
    assert result['users'][0] == {'name': 'gus_ACME', 'changed': True, 'action': 'delete'}
    client.calls = []
    assert bulk(client, [dict(name='gus', state='absent')])['changed'] is False and client.writes == []


def test_password_is_sent_on_creation_only():
    client = users_client()
    bulk(client, [dict(name='ivy', password=SECRET)])
    assert client.writes[0][1].findtext('user/password/password') == SECRET
    client.calls = []
    assert bulk(client, [dict(name='ivy', password=SECRET)])['changed'] is False
    assert client.writes == []


def test_wait_waits_for_each_request_and_reads_the_result(monkeypatch):
    waited = []
    monkeypatch.setattr(bulk_module.waiter, 'wait_for_request', lambda client, request_id, timeout, **_kw: waited.append((request_id, timeout)))
    client = users_client()
    result = bulk(client, [dict(name='alice', first_name='Alicia'), dict(name='kim')], wait=True, wait_timeout=7)
    assert waited == [(1001, 7)]
    assert [call[0] for call in client.calls] == ['GET', 'SET', 'GET']     # the result is read after the wait
    assert result['users'][0]['first_name'] == 'Alicia'


def test_wait_without_request_ids_polls_the_written_users(monkeypatch):
    """CPSM 10 answers a SET without a request id: the wait follows the written users' statuses instead."""
    polled = []

    def wait_for_status(read_status, timeout, describe, **_kw):
        polled.append((read_status(), describe))

    monkeypatch.setattr(bulk_module.waiter, 'wait_for_status', wait_for_status)
    client = users_client()
    applied = client.set
    client.set = lambda entity, verify=None: (applied(entity), None)[1]      # CPSM 10: no request id
    client.customers['ACME'].find('user/status').text = 'InProgress'
    result = bulk(client, [dict(name='alice', first_name='Alicia')], wait=True)
    assert result['request_ids'] == [None]
    assert polled == [('InProgress', 'the bulk change')]


def test_settling_status_of_several_users():
    assert bulk_module._settling(['Provisioned', 'Failed', 'InProgress']) == 'Failed'
    assert bulk_module._settling(['Provisioned', 'Requested']) == 'Requested'
    assert bulk_module._settling(['Provisioned', None]) is None


def test_a_lost_answer_is_verified_with_one_read_of_all_users():
    client = users_client()
    plain_set = client.set
    checks = []

    def set_and_lose_the_answer(entity, verify=None):
        plain_set(entity)
        checks.append(verify())
        return None

    client.set = set_and_lose_the_answer
    bulk(client, [dict(name='alice', first_name='Alicia'), dict(name='lee', first_name='Lee')])
    assert checks == [True]
    assert [call[0] for call in client.calls] == ['GET', 'SET', 'GET', 'GET']   # plan, write, verify, result


def test_a_lost_answer_of_a_write_that_did_not_take_is_not_converged():
    client = users_client()
    checks = []

    def lose_the_write(entity, verify=None):
        client.calls.append(('SET', entity))
        checks.append(verify())
        return None

    client.set = lose_the_write
    # The read-back after the write shows that it did not take (verification.py), whatever the client concluded.
    with pytest.raises(WriteNotApplied, match='first_name'):
        bulk(client, [dict(name='alice', first_name='Alicia')])
    assert checks == [False]


def test_a_server_that_refuses_the_all_users_get_is_asked_by_name():
    """Error 15/16 to ``<user/>``: FIND the users, then GET them by name (one batch)."""
    client = FakeClient([acme()])
    plain_find = client.find

    def find(entity):
        if entity.find('user') is None:
            return plain_find(entity)
        client.calls.append(('FIND', entity))
        return element('<response><customer><name>ACME</name><user><name>alice_ACME</name></user></customer></response>')

    client.find = find
    result = bulk(client, [dict(name='alice', first_name='Alice')])
    assert result['changed'] is False
    assert [call[0] for call in client.calls] == ['GET', 'FIND', 'GET']
    assert client.calls[2][1].findtext('user/name') == 'alice_ACME'


def test_a_customer_named_by_full_name_is_resolved_once():
    client = users_client()
    params = dict(customer='Acme Corporation', wait=False, wait_timeout=5)
    engine = BulkEngine(FakeModule(params), client, USER, CustomerRef('Acme Corporation'), 'user', by_name, ('name', 'upn'))
    result = engine.ensure([user_params(name='alice', first_name='Alice')], result_key='users')
    assert result['changed'] is False
    assert [call[0] for call in client.calls] == ['FIND', 'GET']
    assert result['users'][0]['name'] == 'alice_ACME'


def test_other_errors_of_the_read_are_raised():
    client = FakeClient([])
    with pytest.raises(NotFoundError) as caught:
        bulk(client, [dict(name='alice')])
    assert caught.value.code == 34


def test_child_locator_addresses_one_item():
    locator = ChildLocator(CustomerRef('ACME'), 'user', [('name', 'alice_ACME')])
    assert locator.label == 'alice_ACME'
    assert locator.address().describe() == "user 'alice_ACME' of customer 'ACME'"
    assert locator.retry_after(NotFoundError(34, 'x'), None) is False


def test_check_unique_refuses_the_same_entity_twice():
    check_unique(['ann', 'bob'], 'User')
    with pytest.raises(Exception) as caught:
        check_unique(['ann', 'ANN'], 'User')
    assert "User 'ANN' appears twice" in str(caught.value)


class BulkTask(FakeModule):
    """The task interface run_bulk() ends with: exit() records the result, fail() raises."""

    def __init__(self, params):
        super(BulkTask, self).__init__(params)
        self.memo = {}
        self.result = None

    def warn(self, msg):
        raise AssertionError('no warning expected: %s' % msg)

    def fail(self, msg, **result):
        raise AssertionError(msg)

    def exit(self, **result):
        self.result = result


def test_run_bulk_is_the_whole_of_a_bulk_module(monkeypatch):
    from ansible_collections.atria.cortex.plugins.module_utils.engine import runner
    client = users_client()
    client.trace_enabled = False
    monkeypatch.setattr(runner, 'client_from_task', lambda task: client)
    task = BulkTask(dict(customer='ACME', wait=False, wait_timeout=5, users=[user_params(name='alice', first_name='Alicia')]))
    runner.run_bulk(task, USER, CustomerRef('ACME'), 'user', by_name, ('name', 'upn'), 'users')
    assert task.result['changed'] is True and task.result['users'][0]['first_name'] == 'Alicia'
    assert len([call for call in client.writes if call[0] == 'SET']) == 1


def test_run_bulk_refuses_the_same_user_twice_before_any_request(monkeypatch):
    from ansible_collections.atria.cortex.plugins.module_utils.engine import runner
    client = users_client()
    client.trace_enabled = False
    monkeypatch.setattr(runner, 'client_from_task', lambda task: client)
    task = BulkTask(dict(customer='ACME', wait=False, wait_timeout=5, users=[user_params(name='ann'), user_params(name='ANN')]))
    with pytest.raises(AssertionError) as caught:
        runner.run_bulk(task, USER, CustomerRef('ACME'), 'user', by_name, ('name', 'upn'), 'users')
    assert "User 'ANN' appears twice in the list" in str(caught.value)
    assert client.calls == []
