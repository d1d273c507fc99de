# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Issue 16: a user's Hosted Exchange mailbox from the user's side, with real ansible-playbook runs against the
simulator - reply address, other e-mail addresses, a mailbox storage limit, and "alice is in Sales and Support".

For each option: it converges in one run, re-runs with changed=false and reads only, --check sends no SET, --diff
shows before and after, a server that drops its tag fails the task naming the option, and an unknown group or a
foreign domain is refused with nothing written.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
from lxml import etree

PLAYBOOK = 'exchange_user.yml'
MAILBOX = 'Mailbox: alice'
OPTIONS = ('reply_address', 'email_addresses', 'mailbox_storage_limit', 'distribution_groups')
# The tag each option travels as, inside the user's Hosted Exchange service.
TAGS = {'reply_address': 'replyaddress', 'email_addresses': 'emailaddresses',
        'mailbox_storage_limit': 'mailboxstoragelimit', 'distribution_groups': 'distributiongroups'}
# A change of each option from the playbook's defaults (extra vars).
CHANGES = {'reply_address': {'mailbox_reply': 'alice.smith@mail.e2x.example'},
           'email_addresses': {'mailbox_addresses': ['a.smith@e2x.example']},
           'mailbox_storage_limit': {'mailbox_limit': 'Unlimited'},
           'distribution_groups': {'mailbox_groups': ['Staff'], 'mailbox_groups_mode': 'present'}}


def writes(log):
    return [entry for entry in log if entry['action'] in ('SET', 'DELETE')]


def result_of(run, name=MAILBOX):
    task, = run.results(name)
    return task['result']


def alice(sim):
    return next(record for record in sim.state()['users'] if record['name'] == 'alice_E2X')


def members_by_group(run):
    return dict((group['display_name'], group.get('members') or []) for group in result_of(run, 'Read: the groups')['groups'])


@pytest.fixture
def converged(playbook, sim):
    first = playbook(PLAYBOOK)
    assert first.returncode == 0, first.output
    return first


def test_the_mailbox_converges_in_one_run_and_alice_is_in_sales_and_support(converged, sim):
    result = result_of(converged)
    assert result['changed'] is True
    service = result['service']
    assert service['reply_address'] == 'alice@e2x.example'
    assert sorted(service['email_addresses']) == ['a.smith@e2x.example', 'alice@mail.e2x.example']
    assert service['mailbox_storage_limit'] == 2048
    assert service['distribution_groups'] == ['Sales', 'Support']
    # What the simulator stores, read from its state rather than through our parser.
    mailbox = alice(sim)['services']['HE']
    assert (mailbox['replyaddress'], mailbox['emailaddresses'], mailbox['mailboxstoragelimit']) == (
        'alice@e2x.example', ['a.smith@e2x.example', 'alice@mail.e2x.example'], 2048)
    # Set from the user's side, seen from the groups' side: the member lists name alice by her reply address.
    members = members_by_group(converged)
    assert members['Sales'] == ['alice@e2x.example'] and members['Support'] == ['alice@e2x.example']
    assert members['Staff'] == []
    info, = result_of(converged, "Read: alice's services")['services']
    assert info['distribution_groups'] == ['Sales', 'Support'] and info['reply_address'] == 'alice@e2x.example'
    assert sorted(info['email_addresses']) == ['a.smith@e2x.example', 'alice@mail.e2x.example']
    assert info['mailbox_storage_limit'] == 2048


def test_a_re_run_changes_nothing_and_the_mailbox_task_is_one_get(converged, playbook, sim):
    sim.hook('log/clear')
    again = playbook(PLAYBOOK)
    assert again.returncode == 0, again.output
    assert not any(task['result'].get('changed') for task in again.tasks)
    log = sim.log()
    assert writes(log) == []
    mailbox_reads = [entry for entry in log if entry['path'].startswith('customer/user/service')]
    # the mailbox task (its groups in the same GET) and the info module's FIND and GET
    assert [entry['path'] for entry in mailbox_reads if entry['action'] == 'GET'].count(
        'customer/user/service/distributiongroups') == 2, mailbox_reads


