# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Customer-level Hosted Exchange settings: read from the capture CustomerServiceGet.xml, sent as
CustomerModifyExchange.xml, compared case-insensitively, refused before any write for a domain the customer lacks."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.entities.service.exchange import (
    AcceptedDomainsField, AddressFormatsFact, customer_domains, merge_domains)
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.plans import ServiceOptionError
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.resource import CUSTOMER_SERVICE
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.tasks import option_problems

from fakes import ScriptedClient, accept, answers, element, response
from fakes import run_service as run
from fakes import service_params as params

# CustomerServiceGet.xml, trimmed to the customer's domains and the Hosted Exchange settings.
EXCHANGE = (
    '<service><name>HE</name><fullname>Hosted Exchange</fullname><status>Provisioned</status>'
    '<approvalpending>False</approvalpending>'
    '<authoritativedomains><domain>test2.local</domain></authoritativedomains>'
    '<domains>%(domains)s</domains>'
    '<UpdateEmailAddressPolicy>False</UpdateEmailAddressPolicy>'
    '<customeraddressformats><customerwide>False</customerwide>'
    '<address><example>FLastname@test2.local</example><domain>test2.local</domain><pattern>%%1g%%s</pattern>'
    '<primary>False</primary><assigned>False</assigned></address>'
    '<address><example>Firstname.Lastname@test2.local</example><domain>test2.local</domain><pattern>%%g.%%s</pattern>'
    '<primary>True</primary><assigned>False</assigned></address>'
    '</customeraddressformats><version>2013</version><mailboxstoragelimit>Unlimited</mailboxstoragelimit>'
    '<publicfolder><overridetemplate>True</overridetemplate><create>True</create><storagelimit>Unlimited</storagelimit>'
    '<warninglimit>Unlimited</warninglimit><itemlimit>Unlimited</itemlimit></publicfolder></service>')
CAPTURE_DOMAINS = '<domain type="authoritative">test2.local</domain>'


def answer(domains=CAPTURE_DOMAINS, customer_domains_xml='<domain>test2.local</domain><domain>Relay.Example</domain>'):
    customer = element('<customer><name>TC</name><fullname>Test Customer 1</fullname><primarydomain>test2.local</primarydomain>'
                       '<domains>%s</domains><status>Provisioned</status></customer>' % customer_domains_xml)
    customer.append(element(EXCHANGE % dict(domains=domains)))
    return response(customer)


def service_of(root):
    return root.find('customer/service')


FIELD = AcceptedDomainsField('accepted_domains')


# -- reading ---------------------------------------------------------------------------------------------------------
def test_the_capture_reads_as_the_options():
    values = CUSTOMER_SERVICE.values(service_of(answer()))
    assert values['accepted_domains'] == [{'name': 'test2.local', 'type': 'authoritative'}]
    assert values['update_email_address_policy'] is False
    assert values['mailbox_storage_limit'] == 'Unlimited'
    assert (values['public_folder_override_template'], values['public_folder_create']) == (True, True)
    assert [values['public_folder_%s_limit' % kind] for kind in ('storage', 'warning', 'item')] == ['Unlimited'] * 3
    formats = values['address_formats']
    assert formats['customerwide'] is False
    assert formats['addresses'][1] == {'example': 'Firstname.Lastname@test2.local', 'domain': 'test2.local',
                                       'pattern': '%g.%s', 'primary': True, 'assigned': False}


def test_a_domain_without_type_is_authoritative_and_authoritativedomains_is_the_fallback():
    service = service_of(answer(domains='<domain>test2.local</domain><domain type="InternalRelay">relay.example</domain>'))
    assert FIELD.read(service) == [{'name': 'test2.local', 'type': 'authoritative'},
                                   {'name': 'relay.example', 'type': 'internalrelay'}]
    service.remove(service.find('domains'))
    assert FIELD.read(service) == [{'name': 'test2.local', 'type': 'authoritative'}]
    service.remove(service.find('authoritativedomains'))
    assert FIELD.read(service) is None


def test_address_formats_are_returned_only():
    fact = AddressFormatsFact('address_formats')
    assert fact.read_only and 'address_formats' not in [field.option for field in CUSTOMER_SERVICE.fields]
    assert fact.read(element('<service />')) is None


def test_the_customer_domains_come_from_the_enclosing_customer():
    assert customer_domains(service_of(answer())) == ['test2.local', 'Relay.Example']
    assert customer_domains(element('<service />')) is None


# -- comparing -------------------------------------------------------------------------------------------------------
def test_types_are_checked_and_names_are_required():
    assert FIELD.normalize([{'name': ' a.example ', 'type': 'ExternalRelay'}, 'b.example']) == [
        {'name': 'a.example', 'type': 'externalrelay'}, {'name': 'b.example', 'type': 'authoritative'}]
    with pytest.raises(ServiceOptionError, match='one of authoritative, internalrelay, externalrelay'):
        FIELD.normalize([{'name': 'a.example', 'type': 'relay'}])
    with pytest.raises(ServiceOptionError, match='needs a name'):
        FIELD.normalize([{'type': 'authoritative'}])


CURRENT = [{'name': 'a.example', 'type': 'authoritative'}, {'name': 'b.example', 'type': 'internalrelay'}]


