# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Issue 16 acceptance through the role: a tenant with Hosted Exchange settings, two contacts (one a distribution
group member), a user's e-mail addresses and a user's groups set from the user's side.

It converges in one run and re-runs as a no-op with reads only; after drift made behind the role's back,
``--check --diff`` shows each change without writing, and the audit lists the drifted contact field.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from tests.e2e.harness import run_playbook
from tests.e2e.tenant_support import changed_tasks, module_tasks, read_report, run_repo_playbook, writes

pytestmark = [pytest.mark.e2e, pytest.mark.simulator]

TENANT = """
tenants:
  - customer:
      name: HEX
      fullname: Exchange Tenant
      contact_name: Hana Ex
      contact_email: hana@hex.example
      primary_domain: hex.example
      domains: [hex.example, mail.hex.example]
    users:
      - {name: hana, first_name: Hana, last_name: Ex, distribution_groups: [Sales, Support]}
      - {name: hugo, first_name: Hugo, last_name: Ex}
    services:
      - name: HE
        user_plans: [EX10_BASIC]
        accepted_domains: [{name: hex.example}, {name: mail.hex.example}]
        mailbox_storage_limit: 10240
        public_folder_create: true
        public_folder_storage_limit: 2048
        users:
          - {name: hana, reply_address: hana@hex.example, email_addresses: [h.ex@mail.hex.example]}
          - {name: hugo}
    contacts:
      - {display_name: Paul Partner, email: paul@partner.example, company_name: Partner Ltd}
      - {display_name: Vera Vendor, email: vera@vendor.example, job_title: Account Manager}
    distribution_groups:
      - {display_name: Sales, email: sales@hex.example, members: [hugo, Paul Partner], members_mode: present}
      - {display_name: Support, email: support@hex.example}
"""

# Drift made behind the role's back: one field of each new part.
DRIFT = """
- hosts: localhost
  gather_facts: false
  tasks:
    - name: "Drift: contact"
      atria.cortex.atria_contact: {customer: HEX, display_name: Vera Vendor, job_title: Sales Director}
    - name: "Drift: mailbox limit"
      atria.cortex.atria_service: {customer: HEX, name: HE, mailbox_storage_limit: 5120}
    - name: "Drift: e-mail addresses"
      atria.cortex.atria_service: {customer: HEX, user: hana, name: HE, email_addresses: []}
    - name: "Drift: groups"
      atria.cortex.atria_service:
        customer: HEX
        user: hana
        name: HE
        distribution_groups: [Support]
        distribution_groups_mode: absent
"""


def hex_customer(sim):
    customers = sim.state()['customers']
    records = customers.values() if isinstance(customers, dict) else customers
    return next(record for record in records if record.get('name') == 'HEX')


@pytest.fixture
def tenant(sim, tmp_path):
    path = tmp_path / 'tenants.yml'
    path.write_text(TENANT, encoding='utf-8')
    return {'tenant_vars_file': str(path)}


def test_the_exchange_tenant_converges_in_one_run_and_re_runs_with_reads_only(sim, tmp_path, tenant):
    first = run_repo_playbook(sim, tmp_path, 'onboard.yml', extra_vars=tenant)
    assert first.returncode == 0, first.output
    changed = changed_tasks(first)
    for step in ('Services | ensure the customer services', 'Services | ensure the user services',
                 'Contacts | ensure the Hosted Exchange contacts', 'Distribution groups | ensure the Hosted Exchange distribution groups',
                 "Memberships | ensure each user's distribution groups"):
        assert 'atria.cortex.tenant : ' + step in changed, changed

    customer = hex_customer(sim)
    exchange = customer['services']['HE']
    assert sorted(name.lower() for name, _kind in exchange['domains']) == ['hex.example', 'mail.hex.example']
    assert exchange['mailboxstoragelimit'] == 10240
    assert exchange['publicfolder']['create'] is True and exchange['publicfolder']['storagelimit'] == 2048
    contacts = {contact['displayname']: contact for contact in exchange['contacts']}
    assert sorted(contacts) == ['Paul Partner', 'Vera Vendor']
    assert contacts['Vera Vendor']['jobtitle'] == 'Account Manager'
    groups = {group['displayname']: group for group in customer['distgroups']}
    users = {user['name']: user for user in sim.state()['users'] if user.get('name', '').endswith('_HEX')}
    hana, hugo = users['hana_HEX'], users['hugo_HEX']
    assert {'type': 'user', 'id': hana['id']} in groups['Sales']['members']
    assert {'type': 'user', 'id': hana['id']} in groups['Support']['members']
    assert {'type': 'user', 'id': hugo['id']} in groups['Sales']['members']
    assert {'type': 'contact', 'id': contacts['Paul Partner']['id']} in groups['Sales']['members']
    assert hana['services']['HE']['replyaddress'] == 'hana@hex.example'

    sim.hook('log/clear')
    again = run_repo_playbook(sim, tmp_path, 'onboard.yml', extra_vars=tenant)
    assert again.returncode == 0, again.output
    assert changed_tasks(again) == []
    log = sim.log()
    assert log and writes(log) == [], writes(log)


