# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Plan fields and service names, on lxml elements shaped like the captures."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.entities.service import catalog as service_names
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.plans import CustomerPlansField, PackageField, ServiceOptionError, UserPlansField
from ansible_collections.atria.cortex.plugins.module_utils.engine.context import RunContext

from fakes import fss_service, he_service, response, user_he_service


class Service:
    """What the plan fields ask of their service: its code, its plan tag and its customer service."""

    def __init__(self, code, customer_service=None):
        self.code = code
        self._customer_service = customer_service
        self.catalogue_reads = 0

    def plan_tag(self):
        return service_names.plan_tag(self.code)

    def customer_service(self, client):
        self.catalogue_reads += 1
        return self._customer_service


class InRun:
    """A plan field as the engine drives it: compared, prepared and built with the run's context, whose service
    is ``service``."""

    def __init__(self, field, service):
        self.field = field
        self.context = RunContext(None, service=service)

    def __getattr__(self, name):
        return getattr(self.field, name)

    def compare(self, current, desired, params, creating):
        return self.field.compare(current, desired, params, creating, context=self.context)

    def build(self, value):
        """What a write carries for a value compare() sends (prepare() puts the run's plan tag to it)."""
        return self.field.build((self.context.service.plan_tag(), value))


def compare(field, entity, given, mode='exact'):
    """normalize -> resolve -> compare, as the engine does."""
    desired = field.resolve(field.normalize(given), entity)
    return field.compare(field.read(entity), desired, {field.option + '_mode': mode}, creating=False)


# -- the customer plan ---------------------------------------------------------------------------------------------
def test_package_reads_the_enabled_one_and_resolves_display_names():
    field = PackageField()
    entity = he_service(package='Default')
    assert field.read(entity) == 'Default'
    assert field.resolve('public folders', entity) == 'PublicFolders'
    change = field.compare('Default', 'PublicFolders', {}, creating=False)
    assert change.changed and change.send == 'PublicFolders'
    assert not field.compare('Default', 'default', {}, creating=False).changed


def test_unknown_package_is_refused_with_the_available_ones():
    with pytest.raises(ServiceOptionError) as caught:
        PackageField().resolve('Gold', he_service())
    assert "no customer plan 'Gold'" in str(caught.value)
    assert 'Default (Default), PublicFolders (Public Folders)' in str(caught.value)
    assert 'Nothing was sent' in str(caught.value)


def test_package_is_sent_enabled_by_code():
    package, = PackageField().build('PublicFolders')
    assert [(child.tag, child.text) for child in package] == [('name', 'PublicFolders'), ('enabled', 'True')]


# -- user plans of a customer service --------------------------------------------------------------------------------
def test_customer_plans_read_every_plan_with_its_state():
    plans = InRun(CustomerPlansField('user_plans'), Service('HE')).read(he_service())
    assert [(plan['name'], plan['enabled'], plan['user_limit']) for plan in plans] == [
        ('FORFAIT_2GO_2013', True, 'Unlimited'), ('FORFAIT_60GO_1AN', True, 'Unlimited'), ('EX10_BASIC', False, 'Unlimited')]


def test_plan_items_are_names_or_dicts_with_a_limit():
    field = InRun(CustomerPlansField('user_plans'), Service('HE'))
    assert field.normalize(['A', {'name': 'B', 'user_limit': 5}, {'name': 'C', 'user_limit': 'unlimited'}]) == [
        {'name': 'A', 'user_limit': None}, {'name': 'B', 'user_limit': 5}, {'name': 'C', 'user_limit': 'Unlimited'}]
    with pytest.raises(ServiceOptionError):
        field.normalize([{'name': 'A', 'limit': 5}])


def test_exact_mode_disables_plans_not_listed_and_sends_every_plan_with_userpackage():
    field = InRun(CustomerPlansField('user_plans'), Service('HE'))
    change = compare(field, he_service(), ['Forfait_2Go_2013', {'name': 'ex10 basic', 'user_limit': 10}])
    assert change.changed
    assert [(plan['name'], plan['enabled']) for plan in change.after] == [
        ('FORFAIT_2GO_2013', True), ('FORFAIT_60GO_1AN', False), ('EX10_BASIC', True)]
    elements = field.build(change.send)
    assert [element.tag for element in elements] == ['userpackage'] * 3
    assert [(e.findtext('name'), e.findtext('enabled'), e.findtext('userlimit')) for e in elements] == [
        ('FORFAIT_2GO_2013', 'True', 'Unlimited'), ('FORFAIT_60GO_1AN', 'False', 'Unlimited'), ('EX10_BASIC', 'True', '10')]


