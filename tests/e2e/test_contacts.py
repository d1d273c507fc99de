# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Issue 16 acceptance, contacts: two contacts created in one run, one of them a distribution-group member (by
display name or e-mail address); the re-run changes nothing and only reads; --check sends no SET, --diff shows the
changed field; a field the server does not read fails the task naming the option; removal; CPSM 10 refused."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest


def writes(log):
    return [entry for entry in log if entry['action'] not in ('GET', 'FIND')]


def da(state):
    return next(record for record in state['customers'] if record['name'] == 'DA')


def contacts_of(state):
    """DA's contacts as the simulator stores them (the server's side, not our parser): display name -> record."""
    return dict((record['displayname'], record) for record in da(state)['services']['HE']['contacts'])


def group_members(state):
    """Contacts Team's members as stored references, turned into the contacts' display names."""
    group = next(group for group in da(state)['distgroups'] if group['displayname'] == 'Contacts Team')
    names = dict((record['id'], record['displayname']) for record in contacts_of(state).values())
    return sorted(names.get(ref['id'], ref['type']) for ref in group['members'] if ref['type'] == 'contact')


def changed(run, prefix=''):
    return dict((task['task'], task['result'].get('changed')) for task in run.results(prefix) if task['status'] != 'skipped')


@pytest.mark.parametrize('member', ['Pat Partner', 'PAT@partner.example'])
def test_two_contacts_and_a_member_converge_in_one_run_and_re_run_reading_only(playbook, sim, member):
    sim.hook('log/clear')
    run = playbook('contacts.yml', extra_vars={'contacts_member': member})
    assert run.returncode == 0, run.output
    assert changed(run) == {'Contacts: Pat': True, 'Contacts: Quinn': True, 'Group: Pat is a member': True}
    stored = contacts_of(sim.state())
    assert stored['Pat Partner']['jobtitle'] == 'Buyer' and stored['Pat Partner']['state'] == 'Kent'
    assert stored['Pat Partner']['companyname'] == 'Partner & Sons'
    assert stored['Quinn Quill']['syncobjectid'] == 'quill-0001' and stored['Quinn Quill']['hidefromaddresslists'] is True
    assert group_members(sim.state()) == ['Pat Partner']
    group, = run.results('Group:')
    assert group['result']['distribution_group']['members'] == ['pat@partner.example']
    # the two contacts and the group: one SET each
    assert [entry['path'] for entry in writes(sim.log())] == ['customer/service/contacts'] * 2 + [
        'customer/service/distributiongroups']

    sim.hook('log/clear')
    again = playbook('contacts.yml', extra_vars={'contacts_member': member})
    assert again.returncode == 0, again.output
    assert set(changed(again).values()) == {False}
    log = sim.log()
    assert log and writes(log) == [], writes(log)


def test_check_mode_sends_no_set_and_diff_shows_the_changed_field(playbook, sim):
    assert playbook('contacts.yml').returncode == 0
    sim.hook('log/clear')
    check = playbook('contacts.yml', extra_vars={'contacts_job_title': 'Head of Buying'}, check=True, diff=True)
    assert check.returncode == 0, check.output
    assert changed(check) == {'Contacts: Pat': True, 'Contacts: Quinn': False, 'Group: Pat is a member': False}
    assert writes(sim.log()) == []
    assert contacts_of(sim.state())['Pat Partner']['jobtitle'] == 'Buyer'
    pat, = check.results('Contacts: Pat')
    diff = pat['result']['diff']
    assert diff['before']['job_title'] == 'Buyer' and diff['after']['job_title'] == 'Head of Buying'
    assert '-    "job_title": "Buyer"' in check.output and '+    "job_title": "Head of Buying"' in check.output

    sim.hook('log/clear')
    real = playbook('contacts.yml', extra_vars={'contacts_job_title': 'Head of Buying'}, diff=True)
    assert real.returncode == 0, real.output
    assert changed(real)['Contacts: Pat'] is True
    assert contacts_of(sim.state())['Pat Partner']['jobtitle'] == 'Head of Buying'
    assert [entry['path'] for entry in writes(sim.log())] == ['customer/service/contacts']


def test_a_field_the_server_does_not_read_fails_naming_the_option(playbook, sim):
    assert playbook('contacts.yml').returncode == 0
    sim.hook('config', {'ignore_tags': ['jobtitle']})
    try:
        run = playbook('contacts.yml', extra_vars={'contacts_job_title': 'Ignored Title'})
    finally:
        sim.hook('config', {'ignore_tags': []})
    assert run.returncode != 0
    pat, = run.results('Contacts: Pat')
    message = pat['result']['msg']
    assert "did not apply `job_title` (tag <jobtitle>): sent 'Ignored Title', it holds 'Buyer'" in message, message
    assert contacts_of(sim.state())['Pat Partner']['jobtitle'] == 'Buyer'


def test_removal_takes_the_contacts_and_the_group_away_then_is_a_no_op(playbook, sim):
    assert playbook('contacts.yml').returncode == 0
    sim.hook('log/clear')
    removed = playbook('contacts.yml', extra_vars={'contacts_state': 'absent'})
    assert removed.returncode == 0, removed.output
    assert changed(removed) == {'Group: Pat is a member': True, 'Removed: Pat': True, 'Removed: Quinn, by sync object id': True}
    assert contacts_of(sim.state()) == {'External Partner': contacts_of(sim.state())['External Partner']}
    # each removal is the SET of <enabled>false</enabled> the guide's template allows; no DELETE
    assert [entry['action'] for entry in writes(sim.log())] == ['SET'] * 3

    sim.hook('log/clear')
    again = playbook('contacts.yml', extra_vars={'contacts_state': 'absent'})
    assert again.returncode == 0, again.output
    assert set(changed(again).values()) == {False}
    assert writes(sim.log()) == []


def test_cpsm10_refuses_contacts_before_any_write_naming_the_release(playbook, sim):
    sim.hook('config', {'release': 'cpsm10'})
    try:
        sim.hook('log/clear')
        run = playbook('contacts.yml')
    finally:
        sim.hook('config', {'release': 'atria12'})
    assert run.returncode != 0
    pat, = run.results('Contacts: Pat')
    assert 'needs CPSM 11 or Atria 12' in pat['result']['msg'] and 'Hosted Exchange contacts' in pat['result']['msg']
    assert 'the server reports 10.0.0.0' in pat['result']['msg']
    assert writes(sim.log()) == []
