# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Service locators, the checks before a service write, and a service task through the engine."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
from lxml import etree

from ansible_collections.atria.cortex.plugins.module_utils.api.errors import NotFoundError, ValidationError
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.plans import ServiceOptionError
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.locator import InstanceLocator, ServiceLocator
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.tasks import ensure_service, option_problems

from fakes import FakeModule
from fakes import (ScriptedClient, accept, answers, customer_answer, element, fss_service, he_service, response,
                   user_he_service)


def path(el):
    """'customer/user/service' for a request element, like the simulator's log."""
    steps = [el.tag]
    child = next((c for c in el if c.tag in ('user', 'service', 'instances', 'instance')), None)
    while child is not None:
        steps.append(child.tag)
        child = next((c for c in child if c.tag in ('user', 'service', 'instances', 'instance')), None)
    return '/'.join(steps)


def params(**overrides):
    values = dict(customer='TC', user=None, name='HE', state='present', package=None, user_plans=None, user_plans_mode='exact',
                  user_limit=None, version=None, properties=None, instance=None, wait=False, wait_timeout=5)
    values.update(overrides)
    return values


def run(client, check_mode=False, **overrides):
    return ensure_service(FakeModule(params(**overrides), check_mode=check_mode), client)


# -- addresses -----------------------------------------------------------------------------------------------------
def test_customer_service_address_uses_the_code_of_a_display_name():
    locator = ServiceLocator('TC', 'Hosted Exchange')
    request = locator.address(None).element()
    assert etree.tostring(request) == b'<customer><name>TC</name><service><name>HE</name></service></customer>'
    assert locator.plan_tag() == 'userpackage'


def test_user_service_address_adds_the_customer_suffix():
    request = ServiceLocator('TC', 'FSS', user='alice').address(None).element()
    assert request.findtext('user/name') == 'alice_TC'
    assert request.findtext('user/service/name') == 'FSS'
    assert ServiceLocator('TC', 'FSS', user='alice@tc.example').address(None).element().findtext('user/upn') == 'alice@tc.example'


def test_instances_are_read_from_the_list_and_written_by_name():
    locator = InstanceLocator(ServiceLocator('TC', 'SharePoint 2010'), 'Site01')
    address = locator.address(None)
    answer = response(element('<customer><name>TC</name><service><name>SharePoint2010</name><instances>'
                              '<instance><name>Other</name></instance><instance><name>site01</name><status>Provisioned</status>'
                              '</instance></instances></service></customer>'))
    client = ScriptedClient(answers(answer))
    found = address.read(client)
    assert found.findtext('status') == 'Provisioned'
    (action, sent), = client.calls
    assert etree.tostring(sent) == b'<customer><name>TC</name><service><name>SharePoint2010</name><instances/></service></customer>'
    assert address.element().findtext('service/instances/instance/name') == 'Site01'
    assert address.describe() == "instance 'Site01' of service 'SharePoint2010' of customer 'TC'"


def test_a_name_outside_appendix_b_is_looked_up_after_service_not_found():
    services = response(element('<customer><name>TC</name><service><name>CloudBackup</name><fullname>Cloud Backup</fullname>'
                                '</service></customer>'))
    client = ScriptedClient(answers(services))
    locator = ServiceLocator('TC', 'cloud backup')
    assert locator.retry_after(NotFoundError(21, 'Service not found'), client) is True
    assert locator.code == 'CloudBackup'
    assert path(client.calls[0][1]) == 'customer/service' and client.calls[0][0] == 'FIND'


def test_an_unknown_service_lists_the_available_ones():
    services = response(customer_answer(he_service()).find('customer'))
    locator = ServiceLocator('TC', 'NoSuch')
    with pytest.raises(NotFoundError) as caught:
        locator.retry_after(NotFoundError(21, 'Service not found'), ScriptedClient(answers(services)))
    assert "Customer 'TC' has no service 'NoSuch'. Its services: HE (Hosted Exchange)." in str(caught.value)
    assert caught.value.code == 21


def test_the_customer_service_is_read_once_per_task():
    client = ScriptedClient(answers(customer_answer(he_service())))
    locator = ServiceLocator('TC', 'HE', user='alice')
    assert locator.customer_service(client) is locator.customer_service(client)
    assert len(client.calls) == 1 and path(client.calls[0][1]) == 'customer/service'


