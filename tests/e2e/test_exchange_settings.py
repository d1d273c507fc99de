# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Acceptance of issue 16's customer-level Hosted Exchange settings and of instances assigned to users, with real
ansible-playbook runs against the simulator: converge in one run, a re-run of reads only, --check --diff that
writes nothing and shows each field, a tag the server drops failing the task by name, the assignment taken away
again, and refusals before any write."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

PLAYBOOK = 'exchange_settings.yml'
SETTINGS_TASK = 'Exchange: settings of the customer'
INSTANCE_TASK = 'Instance: assigned to ann'


def writes(log):
    return [entry for entry in log if entry['action'] in ('SET', 'DELETE')]


def result_of(run, name):
    task, = run.results(name)
    return task['result']


def exchange_record(sim):
    customer = next(record for record in sim.state()['customers'] if record['name'] == 'E2X')
    return customer['services']['HE']


def ann_instances(sim):
    return next(record for record in sim.state()['users'] if record['name'] == 'ann_E2X')['services']['CRM2011']['instances']


def converge(playbook):
    run = playbook(PLAYBOOK)
    assert run.returncode == 0, run.output
    return run


def test_settings_and_an_assigned_instance_converge_in_one_run_and_rerun_with_reads_only(playbook, sim):
    first = converge(playbook)
    settings = result_of(first, SETTINGS_TASK)
    assert settings['changed'] is True
    service = settings['service']       # the read-back
    assert service['accepted_domains'] == [{'name': 'e2x.example', 'type': 'authoritative'},
                                           {'name': 'relay.e2x.example', 'type': 'internalrelay'}]
    assert (service['update_email_address_policy'], service['mailbox_storage_limit']) == (True, 2048)
    assert (service['public_folder_storage_limit'], service['public_folder_warning_limit'],
            service['public_folder_item_limit']) == (500, 400, 'Unlimited')
    # What the server stores, read from the simulator's state, not through our parser.
    record = exchange_record(sim)
    assert record['domains'] == [['e2x.example', 'authoritative'], ['relay.e2x.example', 'internalrelay']]
    assert (record['updateemailaddresspolicy'], str(record['mailboxstoragelimit'])) == (True, '2048')
    assert record['publicfolder']['create'] is True and str(record['publicfolder']['storagelimit']) == '500'
    assert result_of(first, INSTANCE_TASK)['changed'] is True
    assert result_of(first, INSTANCE_TASK)['instance']['name'] == 'Site01'
    assert ann_instances(sim) == ['Site01']
    info, = result_of(first, 'Info: the customer\'s Hosted Exchange in detail')['services']
    assert info['accepted_domains'] == service['accepted_domains']
    assert [entry['pattern'] for entry in info['address_formats']['addresses']] == ['%1g%s', '%g', '%g%1s', '%g.%s']

    sim.hook('log/clear')
    second = converge(playbook)
    assert not [task['task'] for task in second.tasks if task['result'].get('changed')]
    log = sim.log()
    assert writes(log) == []
    assert {entry['action'] for entry in log} <= {'GET', 'FIND'}
    settings_reads = [entry for entry in log if entry['path'] == 'customer/service']
    assert settings_reads, log


def test_check_diff_shows_each_field_and_sends_no_write(playbook, sim):
    converge(playbook)
    sim.hook('log/clear')
    edited = {'exchange_domains': [{'name': 'relay.e2x.example', 'type': 'externalrelay'}], 'exchange_domains_mode': 'present',
              'exchange_policy': False, 'exchange_mailbox_limit': 'Unlimited', 'exchange_folder_items': 100,
              'ann_instance': 'Site02'}
    run = playbook(PLAYBOOK, extra_vars=edited, check=True, diff=True)
    assert run.returncode == 0, run.output
    assert writes(sim.log()) == []
    settings = result_of(run, SETTINGS_TASK)
    assert settings['changed'] is True
    before, after = settings['diff']['before'], settings['diff']['after']
    assert before['accepted_domains'][1] == {'name': 'relay.e2x.example', 'type': 'internalrelay'}
    assert after['accepted_domains'] == [{'name': 'e2x.example', 'type': 'authoritative'},
                                         {'name': 'relay.e2x.example', 'type': 'externalrelay'}]
    assert (before['update_email_address_policy'], after['update_email_address_policy']) == (True, False)
    assert (before['mailbox_storage_limit'], after['mailbox_storage_limit']) == (2048, 'Unlimited')
    assert (before['public_folder_item_limit'], after['public_folder_item_limit']) == ('Unlimited', 100)
    assert before['public_folder_storage_limit'] == after['public_folder_storage_limit'] == 500
    instance = result_of(run, INSTANCE_TASK)
    assert instance['changed'] and instance['diff'] == {'before': {}, 'after': {'instance': 'Site02'}}
    # The playbook's --diff output shows them too, and nothing changed on the server.
    assert 'public_folder_item_limit' in run.output
    assert exchange_record(sim)['domains'][1] == ['relay.e2x.example', 'internalrelay'] and ann_instances(sim) == ['Site01']


