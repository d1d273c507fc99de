# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The run's user directory: stored names, e-mail addresses of recipients, users that must exist - one read."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
from lxml import etree

from ansible_collections.atria.cortex.plugins.module_utils.engine.context import RunContext
from ansible_collections.atria.cortex.plugins.module_utils.engine.reconciler import Plan
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CustomerRef
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.directory import (
    UnknownUsersError, UserDirectory, is_email, require_members, user_entry)

from fakes import USERS, UsersClient


def element(xml):
    return etree.fromstring(xml)


def directory(users=None):
    return RunContext(UsersClient(USERS if users is None else users), customer=CustomerRef('DA')).lookup(UserDirectory)


def test_names_of_all_lists_are_looked_up_in_one_read():
    users = directory()
    users.expect(['xavier', 'someone@example.org'])
    users.users(['yvonne'])
    users.users(['xavier_DA'])
    assert users.client.calls == ['GET']


def test_require_names_missing_and_deprovisioned_users():
    with pytest.raises(UnknownUsersError) as failure:
        directory().require(['zoe', 'ghost', 'xavier'], 'Members of workflow group G')
    message = str(failure.value)
    assert message.startswith('Members of workflow group G:')
    assert "user 'ghost' does not exist" in message and "user 'zoe_DA' is de-provisioned" in message
    assert 'Nothing was sent' in message


def test_user_entry_lists_the_primary_address_first_then_the_upn():
    entry = user_entry(element('<user><name>a_DA</name><upn>a_DA@da.example</upn><addresses>'
                               '<address>other@da.example</address><address primary="True">a@da.example</address>'
                               '</addresses><status>Provisioned</status></user>'))
    assert entry['emails'] == ['a@da.example', 'other@da.example', 'a_DA@da.example']


def test_the_directory_is_the_runs_one_lookup():
    context = RunContext(UsersClient(USERS), customer=CustomerRef('DA'))
    assert context.lookup(UserDirectory) is context.lookup(UserDirectory)
    assert context.lookup(UserDirectory).stored_name('xavier') == 'xavier_DA'
    assert context.lookup(UserDirectory).stored_name('xavier_da') == 'xavier_da'


def test_recipient_keys_use_the_address_the_list_shows_else_the_primary_one():
    users = directory()
    assert users.recipient_keys(['xavier', 'yvonne', 'partner@example.org'], ['XAVIER@da.example']) == [
        'XAVIER@da.example', 'yvonne_DA@da.example', 'partner@example.org']     # yvonne has no address: her UPN
    assert users.client.calls == ['GET']


def test_recipient_keys_of_unknown_users_fail_unless_lenient():
    users = directory()
    with pytest.raises(UnknownUsersError) as caught:
        users.recipient_keys(['ghost'], [], what='owners')
    assert str(caught.value).startswith("owners: user 'ghost' does not exist in customer 'DA'")
    assert directory().recipient_keys(['ghost'], [], lenient=True) == []


def test_require_without_provisioned_accepts_deprovisioned_users():
    directory().require(['zoe'], 'Owners', provisioned=False)


def test_require_members_checks_only_what_a_write_sends():
    context = RunContext(UsersClient(USERS), customer=CustomerRef('DA'))
    check = require_members('members')
    check(Plan('update'), context, lambda: "workflow group 'G'")
    assert context.client.calls == []          # members not sent: no read
    with pytest.raises(UnknownUsersError) as caught:
        check(Plan('update', [(MembersStandIn(), Sent(['ghost_DA']))]), context, lambda: "workflow group 'G'")
    assert str(caught.value).startswith("Members of workflow group 'G': user 'ghost_DA' does not exist")


class MembersStandIn:
    option = 'members'


class Sent:
    def __init__(self, send):
        self.send = send


def test_an_address_names_any_recipient():
    assert is_email('a@b.example') and not is_email('alice') and not is_email(None)
