# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What a new user hit (issue 12), through ansible-playbook against the simulator: wrong results, misleading
messages, connection settings, checks before writes, check mode previews and the inventory.

Each test names the item of the issue it covers. Playbooks are written next to the test (tmp_path) so that each
one reads as the task a user would write; what the simulator holds afterwards and what it logged are the proof.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os
import subprocess
import sys
import textwrap

import pytest
import requests

from tests.e2e.harness import ADMIN_USER, COLLECTIONS, run_playbook
from tests.e2e.inventory_run import run_inventory, write_config
from tests.e2e.tenant_support import run_repo_playbook, writes

pytestmark = [pytest.mark.e2e, pytest.mark.simulator]

CUSTOMER = 'NUF'

# A customer with Hosted Exchange as the guide provisions it (version 2010, package Basic, the plans "Ex10 Basic"
# and "Ex10 Full" named by display name) and two users.
SETUP_TASKS = """
    - name: "Setup: customer"
      atria.cortex.atria_customer:
        name: NUF
        fullname: New User Findings
        contact_name: Nora User
        contact_email: nora@nuf.example
        primary_domain: nuf.example
    - name: "Setup: users"
      atria.cortex.atria_user:
        customer: NUF
        users:
          - {name: alice, first_name: Alice, last_name: Archer}
          - {name: bob, first_name: Bob, last_name: Baker}
    - name: "Setup: Hosted Exchange"
      atria.cortex.atria_service:
        customer: NUF
        name: HE
        version: "2010"
        package: Basic
        user_plans: [Ex10 Basic, Ex10 Full]
"""


def playbook_text(tasks, setup=True, play_extra=''):
    body = (SETUP_TASKS if setup else '') + textwrap.dedent(tasks).replace('\n', '\n    ')
    return ('- name: New user findings\n  hosts: localhost\n  gather_facts: false\n' + play_extra +
            '  tasks:\n' + body + '\n')


def run_tasks(sim, tmp_path, tasks, setup=True, play_extra='', **options):
    path = tmp_path / ('play-%d.yml' % len(list(tmp_path.iterdir())))
    path.write_text(playbook_text(tasks, setup, play_extra), encoding='utf-8')
    results = str(tmp_path / ('results-%s.jsonl' % path.stem))
    return run_playbook(sim, str(path), results, **options)


def result_of(run, name):
    found = [task for task in run.tasks if task['task'] == name]
    assert found, (name, [task['task'] for task in run.tasks], run.output[-3000:])
    return found[-1]['result']


def customer_record(sim, code=CUSTOMER):
    customers = sim.state()['customers']
    for record in customers.values() if isinstance(customers, dict) else customers:
        if (record.get('name') or '').lower() == code.lower():
            return record
    return None


def users_of(sim, code=CUSTOMER):
    customer = customer_record(sim, code)
    users = sim.state()['users']
    return [user for user in (users.values() if isinstance(users, dict) else users) if user.get('customer_id') == customer['id']]


def user_record(sim, name, code=CUSTOMER):
    return next(user for user in users_of(sim, code) if user['name'].lower() == ('%s_%s' % (name, code)).lower())


# -- 1. distribution group removal --------------------------------------------------------------------------------
DIST_GROUP = """
- name: Group
  atria.cortex.atria_dist_group:
    customer: NUF
    display_name: Sales Team
    email: sales@nuf.example
    members: [alice, bob]
    state: "{{ group_state }}"
"""


def test_item1_dist_group_absent_deletes_the_group_and_a_rerun_changes_nothing(sim, tmp_path):
    created = run_tasks(sim, tmp_path, DIST_GROUP, extra_vars={'group_state': 'present'})
    assert created.returncode == 0, created.output
    assert [group['displayname'] for group in customer_record(sim)['distgroups']] == ['Sales Team']

    removed = run_tasks(sim, tmp_path, DIST_GROUP, setup=False, extra_vars={'group_state': 'absent'}, diff=True)
    assert removed.returncode == 0, removed.output
    result = result_of(removed, 'Group')
    assert result['changed'] and result['distribution_group'] == {}
    assert result['diff']['before']['display_name'] == 'Sales Team' and result['diff']['after'] == {}
    assert customer_record(sim)['distgroups'] == []

    sim.hook('log/clear')
    again = run_tasks(sim, tmp_path, DIST_GROUP, setup=False, extra_vars={'group_state': 'absent'})
    assert again.returncode == 0, again.output
    assert not result_of(again, 'Group')['changed']
    assert writes(sim.log()) == []


