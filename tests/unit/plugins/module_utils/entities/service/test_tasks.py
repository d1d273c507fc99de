# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""One atria_service task: which options fit which entity, and a customer service, user service or instance
through the engine."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.entities.service.tasks import option_problems

from fakes import ScriptedClient, accept, answers, customer_answer, element, fss_service, he_service
from fakes import run_service as run
from fakes import service_params as params


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
    provisioned = he_service(status='Requested', plans=[('FORFAIT_2GO_2013', 'Forfait_2Go_2013', True, False),
                                                        ('FORFAIT_60GO_1AN', 'Forfait_60Go_1an', False, False),
                                                        ('EX10_BASIC', 'Ex10 Basic', False, False)])
    client = ScriptedClient(answers(customer_answer(he_service(status='NotProvisioned'))), answers(customer_answer(detail)), accept,
                            answers(customer_answer(provisioned)))     # the read-back after the write
    result = run(client, user_plans=['FORFAIT_2GO_2013'])
    assert result['changed'] is True and result['request_id'] == 501
    (action, sent), = client.writes
    service = sent.find('service')
    assert [child.tag for child in service] == ['name', 'userpackage', 'userpackage', 'userpackage', 'status']
    assert service.findtext('status') == 'Provisioned'
    asked = client.calls[1][1].find('service/properties')
    assert asked.get('detail') == 'true' and asked.get('filter') == 'all'


def test_file_sharing_with_its_server_is_provisioned():
    detail = element('<service><name>FSS</name><properties><property><name>FileShareServer</name><mandatory>True</mandatory>'
                     '<value /></property></properties></service>')
    shown = fss_service(status='Requested')
    shown.append(element('<properties><property><name>FileShareServer</name><value>CSPFILEHOST01</value></property></properties>'))
    client = ScriptedClient(answers(customer_answer(fss_service())), answers(customer_answer(detail)), accept,
                            answers(customer_answer(shown)))
    run(client, name='FSS', properties={'FileShareServer': 'CSPFILEHOST01'})
    (action, sent), = client.writes
    assert sent.findtext('service/properties/property/value') == 'CSPFILEHOST01'
    assert client.calls[0][1].find('service/properties').get('filter') == 'all'


def test_absent_deprovisions_and_ignores_the_other_options():
    client = ScriptedClient(answers(customer_answer(he_service())), accept, answers(customer_answer(he_service(status='NotProvisioned'))))
    result = run(client, state='absent', package='PublicFolders')
    (action, sent), = client.writes
    assert action == 'SET'
    assert [child.tag for child in sent.find('service')] == ['name', 'status']
    assert sent.findtext('service/status') == 'NotProvisioned'
    assert result['diff']['after'] == {'name': 'HE', 'status': 'NotProvisioned'}


def test_a_failed_service_is_provisioned_again():
    client = ScriptedClient(answers(customer_answer(he_service(status='Failed'))), answers(customer_answer(he_service())), accept,
                            answers(customer_answer(he_service(status='Requested'))))
    result = run(client)
    assert result['changed'] and client.writes[0][1].findtext('service/status') == 'Provisioned'


# -- a user service through the engine ------------------------------------------------------------------------------------
# -- instances ---------------------------------------------------------------------------------------------------------
def sharepoint(instances='', status='Provisioned'):
    return customer_answer(element('<service><name>SharePoint2010</name><fullname>SharePoint 2010</fullname><status>%s</status>'
                                   '<instances>%s</instances></service>' % (status, instances)))


def test_an_instance_is_created_with_its_properties_and_deleted_by_name():
    client = ScriptedClient(answers(sharepoint()), answers(sharepoint()), accept,
                            answers(sharepoint('<instance><name>Site01</name><status>Requested</status><properties><property>'
                                               '<name>SiteUrl</name><value>https://x</value></property></properties></instance>')))
    result = run(client, name='SharePoint 2010', instance='Site01', properties={'SiteUrl': 'https://x'})
    assert result['changed'] and result['instance']['name'] == 'Site01'
    (action, sent), = client.writes
    assert sent.findtext('service/instances/instance/properties/property/name') == 'SiteUrl'

    client = ScriptedClient(answers(sharepoint('<instance><name>Site01</name><status>Provisioned</status></instance>')), accept,
                            answers(sharepoint()))
    run(client, name='SharePoint2010', instance='Site01', state='absent')
    (action, sent), = client.writes
    assert action == 'DELETE' and sent.findtext('service/instances/instance/name') == 'Site01'


# -- a user's Hosted Exchange mailbox (entities/service/mailbox.py) ------------------------------------------------
@pytest.mark.parametrize('overrides, words', [
    (dict(reply_address='a@x.example'), "belong(s) to a user's Hosted Exchange mailbox: add user"),
    (dict(user='alice', name='FSS', distribution_groups=['Sales']), "apply to a user's Hosted Exchange (HE) only, not to FSS"),
    (dict(name='SharePoint2010', instance='Site', email_addresses=['a@x.example']), 'not an instance'),
    (dict(user='alice', reply_address='A@x.example', email_addresses=['a@x.example']), 'lists the reply address'),
])
def test_mailbox_options_fit_a_users_hosted_exchange_only(overrides, words):
    assert any(words in problem for problem in option_problems(params(**overrides)))