@pytest.mark.parametrize('mode, desired, wanted', [
    ('exact', [{'name': 'C.example', 'type': 'authoritative'}], [{'name': 'C.example', 'type': 'authoritative'}]),
    ('present', [{'name': 'B.EXAMPLE', 'type': 'authoritative'}, {'name': 'c.example', 'type': 'externalrelay'}],
     [CURRENT[0], {'name': 'B.EXAMPLE', 'type': 'authoritative'}, {'name': 'c.example', 'type': 'externalrelay'}]),
    ('absent', [{'name': 'A.Example', 'type': 'authoritative'}], [CURRENT[1]]),
])
def test_list_modes(mode, desired, wanted):
    assert merge_domains(CURRENT, desired, mode) == wanted


def test_names_and_types_compare_case_insensitively_in_any_order():
    change = FIELD.compare(CURRENT, [{'name': 'B.Example', 'type': 'internalrelay'}, {'name': 'A.EXAMPLE', 'type': 'authoritative'}],
                           {'accepted_domains_mode': 'exact'}, creating=False)
    assert change.changed is False
    change = FIELD.compare(CURRENT, [{'name': 'b.example', 'type': 'authoritative'}], {'accepted_domains_mode': 'present'}, creating=False)
    assert change.changed and change.after == [CURRENT[0], {'name': 'b.example', 'type': 'authoritative'}]


def test_a_domain_the_customer_lacks_is_refused_naming_its_domains_and_the_fix():
    with pytest.raises(ServiceOptionError) as refused:
        FIELD.resolve([{'name': 'evil.example', 'type': 'authoritative'}], service_of(answer()))
    message = str(refused.value)
    assert "evil.example is not a domain of customer 'TC'" in message
    assert 'test2.local, Relay.Example' in message and 'atria.cortex.atria_customer' in message and 'domains_mode: present' in message
    # another case takes the customer's spelling
    assert FIELD.resolve([{'name': 'relay.example', 'type': 'internalrelay'}], service_of(answer())) == [
        {'name': 'Relay.Example', 'type': 'internalrelay'}]


# -- writing ---------------------------------------------------------------------------------------------------------
def test_domains_are_sent_as_the_capture_sends_them():
    authoritative, listed = FIELD.build([{'name': 'test2.local', 'type': 'authoritative'},
                                         {'name': 'relay.example', 'type': 'internalrelay'}])
    assert [item.text for item in authoritative.findall('domain')] == ['test2.local']
    assert [(item.text, item.get('type')) for item in listed.findall('domain')] == [
        ('test2.local', 'authoritative'), ('relay.example', 'internalrelay')]


# -- a task through the engine -------------------------------------------------------------------------------------
SETTINGS = dict(accepted_domains=[{'name': 'TEST2.local', 'type': 'authoritative'}], update_email_address_policy=False,
                mailbox_storage_limit='unlimited', public_folder_override_template=True, public_folder_create=True,
                public_folder_storage_limit='Unlimited', public_folder_warning_limit='Unlimited', public_folder_item_limit='Unlimited')


def test_the_capture_state_asked_again_is_one_read():
    client = ScriptedClient(answers(answer()))
    result = run(client, **SETTINGS)
    assert result['changed'] is False and len(client.calls) == 1


def test_a_change_is_one_set_with_one_publicfolder():
    after = answer(domains=CAPTURE_DOMAINS + '<domain type="internalrelay">Relay.Example</domain>')
    service_of(after).find('publicfolder/storagelimit').text = '500'
    service_of(after).find('mailboxstoragelimit').text = '2048'
    client = ScriptedClient(answers(answer()), accept, answers(after))
    options = dict(SETTINGS)
    options.update(accepted_domains=[{'name': 'relay.example', 'type': 'internalrelay'}], accepted_domains_mode='present',
                   public_folder_storage_limit=500, mailbox_storage_limit=2048)
    result = run(client, **options)
    (action, sent), = client.writes
    service = sent.find('service')
    assert [child.tag for child in service] == ['name', 'authoritativedomains', 'domains', 'mailboxstoragelimit', 'publicfolder']
    assert [child.tag for child in service.find('publicfolder')] == ['storagelimit']
    assert [(item.text, item.get('type')) for item in service.findall('domains/domain')] == [
        ('test2.local', 'authoritative'), ('Relay.Example', 'internalrelay')]
    assert result['changed'] and result['service']['public_folder_storage_limit'] == 500


def test_a_foreign_domain_is_refused_after_one_read_and_before_any_write():
    client = ScriptedClient(answers(answer()))
    with pytest.raises(ServiceOptionError, match='not a domain of customer'):
        run(client, accepted_domains=[{'name': 'evil.example', 'type': 'authoritative'}])
    assert len(client.calls) == 1 and not client.writes


def test_a_dropped_publicfolder_value_fails_naming_the_option():
    client = ScriptedClient(answers(answer()), accept, answers(answer()))
    with pytest.raises(Exception) as failed:
        run(client, public_folder_item_limit=10)
    assert 'public_folder_item_limit' in str(failed.value) and '<publicfolder><itemlimit>' in str(failed.value)


@pytest.mark.parametrize('overrides, words', [
    (dict(user='alice', accepted_domains=[{'name': 'a.example'}]), "belong(s) to the customer's Hosted Exchange"),
    (dict(name='SharePoint2010', instance='Site01', public_folder_create=True), 'not an instance'),
    (dict(name='FSS', mailbox_storage_limit=5), 'Hosted Exchange (HE) only, not to FSS'),
    (dict(name='FSS', update_email_address_policy=True), 'Hosted Exchange (HE) only, not to FSS'),
])
def test_exchange_options_elsewhere_are_refused_before_any_request(overrides, words):
    assert any(words in problem for problem in option_problems(params(**overrides)))