def test_item1_the_roles_group_removal_step_removes_the_group(sim, tmp_path):
    definition = tmp_path / 'tenants.yml'

    def onboard(group_state):
        definition.write_text(textwrap.dedent("""
            tenants:
              - customer: {name: NUFR, fullname: New User Role, contact_name: Rita Role, contact_email: rita@nufr.example,
                           primary_domain: nufr.example}
                users: [{name: rita}, {name: rob}]
                services:
                  - {name: HE, version: "2010", package: Basic, user_plans: [Ex10 Basic],
                     users: [{name: rita, user_plans: [Ex10 Basic]}]}
                distribution_groups: [{display_name: Role Team, email: team@nufr.example, members: [rita], state: %s}]
            """ % group_state), encoding='utf-8')
        return run_repo_playbook(sim, tmp_path, 'onboard.yml', extra_vars={'tenant_vars_file': str(definition)})

    assert onboard('present').returncode == 0
    assert [group['displayname'] for group in customer_record(sim, 'NUFR')['distgroups']] == ['Role Team']
    removed = onboard('absent')
    assert removed.returncode == 0, removed.output
    assert customer_record(sim, 'NUFR')['distgroups'] == []

    # and offboarding (tenant_state=absent) removes the groups with the same step before deleting the customer
    assert onboard('present').returncode == 0
    sim.hook('log/clear')
    off = run_repo_playbook(sim, tmp_path, 'offboard.yml',
                            extra_vars={'tenant_vars_file': str(definition), 'tenant_allow_delete': True})
    assert off.returncode == 0, off.output
    step = [task for task in off.tasks if task['task'].endswith('Offboard | remove the distribution groups')]
    assert step and step[0]['result']['changed'], off.output[-3000:]
    group_writes = [entry for entry in writes(sim.log()) if entry['path'] == 'customer/service/distributiongroups']
    assert len(group_writes) == 1


# -- 2. re-provisioning a user service --------------------------------------------------------------------------
MAILBOX = """
- name: Mailbox
  atria.cortex.atria_service:
    customer: NUF
    user: alice
    name: HE
    user_plans: [Ex10 Full]
    state: "{{ mailbox_state }}"
"""


def test_item2_reprovisioning_a_user_service_sends_its_plan(sim, tmp_path):
    sim.hook('config', {'keep_user_plans_on_deprovision': True})
    assert run_tasks(sim, tmp_path, MAILBOX, extra_vars={'mailbox_state': 'present'}).returncode == 0
    assert user_record(sim, 'alice')['services']['HE']['plans'] == ['EX10_FULL']
    assert run_tasks(sim, tmp_path, MAILBOX, setup=False, extra_vars={'mailbox_state': 'absent'}).returncode == 0
    back = run_tasks(sim, tmp_path, MAILBOX, setup=False, extra_vars={'mailbox_state': 'present'})
    assert back.returncode == 0, back.output
    assert result_of(back, 'Mailbox')['changed']
    record = user_record(sim, 'alice')['services']['HE']
    assert record['plans'] == ['EX10_FULL'], record
    again = run_tasks(sim, tmp_path, MAILBOX, setup=False, extra_vars={'mailbox_state': 'present'})
    assert not result_of(again, 'Mailbox')['changed']


# -- 3. several plans per user ----------------------------------------------------------------------------------
APPS = """
- name: "Setup: Hosted Apps and Desktops"
  atria.cortex.atria_service:
    customer: NUF
    name: HostedAppsandDesktops
    user_plans: [DESKTOPS, OFFICEAPPS]
- name: Apps
  atria.cortex.atria_service:
    customer: NUF
    user: alice
    name: HostedAppsandDesktops
    user_plans: "{{ apps_plans }}"
    user_plans_mode: "{{ apps_mode }}"
"""


