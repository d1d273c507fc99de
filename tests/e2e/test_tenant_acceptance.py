# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Acceptance of the customer/user modules: idempotence, check+diff, faults, and no password in output."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

PASSWORD = 'Initial!Passw0rd'


def writes(log):
    return [entry for entry in log if entry['action'] in ('SET', 'DELETE')]


def module_results(run):
    """One entry per module execution (loop items count separately), setup tasks excluded."""
    results = []
    for task in run.results('Tenant:'):
        results.extend(task['result'].get('results') or [task['result']])
    return results


def test_second_run_changes_nothing_and_reads_once_per_task(playbook, sim):
    first = playbook('tenant.yml')
    assert first.returncode == 0, first.output
    assert all(result['changed'] for result in module_results(first))

    sim.hook('log/clear')
    second = playbook('tenant.yml')
    assert second.returncode == 0, second.output
    results = module_results(second)
    assert len(results) == 4
    assert not any(result['changed'] for result in results)
    log = sim.log()
    assert writes(log) == []
    assert len(log) == 4, log     # exactly one read per task


def test_check_diff_of_an_edited_playbook_shows_each_field_and_sends_no_write(playbook, sim):
    assert playbook('tenant.yml').returncode == 0
    sim.hook('log/clear')
    edited = {'tenant_contact': 'Joan Doe', 'tenant_departments': {'alice': 'Support', 'bob': 'Marketing', 'carol': 'Sales'}}
    run = playbook('tenant.yml', extra_vars=edited, check=True, diff=True)
    assert run.returncode == 0, run.output
    results = module_results(run)
    diffs = [result['diff'] for result in results]
    assert diffs[0] == {'before': {'name': 'E2E', 'fullname': 'End To End Customer', 'contact_name': 'Jane Doe',
                                   'contact_email': 'jane@e2e.example', 'primary_domain': 'e2e.example'},
                        'after': {'name': 'E2E', 'fullname': 'End To End Customer', 'contact_name': 'Joan Doe',
                                  'contact_email': 'jane@e2e.example', 'primary_domain': 'e2e.example'}}
    assert [(diff['before']['department'], diff['after']['department']) for diff in diffs[1:]] == [
        ('Sales', 'Support'), ('Sales', 'Marketing'), ('Support', 'Sales')]
    assert writes(sim.log()) == []
    assert 'Joan Doe' in run.output     # the human-readable diff shows the change


def test_converges_through_lost_answers_without_duplicates(playbook, sim):
    """Three writes in ten are carried out and their answer lost (the connection drops after the work): the case
    where a re-sent SET would duplicate. Judged by the simulator: one customer, three users, and not one write more
    than a fault-free run sends (one SET per task), whatever the answers said."""
    sim.hook('faults', {'drop_after_rate': 0.3, 'only_actions': ['SET', 'DELETE'], 'seed': 7})
    run = playbook('tenant.yml', extra_vars={'tenant_retries': 8})
    sim.hook('faults', {})
    assert run.returncode == 0, run.output
    log = sim.log()
    lost = [entry for entry in log if entry.get('fault') == 'drop_after']
    assert lost, 'no answer was lost: the test would prove nothing'
    assert [entry['path'] for entry in writes(log)] == ['customer'] + ['customer/user'] * 3, writes(log)
    again = playbook('tenant.yml')
    assert again.returncode == 0 and not any(result['changed'] for result in module_results(again))
    state = sim.state()
    customers = [c for c in _records(state, 'customers') if c.get('fullname') == 'End To End Customer']
    assert len(customers) == 1
    users = [u for u in _records(state, 'users') if str(u.get('customer_id')) == str(customers[0]['id'])]
    assert sorted(u['name'] for u in users) == ['alice_E2E', 'bob_E2E', 'carol_E2E']
    assert set(u['password'] for u in users) == {PASSWORD}          # the write-only password reached the server


def test_password_never_appears_in_verbose_output(playbook, sim):
    run = playbook('tenant.yml', verbosity=3, diff=True)
    assert run.returncode == 0, run.output
    assert PASSWORD not in run.output
    assert PASSWORD not in repr(run.tasks)


def _records(state, kind):
    records = state[kind]
    return list(records.values()) if isinstance(records, dict) else list(records)


def team(size, department='Sales'):
    return {'team_users': [{'name': 'member%03d' % number, 'department': department, 'password': PASSWORD}
                           for number in range(size)]}


def test_bulk_users_one_set_then_one_read(playbook, sim):
    first = playbook('team.yml', extra_vars=team(50))
    assert first.returncode == 0, first.output
    sets = [entry for entry in writes(sim.log()) if entry['path'] == 'customer/user']
    assert len(sets) == 1          # fifty users, one multi-user SET

    sim.hook('log/clear')
    second = playbook('team.yml', extra_vars=team(50))
    assert second.returncode == 0, second.output
    assert not second.results('Team:')[0]['result']['changed']
    log = sim.log()
    assert writes(log) == []
    assert [entry['path'] for entry in log if entry['path'].startswith('customer/user')] == ['customer/user']


def test_bulk_check_mode_reports_each_change_and_sends_nothing(playbook, sim):
    assert playbook('team.yml', extra_vars=team(5)).returncode == 0
    sim.hook('log/clear')
    run = playbook('team.yml', extra_vars=team(5, department='Support'), check=True, diff=True)
    assert run.returncode == 0, run.output
    result = run.results('Team:')[0]['result']
    assert result['changed'] and [user['action'] for user in result['users']] == ['update'] * 5
    assert result['diff']['after']['member000_TEAM']['department'] == 'Support'
    assert writes(sim.log()) == []
    assert PASSWORD not in run.output
