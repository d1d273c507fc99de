# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""AWX / Automation Platform: the credential type, the execution environment files (ansible-builder, offline) and
a job run the way AWX runs one (ansible-runner, credentials injected as environment variables only)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import glob
import json
import os
import re
import subprocess
import sys

import pytest
import yaml
from jinja2.sandbox import ImmutableSandboxedEnvironment
from lxml import html as lxml_html

from tests.e2e.harness import ADMIN_USER, COLLECTIONS, ROOT, link_collection

pytestmark = [pytest.mark.e2e]

BIN = os.path.dirname(sys.executable)
AWX = os.path.join(ROOT, 'extensions', 'awx')
ATRIA_VARIABLES = {'ATRIA_URL', 'ATRIA_USERNAME', 'ATRIA_PASSWORD', 'ATRIA_VALIDATE_CERTS'}


def load(path):
    with open(path, encoding='utf-8') as handle:
        return yaml.safe_load(handle)


def credential_env(inputs):
    """The environment AWX gives a job from a credential of our type: its env injectors rendered with the inputs."""
    credential_type = load(os.path.join(AWX, 'credential_type.yml'))
    environment = ImmutableSandboxedEnvironment()
    return dict((name, environment.from_string(template).render(**inputs))
                for name, template in credential_type['injectors']['env'].items())


def clean_environment():
    """This process's environment without any ATRIA_* variable: the job gets them from the credential only."""
    return dict((key, value) for key, value in os.environ.items() if not key.startswith('ATRIA_'))


def collection_version():
    return load(os.path.join(ROOT, 'galaxy.yml'))['version']


# ----------------------------------------------------------------------------------------- credential type
def test_the_credential_type_injects_exactly_the_atria_variables():
    credential_type = load(os.path.join(AWX, 'credential_type.yml'))
    assert credential_type['kind'] == 'cloud'
    fields = dict((field['id'], field) for field in credential_type['inputs']['fields'])
    assert list(fields) == ['api_url', 'api_username', 'api_password', 'validate_certs']
    assert [name for name, field in fields.items() if field.get('secret')] == ['api_password']
    assert fields['validate_certs']['type'] == 'boolean' and fields['validate_certs']['default'] is True
    assert credential_type['inputs']['required'] == ['api_url', 'api_username', 'api_password']
    assert set(credential_type['injectors']) == {'env'}
    # AWX refuses ANSIBLE_* variables in credential injectors; ours are only the ones the collection reads.
    assert set(credential_type['injectors']['env']) == ATRIA_VARIABLES
    env = credential_env({'api_url': 'https://a.example', 'api_username': 'u', 'api_password': 'p&<w>', 'validate_certs': False})
    assert env == {'ATRIA_URL': 'https://a.example', 'ATRIA_USERNAME': 'u', 'ATRIA_PASSWORD': 'p&<w>',
                   'ATRIA_VALIDATE_CERTS': 'False'}


# ----------------------------------------------------------------------------------- execution environment
def test_meta_execution_environment_gives_ansible_builder_the_collection_requirements():
    """ansible-builder introspects installed collections through their meta/execution-environment.yml."""
    link_collection()
    found = subprocess.run([os.path.join(BIN, 'ansible-builder'), 'introspect', '--sanitize', COLLECTIONS],
                           capture_output=True, text=True, timeout=120, check=False)
    assert found.returncode == 0, found.stderr
    data = yaml.safe_load(found.stdout.split('---', 1)[1])
    python = [line.split('#')[0].strip() for line in data['python']]
    system = [line.split('#')[0].strip() for line in data['system']]
    with open(os.path.join(ROOT, 'requirements', 'runtime.txt'), encoding='utf-8') as handle:
        runtime = [line.strip() for line in handle if line.strip() and not line.startswith('#')]
    # ansible-core is the EE's own; everything else the collection needs is there.
    assert python == [requirement for requirement in runtime if not requirement.startswith('ansible-core')]
    assert 'libxml2 [platform:rpm]' in system and all('atria.cortex' in line for line in data['system'])