@pytest.mark.parametrize('mode, plans', [('absent', ['OFFICEAPPS']), ('exact', ['DESKTOPS'])])
def test_item3_removing_one_of_several_user_plans(sim, tmp_path, mode, plans):
    both = run_tasks(sim, tmp_path, APPS, extra_vars={'apps_plans': ['DESKTOPS', 'OFFICEAPPS'], 'apps_mode': 'exact'})
    assert both.returncode == 0, both.output
    assert sorted(user_record(sim, 'alice')['services']['HostedAppsandDesktops']['plans']) == ['DESKTOPS', 'OFFICEAPPS']

    removed = run_tasks(sim, tmp_path, APPS, setup=False, extra_vars={'apps_plans': plans, 'apps_mode': mode})
    assert removed.returncode == 0, removed.output
    result = result_of(removed, 'Apps')
    assert result['changed'] and result['service']['user_plans'] == ['DESKTOPS']
    assert user_record(sim, 'alice')['services']['HostedAppsandDesktops']['plans'] == ['DESKTOPS']

    again = run_tasks(sim, tmp_path, APPS, setup=False, extra_vars={'apps_plans': plans, 'apps_mode': mode})
    assert again.returncode == 0, again.output
    assert not result_of(again, 'Apps')['changed']


# -- 4. the first user's roles ----------------------------------------------------------------------------------
FIRST_USER = """
- name: "Setup: empty customer"
  atria.cortex.atria_customer:
    name: NUFA
    fullname: New User Admins
    contact_name: Ada Admin
    contact_email: ada@nufa.example
    primary_domain: nufa.example
- name: First user
  atria.cortex.atria_user:
    customer: NUFA
    name: ada
    roles: [User Administrator]
"""
FIRST_USER_BULK = """
- name: "Setup: empty customer"
  atria.cortex.atria_customer:
    name: NUFA
    fullname: New User Admins
    contact_name: Ada Admin
    contact_email: ada@nufa.example
    primary_domain: nufa.example
- name: First user
  atria.cortex.atria_user:
    customer: NUFA
    users:
      - {name: ada, roles: [User Administrator]}
      - {name: ben, roles: [Exchange Users]}
"""


@pytest.mark.parametrize('tasks', [FIRST_USER, FIRST_USER_BULK], ids=['single', 'bulk'])
def test_item4_the_first_users_roles_converge_in_one_run_and_keep_an_administrator(sim, tmp_path, tasks):
    first = run_tasks(sim, tmp_path, tasks, setup=False)
    assert first.returncode == 0, first.output
    assert 'Customer Administrator' in first.output     # the warning says what the server did
    ada = user_record(sim, 'ada', 'NUFA')
    assert sorted(ada['roles']) == ['Customer Administrator', 'User Administrator']

    sim.hook('log/clear')
    second = run_tasks(sim, tmp_path, tasks, setup=False)
    assert second.returncode == 0, second.output
    assert not result_of(second, 'First user')['changed']
    assert writes(sim.log()) == []
    assert 'Customer Administrator' in user_record(sim, 'ada', 'NUFA')['roles']


# -- 7. error 11 and 12 name the API login and the URL --------------------------------------------------------
def test_item7_error_11_names_the_api_login_and_the_url_not_the_user(sim, tmp_path):
    run = run_tasks(sim, tmp_path, """
        - name: User
          atria.cortex.atria_user:
            customer: DA
            name: dave
        """, setup=False, env={'ATRIA_PASSWORD': 'wrong'})
    assert run.returncode != 0
    message = result_of(run, 'User')['msg']
    assert "API login 'admin_Gsp'" in message and sim.url in message, message
    assert "for user 'dave_DA'" not in message and "credentials of user 'dave" not in message, message


def test_item7_error_12_out_of_scope_says_scope_and_missing_permission_says_permission(sim, tmp_path):
    tasks = """
        - name: Customer
          atria.cortex.atria_customer:
            name: OC
            fullname: Outside Customer Renamed
            contact_name: Oscar Outside
            contact_email: oscar@oc.example
            primary_domain: oc.example
        """
    scope = run_tasks(sim, tmp_path, tasks, setup=False, user=('admin_DA', 'Adm1n!DA'))
    assert scope.returncode != 0
    message = result_of(scope, 'Customer')['msg']
    assert 'scope' in message and "API login 'admin_DA'" in message, message
    assert 'API Access permission' not in message, message

    permission = run_tasks(sim, tmp_path, tasks, setup=False, user=('noapi_Gsp', 'NoApi!Gsp'))
    assert permission.returncode != 0
    message = result_of(permission, 'Customer')['msg']
    assert 'API Access' in message and "API login 'noapi_Gsp'" in message, message