def test_a_tag_the_server_drops_fails_the_task_naming_the_option(playbook, sim):
    converge(playbook)
    sim.hook('config', {'ignore_tags': ['/customer/service/publicfolder/itemlimit']})
    try:
        run = playbook(PLAYBOOK, extra_vars={'exchange_folder_items': 100, 'exchange_mailbox_limit': 4096})
    finally:
        sim.hook('config', {'ignore_tags': []})
    assert run.returncode != 0
    failed, = [task for task in run.tasks if task['status'] == 'failed']
    assert failed['task'] == SETTINGS_TASK
    message = failed['result']['msg']
    assert 'public_folder_item_limit' in message and '<publicfolder><itemlimit>' in message
    assert 'mailbox_storage_limit' not in message       # the value the server did take is not blamed
    assert str(exchange_record(sim)['mailboxstoragelimit']) == '4096'


def test_an_instance_is_moved_and_taken_away_from_the_user(playbook, sim):
    converge(playbook)
    sim.hook('log/clear')
    moved = playbook(PLAYBOOK, extra_vars={'ann_instance': 'Site02'})
    assert moved.returncode == 0, moved.output
    assert ann_instances(sim) == ['Site01', 'Site02']     # the SET carried the instance held with the new one
    sim.hook('log/clear')
    removed = playbook(PLAYBOOK, extra_vars={'ann_instance_state': 'absent'})
    assert removed.returncode == 0, removed.output
    result = result_of(removed, INSTANCE_TASK)
    assert result['changed'] is True and result['instance'] == {}
    assert [(entry['action'], entry['path']) for entry in writes(sim.log())] == [('DELETE', 'customer/user/service')]
    assert ann_instances(sim) == ['Site02']
    customer = next(record for record in sim.state()['customers'] if record['name'] == 'E2X')
    assert [item['name'] for item in customer['services']['CRM2011']['instances']] == ['Site01', 'Site02']
    sim.hook('log/clear')
    again = playbook(PLAYBOOK, extra_vars={'ann_instance_state': 'absent'})
    assert again.returncode == 0 and result_of(again, INSTANCE_TASK)['changed'] is False
    assert writes(sim.log()) == []


def test_refusals_come_before_any_write(playbook, sim):
    converge(playbook)
    sim.hook('log/clear')
    foreign = playbook(PLAYBOOK, extra_vars={'exchange_domains': [{'name': 'e2x.example'}, {'name': 'other.example'}]})
    assert foreign.returncode != 0
    failed, = [task for task in foreign.tasks if task['status'] == 'failed']
    assert failed['task'] == SETTINGS_TASK
    message = failed['result']['msg']
    assert "other.example is not a domain of customer 'E2X'" in message
    assert 'e2x.example, relay.e2x.example' in message and 'atria.cortex.atria_customer' in message
    assert writes(sim.log()) == []

    sim.hook('log/clear')
    missing = playbook(PLAYBOOK, extra_vars={'ann_instance': 'Site09'})
    assert missing.returncode != 0
    failed, = [task for task in missing.tasks if task['status'] == 'failed']
    assert failed['task'] == INSTANCE_TASK
    assert "has no instance 'Site09'" in failed['result']['msg'] and 'Site01, Site02' in failed['result']['msg']
    assert writes(sim.log()) == []
