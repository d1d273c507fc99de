# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Issue 15 (users and customers in full) through ansible-playbook against the simulator: what /_sim/state holds is
the proof of convergence, the request log the proof of "reads only" and "nothing was written"."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from tests.e2e.harness import run_playbook
from tests.e2e.tenant_support import changed_tasks, run_repo_playbook

pytestmark = [pytest.mark.e2e, pytest.mark.simulator]

PLAYBOOK = 'users_customers_in_full.yml'
PASSWORD = 'Corr3ct-Horse-9'


def customer_record(sim, code='UF'):
    return next(rec for rec in sim.state()['customers'] if rec['name'] == code)


def user_record(sim, name):
    for user in sim.state()['users']:
        if user['name'] == name:
            return user
    raise AssertionError('no user %s in the simulator' % name)


def writes(sim):
    return [(entry['action'], entry['path']) for entry in sim.log() if entry['action'] in ('SET', 'DELETE')]


def bulk_users_playbook(tmp_path, name, options):
    """A playbook whose one task, "Bulk: users", is atria_user for customer UF with ``options`` (YAML, indented)."""
    path = tmp_path / name
    path.write_text('''
- hosts: localhost
  gather_facts: false
  tasks:
    - name: "Bulk: users"
      atria.cortex.atria_user:
        customer: UF''' + options)
    return path


def changed(run, prefix):
    return [task['result'].get('changed') for task in run.results(prefix)]


def test_a_customer_policy_places_roles_and_structure_converge(playbook, sim):
    first = playbook(PLAYBOOK, extra_vars={'uf_user': False})
    assert first.returncode == 0, first.output
    rec = customer_record(sim)
    assert rec['password_policy'] == {'minimumlength': 8, 'bannerdisplaydays': 14, 'changeatnextlogon': True,
                                      'allowneverexpires': True}
    assert rec['locations'] == ['Unassigned', 'Riga', 'London']
    assert rec['departments'] == ['Unassigned', 'Sales', 'Support']
    assert rec['roles'] == ['Customer Administrator', 'User Administrator', 'Exchange Users']
    assert rec['properties']['OrganisationalStructure'] == 'department'
    customer, = first.results('Full: customer')
    assert customer['result']['customer']['allowed_roles'] == rec['roles']
    sim.hook('log/clear')
    again = playbook(PLAYBOOK, extra_vars={'uf_user': False})
    assert again.returncode == 0 and changed(again, 'Full: customer') == [False]
    assert writes(sim) == [] and [entry['action'] for entry in sim.log()] == ['GET']


def test_a_user_in_full_converges_and_a_rerun_reads_only(playbook, sim):
    first = playbook(PLAYBOOK, diff=True, verbosity=3)
    assert first.returncode == 0, first.output
    assert PASSWORD not in first.output
    ann = user_record(sim, 'ann_UF')
    assert ann['password'] == PASSWORD
    assert (ann['changeatnextlogon'], ann['password_expires'], ann['expires']) == (True, 'Never', '2031-01-31')
    assert (ann['customfield1'], ann['customfield2'], ann['upn']) == ('cost centre 42', 'badge 7', 'ann@uf.example')
    assert (ann['externalemail'], ann['phone'], ann['location'], ann['department']) == (
        'ann@home.example', '+371 6700 0000', 'Riga', 'Sales')
    assert ann['properties']['title'] == 'Engineer' and ann['properties']['mobile'] == '+371 2000 0000'
    assert ann['properties']['manager'] == 'boss_UF' and ann['properties']['UserProfile'] == 'Staff'
    user, = first.results('Full: user')
    shown = user['result']['user']
    assert shown['additional_properties']['manager'] == 'boss_UF' and shown['password_expires'] == 'Never'
    assert 'password' not in shown

    sim.hook('log/clear')
    again = playbook(PLAYBOOK, diff=True, verbosity=3)
    assert again.returncode == 0, again.output
    assert changed(again, 'Full: ') == [False, False]
    assert writes(sim) == [], writes(sim)
    assert PASSWORD not in again.output


