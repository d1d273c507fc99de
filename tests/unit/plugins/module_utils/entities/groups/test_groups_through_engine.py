# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Groups through the engine: approval fields, listed and paged addresses, deletion by SET, pre-write checks."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
from lxml import etree

from ansible_collections.atria.cortex.plugins.module_utils.entities.user.directory import UserDirectory
from ansible_collections.atria.cortex.plugins.module_utils.engine.reconciler import Engine
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.approval import APPROVAL_MANAGERS, approval_group
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.distribution import dist_group
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.subscriptions import ConfigurationValue, SubscriptionsField
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.locator import (ApprovalGroupLocator,
    ApprovalProviderLocator, DistGroupLocator, ProviderNotEnabled, ServiceNotProvisioned, require_existing)
from ansible_collections.atria.cortex.plugins.module_utils.engine.reads import read_pages

from fakes import FakeModule


def element(xml):
    return etree.fromstring(xml)


def xml(el):
    return etree.tostring(el).decode()


# ---------------------------------------------------------------- a fake server of approval providers
PROVIDERS = (
    '<approvalproviders>'
    '<approvalprovider><name>Workflow Managers</name><enabled>True</enabled>'
    '<configuration><managers>1</managers><timeoutdays>3</timeoutdays><reminderdays>1</reminderdays></configuration>'
    '<subscriptions><users><subscription><name>Provision</name><access>None</access></subscription>'
    '<subscription><name>Deprovision</name><access>None</access></subscription></users>'
    '<services><service><label>All</label><subscription><name>Provision</name><access>None</access></subscription>'
    '</service></services></subscriptions></approvalprovider>'
    '<approvalprovider><name>Workflow Groups</name><groups>'
    '<group><name>Other</name><configuration><memberstoapprove>2</memberstoapprove></configuration></group>'
    '<group><name>Approvers</name><description>d</description>'
    '<configuration><memberstoapprove>1</memberstoapprove><timeoutdays>5</timeoutdays><reminderdays>2</reminderdays></configuration>'
    '<members><member><displayname>Y</displayname><username>yvonne_DA</username></member></members>'
    '</group></groups></approvalprovider>'
    '</approvalproviders>')


class ProvidersClient:
    def __init__(self, providers=PROVIDERS):
        self.providers = providers
        self.calls = []

    def get(self, entity):
        self.calls.append(('GET', xml(entity)))
        return element('<response><customer><name>DA</name>%s</customer></response>' % self.providers)

    def set(self, entity, verify=None):
        self.calls.append(('SET', xml(entity)))
        return 1

    def find(self, entity):
        raise AssertionError('no FIND expected')


def run(resource, locator, client, params, check_mode=False, state='present', before_write=None):
    engine = Engine(FakeModule(params, check_mode=check_mode), client, resource, locator)
    return engine.ensure(state, before_write=before_write)


def group_params(**overrides):
    params = dict(customer='DA', name='approvers', description=None, members_to_approve=None, timeout_days=None,
                  reminder_days=None, members=None, members_mode='exact', subscriptions=None, wait=False, wait_timeout=5)
    params.update(overrides)
    return params


def test_workflow_group_read_is_the_documented_get_and_picks_the_group_by_name():
    client = ProvidersClient()
    result = run(approval_group(), ApprovalGroupLocator('DA', 'approvers'), client, group_params(timeout_days=5))
    assert not result['changed']
    assert client.calls == [('GET', '<customer><name>DA</name><approvalproviders/></customer>')]
    assert result['approval_group']['name'] == 'Approvers' and result['approval_group']['members'] == ['yvonne_DA']


def test_configuration_values_travel_in_one_configuration_element():
    client = ProvidersClient()
    result = run(approval_group(), ApprovalGroupLocator('DA', 'Approvers'), client,
                 group_params(timeout_days=7, reminder_days=3, members_to_approve=1))
    assert result['changed']
    sent = client.calls[-1]
    assert sent[0] == 'SET'
    # The key is spelt as the server has it; only the differing values are sent, in one <configuration>.
    assert sent[1] == ('<customer><name>DA</name><approvalproviders><approvalprovider><name>Workflow Groups</name><groups>'
                       '<group><name>Approvers</name><configuration><timeoutdays>7</timeoutdays><reminderdays>3</reminderdays>'
                       '</configuration></group></groups></approvalprovider></approvalproviders></customer>')


