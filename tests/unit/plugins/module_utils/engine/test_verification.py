# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The read-back after a write: what took, what did not, what is still in flight, what waits for an approver."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from fakes import element

from ansible_collections.atria.cortex.plugins.module_utils.api.release import Release
from ansible_collections.atria.cortex.plugins.module_utils.engine import fields as f
from ansible_collections.atria.cortex.plugins.module_utils.engine.verification import (
    NotCreated, NotRemoved, Verifier, WriteNotApplied, shown, tag_of, unapplied)

LAST_NAME = f.Field('last_name', 'lastname')
ROLES = f.ListField('roles', 'roles', item_tag='role')
PASSWORD = f.WriteOnlyField('password', lambda value: [])
FIELDS = (LAST_NAME, ROLES, PASSWORD)
PARAMS = {'last_name': 'Renamed', 'roles': ['Helpdesk'], 'roles_mode': 'exact', 'password': 'S3cret!pw'}


class Plan:
    def __init__(self, action, changes=(), status=None, before=None):
        self.action = action
        self.changes = list(changes)
        self.status = status
        self.before = before or {}


def plan_for(entity, params=None, creating=False):
    """What the engine would plan for ``entity`` now: every field that differs from the task."""
    params = PARAMS if params is None else params
    changes = []
    for field in FIELDS:
        current = None if entity is None else field.read(entity)
        change = field.compare(current, field.normalize(params.get(field.option)), params, creating=creating)
        if change.changed:
            changes.append((field, change))
    return Plan('create' if creating else 'update', changes)


def user(lastname='Tester', roles=('Helpdesk',), status='Provisioned', approval='False'):
    items = ''.join('<role>%s</role>' % role for role in roles)
    return element('<user><name>Bob_TC</name><lastname>%s</lastname><roles>%s</roles><status>%s</status>'
                   '<approvalpending>%s</approvalpending></user>' % (lastname, items, status, approval))


class Reads:
    """read() answering the given entities in turn (the last one repeats)."""

    def __init__(self, *entities):
        self.entities = list(entities)
        self.count = 0

    def __call__(self):
        self.count += 1
        return self.entities.pop(0) if len(self.entities) > 1 else self.entities[0]


def verifier(reads, client=None, timeout=5):
    return Verifier(reads, plan_for, "user 'Bob_TC' of customer 'TC'", client=client, timeout=timeout, sleep=lambda _s: None)


def test_a_field_that_took_passes_and_the_read_is_reused():
    sent = plan_for(user(lastname='Tester'))
    after = user(lastname='Renamed')
    reads = Reads(after)
    assert verifier(reads).confirm(sent, request_id=7, current=after) is after
    assert reads.count == 0     # the read the engine already made after the write is reused


def test_a_field_the_server_ignored_fails_naming_option_tag_values_and_request():
    sent = plan_for(user(lastname='Tester'))
    with pytest.raises(WriteNotApplied) as raised:
        verifier(Reads(user(lastname='Tester'))).confirm(sent, request_id=45666)
    message = str(raised.value)
    assert "did not apply `last_name` (tag <lastname>): sent 'Renamed', it holds 'Tester'" in message
    assert 'request 45666' in message and "user 'Bob_TC' of customer 'TC'" in message
    assert 'may not support the tag' in message
    assert raised.value.to_dict()['unapplied'] == [dict(option='last_name', tag='<lastname>', sent='Renamed', held='Tester')]


def test_list_changes_are_verified_too():
    sent = plan_for(user(roles=()))
    with pytest.raises(WriteNotApplied, match=r"`roles` \(tag <roles><role>\): sent \['Helpdesk'\], it holds \[\]"):
        verifier(Reads(user(roles=()))).confirm(sent)


def test_write_only_values_are_never_compared_nor_shown():
    sent = plan_for(None, creating=True)
    assert 'password' in [field.option for field, _change in sent.changes]
    assert unapplied(sent, plan_for(user(lastname='Renamed'))) == []


def test_values_of_an_entity_in_flight_are_re_read_until_it_rests():
    sent = plan_for(user(lastname='Tester'))
    reads = Reads(user(lastname='Tester', status='Requested'), user(lastname='Tester', status='InProgress'),
                  user(lastname='Renamed', status='Provisioned'))
    assert verifier(reads).confirm(sent).findtext('lastname') == 'Renamed'
    assert reads.count == 3


def test_an_entity_at_rest_without_the_value_fails_at_once():
    sent = plan_for(user(lastname='Tester'))
    reads = Reads(user(lastname='Tester', status='Pending'))     # Pending ("Pending Changes") rests
    with pytest.raises(WriteNotApplied):
        verifier(reads).confirm(sent)
    assert reads.count == 1


def test_a_change_held_for_approval_is_a_warning_not_a_failure():
    sent = plan_for(user(lastname='Tester'))
    check = verifier(Reads(user(lastname='Tester', status='Pending', approval='True')))
    check.confirm(sent)
    assert check.warnings and 'held for workflow approval' in check.warnings[0] and '`last_name`' in check.warnings[0]


def test_a_creation_the_server_does_not_show_fails_with_the_release():
    client = type('Client', (), {'memo': {('release',): Release('10.0.0.0')}})()
    with pytest.raises(NotCreated, match='the server reports 10.0.0.0'):
        verifier(Reads(None), client=client).confirm(plan_for(None, creating=True), request_id=None)


def test_a_delete_is_done_when_the_entity_is_gone_or_de_provisioned():
    verifier(Reads(None)).confirm_gone(1)
    verifier(Reads(user(status='NotProvisioned'))).confirm_gone(1)
    reads = Reads(user(status='InProgress'), None)
    verifier(reads).confirm_gone(1)
    assert reads.count == 2


def test_a_delete_the_server_ignored_fails():
    with pytest.raises(NotRemoved, match='still exists \\(status Provisioned\\)'):
        verifier(Reads(user(status='Provisioned'))).confirm_gone(99)


def test_tags_and_values_as_messages_show_them():
    assert tag_of(LAST_NAME) == '<lastname>'
    assert tag_of(ROLES) == '<roles><role>'
    assert shown(None) == 'nothing' and shown('') == "''" and shown(True) == 'True'
    assert len(shown('x' * 500)) == 120
    plans = [dict(name='EX10_BASIC', enabled=True, user_limit=5), dict(name='EX10_FULL', enabled=False)]
    assert shown(plans) == "'enabled: EX10_BASIC'"
