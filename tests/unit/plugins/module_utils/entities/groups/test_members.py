# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Member-list fields on lxml elements: reading, the three list modes, what a write carries."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
from lxml import etree

from ansible_collections.atria.cortex.plugins.module_utils.entities.user.directory import UnknownUsersError, UserDirectory, user_entry
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import NotFoundError
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.members import RecipientListField, SelectedRecipientListField, UserNameListField


def element(xml):
    return etree.fromstring(xml)


def xml(el):
    return etree.tostring(el).decode()


class UsersClient:
    """Answers GETs and FINDs of users of customer DA like the server: a GET naming an unknown user fails (16)."""

    def __init__(self, users):
        self.users = users      # stored name -> (upn, primary address or None, status)
        self.calls = []

    def _detail(self, name):
        upn, primary, status = self.users[name]
        addresses = '<address primary="True">%s</address>' % primary if primary else ''
        return ('<user><name>%s</name><fullname>%s</fullname><upn>%s</upn><addresses>%s</addresses><status>%s</status></user>'
                % (name, name.split('_')[0], upn, addresses, status))

    def get(self, entity):
        self.calls.append('GET')
        wanted = [user.findtext('name') for user in entity.findall('user')]
        known = dict((name.lower(), name) for name in self.users)
        for name in wanted:
            if name.lower() not in known:
                raise NotFoundError(16, "User '%s' not found." % name)
        return element('<response><customer><name>DA</name>%s</customer></response>'
                       % ''.join(self._detail(known[name.lower()]) for name in wanted))

    def find(self, entity):
        self.calls.append('FIND')
        summaries = ''.join('<user><name>%s</name></user>' % name for name in self.users)
        return element('<response><customer><name>DA</name>%s</customer></response>' % summaries)


USERS = {
    'xavier_DA': ('xavier_DA@da.example', 'xavier@da.example', 'Provisioned'),
    'yvonne_DA': ('yvonne_DA@da.example', None, 'Provisioned'),
    'zoe_DA': ('zoe_DA@da.example', 'zoe@da.example', 'NotProvisioned'),
}


def directory(users=None):
    return UserDirectory(UsersClient(USERS if users is None else users), 'DA')


def params(option, mode):
    return {option + '_mode': mode}


# ---------------------------------------------------------------- workflow-group members (replaced as a whole)
def workflow_members():
    return UserNameListField('members', 'members', 'member', 'username', directory())


def group(*names):
    members = ''.join('<member><displayname>%s</displayname><username>%s</username></member>' % (name, name) for name in names)
    return element('<group><name>G</name><members>%s</members></group>' % members)


def test_workflow_members_read_the_login_names():
    assert workflow_members().read(group('yvonne_DA', 'zoe_DA')) == ['yvonne_DA', 'zoe_DA']
    assert workflow_members().read(element('<group><name>G</name></group>')) is None


@pytest.mark.parametrize('mode, desired, expected', [
    ('present', ['xavier'], ['yvonne_DA', 'zoe_DA', 'xavier_DA']),       # add X to Y, Z
    ('exact', ['xavier'], ['xavier_DA']),                                  # the whole list is X
    ('absent', ['ZOE_da'], ['yvonne_DA']),                                 # case and suffix do not matter
])
def test_workflow_members_modes_send_the_whole_resulting_list(mode, desired, expected):
    field = workflow_members()
    change = field.compare(field.read(group('yvonne_DA', 'zoe_DA')), field.normalize(desired), params('members', mode), False)
    assert change.changed and change.send == expected and change.after == expected
    assert xml(field.build(change.send)[0]) == '<members>%s</members>' % ''.join(
        '<member><username>%s</username></member>' % name for name in expected)


@pytest.mark.parametrize('mode, desired', [
    ('exact', ['Yvonne', 'zoe_DA']), ('present', ['zoe']), ('absent', ['xavier']),
])
def test_workflow_members_identical_lists_change_nothing_and_read_no_users(mode, desired):
    field = workflow_members()
    change = field.compare(['yvonne_DA', 'zoe_DA'], field.normalize(desired), params('members', mode), False)
    assert not change.changed
    assert field.directory.client.calls == []     # comparing names needs no lookup


def test_workflow_members_exact_empty_list_removes_everyone():
    field = workflow_members()
    change = field.compare(['yvonne_DA'], [], params('members', 'exact'), False)
    assert change.changed and change.send == []
    assert xml(field.build([])[0]) == '<members/>'