def test_workflow_group_is_deleted_with_the_documented_action():
    client = ProvidersClient()
    result = run(approval_group(), ApprovalGroupLocator('DA', 'Approvers'), client, group_params(), state='absent')
    assert result['changed'] and result['approval_group'] == {}
    assert client.calls[-1][1].endswith('<group><name>Approvers</name><action>delete</action></group></groups>'
                                        '</approvalprovider></approvalproviders></customer>')
    missing = ProvidersClient()
    assert not run(approval_group(), ApprovalGroupLocator('DA', 'Nope'), missing, group_params(), state='absent')['changed']
    assert [call[0] for call in missing.calls] == ['GET']


def test_before_write_runs_in_check_mode_and_only_when_something_changes():
    seen = []
    client = ProvidersClient()
    run(approval_group(), ApprovalGroupLocator('DA', 'Approvers'), client, group_params(timeout_days=9), check_mode=True,
        before_write=seen.append)
    run(approval_group(), ApprovalGroupLocator('DA', 'Approvers'), client, group_params(timeout_days=5),
        before_write=seen.append)
    assert len(seen) == 1 and seen[0].sent('timeout_days') == 9
    assert [call[0] for call in client.calls] == ['GET', 'GET']


def test_managers_provider_is_configured_never_created():
    client = ProvidersClient('<approvalproviders />')
    locator = ApprovalProviderLocator('DA')
    with pytest.raises(ProviderNotEnabled) as failure:
        run(APPROVAL_MANAGERS, locator, client, dict(managers=2), before_write=require_existing(locator))
    assert "'Workflow Managers' approval provider is not enabled for customer 'DA'" in str(failure.value)
    assert [call[0] for call in client.calls] == ['GET']


def test_managers_subscriptions_compare_only_the_events_given():
    client = ProvidersClient()
    locator = ApprovalProviderLocator('DA')
    same = run(APPROVAL_MANAGERS, locator, client, dict(subscriptions={'users': {'provision': 'none'}}))
    assert not same['changed']
    changed = run(APPROVAL_MANAGERS, locator, client, dict(managers=2, subscriptions={
        'users': {'provision': 'Object', 'deprovision': None},
        'services': [{'label': 'all', 'provision': 'None', 'deprovision': 'Object'}]}))
    assert changed['diff'] == {
        'before': {'managers': 1, 'subscriptions': {'users': {'provision': 'None'},
                                                    'services': [{'label': 'all', 'provision': 'None', 'deprovision': 'None'}]}},
        'after': {'managers': 2, 'subscriptions': {'users': {'provision': 'Object'},
                                                   'services': [{'label': 'all', 'provision': 'None', 'deprovision': 'Object'}]}}}
    assert client.calls[-1][1] == (
        '<customer><name>DA</name><approvalproviders><approvalprovider><name>Workflow Managers</name>'
        '<configuration><managers>2</managers></configuration><subscriptions>'
        '<users><subscription><name>Provision</name><access>Object</access></subscription></users>'
        '<services><service><label>all</label><subscription><name>Deprovision</name><access>Object</access></subscription>'
        '</service></services></subscriptions></approvalprovider></approvalproviders></customer>')


def test_configuration_value_and_subscriptions_read():
    provider = element(PROVIDERS).find('approvalprovider')
    assert ConfigurationValue('managers', 'managers').read(provider) == 1
    assert ConfigurationValue('x', 'missing').read(provider) is None
    assert SubscriptionsField().read(provider) == {
        'users': {'provision': 'None', 'deprovision': 'None'},
        'services': [{'label': 'All', 'provision': 'None'}]}


# ---------------------------------------------------------------- paging
class PagedGroupsClient:
    """Distribution groups of DA, filtered by substring and paged like the guide (no total count)."""

    def __init__(self, names, status='Provisioned'):
        self.names = sorted(names, key=str.lower)
        self.status = status
        self.requests = []
        self.writes = []

    def get(self, entity):
        self.requests.append(entity)
        groups_el = entity.find('service/distributiongroups')
        wanted = (groups_el.findtext('displaynamefilter') or '').lower()
        index, size = int(groups_el.findtext('pageindex')), int(groups_el.findtext('pagesize'))
        chosen = [name for name in self.names if wanted in name.lower()][(index - 1) * size:index * size]
        template = groups_el.find('distributiongroup')
        lists = '' if template is None else ''.join('<%s/>' % child.tag for child in template)
        groups = ''.join('<distributiongroup><displayname>%s</displayname><email>%s@da.example</email>%s</distributiongroup>'
                         % (name, name.replace(' ', '').lower(), lists) for name in chosen)
        return element('<response><customer><name>DA</name><service><name>HE</name><status>%s</status>'
                       '<distributiongroups>%s</distributiongroups></service></customer></response>' % (self.status, groups))

    def set(self, entity, verify=None):
        self.writes.append(xml(entity))
        return 1

    def find(self, entity):
        raise AssertionError('no FIND expected')