# -- 8. the role honours play-level module_defaults -----------------------------------------------------------------
ROLE_PLAY = """
- name: Tenant with the connection in module_defaults
  hosts: localhost
  gather_facts: false
  module_defaults:
    group/atria.cortex.atria:
      api_url: "{{ sim_url }}"
      api_username: admin_Gsp
      api_password: "{{ play_password }}"
  tasks:
    - name: Tenant
      ansible.builtin.include_role:
        name: atria.cortex.tenant
      vars:
        tenant_definition:
          customer: {name: NUFM, fullname: New User Defaults, contact_name: Max Mod, contact_email: max@nufm.example,
                     primary_domain: nufm.example}
          users: [{name: max}]
"""


@pytest.mark.parametrize('play_password, extra', [
    ('Adm1n!Gsp', {}),                                                   # module_defaults over a wrong ATRIA_PASSWORD
    ('wrong', {'tenant_api_password': 'Adm1n!Gsp'}),                     # tenant_api_* over module_defaults
], ids=['module_defaults', 'tenant_api_vars'])
def test_item8_the_role_honours_play_module_defaults_and_its_own_variables(sim, tmp_path, play_password, extra):
    path = tmp_path / 'role.yml'
    path.write_text(ROLE_PLAY, encoding='utf-8')
    extra_vars = dict(extra, sim_url=sim.url, play_password=play_password)
    run = run_playbook(sim, str(path), str(tmp_path / 'results.jsonl'), extra_vars=extra_vars,
                       env={'ATRIA_PASSWORD': 'wrong-from-the-environment'})
    assert run.returncode == 0, run.output[-3000:]
    assert customer_record(sim, 'NUFM') is not None
    assert [user['name'] for user in users_of(sim, 'NUFM')] == ['max_NUFM']


# -- 9. missing connection settings -------------------------------------------------------------------------------
def test_item9_missing_connection_settings_name_options_variables_and_module_defaults(sim, tmp_path):
    run = run_tasks(sim, tmp_path, """
        - name: Info
          atria.cortex.atria_customer_info:
            name: DA
        """, setup=False, env={'ATRIA_URL': '', 'ATRIA_USERNAME': '', 'ATRIA_PASSWORD': ''})
    assert run.returncode != 0
    message = result_of(run, 'Info')['msg']
    for text in ('api_url', 'api_username', 'api_password', 'ATRIA_URL', 'ATRIA_USERNAME', 'ATRIA_PASSWORD',
                 'module_defaults', 'group/atria.cortex.atria'):
        assert text in message, message
    assert 'missing required arguments' not in message


# -- 10. https:// to a plain-HTTP port ------------------------------------------------------------------------------
def test_item10_https_to_a_plain_http_port_says_the_server_speaks_plain_http(sim, tmp_path):
    run = run_tasks(sim, tmp_path, """
        - name: Info
          atria.cortex.atria_customer_info:
            name: DA
            retries: 0
        """, setup=False, env={'ATRIA_URL': sim.url.replace('http://', 'https://')})
    assert run.returncode != 0
    message = result_of(run, 'Info')['msg']
    assert 'plain HTTP' in message and sim.url in message, message
    assert 'WRONG_VERSION_NUMBER' not in message


# -- 12. a user of another customer -----------------------------------------------------------------------------------
@pytest.mark.parametrize('task', [
    """
    - name: Foreign
      atria.cortex.atria_approval_group:
        customer: NUF
        name: Approvers
        members: [alice, admin_DA]
    """,
    """
    - name: Foreign
      atria.cortex.atria_service:
        customer: NUF
        user: admin_DA
        name: HE
    """,
], ids=['approval_group', 'service'])
def test_item12_a_user_named_with_another_customers_suffix_is_said_to_belong_there(sim, tmp_path, task):
    run = run_tasks(sim, tmp_path, task)
    assert run.returncode != 0
    message = result_of(run, 'Foreign')['msg']
    assert "'admin_DA' belongs to customer 'DA'" in message, message
    assert 'admin_DA_NUF' not in message