def test_check_diff_shows_each_changed_attribute_and_writes_nothing(playbook, sim):
    assert playbook(PLAYBOOK).returncode == 0
    before = user_record(sim, 'ann_UF')
    sim.hook('log/clear')
    run = playbook(PLAYBOOK, check=True, diff=True, extra_vars={
        'uf_title': 'Manager', 'uf_change_at_next_logon': False, 'uf_account_expires': '2032-02-02',
        'uf_password_expires': '2030-06-30'})
    assert run.returncode == 0, run.output
    user, = run.results('Full: user')
    assert user['result']['changed'] is True
    diff = user['result']['diff']
    assert diff['before']['additional_properties']['title'] == 'Engineer'
    assert diff['after']['additional_properties']['title'] == 'Manager'
    assert (diff['before']['change_password_at_next_logon'], diff['after']['change_password_at_next_logon']) == (True, False)
    assert (diff['before']['account_expires'], diff['after']['account_expires']) == ('2031-01-31', '2032-02-02')
    assert (diff['before']['password_expires'], diff['after']['password_expires']) == ('Never', '2030-06-30')
    assert 'password' not in diff['before'] and 'password' not in diff['after'] and PASSWORD not in run.output
    assert writes(sim) == []
    after = user_record(sim, 'ann_UF')
    assert dict(after, status=None) == dict(before, status=None)     # provisioning may end meanwhile

    applied = playbook(PLAYBOOK, extra_vars={'uf_title': 'Manager', 'uf_change_at_next_logon': False,
                                             'uf_account_expires': '2032-02-02', 'uf_password_expires': '2030-06-30'})
    assert applied.returncode == 0, applied.output
    ann = user_record(sim, 'ann_UF')
    assert (ann['properties']['title'], ann['changeatnextlogon'], ann['expires'], ann['password_expires']) == (
        'Manager', False, '2032-02-02', '20300630')
    assert ann['password'] == PASSWORD      # the settings changed, the password was not sent again


def test_a_location_change_is_refused_before_any_write(playbook, sim):
    assert playbook(PLAYBOOK, extra_vars={'uf_user': False, 'uf_location': 'Location GSP'}).returncode == 0
    sim.hook('log/clear')
    run = playbook(PLAYBOOK, extra_vars={'uf_user': False, 'uf_location': 'Location Two'})
    assert run.returncode != 0
    task, = run.results('Full: customer')
    message = task['result']['msg']
    assert "location is 'Location GSP' and cannot be changed after creation" in message
    assert 'Leave location out' in message and 'Nothing was sent' in message
    assert writes(sim) == []
    assert customer_record(sim)['location'] == 'Location GSP'


@pytest.mark.parametrize('spelling', ['changeatnextlogon', 'changeatnextlogin'])
def test_change_at_next_logon_converges_with_a_server_reading_one_spelling(playbook, sim, spelling):
    sim.hook('config', {'spellings': {'changeatnextlogon': spelling}})
    assert playbook(PLAYBOOK, extra_vars={'uf_change_at_next_logon': False}).returncode == 0
    assert user_record(sim, 'ann_UF')['changeatnextlogon'] is False
    run = playbook(PLAYBOOK, extra_vars={'uf_change_at_next_logon': True})
    assert run.returncode == 0, run.output
    assert user_record(sim, 'ann_UF')['changeatnextlogon'] is True
    again = playbook(PLAYBOOK, extra_vars={'uf_change_at_next_logon': True})
    assert changed(again, 'Full: user') == [False]


def test_never_expiring_passwords_need_the_policy(playbook, sim):
    assert playbook(PLAYBOOK, extra_vars={'uf_allow_never': False, 'uf_password_expires': '2031-01-31'}).returncode == 0
    sim.hook('log/clear')
    run = playbook(PLAYBOOK, extra_vars={'uf_allow_never': False})
    assert run.returncode != 0
    task, = run.results('Full: user')
    assert 'password_expires: never is not allowed' in task['result']['msg'] and 'error 35' in task['result']['msg']
    assert writes(sim) == []