def test_a_users_mailbox_task_has_no_problems():
    assert option_problems(params(user='alice', reply_address='a@x.example', email_addresses=['b@x.example'],
                                  mailbox_storage_limit=5, distribution_groups=['Sales'])) == []


# -- an instance assigned to a user (guide lines 2399-2431; removed with DELETE, line 302) ----------------------------------
def crm_of_user(instances=(), status='Provisioned'):
    listed = ''.join('<instance><name>%s</name></instance>' % name for name in instances)
    return customer_answer(element('<service><name>CRM2011</name><fullname>CRM 2011</fullname><status>%s</status>'
                                   '<instances>%s</instances></service>' % (status, listed)), user='alice_TC')


def crm_of_customer(*instances):
    listed = ''.join('<instance><name>%s</name><status>Provisioned</status></instance>' % name for name in instances)
    return customer_answer(element('<service><name>CRM2011</name><status>Provisioned</status><instances>%s</instances>'
                                   '</service>' % listed))


def user_instance(**overrides):
    options = {'name': 'CRM2011', 'user': 'alice', 'instance': 'Site02'}
    options.update(overrides)
    return options


def test_assigning_an_instance_sends_the_ones_held_with_it_and_reads_back():
    client = ScriptedClient(answers(crm_of_user(['Site01'])), answers(crm_of_customer('Site01', 'Site02')), accept,
                            answers(crm_of_user(['Site01', 'Site02'])))
    result = run(client, **user_instance(instance='site02'))
    assert result['changed'] and result['instance'] == {'name': 'Site02', 'instance': 'Site02'}
    assert result['diff'] == {'before': {}, 'after': {'instance': 'site02'}}
    asked = client.calls[0][1]
    assert asked.find('user/service/instances') is not None and asked.find('user/service/instances/instance') is None
    (action, sent), = client.writes
    assert action == 'SET'
    assert [item.findtext('name') for item in sent.findall('user/service/instances/instance')] == ['Site01', 'site02']
    assert sent.findtext('user/name') == 'alice_TC'


def test_an_assigned_instance_again_is_one_read_in_any_case():
    client = ScriptedClient(answers(crm_of_user(['Site01', 'Site02'])))
    result = run(client, **user_instance(instance='SITE02'))
    assert result['changed'] is False and len(client.calls) == 1


def test_check_mode_reads_and_checks_but_sends_nothing():
    client = ScriptedClient(answers(crm_of_user()), answers(crm_of_customer('Site02')))
    result = run(client, check_mode=True, **user_instance())
    assert result['changed'] and not client.writes


def test_an_instance_the_customer_lacks_is_refused_before_any_write():
    client = ScriptedClient(answers(crm_of_user()), answers(crm_of_customer('Site01')))
    with pytest.raises(Exception) as refused:
        run(client, **user_instance(instance='Nope'))
    assert "has no instance 'Nope'" in str(refused.value) and 'its instances: Site01' in str(refused.value)
    assert 'instance: Nope but no user' in str(refused.value) and not client.writes


def test_a_user_without_the_service_is_refused_before_any_write():
    client = ScriptedClient(answers(crm_of_user(status='NotProvisioned')), answers(crm_of_customer('Site02')))
    with pytest.raises(Exception) as refused:
        run(client, **user_instance())
    assert "not provisioned for user 'alice'" in str(refused.value) and not client.writes


def test_removing_deletes_the_user_path_and_a_read_back_still_showing_it_fails():
    client = ScriptedClient(answers(crm_of_user(['Site01', 'Site02'])), accept, answers(crm_of_user(['Site01'])))
    result = run(client, state='absent', **user_instance())
    (action, sent), = client.writes
    assert action == 'DELETE' and [item.findtext('name') for item in sent.findall('user/service/instances/instance')] == ['Site02']
    assert result['changed'] and result['instance'] == {}

    client = ScriptedClient(answers(crm_of_user(['Site02'])), accept, answers(crm_of_user(['Site02'])))
    with pytest.raises(Exception) as failed:
        run(client, state='absent', **user_instance())
    assert "removal of instance 'Site02'" in str(failed.value) and 'still exists' in str(failed.value)


def test_an_assignment_the_server_ignored_fails():
    client = ScriptedClient(answers(crm_of_user()), answers(crm_of_customer('Site02')), accept, answers(crm_of_user()))
    with pytest.raises(Exception) as failed:
        run(client, **user_instance())
    assert "creation of instance 'Site02'" in str(failed.value) and 'does not find it' in str(failed.value)


def test_properties_of_a_user_instance_are_refused():
    assert any('customer\'s instance settings' in problem
               for problem in option_problems(params(**user_instance(properties={'OrganizationUrl': 'x'}))))
    assert option_problems(params(**user_instance())) == []