# -- 15. plays on inventory hosts run with the Python of ansible-playbook ----------------------------------------------
def test_item15_a_play_on_inventory_hosts_finds_the_collections_python_libraries(sim, tmp_path):
    config = write_config(tmp_path, {})
    play = tmp_path / 'hosts.yml'
    play.write_text(textwrap.dedent("""
        - name: On the customers
          hosts: DA
          gather_facts: false
          tasks:
            - name: Read the customer of the host
              atria.cortex.atria_customer_info:
                name: "{{ code }}"
        """), encoding='utf-8')
    environment = dict(os.environ, ATRIA_URL=sim.url, ATRIA_USERNAME=ADMIN_USER[0], ATRIA_PASSWORD=ADMIN_USER[1],
                       ANSIBLE_COLLECTIONS_PATH=COLLECTIONS, ANSIBLE_NOCOLOR='1', ANSIBLE_INVENTORY_ENABLED='atria.cortex.atria',
                       # the module path: a module shipped to the host runs with the host's interpreter
                       ATRIA_CORTEX_EXECUTION='module')
    completed = subprocess.run([os.path.join(os.path.dirname(sys.executable), 'ansible-playbook'), '-i', config, str(play)],
                               env=environment, capture_output=True, text=True, timeout=600, check=False)
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    assert 'ok=1' in completed.stdout


# -- 16. ansible-inventory --list prints plain values, and template-like ones stay untrusted ----------------------------
@pytest.mark.parametrize('export', [False, True], ids=['list', 'list_export'])
def test_item16_inventory_list_prints_plain_values_and_keeps_templates_untrusted(sim, tmp_path, export):
    playbook = tmp_path / 'template_name.yml'
    playbook.write_text(textwrap.dedent("""
        - name: A customer whose billing id looks like a template
          hosts: localhost
          gather_facts: false
          tasks:
            - name: Customer
              atria.cortex.atria_customer:
                name: TPL
                fullname: Template Contact
                contact_name: Tim Template
                billing_id: "{{ '{{' }} lookup('env', 'HOME') {{ '}}' }}"
                contact_email: tpl@tpl.example
                primary_domain: tpl.example
        """), encoding='utf-8')
    created = run_playbook(sim, str(playbook), str(tmp_path / 'results.jsonl'))
    assert created.returncode == 0, created.output
    listed = run_inventory(sim.url, write_config(tmp_path, {}), args=('--list', '--export') if export else ('--list',))
    assert listed.returncode == 0, listed.describe()
    hostvars = listed.json()['_meta']['hostvars']
    assert hostvars['DA']['code'] == 'DA' and hostvars['DA']['fullname'] == 'Demo Also'
    assert hostvars['DA']['status'] == 'Provisioned'
    # a value that could be a template is never trusted: ansible-core writes it in its unsafe form
    assert hostvars['TPL']['billing_id'] == {'__ansible_unsafe': "{{ lookup('env', 'HOME') }}"}
    assert '__ansible_unsafe' not in json.dumps(hostvars['DA'])

    # and a play using it shows the text, never its rendering
    show = tmp_path / 'show.yml'
    show.write_text(textwrap.dedent("""
        - name: Show
          hosts: TPL
          gather_facts: false
          tasks:
            - name: Billing id
              ansible.builtin.debug:
                msg: "billing={{ billing_id }}"
        """), encoding='utf-8')
    environment = dict(os.environ, ATRIA_URL=sim.url, ATRIA_USERNAME=ADMIN_USER[0], ATRIA_PASSWORD=ADMIN_USER[1],
                       ANSIBLE_COLLECTIONS_PATH=COLLECTIONS, ANSIBLE_NOCOLOR='1', ANSIBLE_INVENTORY_ENABLED='atria.cortex.atria')
    completed = subprocess.run([os.path.join(os.path.dirname(sys.executable), 'ansible-playbook'), '-i',
                                write_config(tmp_path, {}, name='again_atria.yml'), str(show)],
                               env=environment, capture_output=True, text=True, timeout=600, check=False)
    assert completed.returncode == 0, completed.stdout[-3000:]
    assert "billing={{ lookup('env', 'HOME') }}" in completed.stdout, completed.stdout[-3000:]