# -- option combinations ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize('overrides, words', [
    (dict(user='alice', package='Basic'), 'package belong(s) to the customer service'),
    (dict(name='FSS', version='2013'), 'Hosted Exchange (HE) only'),
    (dict(name='FSS', instance='X'), 'has no instances'),
    (dict(name='SharePoint2010', instance='X', package='Standard'), 'not an instance'),
    (dict(user_plans=[{'name': 'A', 'user_limit': 1}], user_plans_mode='absent'), 'no meaning'),
])
def test_misplaced_options_are_refused_before_any_request(overrides, words):
    assert any(words in problem for problem in option_problems(params(**overrides)))


def test_a_good_task_has_no_problems():
    assert option_problems(params(version='2013', package='Default', user_plans=['A'])) == []


# -- a customer service through the engine -------------------------------------------------------------------------------
def test_identical_run_is_one_read():
    client = ScriptedClient(answers(customer_answer(he_service())))
    result = run(client, name='Hosted Exchange', version='2013', package='Default', user_plans=['FORFAIT_2GO_2013', 'Forfait_60Go_1an'])
    assert result['changed'] is False
    assert len(client.calls) == 1
    assert result['service']['package'] == 'Default'


def test_provisioning_reads_the_required_properties_then_sends_one_set():
    detail = element('<service><name>HE</name><properties><property><name>MaxRecipients</name><mandatory>False</mandatory>'
                     '<value>500</value></property></properties></service>')
    client = ScriptedClient(answers(customer_answer(he_service(status='NotProvisioned'))), answers(customer_answer(detail)), accept)
    result = run(client, user_plans=['FORFAIT_2GO_2013'])
    assert result['changed'] is True and result['request_id'] == 501
    (action, sent), = client.writes
    service = sent.find('service')
    assert [child.tag for child in service] == ['name', 'userpackage', 'userpackage', 'userpackage', 'status']
    assert service.findtext('status') == 'Provisioned'
    asked = client.calls[1][1].find('service/properties')
    assert asked.get('detail') == 'true' and asked.get('filter') == 'all'


def test_file_sharing_without_its_server_is_refused_in_check_mode_too():
    detail = element('<service><name>FSS</name><fullname>File Sharing</fullname><properties><property><name>FileShareServer</name>'
                     '<fullname>File share server</fullname><mandatory>True</mandatory><value /><validation><options>'
                     '<option><name>CSPFILEHOST01</name></option><option><name>CSPFILEHOST02</name></option></options>'
                     '</validation></property></properties></service>')
    client = ScriptedClient(answers(customer_answer(fss_service())), answers(customer_answer(detail)))
    with pytest.raises(ServiceOptionError) as caught:
        run(client, check_mode=True, name='File Sharing')
    message = str(caught.value)
    assert 'File Sharing (FSS) cannot be provisioned without the property FileShareServer' in message
    assert 'one of CSPFILEHOST01, CSPFILEHOST02' in message and 'properties: {FileShareServer: ...}' in message
    assert client.writes == []


def test_file_sharing_with_its_server_is_provisioned():
    detail = element('<service><name>FSS</name><properties><property><name>FileShareServer</name><mandatory>True</mandatory>'
                     '<value /></property></properties></service>')
    client = ScriptedClient(answers(customer_answer(fss_service())), answers(customer_answer(detail)), accept)
    run(client, name='FSS', properties={'FileShareServer': 'CSPFILEHOST01'})
    (action, sent), = client.writes
    assert sent.findtext('service/properties/property/value') == 'CSPFILEHOST01'
    assert client.calls[0][1].find('service/properties').get('filter') == 'all'


def test_absent_deprovisions_and_ignores_the_other_options():
    client = ScriptedClient(answers(customer_answer(he_service())), accept)
    result = run(client, state='absent', package='PublicFolders')
    (action, sent), = client.writes
    assert action == 'SET'
    assert [child.tag for child in sent.find('service')] == ['name', 'status']
    assert sent.findtext('service/status') == 'NotProvisioned'
    assert result['diff']['after'] == {'name': 'HE', 'status': 'NotProvisioned'}


def test_a_failed_service_is_provisioned_again():
    client = ScriptedClient(answers(customer_answer(he_service(status='Failed'))), answers(customer_answer(he_service())), accept)
    result = run(client)
    assert result['changed'] and client.writes[0][1].findtext('service/status') == 'Provisioned'