def test_locked_false_unlocks_and_locked_true_is_refused(playbook, sim):
    assert playbook(PLAYBOOK).returncode == 0
    sim.hook('lock', {'user': 'ann_UF'})
    assert user_record(sim, 'ann_UF')['locked'] is True
    refused = playbook(PLAYBOOK, extra_vars={'uf_locked': True})
    assert refused.returncode != 0
    task, = refused.results('Full: user')
    assert 'can only unlock' in task['result']['msg']
    assert user_record(sim, 'ann_UF')['locked'] is True
    unlocked = playbook(PLAYBOOK, extra_vars={'uf_locked': False})
    assert unlocked.returncode == 0 and changed(unlocked, 'Full: user') == [True]
    assert user_record(sim, 'ann_UF')['locked'] is False
    assert changed(playbook(PLAYBOOK, extra_vars={'uf_locked': False}), 'Full: user') == [False]


def test_the_info_modules_show_the_new_fields(playbook, sim):
    run = playbook(PLAYBOOK, extra_vars={'uf_info': True})
    assert run.returncode == 0, run.output
    (info,) = run.results('Info: user')
    ann, = info['result']['users']
    assert (ann['change_password_at_next_logon'], ann['password_expires'], ann['account_expires']) == (True, 'Never', '2031-01-31')
    assert (ann['custom_field1'], ann['custom_field2'], ann['locked']) == ('cost centre 42', 'badge 7', False)
    assert ann['additional_properties']['manager'] == 'boss_UF' and ann['additional_properties']['title'] == 'Engineer'
    assert ann['properties']['UserProfile'] == 'Staff' and 'password' not in ann
    (customer_info,) = run.results('Info: customer')
    customer, = customer_info['result']['customers']
    assert (customer['password_minimum_length'], customer['password_allow_never_expires']) == (8, True)
    assert customer['locations'] == ['Unassigned', 'Riga', 'London'] and customer['ou_structure'] == 'department'
    assert customer['allowed_roles'] == ['Customer Administrator', 'User Administrator', 'Exchange Users']


def test_the_users_items_take_the_new_options_in_one_set(playbook, sim, tmp_path):
    assert playbook(PLAYBOOK).returncode == 0
    team = bulk_users_playbook(tmp_path, 'team.yml', '''
        users:
          - name: cid
            password: Corr3ct-Horse-9
            change_password_at_next_logon: true
            password_expires: "2031-01-31"
            account_expires: never
            custom_field1: c1
            additional_properties: {title: Analyst, manager: ann}
          - name: ann
            custom_field2: badge 8
            additional_properties: {manager: boss_UF}
''')
    sim.hook('log/clear')
    run = run_playbook(sim, str(team), str(tmp_path / 'results.jsonl'), diff=True)
    assert run.returncode == 0, run.output
    assert [action for action, _path in writes(sim)] == ['SET']
    cid, ann = user_record(sim, 'cid_UF'), user_record(sim, 'ann_UF')
    assert (cid['changeatnextlogon'], cid['password_expires'], cid['expires'], cid['customfield1']) == (
        True, '20310131', 'Never', 'c1')
    assert cid['properties']['manager'] == 'ann_UF' and cid['properties']['title'] == 'Analyst'
    assert ann['customfield2'] == 'badge 8' and PASSWORD not in run.output
    sim.hook('log/clear')
    again = run_playbook(sim, str(team), str(tmp_path / 'again.jsonl'))
    assert again.returncode == 0 and again.results('Bulk: users')[0]['result']['changed'] is False
    assert writes(sim) == []