# -- 11. refused before any write, with the fix ------------------------------------------------------------------------
@pytest.mark.parametrize('task, message', [
    ("""
     - name: Check
       atria.cortex.atria_user:
         customer: NUF
         name: carol
         password: short
     """, 'password policy of customer \'NUF\' asks for at least 7'),
    ("""
     - name: Check
       atria.cortex.atria_user:
         customer: NUF
         name: alice
         roles: [Chief Everything Officer]
     """, "does not offer the role 'Chief Everything Officer'"),
    ("""
     - name: "Setup: one user only"
       atria.cortex.atria_user:
         customer: NUF
         name: bob
         state: absent
     - name: Check
       atria.cortex.atria_user:
         customer: NUF
         name: alice
         state: absent
     """, "is the last user of customer 'NUF'"),
    ("""
     - name: Check
       atria.cortex.atria_customer:
         name: DANEW
         fullname: Demo Also
         contact_name: Dan New
         contact_email: dan@da.example
         primary_domain: da.example
     """, "already exists with the code 'DA'; a customer's code cannot be changed"),
], ids=['short_password', 'unknown_role', 'last_user', 'code_change'])
def test_item11_what_the_server_would_refuse_is_refused_before_any_write(sim, tmp_path, task, message):
    setup = run_tasks(sim, tmp_path, '')
    assert setup.returncode == 0, setup.output
    sim.hook('log/clear')
    run = run_tasks(sim, tmp_path, task, setup=False)
    assert run.returncode != 0
    result = result_of(run, 'Check')
    assert message in result['msg'] and 'Nothing was sent' in result['msg'], result['msg']
    check_writes = writes(sim.log())
    assert len(check_writes) == (1 if 'one user only' in task else 0), check_writes


# -- 13. check mode previews a new tenant --------------------------------------------------------------------------------
NEW_TENANT = """
- name: New customer
  atria.cortex.atria_customer:
    name: NUFC
    fullname: New User Check
    contact_name: Cora Check
    contact_email: cora@nufc.example
    primary_domain: nufc.example
- name: New user
  atria.cortex.atria_user:
    customer: NUFC
    name: cora
    roles: [User Administrator]
- name: New users
  atria.cortex.atria_user:
    customer: NUFC
    users: [{name: carl}, {name: cleo}]
- name: New mailbox
  atria.cortex.atria_service:
    customer: NUFC
    user: cora
    name: HE
    user_plans: [Ex10 Basic]
- name: New group
  atria.cortex.atria_dist_group:
    customer: NUFC
    display_name: Check Team
    members: [cora]
"""


def test_item13_check_mode_previews_every_task_of_a_new_tenant(sim, tmp_path):
    run = run_tasks(sim, tmp_path, NEW_TENANT, setup=False, check=True, diff=True)
    assert run.returncode == 0, run.output[-4000:]
    for name in ('New customer', 'New user', 'New users', 'New mailbox', 'New group'):
        result = result_of(run, name)
        assert result['changed'], (name, result)
        assert result.get('diff'), (name, result)
    assert 'check mode preview' in run.output.lower()
    assert writes(sim.log()) == []
    assert customer_record(sim, 'NUFC') is None


def test_item13_the_role_previews_every_entity_of_a_new_tenant(sim, tmp_path):
    definition = tmp_path / 'tenants.yml'
    definition.write_text(textwrap.dedent("""
        tenants:
          - customer: {name: NUFP, fullname: New User Preview, contact_name: Pia Preview, contact_email: pia@nufp.example,
                       primary_domain: nufp.example}
            users: [{name: pia}, {name: paul}]
            services:
              - {name: HE, version: "2010", package: Basic, user_plans: [Ex10 Basic],
                 users: [{name: pia, user_plans: [Ex10 Basic]}]}
            approval_groups: [{name: Preview Approvers, members_to_approve: 1, members: [pia]}]
            distribution_groups: [{display_name: Preview Team, email: team@nufp.example, members: [pia, paul]}]
        """), encoding='utf-8')
    run = run_repo_playbook(sim, tmp_path, 'onboard.yml', extra_vars={'tenant_vars_file': str(definition)}, check=True, diff=True)
    assert run.returncode == 0, run.output[-4000:]
    changed = [task['task'].split(' : ', 1)[-1] for task in run.tasks
               if task['action'].startswith('atria.cortex.') and task['result'].get('changed')]
    for step in ('Customer | ensure', 'Users | ensure', 'Services | ensure the customer services',
                 'Services | ensure the user services', 'Approval groups | ensure', 'Distribution groups | ensure'):
        assert any(name.startswith(step) for name in changed), (step, changed)
    assert writes(sim.log()) == []