@pytest.mark.parametrize('mode, given, enabled', [
    ('present', ['EX10_BASIC'], [True, True, True]),
    ('absent', ['FORFAIT_60GO_1AN'], [True, False, False]),
])
def test_present_and_absent_modes_keep_the_other_plans(mode, given, enabled):
    change = compare(InRun(CustomerPlansField('user_plans'), Service('HE')), he_service(), given, mode)
    assert [plan['enabled'] for plan in change.after] == enabled


@pytest.mark.parametrize('mode, given', [
    ('exact', ['FORFAIT_2GO_2013', 'forfait_60go_1an']), ('present', ['Forfait_2Go_2013']), ('absent', ['EX10_BASIC'])])
def test_plan_modes_are_idempotent(mode, given):
    assert not compare(InRun(CustomerPlansField('user_plans'), Service('HE')), he_service(), given, mode).changed


def test_other_services_use_userplan():
    field = InRun(CustomerPlansField('user_plans'), Service('FSS'))
    change = compare(field, fss_service(), ['FULL', 'Read'])
    assert [element.tag for element in field.build(change.send)] == ['userplan'] * 3


def test_unknown_user_plan_is_refused_with_the_plans_of_the_service():
    with pytest.raises(ServiceOptionError) as caught:
        compare(InRun(CustomerPlansField('user_plans'), Service('HE')), he_service(), ['GOLD'])
    assert "Hosted Exchange (HE) has no user plan 'GOLD'" in str(caught.value)
    assert 'EX10_BASIC (Ex10 Basic)' in str(caught.value)


def test_a_plan_users_have_is_not_disabled():
    entity = he_service(plans=[('A', 'A', True, True), ('B', 'B', True, False)])
    with pytest.raises(ServiceOptionError) as caught:
        compare(InRun(CustomerPlansField('user_plans'), Service('HE')), entity, ['B'])
    assert 'A cannot be disabled' in str(caught.value)


# -- user plans of a user service -------------------------------------------------------------------------------------
def test_user_plans_read_codes_and_match_display_names_of_the_users_plans():
    field = InRun(UserPlansField('user_plans'), Service('HE'))
    entity = user_he_service(['FORFAIT_60GO_1AN'])
    assert field.read(entity) == ['FORFAIT_60GO_1AN']
    assert not compare(field, entity, ['Forfait_60Go_1an']).changed
    change = compare(field, entity, ['FORFAIT_2GO_2013'])
    assert change.changed and change.send == [('FORFAIT_2GO_2013', True)]


def test_user_plan_names_are_sent_as_codes_from_the_customer_service():
    service = Service('HE', customer_service=he_service())
    field = UserPlansField('user_plans')
    element, = field.build(field.prepare(RunContext(None, service=service), [('Forfait_2Go_2013', True)]))
    assert element.tag == 'userpackage' and element.findtext('name') == 'FORFAIT_2GO_2013'
    assert service.catalogue_reads == 1


def test_one_plan_per_user_except_hosted_apps():
    with pytest.raises(ServiceOptionError) as caught:
        compare(InRun(UserPlansField('user_plans'), Service('HE')), user_he_service([]), ['A', 'B'])
    assert 'gives a user one user plan' in str(caught.value)
    change = compare(InRun(UserPlansField('user_plans'), Service('HostedAppsandDesktops')), user_he_service([]), ['DESKTOPS', 'OFFICEAPPS'])
    assert change.send == [('DESKTOPS', True), ('OFFICEAPPS', True)]


def test_several_plans_per_user_remove_a_plan_with_enabled_false():
    field = InRun(UserPlansField('user_plans'), Service('HostedAppsandDesktops'))
    change = compare(field, user_he_service(['DESKTOPS', 'OFFICEAPPS']), ['DESKTOPS'])
    assert change.changed and change.after == ['DESKTOPS']
    assert change.send == [('DESKTOPS', True), ('OFFICEAPPS', False)]
    kept, removed = field.build(change.send)
    assert kept.findtext('name') == 'DESKTOPS' and kept.find('enabled') is None
    assert removed.findtext('name') == 'OFFICEAPPS' and removed.findtext('enabled') == 'False'


def test_a_user_service_keeps_at_least_one_plan():
    with pytest.raises(ServiceOptionError) as caught:
        compare(InRun(UserPlansField('user_plans'), Service('HE')), user_he_service(['FORFAIT_60GO_1AN']), ['FORFAIT_60GO_1AN'], 'absent')
    assert 'state: absent' in str(caught.value)


def test_plan_limits_belong_to_the_customer_service():
    with pytest.raises(ServiceOptionError) as caught:
        InRun(UserPlansField('user_plans'), Service('HE')).normalize([{'name': 'A', 'user_limit': 3}])
    assert 'customer service' in str(caught.value)


def test_read_plans_of_an_answer_wrapped_in_a_response():
    # The fields read the <service> element the engine found in the answer, never the whole response.
    answer = response(he_service())
    assert PackageField().read(answer.find('service')) == 'Default'
