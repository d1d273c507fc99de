# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Member-list fields on lxml elements: reading, the three list modes, what a write carries."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
from lxml import etree

from ansible_collections.atria.cortex.plugins.module_utils.entities.user.directory import UnknownUsersError, UserDirectory
from ansible_collections.atria.cortex.plugins.module_utils.engine.context import RunContext
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CustomerRef
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.members import RecipientListField, SelectedRecipientListField, UserNameListField

from fakes import USERS, UsersClient


def element(xml):
    return etree.fromstring(xml)


def xml(el):
    return etree.tostring(el).decode()


def run_context(users=None):
    return RunContext(UsersClient(USERS if users is None else users), customer=CustomerRef('DA'))


def directory(users=None):
    return run_context(users).lookup(UserDirectory)


class InRun:
    """A member field as the engine drives it: the desired names announced, then compared, with the run's context
    (whose UserDirectory of customer DA is ``directory``)."""

    def __init__(self, field, users=None):
        self.field = field
        self.context = run_context(users)
        self.directory = self.context.lookup(UserDirectory)

    def __getattr__(self, name):
        return getattr(self.field, name)

    def compare(self, current, desired, params, creating):
        if desired is not None:
            self.field.announce(desired, self.context)
        return self.field.compare(current, desired, params, creating, context=self.context)


def params(option, mode):
    return {option + '_mode': mode}


# ---------------------------------------------------------------- workflow-group members (replaced as a whole)
def workflow_members():
    return InRun(UserNameListField('members', 'members', 'member', 'username'))


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
    return InRun(RecipientListField('owners', 'owners', 'owners', read_item_tags=('owners', 'owner')), users)


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
    # the FIND tells which name is unknown; one GET of the contacts tells it is no contact's display name either
    assert field.directory.client.calls == ['GET', 'FIND', 'GET', 'GET']


class UsersAndContactsClient(UsersClient):
    """DA's users, and one contact (the HE service's <contacts> answer)."""

    def get(self, entity):
        if entity.find('service/contacts') is None:
            return super(UsersAndContactsClient, self).get(entity)
        self.calls.append('GET contacts')
        return element('<response><customer><name>DA</name><service><name>HE</name><status>Provisioned</status><contacts>'
                       '<contact><displayname>Pat Partner</displayname><email>pat@partner.example</email></contact>'
                       '</contacts></service></customer></response>')


def test_a_name_that_is_no_user_may_be_a_contact_s_display_name():
    field = SelectedRecipientListField('members', 'members', 'member')
    context = RunContext(UsersAndContactsClient(USERS), customer=CustomerRef('DA'))
    field.announce(['xavier', 'PAT PARTNER'], context)
    change = field.compare([], field.normalize(['xavier', 'PAT PARTNER']), params('members', 'present'), False, context=context)
    assert change.after == ['xavier@da.example', 'pat@partner.example']
    assert xml(field.build(change.send)[0]).count('<email>pat@partner.example</email>') == 1
    # already a member (the list shows contacts by e-mail address): nothing to send, and still no user is asked twice
    again = field.compare(['PAT@partner.example', 'xavier@da.example'], field.normalize(['Pat Partner']),
                          params('members', 'present'), False, context=context)
    assert not again.changed
    assert context.client.calls == ['GET', 'FIND', 'GET', 'GET contacts']
    with pytest.raises(UnknownUsersError) as failure:
        field.compare([], field.normalize(['Pat Parner']), params('members', 'present'), False, context=context)
    assert "user 'Pat Parner' does not exist in customer 'DA', and no contact has that display name" in str(failure.value)
    assert 'atria.cortex.atria_contact_info lists them' in str(failure.value)


def test_removing_an_unknown_user_removes_nothing():
    field = owners_field()
    change = field.compare(['xavier@da.example'], field.normalize(['nobody']), params('owners', 'absent'), False)
    assert not change.changed


# ---------------------------------------------------------------- members (added/removed one by one)
def members_field():
    return InRun(SelectedRecipientListField('members', 'members', 'member'))


def test_selected_list_is_asked_for_only_when_managed():
    field = members_field()
    assert [el.tag for el in field.read_request(['x'])] == ['members']
    assert field.read_request(None) == []


def test_selected_members_add_x_to_y_and_z_sends_only_x():
    field = members_field()
    current = field.read(element(
        '<distributiongroup><members>'
        '<member><displayname>yvonne</displayname><email>yvonne_da@da.example</email><selected>True</selected><enabled>True</enabled></member>'
        '<member><displayname>zoe</displayname><email>zoe@da.example</email><selected>True</selected><enabled>True</enabled></member>'
        '</members></distributiongroup>'))
    change = field.compare(current, field.normalize(['xavier']), params('members', 'present'), False)
    assert change.after == ['yvonne_da@da.example', 'zoe@da.example', 'xavier@da.example']
    assert change.send == (['xavier@da.example'], [])
    assert xml(field.build(change.send)[0]) == (
        '<members><member><email>xavier@da.example</email><selected>True</selected><enabled>True</enabled></member></members>')


def test_selected_members_exact_x_adds_x_and_deselects_the_others():
    field = members_field()
    change = field.compare(['yvonne_da@da.example', 'zoe@da.example'], field.normalize(['xavier_DA']),
                           params('members', 'exact'), False)
    assert change.after == ['xavier@da.example']
    assert xml(field.build(change.send)[0]) == (
        '<members><member><email>xavier@da.example</email><selected>True</selected><enabled>True</enabled></member>'
        '<member><email>yvonne_da@da.example</email><selected>False</selected><enabled>False</enabled></member>'
        '<member><email>zoe@da.example</email><selected>False</selected><enabled>False</enabled></member></members>')


def test_selected_members_identical_run_changes_nothing():
    field = members_field()
    change = field.compare(['XAVIER@da.example'], field.normalize(['xavier@DA.example']), params('members', 'exact'), False)
    assert not change.changed and change.before == ['XAVIER@da.example']


def test_create_with_members_selects_them_and_with_none_sends_nothing():
    field = members_field()
    change = field.compare(None, field.normalize(['partner@example.org']), params('members', 'exact'), True)
    assert change.send == (['partner@example.org'], [])
    assert not field.compare(None, [], params('members', 'exact'), True).changed
