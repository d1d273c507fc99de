# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The checks before a service write: required properties, the customer service and its plans for a user
service, the service of an instance, and the fix for a reached user limit."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.api.errors import ValidationError
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.plans import ServiceOptionError

from fakes import ScriptedClient, accept, answers, customer_answer, element, fss_service, he_service, user_he_service
from fakes import request_path as path
from fakes import run_service as run


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


def test_user_service_checks_read_the_customer_service_only_when_writing():
    client = ScriptedClient(answers(customer_answer(user_he_service(['FORFAIT_60GO_1AN']), user='alice_TC')))
    assert run(client, user='alice', user_plans=['Forfait_60Go_1an'])['changed'] is False
    assert len(client.calls) == 1

    client = ScriptedClient(answers(customer_answer(user_he_service(['FORFAIT_60GO_1AN']), user='alice_TC')),
                            answers(customer_answer(he_service())), accept,
                            answers(customer_answer(user_he_service(['FORFAIT_2GO_2013']), user='alice_TC')))
    result = run(client, user='alice', user_plans=['Forfait_2Go_2013'])
    assert [(action, path(sent)) for action, sent in client.calls] == [
        ('GET', 'customer/user/service'), ('GET', 'customer/service'), ('SET', 'customer/user/service'),
        ('GET', 'customer/user/service')]      # the read-back
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


def sharepoint(instances='', status='Provisioned'):
    return customer_answer(element('<service><name>SharePoint2010</name><fullname>SharePoint 2010</fullname><status>%s</status>'
                                   '<instances>%s</instances></service>' % (status, instances)))


def test_an_instance_needs_its_service_provisioned():
    client = ScriptedClient(answers(sharepoint(status='NotProvisioned')), answers(sharepoint(status='NotProvisioned')))
    with pytest.raises(ServiceOptionError) as caught:
        run(client, name='SharePoint2010', instance='Site01')
    assert 'provision it before adding instances' in str(caught.value)