def test_ansible_builder_creates_a_build_context_offline(tmp_path):
    version = collection_version()
    definition = load(os.path.join(AWX, 'execution-environment.yml'))
    tarball = 'atria-cortex-%s.tar.gz' % version
    assert definition['version'] == 3
    assert definition['dependencies']['galaxy']['collections'][0]['name'] == 'collections/' + tarball, \
        'extensions/awx/execution-environment.yml names another version than galaxy.yml'
    built = subprocess.run([os.path.join(BIN, 'ansible-galaxy'), 'collection', 'build', '--force', '--output-path',
                            os.path.join(ROOT, '.build', 'dist')], cwd=ROOT, capture_output=True, text=True, timeout=300,
                           check=False)
    assert built.returncode == 0, built.stdout + built.stderr

    context = tmp_path / 'context'
    created = subprocess.run([os.path.join(BIN, 'ansible-builder'), 'create', '-f', os.path.join(AWX, 'execution-environment.yml'),
                              '-c', str(context), '--output-filename', 'Containerfile'],
                             cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert created.returncode == 0, created.stdout + created.stderr
    containerfile = (context / 'Containerfile').read_text(encoding='utf-8')
    build = context / '_build'
    assert (build / 'collections' / tarball).is_file()
    assert load(str(build / 'requirements.yml')) == {'collections': [{'name': 'collections/' + tarball, 'type': 'file'}]}
    assert 'requests==' in (build / 'requirements.txt').read_text(encoding='utf-8')
    assert 'lxml==' in (build / 'requirements.txt').read_text(encoding='utf-8')
    assert 'libxml2' in (build / 'bindep.txt').read_text(encoding='utf-8')
    newest = newest_core_pin()
    for step in ('ansible-galaxy collection install', 'introspect.py introspect', newest,
                 'install-from-bindep', 'FROM $EE_BASE_IMAGE AS base', 'ARG PYCMD="/usr/bin/python3.12"'):
        assert step in containerfile, step
    # The ansible-core the EE gets is the one it asks for: no requirement file brings another.
    requirements = (build / 'requirements.txt').read_text(encoding='utf-8').splitlines()
    assert not [line for line in requirements if line.strip().startswith('ansible-core')]


def newest_core_pin():
    """'ansible-core==2.21.5': the pin of the newest core of the version matrix (requirements/matrix/)."""
    folder = os.path.join(ROOT, 'requirements', 'matrix')
    newest = sorted(os.listdir(folder), key=lambda name: [int(part) for part in re.findall(r'\d+', name)])[-1]
    with open(os.path.join(folder, newest), encoding='utf-8') as handle:
        return next(line.strip() for line in handle if line.startswith('ansible-core=='))


def test_the_execution_environment_is_for_the_newest_tested_core_with_the_runtime_pins():
    definition = load(os.path.join(AWX, 'execution-environment.yml'))
    dependencies = definition['dependencies']
    assert dependencies['ansible_core']['package_pip'] == newest_core_pin()
    python = dependencies['python_interpreter']['python_path']
    assert re.match(r'^/usr/bin/python3\.1[2-9]$', python), 'ansible-core 2.20+ needs Python 3.12 or later'
    with open(os.path.join(AWX, dependencies['python']), encoding='utf-8') as handle:
        ee = sorted(line.strip() for line in handle if line.strip() and not line.startswith('#'))
    with open(os.path.join(ROOT, 'requirements', 'runtime.txt'), encoding='utf-8') as handle:
        runtime = sorted(line.strip() for line in handle if line.strip() and not line.startswith('#'))
    assert ee == [line for line in runtime if not line.startswith('ansible-core')]


# ------------------------------------------------------------------------------------------- a job run
@pytest.mark.simulator
def test_ansible_runner_runs_onboard_with_the_credentials_only_in_the_environment(sim, tmp_path):
    link_collection()
    private = tmp_path / 'job'
    (private / 'env').mkdir(parents=True)
    # The project: the repository's playbooks (AWX checks the project out; here a link does).
    os.symlink(os.path.join(ROOT, 'playbooks'), str(private / 'project'))
    envvars = credential_env({'api_url': sim.url, 'api_username': ADMIN_USER[0], 'api_password': ADMIN_USER[1], 'validate_certs': True})
    # What the execution environment provides: the collection (installed in the EE image; here the checkout).
    envvars.update({'ANSIBLE_COLLECTIONS_PATH': COLLECTIONS, 'ANSIBLE_COLLECTIONS_SCAN_SYS_PATH': 'false'})
    (private / 'env' / 'envvars').write_text(yaml.safe_dump(envvars), encoding='utf-8')
    (private / 'inventory').mkdir()
    (private / 'inventory' / 'hosts').write_text('localhost ansible_connection=local\n', encoding='utf-8')

    environment = clean_environment()
    environment['PATH'] = BIN + os.pathsep + environment.get('PATH', '')

    def job(ident):
        completed = subprocess.run([os.path.join(BIN, 'ansible-runner'), 'run', str(private), '-p', 'onboard.yml',
                                    '--ident', ident], env=environment, capture_output=True, text=True, timeout=900,
                                   check=False)
        artifacts = private / 'artifacts' / ident
        events = []
        for path in sorted(glob.glob(str(artifacts / 'job_events' / '*.json'))):
            with open(path, encoding='utf-8') as handle:
                events.append(json.load(handle))
        events.sort(key=lambda event: event['counter'])
        return completed, artifacts, events

    first, artifacts, events = job('onboard-1')
    assert first.returncode == 0, first.stdout[-4000:] + first.stderr[-2000:]
    assert (artifacts / 'status').read_text(encoding='utf-8').strip() == 'successful'
    stats = [event for event in events if event['event'] == 'playbook_on_stats'][-1]['event_data']
    # customer, users, customer services, user services, approval groups, distribution groups
    assert stats['changed'] == {'localhost': 6}
    assert stats['failures'] == {} and stats['dark'] == {}
    changed = [event['event_data']['task'] for event in events
               if event['event'] == 'runner_on_ok' and event['event_data']['res'].get('changed')]
    assert [task.split(' | ')[0] for task in changed] == ['Customer', 'Users', 'Services', 'Services', 'Approval groups',
                                                          'Distribution groups']

    second, artifacts, events = job('onboard-2')
    assert second.returncode == 0, second.stdout[-4000:]
    stats = [event for event in events if event['event'] == 'playbook_on_stats'][-1]['event_data']
    assert stats['changed'] == {}, 'a second job changed something'

    # The password went in through env/envvars only, and no job output or event shows it. (ansible-runner's own
    # record of the command it ran, artifacts/*/command, holds the environment like env/envvars does; AWX
    # deletes both with the job's private data directory.)
    outputs = glob.glob(str(private / 'artifacts' / '*' / 'stdout')) + glob.glob(str(private / 'artifacts' / '*' / 'job_events' / '*.json'))
    assert len(outputs) > 20
    for path in outputs:
        with open(path, encoding='utf-8', errors='replace') as handle:
            assert ADMIN_USER[1] not in handle.read(), path


@pytest.mark.simulator
def test_the_awx_inventory_source_lists_the_customers(sim, tmp_path):
    link_collection()
    environment = clean_environment()
    environment.update(credential_env({'api_url': sim.url, 'api_username': ADMIN_USER[0], 'api_password': ADMIN_USER[1],
                                       'validate_certs': True}))
    environment.update({'ANSIBLE_COLLECTIONS_PATH': COLLECTIONS, 'ANSIBLE_INVENTORY_UNPARSED_WARNING': '0'})
    listed = subprocess.run([os.path.join(BIN, 'ansible-inventory'), '-i', os.path.join(AWX, 'inventory', 'atria.yml'), '--list'],
                            cwd=str(tmp_path), env=environment, capture_output=True, text=True, timeout=300, check=False)
    assert listed.returncode == 0, listed.stderr
    inventory = json.loads(listed.stdout)
    assert {'Gsp', 'DA', 'OC'} <= set(inventory['atria_customers']['hosts'])
    assert 'DA' in json.dumps(inventory['_meta']['hostvars']['DA'].get('code'))


# ------------------------------------------------------------------------------------------ a sliced audit
def slice_definitions(drift=()):
    """Four small tenants; `drift`: codes whose contact_name the definitions change (to 'Ann & <Co>')."""
    lines = ['tenants:']
    for code in ('ACME', 'BETA', 'GAMMA', 'DELTA'):
        contact = 'Ann & <Co>' if code in drift else 'Ann %s' % code
        lines.append('  - customer: {name: %s, fullname: %s Corp, contact_name: "%s", contact_email: ann@%s.example, '
                     'primary_domain: %s.example}' % (code, code, contact, code.lower(), code.lower()))
        lines.append('    users: [{name: ann, first_name: Ann, last_name: Lee, display_name: Ann Lee, department: Sales}]')
    return '\n'.join(lines) + '\n'


@pytest.mark.simulator
def test_a_sliced_audit_writes_one_report_per_slice_and_they_merge_into_one(sim, tmp_path):
    """The audit as an AWX sliced job template: each slice (here ansible-runner with --limit, one slice pattern each)
    audits its part of the inventory's customers and writes its own report; audit_merge.yml merges them into the
    report one unsliced run writes."""
    link_collection()
    private = tmp_path / 'job'
    (private / 'env').mkdir(parents=True)
    os.symlink(os.path.join(ROOT, 'playbooks'), str(private / 'project'))
    (private / 'inventory').mkdir()
    with open(os.path.join(AWX, 'inventory', 'atria.yml'), encoding='utf-8') as handle:
        (private / 'inventory' / 'atria.yml').write_text(handle.read(), encoding='utf-8')
    converged, drifted = tmp_path / 'tenants.yml', tmp_path / 'tenants-drifted.yml'
    converged.write_text(slice_definitions(), encoding='utf-8')
    drifted.write_text(slice_definitions(drift=('ACME', 'GAMMA')), encoding='utf-8')
    reports = tmp_path / 'reports'
    envvars = credential_env({'api_url': sim.url, 'api_username': ADMIN_USER[0], 'api_password': ADMIN_USER[1],
                              'validate_certs': True})
    envvars.update({'ANSIBLE_COLLECTIONS_PATH': COLLECTIONS, 'ANSIBLE_COLLECTIONS_SCAN_SYS_PATH': 'false',
                    'ANSIBLE_CALLBACKS_ENABLED': 'atria.cortex.atria_audit', 'ATRIA_AUDIT_REPORT_DIR': str(reports),
                    'ANSIBLE_INVENTORY_UNPARSED_WARNING': 'false'})
    (private / 'env' / 'envvars').write_text(yaml.safe_dump(envvars), encoding='utf-8')
    environment = clean_environment()
    environment['PATH'] = BIN + os.pathsep + environment.get('PATH', '')

    def job(ident, playbook, extra_vars, limit=None):
        (private / 'env' / 'extravars').write_text(yaml.safe_dump(extra_vars), encoding='utf-8')
        command = [os.path.join(BIN, 'ansible-runner'), 'run', str(private), '-p', playbook, '--ident', ident]
        if limit:
            command += ['--limit', limit]
        completed = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=900, check=False)
        assert completed.returncode == 0, completed.stdout[-4000:] + completed.stderr[-2000:]
        return completed

    # The four tenants exist (one run over localhost), then the inventory lists them among the customers.
    job('onboard', 'onboard.yml', {'tenant_vars_file': str(converged)})
    listed = subprocess.run([os.path.join(BIN, 'ansible-inventory'), '-i', str(private / 'inventory' / 'atria.yml'),
                             '--list'], env=dict(environment, **envvars), capture_output=True, text=True, timeout=300,
                            check=True)
    hosts = json.loads(listed.stdout)['atria_customers']['hosts']
    ours = [host for host in hosts if host in ('ACME', 'BETA', 'GAMMA', 'DELTA')]
    assert sorted(ours) == ['ACME', 'BETA', 'DELTA', 'GAMMA']
    # Two slices, as AWX would cut them: contiguous parts of atria_customers, two of our tenants in each.
    cut = hosts.index(ours[2])
    slices = ['atria_customers[0:%d]' % (cut - 1), 'atria_customers[%d:]' % cut]
    audit_vars = {'tenant_hosts': 'atria_customers', 'tenant_vars_file': str(drifted)}
    sim.hook('log/clear')
    for number, pattern in enumerate(slices, 1):
        job('slice-%d' % number, 'audit.yml', audit_vars, limit=pattern)
    slice_files = sorted(reports.glob('atria-audit-*.json'))
    assert len(slice_files) == 2, 'each slice writes its own report: %s' % sorted(os.listdir(str(reports)))
    parts = [json.loads(path.read_text(encoding='utf-8')) for path in slice_files]
    assert sorted(len(part['slice']['hosts']) for part in parts) == sorted([cut, len(hosts) - cut])
    assert sorted(tenant['tenant'] for part in parts for tenant in part['tenants']) == ['ACME', 'BETA', 'DELTA', 'GAMMA']
    assert [entry for entry in sim.log() if entry.get('action') in ('SET', 'DELETE')] == []

    # The merge: one report, JSON and HTML.
    job('merge', 'audit_merge.yml', {'audit_merge_from': str(reports)})
    merged = json.loads((reports / 'atria-audit-merged.json').read_text(encoding='utf-8'))
    assert merged['complete'] is True and len(merged['slices']) == 2
    assert merged['summary'] == {'drift': True, 'tenants_audited': 4, 'tenants_drifted': 2, 'drifted_entities': 2,
                                 'drifted_fields': 2, 'module_results': sum(part['summary']['module_results'] for part in parts),
                                 'failures': 0}
    assert sorted((row['tenant'], row['field'], row['expected']) for row in merged['rows']) == [
        ('ACME', 'contact_name', 'Ann & <Co>'), ('GAMMA', 'contact_name', 'Ann & <Co>')]
    page = (reports / 'atria-audit-merged.html').read_text(encoding='utf-8')
    assert 'Ann &amp; &lt;Co&gt;' in page and '<Co>' not in page and '<script' not in page
    tree = lxml_html.fromstring(page)
    assert len(tree.xpath('//table[@id="slices"]/tbody/tr')) == 2
    assert tree.xpath('string(//*[@id="drifted_fields"])') == '2'

    # The same audit unsliced gives the same rows and summary.
    job('whole', 'audit.yml', audit_vars)
    whole = json.loads((reports / 'atria-audit.json').read_text(encoding='utf-8'))

    def key(row):
        return (row['tenant'], row['entity'], row['field'])
    assert sorted(map(key, whole['rows'])) == sorted(map(key, merged['rows']))
    assert whole['summary'] == merged['summary']