# ---------------------------------------------------------------- owners (recipients, replaced as a whole)
def owners_field(users=None):
    return RecipientListField('owners', 'owners', 'owners', directory(users), read_item_tags=('owners', 'owner'))


def dist_group(owners_xml):
    return element('<distributiongroup><displayname>Team</displayname><owners>%s</owners></distributiongroup>' % owners_xml)


def test_owners_read_both_item_spellings_by_email_else_display_name():
    group_el = dist_group('<owners><displayname>Y</displayname><email>yvonne_da@da.example</email></owners>'
                          '<owner><displayname>No Mail</displayname><email /></owner>')
    assert owners_field().read(group_el) == ['yvonne_da@da.example', 'No Mail']


def test_owners_by_user_name_match_the_address_the_group_shows():
    field = owners_field()
    current = ['Yvonne_DA@da.example', 'zoe@da.example']
    change = field.compare(current, field.normalize(['yvonne', 'ZOE_DA']), params('owners', 'exact'), False)
    assert not change.changed
    assert field.directory.client.calls == ['GET']      # one lookup for every name


def test_owners_add_and_exact_send_the_whole_list_by_email():
    field = owners_field()
    added = field.compare(['yvonne_da@da.example'], field.normalize(['xavier']), params('owners', 'present'), False)
    assert added.send == ['yvonne_da@da.example', 'xavier@da.example']    # the primary address
    exact = field.compare(['yvonne_da@da.example'], field.normalize(['partner@example.org']), params('owners', 'exact'), False)
    assert exact.send == ['partner@example.org']
    assert xml(field.build(exact.send)[0]) == '<owners><owners><email>partner@example.org</email></owners></owners>'


def test_unknown_user_fails_before_anything_is_sent_naming_it():
    field = owners_field()
    with pytest.raises(UnknownUsersError) as failure:
        field.compare([], field.normalize(['nobody', 'xavier']), params('owners', 'present'), False)
    assert "user 'nobody' does not exist in customer 'DA'" in str(failure.value)
    assert field.directory.client.calls == ['GET', 'FIND', 'GET']   # the FIND tells which name is unknown


def test_removing_an_unknown_user_removes_nothing():
    field = owners_field()
    change = field.compare(['xavier@da.example'], field.normalize(['nobody']), params('owners', 'absent'), False)
    assert not change.changed


# ---------------------------------------------------------------- members (added/removed one by one)
def members_field():
    return SelectedRecipientListField('members', 'members', 'member', directory())


def test_selected_list_is_asked_for_only_when_managed():
    field = members_field()
    assert [el.tag for el in field.read_request(['x'])] == ['members']
    assert field.read_request(None) == []


def test_selected_members_add_x_to_y_and_z_sends_only_x():
    field = members_field()
    current = field.read(element(
        '<distributiongroup><members>'
        '<member><displayname>yvonne</displayname><email>yvonne_da@da.example</email><selected>True</selected></member>'
        '<member><displayname>zoe</displayname><email>zoe@da.example</email><selected>True</selected></member>'
        '</members></distributiongroup>'))
    change = field.compare(current, field.normalize(['xavier']), params('members', 'present'), False)
    assert change.after == ['yvonne_da@da.example', 'zoe@da.example', 'xavier@da.example']
    assert change.send == (['xavier@da.example'], [])
    assert xml(field.build(change.send)[0]) == (
        '<members><member><email>xavier@da.example</email><selected>True</selected></member></members>')


def test_selected_members_exact_x_adds_x_and_deselects_the_others():
    field = members_field()
    change = field.compare(['yvonne_da@da.example', 'zoe@da.example'], field.normalize(['xavier_DA']),
                           params('members', 'exact'), False)
    assert change.after == ['xavier@da.example']
    assert xml(field.build(change.send)[0]) == (
        '<members><member><email>xavier@da.example</email><selected>True</selected></member>'
        '<member><email>yvonne_da@da.example</email><selected>False</selected></member>'
        '<member><email>zoe@da.example</email><selected>False</selected></member></members>')


def test_selected_members_identical_run_changes_nothing():
    field = members_field()
    change = field.compare(['XAVIER@da.example'], field.normalize(['xavier@DA.example']), params('members', 'exact'), False)
    assert not change.changed and change.before == ['XAVIER@da.example']


def test_create_with_members_selects_them_and_with_none_sends_nothing():
    field = members_field()
    change = field.compare(None, field.normalize(['partner@example.org']), params('members', 'exact'), True)
    assert change.send == (['partner@example.org'], [])
    assert not field.compare(None, [], params('members', 'exact'), True).changed


# ---------------------------------------------------------------- the directory itself
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
