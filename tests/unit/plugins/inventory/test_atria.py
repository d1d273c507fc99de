# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The atria inventory plugin: its helpers in-process, and ``ansible-inventory`` against an in-process simulator.

Golden files: ``golden/*.json`` hold the expected ``ansible-inventory --list`` output for the seed data. After an
intended change, regenerate them with ``ATRIA_UPDATE_GOLDEN=1 pytest tests/unit/plugins/inventory`` and review
the diff.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os
import threading
import time

import pytest

from ansible_collections.atria.cortex.plugins.inventory.atria import InventoryModule
from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.client import CortexClient
from ansible_collections.atria.cortex.plugins.plugin_utils.inventory.reseller_tree import ResellerWalk
from ansible_collections.atria.cortex.plugins.plugin_utils.inventory.enrichment import Enricher
from ansible_collections.atria.cortex.plugins.plugin_utils.inventory.selection import Selection
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.finder import find_customers
from tests.e2e.inventory_run import run_inventory, write_config

GOLDEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'golden')
ADMIN = ('admin_Gsp', 'Adm1n!Gsp')
RESELLER = ('admin_DA', 'Adm1n!DA')


def inventory(sim, tmp_path, options=None, args=('--list',), **kwargs):
    run = run_inventory(sim.url, write_config(tmp_path, options or {}), args=args, **kwargs)
    assert run.returncode == 0, run.describe()
    return run.json() if args[0] in ('--list', '--host') else run.stdout


def failure(sim, tmp_path, options=None, **kwargs):
    run = run_inventory(sim.url, write_config(tmp_path, options or {}), **kwargs)
    assert run.returncode != 0, run.describe()
    assert 'Traceback' not in run.stderr
    # Before 2.19 ansible wraps warnings and errors at 80 columns: compare the text with its whitespace normalised.
    return ' '.join(run.stderr.split())


def plain(value):
    """--list output without the ``{"__ansible_unsafe": ...}`` wrappers of server values."""
    if isinstance(value, dict):
        if set(value) == {'__ansible_unsafe'}:
            return value['__ansible_unsafe']
        return dict((key, plain(item)) for key, item in value.items())
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def hosts_of(listing, group):
    return sorted(listing.get(group, {}).get('hosts', []))


def compare_golden(name, listing):
    path = os.path.join(GOLDEN, name)
    if os.environ.get('ATRIA_UPDATE_GOLDEN'):
        with open(path, 'w', encoding='utf-8') as handle:
            json.dump(listing, handle, indent=2, sort_keys=True)
            handle.write('\n')
    with open(path, encoding='utf-8') as handle:
        expected = json.load(handle)
    # ansible-inventory 2.19+ adds _meta.profile (the output profile); older cores print none. It describes the
    # printer, not the plugin's data, so it is left out of both sides: everything the plugin produced still counts.
    # Before 2.19 --list wraps every server value as {"__ansible_unsafe": ...}; the data is compared without the
    # wrappers (tests/e2e/test_new_user_findings.py proves 2.19+ prints plain values, issue 12 item 16).
    for value in (listing, expected):
        value.get('_meta', {}).pop('profile', None)
    assert plain(listing) == plain(expected)


def client_for(sim, user=ADMIN):
    return CortexClient(sim.url, user[0], user[1], retries=0)


def deprovision(sim, code):
    with client_for(sim) as client:
        client.set(xml_codec.E('customer', xml_codec.leaf('name', code), xml_codec.leaf('status', 'NotProvisioned')))


# ------------------------------------------------------------------------------------------- helpers in-process

@pytest.mark.parametrize('name, accepted', [
    ('atria.yml', True), ('prod_atria.yml', True), ('prod.atria.yaml', True),
    ('atria.json', False), ('inventory.yml', False), ('atria.yml.bak', False),
])
def test_verify_file_accepts_only_atria_configuration_names(tmp_path, name, accepted):
    path = tmp_path / name
    path.write_text('plugin: atria.cortex.atria\n')
    assert InventoryModule().verify_file(str(path)) is accepted


def test_verify_file_refuses_a_missing_file(tmp_path):
    assert not InventoryModule().verify_file(str(tmp_path / 'missing_atria.yml'))


def _customer(name, fullname='Full Name', status='Provisioned'):
    return {'name': name, 'fullname': fullname, 'status': status}


def test_selection_drops_deprovisioned_customers_unless_asked():
    gone = _customer('OLD', status='NotProvisioned')
    assert not Selection().keeps(gone)
    assert Selection(include_deprovisioned=True).keeps(gone)
    assert Selection().keeps(_customer('NEW', status='InProgress'))


def test_selection_status_list_decides_alone_in_any_spelling():
    selection = Selection(statuses=['notprovisioned', 'Failed'])
    assert selection.keeps(_customer('OLD', status='NotProvisioned'))
    assert selection.keeps(_customer('BAD', status='Failed'))
    assert not selection.keeps(_customer('OK', status='Provisioned'))


def test_selection_patterns_are_shell_style_or_regex_and_ignore_case():
    selection = Selection(name_patterns=['sc1*', '~^DA$'])
    assert selection.keeps(_customer('SC12'))
    assert selection.keeps(_customer('da'))
    assert not selection.keeps(_customer('SC2'))
    assert not selection.keeps(_customer('DAX'))
    by_fullname = Selection(fullname_patterns=['~reseller'])
    assert by_fullname.keeps(_customer('SR1', 'Scale Reseller 1'))
    assert not by_fullname.keeps(_customer('SC1', 'Scale Customer 1'))


@pytest.mark.parametrize('kwargs, message', [
    ({'statuses': ['Gone']}, "unknown status 'Gone'"),
    ({'name_patterns': ['~SC[0-']}, "filters.name_pattern: 'SC[0-' is not a valid regular expression"),
    ({'fullname_patterns': ['']}, 'filters.fullname_pattern: every pattern must be a non-empty string'),
])
def test_selection_refuses_bad_filters_with_the_option_name(kwargs, message):
    with pytest.raises(ValueError, match=message.replace('[', r'\[').replace('(', r'\(')):
        Selection(**kwargs)


def test_reseller_walk_costs_two_requests_per_reseller_not_per_customer(sim):
    seeded = sim.seed({'customers': 60, 'resellers': 3})
    with client_for(sim) as client:
        summaries = find_customers(client, [])
        walk = ResellerWalk(client)
        parents = walk.parents(summaries)
        # identity + the top's children + (one GET + one FIND) per reseller with customers
        assert walk.requests == client.round_trips - 1 == 2 + 2 * 3
    assert len(summaries) == 3 + 3 + 60
    assert parents['da'] == {'name': 'Gsp', 'fullname': 'Globalsp'}
    assert parents['sc1']['name'] == seeded['resellers'][0]
    assert parents['sc2']['name'] == seeded['resellers'][1]
    assert parents['sr1']['name'] == 'Gsp'
    assert 'gsp' not in parents  # the API user's own customer: its parent is out of view
    assert sorted(reseller['name'] for reseller in walk.resellers) == sorted(['Gsp'] + seeded['resellers'])


def test_reseller_walk_of_a_reseller_administrator_stays_in_its_scope(sim):
    sim.seed({'customers': 4, 'parent': 'DA'})
    with client_for(sim, RESELLER) as client:
        summaries = find_customers(client, [])
        walk = ResellerWalk(client)
        parents = walk.parents(summaries)
    assert sorted(xml_codec.text_of(summary, 'name') for summary in summaries) == ['DA', 'SC1', 'SC2', 'SC3', 'SC4']
    assert set(parents) == {'sc1', 'sc2', 'sc3', 'sc4'}
    assert walk.requests == 2  # identity + DA's customers: no reseller below DA


def test_reseller_groups_on_cpsm10_name_the_release_instead_of_failing_on_an_empty_identity(sim, tmp_path):
    sim.config({'release': 'cpsm10'})
    stderr = failure(sim, tmp_path, {'reseller_groups': True})
    assert 'The inventory option reseller_groups needs CPSM 11 or Atria 12' in stderr
    assert 'the API user identity (<identity/>)' in stderr
    # Without reseller groups, the same server lists its customers.
    assert 'Gsp' in inventory(sim, tmp_path)['_meta']['hostvars']


class _CountingClient:
    """Stands in for a CortexClient in the enrichment tests: records how many run at the same time."""

    active = 0
    peak = 0
    created = 0
    lock = threading.Lock()

    def __init__(self):
        with self.lock:
            _CountingClient.created += 1
        self.round_trips = 0
        self.closed = False

    def find(self, element, entity=None):
        with self.lock:
            _CountingClient.active += 1
            _CountingClient.peak = max(_CountingClient.peak, _CountingClient.active)
        time.sleep(0.02)
        self.round_trips += 1
        with self.lock:
            _CountingClient.active -= 1
        code = xml_codec.text_of(element, 'name')
        response = xml_codec.E('response', xml_codec.E('customer', xml_codec.leaf('name', code)))
        if element.find('user') is not None:
            response.find('customer').append(xml_codec.E('user', xml_codec.leaf('name', 'u_' + code)))
        return response

    def close(self):
        self.closed = True


def test_enrichment_runs_at_most_max_workers_requests_at_once_each_with_its_own_client():
    _CountingClient.active = _CountingClient.peak = _CountingClient.created = 0
    records = [{'code': 'C%d' % number} for number in range(20)]
    enricher = Enricher(_CountingClient, max_workers=3)
    enricher.enrich(records, ['users', 'services'])
    assert _CountingClient.peak == 3
    assert _CountingClient.created == 3
    assert enricher.requests == 40
    assert records[4]['atria_users'] == [{'name': 'u_C4'}]
    assert records[4]['atria_services'] == []


def test_enrichment_stops_at_the_first_error():
    class Failing(_CountingClient):
        def find(self, element, entity=None):
            raise RuntimeError('server gone')

    with pytest.raises(RuntimeError, match='server gone'):
        Enricher(Failing, max_workers=2).enrich([{'code': 'C%d' % number} for number in range(50)], ['users'])


# ------------------------------------------------------------------------------------------- ansible-inventory

def test_list_of_the_seed_data_matches_the_golden_file_from_one_find(sim, tmp_path):
    sim.clear_log()
    listing = inventory(sim, tmp_path)
    assert sim.requests() == [('FIND', 'customer')]
    compare_golden('seed_list.json', listing)


def test_host_variables_are_plain_server_data_run_locally_with_the_playbook_python(sim, tmp_path):
    listing = inventory(sim, tmp_path)
    da = listing['_meta']['hostvars']['DA']
    # Plain strings, as AWX and other `--list --export` consumers expect (a value with { or } stays untrusted:
    # test_server_values_are_never_evaluated_as_templates).
    assert da == {'ansible_connection': 'local', 'ansible_python_interpreter': '{{ ansible_playbook_python }}',
                  'approval_pending': False, 'billing_id': '', 'code': 'DA', 'fullname': 'Demo Also', 'id': '23',
                  'primary_domain': 'nervogrid.com', 'status': 'Provisioned'}
    assert 'name' not in da  # a reserved name: Ansible would warn on every run


def test_server_values_are_never_evaluated_as_templates(sim, tmp_path):
    with client_for(sim) as client:
        client.set(xml_codec.E('customer', xml_codec.leaf('name', 'OC'), xml_codec.leaf('billingid', '{{ 7 * 6 }}')))
    hostvars = inventory(sim, tmp_path, {'compose': {'bill': 'billing_id'}}, args=('--host', 'OC'))
    # Printed as the text itself (2.19+) or wrapped as unsafe (older cores): never evaluated to 42 either way.
    assert plain(hostvars['billing_id']) == '{{ 7 * 6 }}'
    assert plain(hostvars['bill']) == '{{ 7 * 6 }}'


def test_reseller_groups_nest_and_cost_three_plus_two_per_reseller(sim, tmp_path):
    sim.seed({'customers': 6, 'resellers': 2, 'parent': 'DA'})
    sim.clear_log()
    listing = inventory(sim, tmp_path, {'reseller_groups': True})
    requests = sim.requests()
    # one FIND, identity, Gsp's customers, then per reseller with customers (DA, SR1, SR2): one GET + one FIND
    assert len(requests) == 3 + 2 * 3
    assert requests.count(('GET', 'customer')) == 3
    assert listing['atria_reseller_gsp']['children'] == ['atria_reseller_da']
    assert sorted(listing['atria_reseller_da']['children']) == ['atria_reseller_sr1', 'atria_reseller_sr2']
    assert hosts_of(listing, 'atria_reseller_gsp') == ['DA', 'OC']
    assert hosts_of(listing, 'atria_reseller_da') == ['SR1', 'SR2']
    assert hosts_of(listing, 'atria_reseller_sr1') == ['SC1', 'SC3', 'SC5']
    hostvars = listing['_meta']['hostvars']
    assert plain(hostvars['SC2']['parent']) == {'name': 'SR2', 'fullname': 'Scale Reseller 2'}
    assert 'parent' not in hostvars['Gsp']


def test_reseller_groups_with_constructed_options_match_the_golden_file(sim, tmp_path):
    listing = inventory(sim, tmp_path, {
        'reseller_groups': True, 'group_prefix': 'cpsm_',
        'compose': {'domain_tld': "primary_domain.split('.')[-1]"},
        'keyed_groups': [{'key': 'primary_domain.split(".")[-1]', 'prefix': 'tld'}],
        'groups': {'service_provider': "parent is not defined"},
    })
    compare_golden('seed_resellers_constructed.json', listing)
    assert hosts_of(listing, 'service_provider') == ['Gsp']
    assert hosts_of(listing, 'tld_local') == ['Gsp', 'OC']


def test_graph_shows_status_groups(sim, tmp_path):
    deprovision(sim, 'OC')
    graph = inventory(sim, tmp_path, {'include_deprovisioned': True}, args=('--graph',))
    assert '@atria_status_notprovisioned:\n  |  |--OC' in graph
    assert '@atria_status_provisioned:\n  |  |--Gsp\n  |  |--DA' in graph


def test_deprovisioned_customers_are_left_out_by_default(sim, tmp_path):
    deprovision(sim, 'OC')
    listing = inventory(sim, tmp_path)
    assert 'OC' not in listing['_meta']['hostvars']
    assert 'atria_status_notprovisioned' not in listing


@pytest.mark.parametrize('filters, expected', [
    ({'status': 'Provisioned'}, ['DA', 'Gsp', 'SC1', 'SC10', 'SC11', 'SC12', 'SC2', 'SC3', 'SC4', 'SC5', 'SC6', 'SC7', 'SC8', 'SC9']),
    ({'status': ['NotProvisioned']}, ['OC']),
    ({'name_pattern': 'SC1?'}, ['SC10', 'SC11', 'SC12']),
    ({'name_pattern': ['~^sc[2-3]$', 'Gsp']}, ['Gsp', 'SC2', 'SC3']),
    ({'fullname_pattern': '*also'}, ['DA']),
    ({'name_pattern': 'SC*', 'fullname_pattern': '~ 1[0-9]$'}, ['SC10', 'SC11', 'SC12']),
])
def test_filters_choose_the_hosts_from_the_one_find(sim, tmp_path, filters, expected):
    sim.seed({'customers': 12})
    deprovision(sim, 'OC')
    sim.clear_log()
    listing = inventory(sim, tmp_path, {'filters': filters})
    assert sorted(listing['_meta']['hostvars']) == expected
    assert sim.requests() == [('FIND', 'customer')]


def test_parent_filter_is_sent_to_the_server(sim, tmp_path):
    sim.seed({'customers': 3, 'parent': 'DA'})
    sim.clear_log()
    listing = inventory(sim, tmp_path, {'filters': {'parent': 'Demo Also'}})
    assert sorted(listing['_meta']['hostvars']) == ['SC1', 'SC2', 'SC3']
    assert sim.requests() == [('FIND', 'customer')]


def test_parent_filter_with_reseller_groups_keeps_the_reseller_chain(sim, tmp_path):
    sim.seed({'customers': 3, 'parent': 'DA'})
    sim.clear_log()
    listing = inventory(sim, tmp_path, {'filters': {'parent': 'DA'}, 'reseller_groups': True})
    # the FIND, identity, Gsp's customers, then one GET + one FIND for DA
    assert len(sim.requests()) == 5
    assert listing['atria_reseller_gsp']['children'] == ['atria_reseller_da']
    assert hosts_of(listing, 'atria_reseller_da') == ['SC1', 'SC2', 'SC3']


@pytest.mark.parametrize('source, expected', [('fullname', 'Demo Also'), ('id', '23'), ('name', 'DA'), ('code', 'DA')])
def test_hostname_source(sim, tmp_path, source, expected):
    listing = inventory(sim, tmp_path, {'hostname_source': source})
    assert expected in listing['_meta']['hostvars']
    assert len(listing['_meta']['hostvars']) == 3


def test_ansible_connection_can_be_changed_composed_or_left_unset(sim, tmp_path):
    hostvars = inventory(sim, tmp_path, {'ansible_connection': ''})['_meta']['hostvars']
    assert 'ansible_connection' not in hostvars['DA']
    hostvars = inventory(sim, tmp_path, {'compose': {'ansible_connection': "'ssh' if code == 'DA' else 'local'"}})['_meta']['hostvars']
    assert plain(hostvars['DA']['ansible_connection']) == 'ssh'
    assert plain(hostvars['OC']['ansible_connection']) == 'local'


def test_reseller_administrator_sees_its_own_customers_only(sim, tmp_path):
    sim.seed({'customers': 2, 'parent': 'DA'})
    listing = inventory(sim, tmp_path, {'reseller_groups': True}, user=RESELLER)
    assert sorted(listing['_meta']['hostvars']) == ['DA', 'SC1', 'SC2']
    assert hosts_of(listing, 'atria_reseller_da') == ['SC1', 'SC2']


def test_enrichment_adds_users_and_services_with_one_request_per_host_and_kind(sim, tmp_path):
    sim.seed({'customers': 5, 'users_per_customer': 2})
    sim.clear_log()
    listing = inventory(sim, tmp_path, {'enrich': ['users', 'services'], 'max_workers': 2, 'filters': {'name_pattern': 'SC*'}})
    requests = sim.requests()
    assert requests.count(('FIND', 'customer/user')) == 5
    assert requests.count(('FIND', 'customer/service')) == 5
    assert len(requests) == 1 + 5 * 2
    sc1 = plain(listing['_meta']['hostvars']['SC1'])
    assert [user['name'] for user in sc1['atria_users']] == ['user1_SC1', 'user2_SC1']
    assert set(sc1['atria_users'][0]) >= {'name', 'upn', 'id', 'status', 'display_name'}
    assert {'name', 'fullname', 'location', 'status', 'approval_pending'} == set(sc1['atria_services'][0])


def test_cache_answers_the_second_run_without_any_request(sim, tmp_path):
    options = {'cache': True, 'cache_plugin': 'ansible.builtin.jsonfile', 'cache_connection': str(tmp_path / 'cache')}
    sim.clear_log()
    first = inventory(sim, tmp_path, options)
    assert sim.requests() == [('FIND', 'customer')]
    sim.clear_log()
    second = inventory(sim, tmp_path, options)
    assert sim.requests() == []
    assert first == second
    if '--flush-cache' in run_inventory(sim.url, write_config(tmp_path, options), args=('--help',)).stdout:
        inventory(sim, tmp_path, options, args=('--list', '--flush-cache'))
    else:   # ansible-inventory before 2.17 has no --flush-cache: an emptied cache must be asked again all the same
        for name in os.listdir(str(tmp_path / 'cache')):
            os.remove(str(tmp_path / 'cache' / name))
        inventory(sim, tmp_path, options)
    assert sim.requests() == [('FIND', 'customer')]


def test_cache_is_not_reused_for_a_different_query(sim, tmp_path):
    options = {'cache': True, 'cache_plugin': 'ansible.builtin.jsonfile', 'cache_connection': str(tmp_path / 'cache')}
    inventory(sim, tmp_path, options)
    sim.clear_log()
    options['reseller_groups'] = True
    listing = inventory(sim, tmp_path, options)
    assert len(sim.requests()) == 3
    assert 'atria_reseller_gsp' in listing


# ------------------------------------------------------------------------------------------- errors

def test_wrong_password_is_a_clear_error_without_the_password(sim, tmp_path):
    stderr = failure(sim, tmp_path, user=('admin_Gsp', 'S3cret-Wrong!'))
    assert 'CortexAPI error 11 (NotAuthenticated)' in stderr
    assert 'Check api_username and api_password' in stderr
    assert 'S3cret-Wrong!' not in stderr


def test_user_without_api_access_is_a_clear_error(sim, tmp_path):
    stderr = failure(sim, tmp_path, user=('noapi_Gsp', 'NoApi!Gsp'))
    assert 'CortexAPI error 12 (NotAuthorized)' in stderr
    assert 'API Access' in stderr


def test_unreachable_server_is_a_clear_error(sim, tmp_path):
    stderr = failure(sim, tmp_path, {'api_url': 'http://127.0.0.1:9/CortexAPI/Default.aspx', 'retries': 0})
    assert 'Connection to http://127.0.0.1:9/CortexAPI/Default.aspx for the customer list failed' in stderr
    assert 'Check the host and port in api_url' in stderr


def test_url_that_is_not_the_cortexapi_is_a_clear_error(sim, tmp_path):
    stderr = failure(sim, tmp_path, {'api_url': sim.url.replace('/CortexAPI/Default.aspx', '/nothing-here')})
    assert 'HTTP 404' in stderr


@pytest.mark.parametrize('options, message', [
    ({'filters': {'staus': 'Provisioned'}}, "filters: unknown key 'staus'"),
    ({'filters': {'status': 'Gone'}}, "filters.status: unknown status 'Gone'"),
    ({'filters': {'name_pattern': '~SC[0-'}}, 'is not a valid regular expression'),
    # ansible-core's own validation: 2.19+ and 2.16-2.18 word it differently, both name the option and the value.
    ({'filters': ['status']}, ("Config 'filters'", 'setting: filters')),
    ({'hostname_source': 'upn'}, ("Invalid value 'upn' for config 'hostname_source'", 'Invalid value "upn"')),
    ({'enrich': ['licences']}, ("Invalid value ['licences'] for config 'enrich'", 'setting: enrich')),
    ({'max_workers': 0}, 'max_workers must be 1 or more'),
    ({'api_url': 'ftp://atria.example.com'}, 'api_url must look like https://HOST/CortexAPI/Default.aspx'),
])
def test_malformed_configuration_is_a_clear_error_before_any_request(sim, tmp_path, options, message):
    sim.clear_log()
    stderr = failure(sim, tmp_path, options)
    messages = message if isinstance(message, tuple) else (message,)
    assert 'atria inventory' in stderr and any(text in stderr for text in messages), stderr
    assert sim.requests() == []


def test_missing_url_names_the_environment_variable(sim, tmp_path):
    run = run_inventory(sim.url, write_config(tmp_path, {}), env={'ATRIA_URL': ''})
    assert run.returncode != 0
    assert 'ATRIA_URL' in run.stderr
