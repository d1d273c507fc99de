# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Issue 13 acceptance, releases: on CPSM 10, CPSM 11 and Atria 12 (the simulator's ``release``) a tenant with users
and Hosted Exchange converges and re-runs as a no-op sending one read per task; on CPSM 10, distribution groups and
workflow approval fail before any write, with the release in the message; GET <global/> is read at most once per
task and only when a task would write something a release may lack."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from tests.reliability.inprocess import connection, run_module

TENANT = [
    ('atria_customer', dict(name='REL', fullname='Release Customer', contact_name='Jane Doe', contact_email='jane@rel.example',
                            primary_domain='rel.example')),
    ('atria_user', dict(customer='REL', users=[dict(name='alice', first_name='Alice', password='Alice!Passw0rd'),
                                               dict(name='bob', first_name='Bob', password='Bob!Passw0rd1')])),
    ('atria_service', dict(customer='REL', name='HE', version='2013', package='Default', user_plans=['EX10_BASIC'])),
    ('atria_service', dict(customer='REL', user='alice', name='HE', user_plans=['EX10_BASIC'])),
    ('atria_user', dict(customer='REL', name='alice', last_name='Liddell')),
]


def actions(sim):
    return [entry['action'] for entry in sim.log()]


def run(sim, module, check_mode=False, **options):
    return run_module(module, dict(connection(sim.url), **options), check_mode=check_mode)


@pytest.mark.parametrize('release', ['atria12', 'cpsm11', 'cpsm10'])
def test_a_tenant_converges_and_re_runs_as_a_no_op(sim, release):
    sim.hook('config', {'release': release})
    for module, options in TENANT:
        result = run(sim, module, **options)
        assert not result.get('failed') and result['changed'], (module, result.get('msg'))
    for module, options in TENANT:
        sim.hook('log/clear')
        result = run(sim, module, **options)
        assert not result.get('failed') and result['changed'] is False, (module, result.get('diff'))
        assert actions(sim) == ['GET'], (module, actions(sim))      # one read; no <global/> on a no-op


@pytest.mark.parametrize('module, options', [
    ('atria_dist_group', dict(customer='DA', display_name='Old Release Team', email='old@nervogrid.com')),
    ('atria_approval_group', dict(customer='DA', name='Old Release Approvers', description='x')),
    ('atria_approval_managers', dict(customer='DA', managers=2)),
    ('atria_contact', dict(customer='DA', display_name='Old Release Contact', email='old@partner.example')),
    # a user's groups set from the user's side (entities/service/mailbox.py)
    ('atria_service', dict(customer='DA', user='admin', name='HE', distribution_groups=['DA Staff'])),
])
@pytest.mark.parametrize('check_mode', [False, True])
def test_what_cpsm10_lacks_fails_before_any_write(sim, module, options, check_mode):
    sim.hook('config', {'release': 'cpsm10'})
    sim.hook('log/clear')
    result = run(sim, module, check_mode=check_mode, **options)
    assert result.get('failed'), result
    assert 'needs CPSM 11 or Atria 12' in result['msg'] and 'the server reports 10.0.0.0' in result['msg']
    assert 'Nothing was sent' in result['msg']
    assert [entry for entry in sim.log() if entry['action'] in ('SET', 'DELETE')] == []
    assert [entry['path'] for entry in sim.log()].count('global') == 1


def test_listing_contacts_on_cpsm10_says_the_release_lacks_them(sim):
    """CPSM 10 ignores <contacts>: an empty list would say "no contacts", the release says why there are none."""
    sim.hook('config', {'release': 'cpsm10'})
    result = run(sim, 'atria_contact_info', customer='DA')
    assert result.get('failed') and 'needs CPSM 11 or Atria 12' in result['msg'] and '10.0.0.0' in result['msg']
    sim.hook('config', {'release': 'atria12'})
    sim.hook('log/clear')
    result = run(sim, 'atria_contact_info', customer='DA')
    assert [contact['display_name'] for contact in result['contacts']] == ['External Partner']
    assert actions(sim) == ['GET']      # no <global/> when the answer has its <contacts>


def test_the_release_is_read_only_when_a_gated_write_is_planned(sim):
    """Atria 12: a distribution group change costs one GET <global/> more; its no-op does not."""
    options = dict(customer='DA', display_name='Release Team', email='release@nervogrid.com')
    sim.hook('log/clear')
    assert run(sim, 'atria_dist_group', **options)['changed']
    assert [entry['path'] for entry in sim.log()].count('global') == 1
    sim.hook('log/clear')
    assert run(sim, 'atria_dist_group', **options)['changed'] is False
    assert actions(sim) == ['GET']


def test_bulk_users_with_wait_on_cpsm10_poll_the_users(sim):
    """Failed before: atria_user with users: and wait: true built an engine without a locator on CPSM 10 (no request
    id) and ended in an AttributeError traceback."""
    sim.hook('config', {'release': 'cpsm10'})
    run(sim, TENANT[0][0], **TENANT[0][1])
    result = run(sim, 'atria_user', customer='REL', wait=True, users=[dict(name='carol', first_name='Carol')])
    assert not result.get('failed'), result.get('msg')
    assert result['changed'] and result['request_ids'] == [None]


def test_reading_a_request_on_cpsm10_says_the_release_lacks_it(sim):
    """Failed before: atria_request_info answered request: {} (CPSM 10 answers GET <request> with an empty response)."""
    sim.hook('config', {'release': 'cpsm10'})
    result = run(sim, 'atria_request_info', id=45666)
    assert result.get('failed') and 'needs CPSM 11 or Atria 12' in result['msg'] and '10.0.0.0' in result['msg']
