# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Issue 15, users: the password settings share <password> with the password and are compared without it; account
expiry and password expiry take never or a date; locked only unlocks; manager named by user name."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.api.errors import InvalidValueError
from ansible_collections.atria.cortex.plugins.module_utils.engine.context import RunContext
from ansible_collections.atria.cortex.plugins.module_utils.engine.reconciler import Plan
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CustomerRef
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.checks import UserCheckError, check_write
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.resource import USER
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.directory import UserDirectory
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.settings import UnlockOnlyError, check_manager, expiry_text

from fakes import FakeClient, element

USER_GET = ('<user><name>ann_TC</name><customfield1>c1</customfield1><expires>Never</expires>'
            '<password><changeatnextlogon>False</changeatnextlogon><expires>20150512</expires></password>'
            '<locked>True</locked><additionalproperties><property><name>title</name><value>Engineer</value></property>'
            '<property><name>manager</name><value>Boss_TC</value></property></additionalproperties></user>')


def plan_for(options, current=USER_GET):
    """The update plan (as the engine makes it) of ``options`` against the user element ``current``."""
    context = RunContext(FakeClient(), customer=CustomerRef('TC'))
    context.customer.code = 'TC'
    values = USER.values(element(current))
    desired = USER.desired(options)
    changes = []
    for field in USER.fields:
        if field.option in desired:
            change = field.compare(values.get(field.option), desired[field.option], options, creating=False, context=context)
            if change.changed:
                changes.append((field, change))
    return Plan('update', changes), context


def test_the_user_get_of_the_capture_reads_as_options():
    values = USER.values(element(USER_GET))
    assert values['change_password_at_next_logon'] is False
    assert values['password_expires'] == '2015-05-12'       # the capture's 20150512
    assert values['account_expires'] == 'Never' and values['custom_field1'] == 'c1' and values['locked'] is True
    assert values['additional_properties'] == {'title': 'Engineer', 'manager': 'Boss_TC'}


def test_a_password_setting_travels_in_one_password_element_with_the_password_and_both_spellings():
    plan, context = plan_for({'password': 'S3cret!!', 'update_password': 'always', 'change_password_at_next_logon': True,
                              'password_expires': '2031-01-31'})
    block, = [child for child in plan.children(context) if child.tag == 'password']
    assert [child.tag for child in block] == ['password', 'changeatnextlogon', 'changeatnextlogin', 'expires']
    assert block.findtext('changeatnextlogin') == 'True' and block.findtext('expires') == '2031-01-31'


def test_password_settings_change_without_the_password_and_compare_on_every_run():
    plan, context = plan_for({'change_password_at_next_logon': True, 'update_password': 'on_create'})
    block, = plan.children(context)
    assert block.find('password') is None and block.findtext('changeatnextlogon') == 'True'
    same, _context = plan_for({'change_password_at_next_logon': False, 'password_expires': '2015-05-12',
                               'account_expires': 'never', 'custom_field1': 'c1'})
    assert same.changes == []


def test_never_is_sent_as_the_guide_writes_it():
    plan, context = plan_for({'password_expires': 'NEVER', 'account_expires': '2031-01-31'})
    children = dict((child.tag, child) for child in plan.children(context))
    assert children['password'].findtext('expires') == 'NEVER' and children['expires'].text == '2031-01-31'


@pytest.mark.parametrize('option', ['account_expires', 'password_expires'])
@pytest.mark.parametrize('value', ['tomorrow', '31/01/2031', '2031-02-30'])
def test_an_expiry_that_is_neither_never_nor_a_date_is_refused(option, value):
    with pytest.raises(InvalidValueError) as caught:
        USER.desired({option: value})
    assert option in str(caught.value) and 'YYYY-MM-DD' in str(caught.value) and 'Nothing was sent' in str(caught.value)


def test_expiry_texts():
    assert expiry_text('never') == 'Never' and expiry_text('2031-01-31T00:00:00') == '2031-01-31'
    assert expiry_text('20310131') == '2031-01-31' and expiry_text('') is None


def test_locked_true_is_refused_and_false_unlocks():
    with pytest.raises(UnlockOnlyError) as caught:
        USER.desired({'locked': True})
    assert 'can only unlock' in str(caught.value) and 'enabled: false' in str(caught.value)
    plan, context = plan_for({'locked': False})
    unlock, = plan.children(context)
    assert unlock.tag == 'locked' and unlock.text == 'False'


def test_only_the_directory_attributes_given_are_compared_and_sent_under_their_tag():
    plan, context = plan_for({'additional_properties': {'title': 'Engineer', 'mobile': '+371 2000'}})
    sent, = plan.children(context)
    assert sent.tag == 'additionalproperties'
    assert [(item.findtext('name'), item.findtext('value')) for item in sent] == [('mobile', '+371 2000')]


@pytest.mark.parametrize('manager', ['Boss', 'boss', 'Boss_TC', 'BOSS_tc'])
def test_a_manager_named_by_user_name_compares_with_the_stored_login(manager):
    plan, _context = plan_for({'additional_properties': {'manager': manager}})
    assert plan.changes == []


def test_a_new_manager_is_sent_by_its_stored_name_and_must_exist():
    plan, context = plan_for({'additional_properties': {'Manager': 'carol'}})
    sent, = plan.children(context)
    assert sent.findtext('property/value') == 'carol_TC'
    calls = []

    class Directory:
        def __init__(self, _context):
            pass

        def require(self, names, what, provisioned=True):
            calls.append((names, what, provisioned))

    context._lookups[UserDirectory] = Directory(context)   # pylint: disable=protected-access
    check_manager(plan, context, lambda: "user 'ann_TC'")
    assert calls == [(['carol_TC'], "The manager of user 'ann_TC'", False)]


def test_never_expiring_passwords_are_refused_when_the_policy_does_not_allow_them():
    customer = element('<customer><name>TC</name><password><allowneverexpires>False</allowneverexpires></password>'
                       '<user><name>ann_TC</name></user></customer>')
    context = RunContext(FakeClient([customer]), customer=CustomerRef('TC'))
    plan, _context = plan_for({'password_expires': 'never'}, current='<user><name>ann_TC</name></user>')
    with pytest.raises(UserCheckError) as caught:
        check_write(plan, context, lambda: "user 'ann_TC'")
    assert 'error 35' in str(caught.value) and 'password_allow_never_expires: true' in str(caught.value)
    assert 'Nothing was sent' in str(caught.value)


def test_a_manager_the_same_task_creates_is_not_looked_up():
    """Failed before (the tenant role's users: one SET creating boss and ann managed by boss was refused)."""
    plan, context = plan_for({'additional_properties': {'manager': 'dora'}})
    calls = []

    class Directory:
        def stored_name(self, name):
            return name if name.endswith('_TC') else name + '_TC'

        def require(self, names, what, provisioned=True):
            calls.append(names)

    context._lookups[UserDirectory] = Directory()     # pylint: disable=protected-access
    USER.announce({'name': 'dora'}, context)
    check_manager(plan, context, lambda: "user 'ann_TC'")
    assert calls == []