def test_check_diff_shows_each_drifted_part_and_the_audit_lists_the_contact_field(sim, tmp_path, tenant):
    assert run_repo_playbook(sim, tmp_path, 'onboard.yml', extra_vars=tenant).returncode == 0
    drift_playbook = tmp_path / 'drift.yml'
    drift_playbook.write_text(DRIFT, encoding='utf-8')
    made = run_playbook(sim, str(drift_playbook), str(tmp_path / 'drift.jsonl'))
    assert made.returncode == 0, made.output

    sim.hook('log/clear')
    preview = run_repo_playbook(sim, tmp_path, 'onboard.yml', extra_vars=tenant, check=True, diff=True)
    assert preview.returncode == 0, preview.output
    assert writes(sim.log()) == []
    diffs = {}
    for task in module_tasks(preview):
        for item in task['result'].get('results') or [task['result']]:
            if item.get('changed'):
                diff = item.get('diff') or {}
                for before, after in _pairs(diff):
                    for key in set(before) | set(after):
                        if before.get(key) != after.get(key):
                            diffs.setdefault(task['task'].split(' : ', 1)[1], set()).add(key)
    assert 'job_title' in diffs['Contacts | ensure the Hosted Exchange contacts']
    assert 'mailbox_storage_limit' in diffs['Services | ensure the customer services']
    assert 'email_addresses' in diffs['Services | ensure the user services']
    assert 'distribution_groups' in diffs["Memberships | ensure each user's distribution groups"]

    sim.hook('log/clear')
    audit = run_repo_playbook(sim, tmp_path, 'audit.yml', extra_vars=tenant, audit_dir=tmp_path / 'audit', check=True)
    assert audit.returncode == 0, audit.output
    assert writes(sim.log()) == []
    rows = [(row['tenant'], row['entity'], row['field'], row['expected'], row['actual'])
            for row in read_report(tmp_path / 'audit')['rows']]
    assert ('HEX', 'contact Vera Vendor', 'job_title', 'Account Manager', 'Sales Director') in rows, rows
    fields = set(row[2] for row in rows)
    assert {'job_title', 'mailbox_storage_limit', 'email_addresses', 'distribution_groups'} <= fields, rows


def _pairs(diff):
    """(before, after) dicts of a diff: one pair, or one per entity of a bulk task."""
    diffs = diff if isinstance(diff, list) else [diff]
    for one in diffs:
        before, after = one.get('before') or {}, one.get('after') or {}
        if isinstance(before, dict) and isinstance(after, dict):
            yield before, after


def test_a_user_side_group_that_the_group_lists_exactly_without_the_user_is_refused_before_any_request(sim, tmp_path):
    path = tmp_path / 'tenants.yml'
    path.write_text(TENANT.replace('members: [hugo, Paul Partner], members_mode: present', 'members: [hugo]'),
                    encoding='utf-8')
    sim.hook('log/clear')
    run = run_repo_playbook(sim, tmp_path, 'onboard.yml', extra_vars={'tenant_vars_file': str(path)})
    assert run.returncode != 0
    assert "distribution group 'Sales' lists its members as the whole list (members_mode exact) without 'hana'" in run.output
    assert sim.log() == []


def test_check_mode_on_a_new_exchange_tenant_previews_it_and_sends_no_write(sim, tmp_path, tenant):
    sim.hook('log/clear')
    preview = run_repo_playbook(sim, tmp_path, 'onboard.yml', extra_vars=tenant, check=True, diff=True)
    assert preview.returncode == 0, preview.output
    assert writes(sim.log()) == []
    changed = changed_tasks(preview)
    for step in ("Customer | ensure the customer is provisioned with the definition's settings",
                 'Contacts | ensure the Hosted Exchange contacts',
                 'Distribution groups | ensure the Hosted Exchange distribution groups',
                 "Memberships | ensure each user's distribution groups"):
        assert any(task.endswith(step) for task in changed), (step, changed)


def test_check_mode_previews_a_new_contact_that_a_group_of_the_same_run_lists(sim, tmp_path, tenant):
    assert run_repo_playbook(sim, tmp_path, 'onboard.yml', extra_vars=tenant).returncode == 0
    grown = tmp_path / 'grown.yml'
    grown.write_text(TENANT.replace(
        '      - {display_name: Vera Vendor,', '      - {display_name: Nina New, email: nina@new.example}\n'
        '      - {display_name: Vera Vendor,').replace('members: [hugo, Paul Partner]', 'members: [hugo, Paul Partner, Nina New]'),
        encoding='utf-8')
    sim.hook('log/clear')
    preview = run_repo_playbook(sim, tmp_path, 'onboard.yml', extra_vars={'tenant_vars_file': str(grown)}, check=True)
    assert preview.returncode == 0, preview.output
    assert writes(sim.log()) == []
    assert sorted(task.split(' : ', 1)[1] for task in changed_tasks(preview)) == [
        'Contacts | ensure the Hosted Exchange contacts', 'Distribution groups | ensure the Hosted Exchange distribution groups']