# -- a user service through the engine ------------------------------------------------------------------------------------
def test_user_service_checks_read_the_customer_service_only_when_writing():
    client = ScriptedClient(answers(customer_answer(user_he_service(['FORFAIT_60GO_1AN']), user='alice_TC')))
    assert run(client, user='alice', user_plans=['Forfait_60Go_1an'])['changed'] is False
    assert len(client.calls) == 1

    client = ScriptedClient(answers(customer_answer(user_he_service(['FORFAIT_60GO_1AN']), user='alice_TC')),
                            answers(customer_answer(he_service())), accept)
    result = run(client, user='alice', user_plans=['Forfait_2Go_2013'])
    assert [(action, path(sent)) for action, sent in client.calls] == [
        ('GET', 'customer/user/service'), ('GET', 'customer/service'), ('SET', 'customer/user/service')]
    plan, = client.writes[0][1].findall('user/service/userpackage')
    assert plan.findtext('name') == 'FORFAIT_2GO_2013' and plan.find('enabled') is None
    # The diff keeps the playbook's name for a plan the user did not have; the write carries the code.
    assert result['diff'] == {'before': {'name': 'HE', 'user_plans': ['FORFAIT_60GO_1AN']},
                              'after': {'name': 'HE', 'user_plans': ['Forfait_2Go_2013']}}


def test_a_plan_the_customer_does_not_enable_is_refused_with_the_fix():
    client = ScriptedClient(answers(customer_answer(user_he_service([], status='NotProvisioned'), user='alice_TC')),
                            answers(customer_answer(he_service())))
    with pytest.raises(ServiceOptionError) as caught:
        run(client, user='alice', user_plans=['Ex10 Basic'])
    message = str(caught.value)
    assert 'User plan EX10_BASIC of Hosted Exchange (HE) is not enabled' in message
    assert 'user_plans: [EX10_BASIC], user_plans_mode: present' in message
    assert client.writes == []


def test_a_user_service_needs_the_customer_service():
    client = ScriptedClient(answers(customer_answer(user_he_service([], status='NotProvisioned'), user='alice_TC')),
                            answers(customer_answer(he_service(status='NotProvisioned'))))
    with pytest.raises(ServiceOptionError) as caught:
        run(client, user='alice')
    assert 'is not provisioned for customer' in str(caught.value) and 'but no user' in str(caught.value)


def test_a_reached_user_limit_says_which_task_lifts_it():
    refusal = ValidationError(10, "The user limit of 1 for user plan 'FORFAIT_2GO_2013' of service 'HE' has been reached (1 users).")

    def refuse(action, entity):
        return refusal

    client = ScriptedClient(answers(customer_answer(user_he_service([], status='NotProvisioned'), user='alice_TC')),
                            answers(customer_answer(he_service())), refuse)
    with pytest.raises(ValidationError) as caught:
        run(client, user='alice', user_plans=['FORFAIT_2GO_2013'])
    assert caught.value.code == 10
    assert 'user_plans: [{name: FORFAIT_2GO_2013, user_limit: N}], user_plans_mode: present' in str(caught.value)


# -- instances ---------------------------------------------------------------------------------------------------------
def sharepoint(instances='', status='Provisioned'):
    return customer_answer(element('<service><name>SharePoint2010</name><fullname>SharePoint 2010</fullname><status>%s</status>'
                                   '<instances>%s</instances></service>' % (status, instances)))


def test_an_instance_is_created_with_its_properties_and_deleted_by_name():
    client = ScriptedClient(answers(sharepoint()), answers(sharepoint()), accept,
                            answers(sharepoint('<instance><name>Site01</name><status>Requested</status></instance>')))
    result = run(client, name='SharePoint 2010', instance='Site01', properties={'SiteUrl': 'https://x'})
    assert result['changed'] and result['instance']['name'] == 'Site01'
    (action, sent), = client.writes
    assert sent.findtext('service/instances/instance/properties/property/name') == 'SiteUrl'

    client = ScriptedClient(answers(sharepoint('<instance><name>Site01</name><status>Provisioned</status></instance>')), accept)
    run(client, name='SharePoint2010', instance='Site01', state='absent')
    (action, sent), = client.writes
    assert action == 'DELETE' and sent.findtext('service/instances/instance/name') == 'Site01'


def test_an_instance_needs_its_service_provisioned():
    client = ScriptedClient(answers(sharepoint(status='NotProvisioned')), answers(sharepoint(status='NotProvisioned')))
    with pytest.raises(ServiceOptionError) as caught:
        run(client, name='SharePoint2010', instance='Site01')
    assert 'provision it before adding instances' in str(caught.value)