TENANT = """
tenants:
  - customer:
      name: UFT
      fullname: Users In Full Tenant
      contact_name: Una Full
      contact_email: una@uft.example
      primary_domain: uft.example
      password_minimum_length: 9
      password_allow_never_expires: true
      departments: [Sales]
      allowed_roles: [Customer Administrator, User Administrator]
      ou_structure: department
    users:
      - {name: boss, first_name: Boss, last_name: Full}
      - name: ann
        first_name: Ann
        last_name: Full
        password_expires: never
        change_password_at_next_logon: true
        custom_field1: c1
        department: Sales
        additional_properties: {title: Engineer, manager: boss}
"""


def test_the_tenant_role_passes_the_new_options_through(sim, tmp_path):
    path = tmp_path / 'tenants.yml'
    path.write_text(TENANT, encoding='utf-8')
    onboard = run_repo_playbook(sim, tmp_path, 'onboard.yml', extra_vars={'tenant_vars_file': str(path)})
    assert onboard.returncode == 0, onboard.output
    rec = customer_record(sim, 'UFT')
    assert rec['password_policy']['minimumlength'] == 9 and rec['departments'] == ['Unassigned', 'Sales']
    assert rec['roles'] == ['Customer Administrator', 'User Administrator']
    assert rec['properties']['OrganisationalStructure'] == 'department'
    ann = user_record(sim, 'ann_UFT')
    assert (ann['password_expires'], ann['changeatnextlogon'], ann['customfield1']) == ('Never', True, 'c1')
    assert ann['properties']['manager'] == 'boss_UFT'
    sim.hook('log/clear')
    again = run_repo_playbook(sim, tmp_path, 'onboard.yml', extra_vars={'tenant_vars_file': str(path)})
    assert again.returncode == 0 and changed_tasks(again) == [] and writes(sim) == []


def test_a_upn_change_converges(playbook, sim):
    assert playbook(PLAYBOOK).returncode == 0
    run = playbook(PLAYBOOK, extra_vars={'uf_upn': 'ann.full@uf.example'})
    assert run.returncode == 0, run.output
    assert changed(run, 'Full: user') == [True] and user_record(sim, 'ann_UF')['upn'] == 'ann.full@uf.example'
    assert changed(playbook(PLAYBOOK, extra_vars={'uf_upn': 'ann.full@uf.example'}), 'Full: user') == [False]


def test_check_diff_of_a_customer_policy_and_places_change(playbook, sim):
    assert playbook(PLAYBOOK, extra_vars={'uf_user': False}).returncode == 0
    sim.hook('log/clear')
    run = playbook(PLAYBOOK, check=True, diff=True, extra_vars={'uf_user': False, 'uf_minimum_length': 12,
                                                                'uf_allow_never': False})
    assert run.returncode == 0, run.output
    task, = run.results('Full: customer')
    diff = task['result']['diff']
    assert (diff['before']['password_minimum_length'], diff['after']['password_minimum_length']) == (8, 12)
    assert (diff['before']['password_allow_never_expires'], diff['after']['password_allow_never_expires']) == (True, False)
    assert diff['before']['departments'] == diff['after']['departments'] == ['Unassigned', 'Sales', 'Support']
    assert writes(sim) == [] and customer_record(sim)['password_policy']['minimumlength'] == 8


def test_a_per_user_option_beside_users_is_refused_before_any_request(playbook, sim, tmp_path):
    """update_password: always at the top level next to users would apply to nobody: refused, nothing sent."""
    assert playbook(PLAYBOOK).returncode == 0
    team = bulk_users_playbook(tmp_path, 'beside.yml', '''
        update_password: always
        first_name: Nobody
        users:
          - name: ann
            custom_field2: badge 9
''')
    sim.hook('log/clear')
    run = run_playbook(sim, str(team), str(tmp_path / 'results.jsonl'))
    assert run.returncode != 0
    (result,) = run.results('Bulk: users')
    assert 'first_name, update_password at the top level' in result['result']['msg']
    assert sim.log() == []
