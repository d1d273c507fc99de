# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The role atria.cortex.tenant through playbooks/onboard.yml and offboard.yml: the definition is checked before
anything is sent, offboarding refuses to delete unless told to, and deletes in the safe order when told."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from tests.e2e.tenant_support import changed_tasks, run_repo_playbook, writes

pytestmark = [pytest.mark.e2e, pytest.mark.simulator]

SMALL = """
tenants:
  - customer:
      name: OFFB
      fullname: Offboarding Test
      contact_name: Olga Off
      contact_email: olga@offb.example
      primary_domain: offb.example
    users:
      - {name: olga, first_name: Olga, last_name: Off}
      - {name: oscar, first_name: Oscar, last_name: Off}
    services:
      - name: HE
        user_plans: [EX10_BASIC]
        users:
          - {name: olga, user_plans: [EX10_BASIC]}
"""


def definitions(tmp_path, text):
    path = tmp_path / 'tenants.yml'
    path.write_text(text, encoding='utf-8')
    return {'tenant_vars_file': str(path)}


def customers_named(sim, code):
    customers = sim.state()['customers']
    return [customer for customer in (customers.values() if isinstance(customers, dict) else customers) if customer.get('name') == code]


def test_offboarding_refuses_to_delete_unless_told_then_deletes_in_the_safe_order(sim, tmp_path):
    tenants = definitions(tmp_path, SMALL)
    onboard = run_repo_playbook(sim, tmp_path, 'onboard.yml', extra_vars=tenants)
    assert onboard.returncode == 0, onboard.output
    assert customers_named(sim, 'OFFB')

    sim.hook('log/clear')
    refused = run_repo_playbook(sim, tmp_path, 'offboard.yml', extra_vars=tenants)
    assert refused.returncode != 0
    assert "Refusing to delete tenant 'OFFB'" in refused.output
    assert 'tenant_allow_delete=true' in refused.output
    assert sim.log() == []                      # refused before the first request

    offboard = run_repo_playbook(sim, tmp_path, 'offboard.yml', extra_vars=dict(tenants, tenant_allow_delete=True))
    assert offboard.returncode == 0, offboard.output
    assert changed_tasks(offboard) == [
        'atria.cortex.tenant : Offboard | de-provision the user services',
        'atria.cortex.tenant : Offboard | de-provision the customer services',
        'atria.cortex.tenant : Offboard | de-provision the users',
        'atria.cortex.tenant : Offboard | de-provision the customer',
        'atria.cortex.tenant : Offboard | delete the customer',
    ]
    # De-provisioning (SET) first, the one DELETE last: the customer, which the module deletes without force
    # because nothing is provisioned any more.
    sent = [(entry['action'], entry['path']) for entry in writes(sim.log())]
    assert sent[-1] == ('DELETE', 'customer')
    assert [action for action, _path in sent].count('DELETE') == 1
    assert not customers_named(sim, 'OFFB')

    sim.hook('log/clear')
    again = run_repo_playbook(sim, tmp_path, 'offboard.yml', extra_vars=dict(tenants, tenant_allow_delete=True))
    assert again.returncode == 0, again.output
    assert changed_tasks(again) == []
    assert "Customer 'OFFB' does not exist" in again.output
    assert writes(sim.log()) == []


def test_deprovisioned_keeps_the_tenant_and_needs_no_confirmation(sim, tmp_path):
    tenants = definitions(tmp_path, SMALL)
    assert run_repo_playbook(sim, tmp_path, 'onboard.yml', extra_vars=tenants).returncode == 0
    off = run_repo_playbook(sim, tmp_path, 'offboard.yml', extra_vars=dict(tenants, tenant_state='deprovisioned'))
    assert off.returncode == 0, off.output
    assert 'atria.cortex.tenant : Offboard | delete the customer' not in changed_tasks(off)
    [customer] = customers_named(sim, 'OFFB')
    assert customer['status'] == 'NotProvisioned'
    # present provisions it again
    back = run_repo_playbook(sim, tmp_path, 'onboard.yml', extra_vars=tenants)
    assert back.returncode == 0, back.output
    assert customers_named(sim, 'OFFB')[0]['status'] in ('Requested', 'InProgress', 'Provisioned')


@pytest.mark.parametrize('definition, message', [
    ("tenants: [{customer: {name: TYPO, fullname: Typo}, users: [{name: ann, frist_name: Ann}]}]",
     'frist_name'),
    ("tenants: [{customer: {contact_name: Nobody}}]",
     'one of the following is required: name, fullname'),
    ("tenants: [{customer: {name: DUP}, users: [{name: ann}, {name: ANN_dup}]}]",
     "users lists the same name more than once ('ann')"),
    ("tenants: [{customer: {name: SVC}, users: [{name: ann}], services: [{name: HE, users: [{name: bob}]}]}]",
     'services[].users names bob, which users does not define'),
])
def test_a_bad_definition_fails_with_a_clear_message_before_any_request(sim, tmp_path, definition, message):
    run = run_repo_playbook(sim, tmp_path, 'onboard.yml', extra_vars=definitions(tmp_path, definition))
    assert run.returncode != 0
    assert message in run.output, run.output[-3000:]
    assert sim.log() == []