# -- 11 (continued). Hosted Exchange version, unknown group members, the parent --------------------------------------
CUSTOMER_ONLY = SETUP_TASKS.split('    - name: "Setup: users"', maxsplit=1)[0]
FIRST_EXCHANGE = """
- name: Check
  atria.cortex.atria_service:
    customer: NUF
    name: HE
    package: Basic
    user_plans: [Ex10 Basic]
"""


def setup_then_clear_log(sim, tmp_path, tasks=''):
    """Run the setup (and ``tasks``) in a play of its own, then empty the log: what follows is the proof."""
    path = tmp_path / 'setup.yml'
    path.write_text('- name: Setup\n  hosts: localhost\n  gather_facts: false\n  tasks:\n' + tasks, encoding='utf-8')
    setup = run_playbook(sim, str(path), str(tmp_path / 'results-setup.jsonl'))
    assert setup.returncode == 0, setup.output[-3000:]
    sim.hook('log/clear')


def refused_before_any_write(sim, run, *fragments):
    assert run.returncode != 0, run.output[-3000:]
    message = result_of(run, 'Check')['msg']
    for fragment in fragments:
        assert fragment in message, (fragment, message)
    assert 'Nothing was sent' in message, message
    assert writes(sim.log()) == [], writes(sim.log())
    return message


@pytest.mark.parametrize('check_mode', [False, True], ids=['run', 'check_mode'])
def test_item11_first_hosted_exchange_provisioning_without_version_is_refused_before_any_write(sim, tmp_path, check_mode):
    """A never-provisioned Hosted Exchange answers <version/>; its first provisioning needs <version> (error 10)."""
    sim.hook('config', {'exchange_version_required': True})
    setup_then_clear_log(sim, tmp_path, CUSTOMER_ONLY)
    run = run_tasks(sim, tmp_path, FIRST_EXCHANGE, setup=False, check=check_mode)
    message = refused_before_any_write(sim, run, "Hosted Exchange (HE) has never been provisioned for customer 'NUF'",
                                       'Add the option version to the task', 'atria.cortex.atria_service_info')
    assert 'properties' not in message, message      # no generic advice that does not apply
    assert customer_record(sim)['services'] == {}

    # With the version it provisions; de-provisioned and provisioned again, it keeps its version and needs none.
    with_version = run_tasks(sim, tmp_path, FIRST_EXCHANGE.replace('name: HE', 'name: HE\n    version: "2013"'), setup=False)
    assert with_version.returncode == 0, with_version.output[-3000:]
    off = '\n- name: Off\n  atria.cortex.atria_service: {customer: NUF, name: HE, state: absent, wait: true}\n'
    again = run_tasks(sim, tmp_path, off + FIRST_EXCHANGE, setup=False)
    assert again.returncode == 0, again.output[-3000:]
    assert result_of(again, 'Check')['changed']


def test_item11_hosted_exchange_without_version_is_not_refused_where_the_server_has_one(sim, tmp_path):
    """A server that defaults the version (<version>2013</version> before any provisioning) needs none."""
    setup_then_clear_log(sim, tmp_path, CUSTOMER_ONLY)
    run = run_tasks(sim, tmp_path, FIRST_EXCHANGE, setup=False)
    assert run.returncode == 0, run.output[-3000:]


SALES_TEAM = """
    - name: "Setup: Sales Team"
      atria.cortex.atria_dist_group:
        customer: NUF
        display_name: Sales Team
        email: sales@nuf.example
        members: [alice]
"""


