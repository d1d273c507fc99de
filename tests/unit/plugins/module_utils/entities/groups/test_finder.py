# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Read-only group queries for the _info modules: approval providers (one GET), distribution groups (paged)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api.errors import NotFoundError
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.finder import approval_providers, dist_groups

from fakes import PagedGroupsClient, ProvidersClient, ScriptedClient, answers, element, xml


def test_approval_providers_by_name_from_one_get():
    client = ProvidersClient()
    providers = approval_providers(client, 'DA')
    assert sorted(providers) == ['Workflow Groups', 'Workflow Managers']
    assert client.calls == [('GET', '<customer><name>DA</name><approvalproviders/></customer>')]
    assert approval_providers(ProvidersClient('<approvalproviders/>'), 'DA') == {}


def test_a_customer_given_by_full_name_is_asked_by_full_name_and_retried_by_code_once():
    client = ScriptedClient(answers(element('<response><customer><name>DA</name><approvalproviders/></customer></response>')))
    assert approval_providers(client, 'Demo Also') == {}
    assert client.calls[0][1].findtext('fullname') == 'Demo Also'

    def missing(action, entity):
        return NotFoundError(34, 'Customer not found')

    client = ScriptedClient(missing, answers(element('<response><customer><name>DA</name></customer></response>')),
                            answers(element('<response><customer><name>DA</name><approvalproviders/></customer></response>')))
    approval_providers(client, 'DemoAlso')      # looks like a code, is a full name
    assert [action for action, _sent in client.calls] == ['GET', 'FIND', 'GET']
    assert client.calls[-1][1].findtext('name') == 'DA'


def test_dist_groups_read_every_page_and_the_hosted_exchange_status():
    client = PagedGroupsClient(['G%d' % number for number in range(5)])
    status, groups = dist_groups(client, 'DA', page_size=2)
    assert status == 'Provisioned' and len(groups) == 5 and len(client.requests) == 3


def test_dist_groups_filter_and_ask_for_the_member_lists_only_when_wanted():
    client = PagedGroupsClient(['Sales', 'Support'])
    _status, groups = dist_groups(client, 'DA', display_name_filter='sal', with_members=True)
    assert [group.findtext('displayname') for group in groups] == ['Sales']
    assert xml(client.requests[0].find('service/distributiongroups')) == (
        '<distributiongroups><displaynamefilter>sal</displaynamefilter><pageindex>1</pageindex><pagesize>1000</pagesize>'
        '<distributiongroup><members/><sendasmembers/><sendrestrictionacceptedmembers/><sendrestrictionrejectedmembers/>'
        '</distributiongroup></distributiongroups>')