@pytest.mark.parametrize('option', OPTIONS)
def test_check_mode_sends_no_set_and_the_diff_shows_before_and_after(converged, playbook, sim, option):
    sim.hook('log/clear')
    run = playbook(PLAYBOOK, extra_vars=CHANGES[option], check=True, diff=True)
    assert run.returncode == 0, run.output
    assert writes(sim.log()) == []
    result = result_of(run)
    assert result['changed'] is True
    before, after = result['diff']['before'], result['diff']['after']
    changed = sorted(key for key in after if before.get(key) != after.get(key))
    assert changed == [option], result['diff']
    expected = {'reply_address': ('alice@e2x.example', 'alice.smith@mail.e2x.example'),
                'email_addresses': (['a.smith@e2x.example', 'alice@mail.e2x.example'], ['a.smith@e2x.example']),
                'mailbox_storage_limit': (2048, 'Unlimited'),
                'distribution_groups': (['Sales', 'Support'], ['Sales', 'Support', 'Staff'])}[option]
    assert (before[option], after[option]) == expected
    # and the real run then applies exactly that, once
    real = playbook(PLAYBOOK, extra_vars=CHANGES[option])
    assert real.returncode == 0, real.output
    held = result_of(real)['service'][option]
    assert (sorted(held) if isinstance(held, list) else held) == (sorted(expected[1]) if isinstance(held, list) else expected[1])


@pytest.mark.parametrize('option', OPTIONS)
def test_a_server_that_drops_the_tag_fails_the_task_naming_the_option(converged, playbook, sim, option):
    sim.hook('config', {'ignore_tags': ['/customer/user/service/' + TAGS[option]]})
    try:
        run = playbook(PLAYBOOK, extra_vars=CHANGES[option])
    finally:
        sim.hook('config', {'ignore_tags': []})
    assert run.returncode != 0
    task, = run.results(MAILBOX)
    assert task['status'] == 'failed', task
    message = task['result']['msg']
    assert '`%s`' % option in message and 'did not apply' in message, message


def test_an_unknown_group_is_refused_with_nothing_written_naming_the_customers_groups(converged, playbook, sim):
    sim.hook('log/clear')
    run = playbook(PLAYBOOK, extra_vars={'mailbox_groups': ['Sales', 'Marketing']})
    assert run.returncode != 0
    message = result_of(run)['msg']
    assert "customer 'E2X' has no distribution group 'Marketing'" in message
    assert 'Sales (sales@e2x.example), Staff (staff@e2x.example), Support (support@e2x.example)' in message
    assert writes(sim.log()) == []


@pytest.mark.parametrize('extra, words', [
    ({'mailbox_reply': 'alice@elsewhere.example'}, "reply_address 'alice@elsewhere.example'"),
    ({'mailbox_addresses': ['a.smith@e2x.example', 'alice@elsewhere.example']}, "email_addresses 'alice@elsewhere.example'"),
])
def test_an_address_in_a_foreign_domain_is_refused_with_nothing_written(converged, playbook, sim, extra, words):
    sim.hook('log/clear')
    run = playbook(PLAYBOOK, extra_vars=extra)
    assert run.returncode != 0
    message = result_of(run)['msg']
    assert words in message and "its domains: e2x.example, mail.e2x.example" in message, message
    assert writes(sim.log()) == []


def test_leaving_a_group_from_the_user_side_sends_only_that_group(converged, playbook, sim):
    sim.hook('log/clear')
    run = playbook(PLAYBOOK, extra_vars={'mailbox_groups': ['Support'], 'mailbox_groups_mode': 'absent', 'mailbox_trace': True})
    assert run.returncode == 0, run.output
    (written,) = writes(sim.log())
    assert written['path'] == 'customer/user/service/distributiongroups'
    (request,) = [record['request'] for record in result_of(run)['trace'] if record.get('action') == 'SET']
    items = etree.fromstring(request.encode('utf-8')).findall('.//distributiongroups/distributiongroup')
    assert [(item.findtext('displayname'), item.findtext('selected')) for item in items] == [('Support', 'False')]
    assert result_of(run)['service']['distribution_groups'] == ['Sales']
    members = members_by_group(run)
    assert members['Sales'] == ['alice@e2x.example'] and members['Support'] == []