def test_read_pages_follows_pageindex_until_a_short_page():
    client = PagedGroupsClient(['Group %04d' % number for number in range(1, 2501)])
    locator = DistGroupLocator('DA')
    names = [item.findtext('displayname') for item in locator.address(client).items(client)]
    assert len(names) == 2500 and len(set(names)) == 2500
    assert [request.findtext('service/distributiongroups/pageindex') for request in client.requests] == ['1', '2', '3']


def test_a_full_last_page_costs_one_more_empty_page():
    client = PagedGroupsClient(['G%d' % number for number in range(4)])
    items = list(read_pages(client, lambda index, size: element(
        '<customer><name>DA</name><service><name>HE</name><distributiongroups><pageindex>%d</pageindex><pagesize>%d'
        '</pagesize></distributiongroups></service></customer>' % (index, size)),
        lambda answer: answer.findall('customer/service/distributiongroups/distributiongroup'), page_size=2))
    assert len(items) == 4 and len(client.requests) == 3


def dist_params(**overrides):
    params = dict(customer='DA', display_name='sales', email=None, members=None, members_mode='exact',
                  owners=None, owners_mode='exact', state='present', wait=False, wait_timeout=5)
    params.update(overrides)
    return params


def test_one_group_is_read_with_a_filter_and_picked_by_exact_name():
    client = PagedGroupsClient(['DA Sales', 'Sales', 'Sales Team'])
    locator = DistGroupLocator('DA', 'sales')
    result = run(dist_group(UserDirectory(client, 'DA')), locator, client, dist_params(members=['sales@da.example']))
    request, = client.requests
    assert xml(request.find('service/distributiongroups')) == (
        '<distributiongroups><displaynamefilter>sales</displaynamefilter><pageindex>1</pageindex><pagesize>1000</pagesize>'
        '<distributiongroup><members/></distributiongroup></distributiongroups>')
    assert result['distribution_group']['display_name'] == 'Sales'
    # the write names the group as the server spells it (a SET in another case could rename it)
    assert client.writes == ['<customer><name>DA</name><service><name>HE</name><distributiongroups><distributiongroup>'
                             '<displayname>Sales</displayname><members><member><email>sales@da.example</email>'
                             '<selected>True</selected></member></members></distributiongroup></distributiongroups>'
                             '</service></customer>']


def test_a_group_beyond_the_first_page_is_found():
    client = PagedGroupsClient(['Group %04d' % number for number in range(1, 1500)] + ['Group'])
    current = DistGroupLocator('DA', 'Group').address(client).read(client)
    assert current.findtext('displayname') == 'Group' and len(client.requests) == 1    # sorted first
    # 1,499 longer names that contain it sort before it: the filter matches them all, the second page has it
    client = PagedGroupsClient(['A Group %04d' % number for number in range(1, 1500)] + ['Group'])
    current = DistGroupLocator('DA', 'GROUP').address(client).read(client)
    assert current.findtext('displayname') == 'Group' and len(client.requests) == 2


def test_dist_group_writes_need_hosted_exchange_and_deletion_deselects_the_group():
    client = PagedGroupsClient([], status='NotProvisioned')
    locator = DistGroupLocator('DA', 'New')
    with pytest.raises(ServiceNotProvisioned) as failure:
        run(dist_group(), locator, client, dist_params(display_name='New', email='new@da.example'), check_mode=True,
            before_write=locator.require_service)
    assert "Hosted Exchange (HE) is not provisioned for customer 'DA'" in str(failure.value)
    assert len(client.requests) == 1 and client.writes == []

    client = PagedGroupsClient(['Old'])
    locator = DistGroupLocator('DA', 'old')
    result = run(dist_group(), locator, client, dist_params(display_name='old'), state='absent',
                 before_write=locator.require_service)
    assert result['changed']
    assert client.writes == ['<customer><name>DA</name><service><name>HE</name><distributiongroups><distributiongroup>'
                             '<displayname>Old</displayname><selected>False</selected></distributiongroup>'
                             '</distributiongroups></service></customer>']