def add_contact(sim, display_name, email):
    """A Hosted Exchange contact of NUF, as the guide's "Set Contact" makes it (no module manages contacts)."""
    body = ('<request version="1.0" action="SET"><customer><name>NUF</name><service><name>HE</name><contacts><contact>'
            '<displayname>%s</displayname><email>%s</email></contact></contacts></service></customer></request>'
            % (display_name, email))
    answer = requests.post(sim.url, data=body.encode('utf-8'), auth=ADMIN_USER, timeout=30,
                           headers={'Content-Type': 'text/xml; charset=utf-8'})
    assert answer.status_code == 200, answer.text


@pytest.mark.parametrize('task, unknown', [
    ("""
     - name: Check
       atria.cortex.atria_dist_group:
         customer: NUF
         display_name: Sales Team
         members: [ghost@nuf.example]
         members_mode: present
     """, "members: 'ghost@nuf.example'"),
    ("""
     - name: Check
       atria.cortex.atria_dist_group:
         customer: NUF
         display_name: All Staff
         email: staff@nuf.example
         members: [bob, sales@nuf.example, carl@partner.example, ghost@nuf.example]
         accepted_senders: [nobody@elsewhere.example]
     """, "members: 'ghost@nuf.example'; accepted_senders: 'nobody@elsewhere.example'"),
    ("""
     - name: Check
       atria.cortex.atria_dist_group:
         customer: NUF
         display_name: All Staff
         email: staff@nuf.example
         members: [bob, carol]
     """, "user 'carol' does not exist in customer 'NUF'"),
], ids=['email_added_to_a_group', 'emails_of_a_new_group', 'user_name'])
def test_item11_unknown_dist_group_members_are_refused_before_any_write(sim, tmp_path, task, unknown):
    setup_then_clear_log(sim, tmp_path, SETUP_TASKS + SALES_TEAM)
    add_contact(sim, 'Carl Partner', 'carl@partner.example')
    sim.hook('log/clear')
    run = run_tasks(sim, tmp_path, task, setup=False)
    message = refused_before_any_write(sim, run, unknown)
    assert 'bob' not in message and 'sales@nuf.example' not in message and 'carl@' not in message, message
    assert [group['displayname'] for group in customer_record(sim)['distgroups']] == ['Sales Team']


def test_item11_dist_group_members_by_existing_email_are_written(sim, tmp_path):
    """Users, contacts and groups by e-mail address: all exist, so the group is created with them."""
    setup_then_clear_log(sim, tmp_path, SETUP_TASKS + SALES_TEAM)
    add_contact(sim, 'Carl Partner', 'carl@partner.example')
    run = run_tasks(sim, tmp_path, """
    - name: Check
      atria.cortex.atria_dist_group:
        customer: NUF
        display_name: All Staff
        email: staff@nuf.example
        members: [bob_NUF@nuf.example, sales@nuf.example, carl@partner.example]
    """, setup=False)
    assert run.returncode == 0, run.output[-3000:]
    members = result_of(run, 'Check')['distribution_group']['members']
    assert sorted(member.lower() for member in members) == ['bob_nuf@nuf.example', 'carl@partner.example', 'sales@nuf.example']


PARENT_CHANGE = """
- name: Check
  atria.cortex.atria_customer:
    name: NUF
    parent: DA
"""


@pytest.mark.parametrize('check_mode', [False, True], ids=['run', 'check_mode'])
def test_item11_a_parent_change_of_an_existing_customer_is_refused_before_any_write(sim, tmp_path, check_mode):
    setup_then_clear_log(sim, tmp_path, CUSTOMER_ONLY)
    parent_before = customer_record(sim)['parent_id']
    run = run_tasks(sim, tmp_path, PARENT_CHANGE, setup=False, check=check_mode)
    refused_before_any_write(sim, run, "Customer 'NUF' is below reseller 'Gsp' (its parent)",
                             'cannot be changed through the CortexAPI', 'Leave parent out of the task, or set it to Gsp',
                             "Moving the customer below 'DA' must be done another way")
    assert customer_record(sim)['parent_id'] == parent_before

    # The parent it has, by code or by full name, changes nothing.
    same = run_tasks(sim, tmp_path, PARENT_CHANGE.replace('parent: DA', 'parent: Gsp'), setup=False)
    assert same.returncode == 0 and not result_of(same, 'Check')['changed'], same.output[-3000:]
