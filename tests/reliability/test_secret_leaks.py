# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""No secret leaks: every option marked no_log, in every module, is absent from `-vvv` output, diffs, results,
error messages and traces.

The no_log options are read from the argument specs the modules really build (argument_specs.py), so a new
module or a new secret option is covered without touching this file; a secret option no task can carry fails the
suite. One playbook, generated from module_cases.py, runs every module with every secret, three times:

- with ``-vvv --diff`` and ``trace: true``: a real run, the secrets sent (created, then re-sent with
  ``update_password: always``, single and bulk ``users[].password``); the simulator's state shows they arrived;
- with every write refused (HTTP 500, no retry) and a task whose API password is wrong: the error paths; then the
  secret-bearing tasks again with the work done and the answer truncated, so that the error path has really carried
  the secret (the simulator's state shows it arrived);
- with ``--check --diff -vvv``.

A secret must not appear raw, XML-escaped, JSON-escaped or inside a Basic Authorization header. The values
hold XML-special characters on purpose: Ansible masks a no_log value only where it appears verbatim, so an
escaped copy in a trace would get through unless the collection redacts it itself.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import base64
import json
import os

import pytest
import yaml

from tests.e2e.harness import ADMIN_USER, run_playbook
from tests.e2e.inventory_run import run_inventory, write_config
from tests.reliability.argument_specs import secret_options
from tests.reliability.module_cases import CASES, INFO_CASES

API_PASSWORD = ADMIN_USER[1]                    # the simulator's; the run needs the real one to get anywhere
WRONG_API_PASSWORD = u'Wr0ng&<"api\'>pässword'
OPTION_SECRET = u'S3cr&t<"pw\'>Ünïcode'         # every other no_log option gets this value (len >= 7: password policy)


def escaped_forms(secret):
    """The secret as it would appear in XML text or attributes, each of those also as JSON would print it."""
    xml = secret.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
    forms = set([secret, xml, xml.replace('"', '&quot;'), xml.replace("'", '&apos;'),
                 xml.replace('"', '&quot;').replace("'", '&apos;')])
    for form in list(forms):
        forms.add(json.dumps(form)[1:-1])
        forms.add(json.dumps(form, ensure_ascii=False)[1:-1])
    return forms


def leaked(text, secret, username=ADMIN_USER[0]):
    forms = escaped_forms(secret)
    forms.add(base64.b64encode(('%s:%s' % (username, secret)).encode('utf-8')).decode('ascii'))
    return sorted(form for form in forms if form in text)


def with_secret(options, path, secret):
    """A copy of the task options with the secret at ``path`` (('password',) or ('users', 'password')).
    None when the options have no place for it."""
    options = json.loads(json.dumps(options))
    head, rest = path[0], path[1:]
    if not rest:
        if head not in options:
            return None
        options[head] = secret
        return options
    items = options.get(head)
    if not isinstance(items, list) or not items or not all(rest[0] in item for item in items):
        return None
    options[head] = [with_secret(item, rest, secret) for item in items]
    return options


def secret_tasks():
    """Every no_log option other than the API password, placed into the create options of a case of its module."""
    tasks = []
    unplaced = []
    for module, paths in sorted(secret_options().items()):
        for path in paths:
            if path == ('api_password',):
                continue        # the API password: every task carries it (module_defaults below)
            placed = [with_secret(case.create, path, '{{ secret_option }}') for case in CASES if case.module == module]
            placed = [options for options in placed if options is not None]
            if not placed:
                unplaced.append('%s: %s' % (module, '.'.join(path)))
                continue
            tasks.append((module, path, placed[0]))
    return tasks, unplaced


def always(options):
    """The options with update_password: always, where the password sits (top level, or each users[] item: the
    bulk form takes it per user); None when they carry no password."""
    if 'password' in options:
        return dict(options, update_password='always')
    if any('password' in item for item in options.get('users') or []):
        return dict(options, users=[dict(item, update_password='always') for item in options['users']])
    return None


def task(name, module, options, **extra):
    entry = {'name': 'Secret: %s' % name, 'atria.cortex.' + module: options}
    entry.update(extra)
    return entry


def playbook_for(tmp_path, errors_expected, sim_admin):
    """One play: the setup of every case, every writing module's creation, the secret-bearing tasks (sent again with
    update_password: always where the module has it), every info module; with errors_expected every write after
    the setup is refused (HTTP 500) and one task has a wrong API password.

    The secrets live in a vars file and reach the tasks as "{{ ... }}", as a vault would provide them: Ansible quotes
    the task's source lines in its own error reports, and those must show the template, not the value.
    """
    tasks = []
    for case in CASES:
        for module, options in case.setup:
            tasks.append(task('setup %s' % module, module, options, check_mode=False))   # real even under --check
    if errors_expected:
        tasks.append({'name': 'Refuse every write from now on', 'ansible.builtin.uri': {
            'url': sim_admin + '/_sim/faults', 'method': 'POST', 'body_format': 'json',
            'body': {'http500_rate': 1.0, 'only_actions': ['SET', 'DELETE']}}})
    for case in CASES:
        tasks.append(task('%s create' % case.label, case.module, case.create, ignore_errors=errors_expected))
    secret_bearing, _unplaced = secret_tasks()
    for module, path, options in secret_bearing:
        tasks.append(task('%s %s' % (module, '.'.join(path)), module, options, ignore_errors=errors_expected))
        again = always(options)
        if again is not None:
            tasks.append(task('%s %s again' % (module, '.'.join(path)), module, again, ignore_errors=errors_expected))
    if errors_expected:
        # Refused writes prove nothing about what they carried: now let the server do the work and cut the answer.
        tasks.append({'name': 'Carry out every write, then truncate its answer', 'ansible.builtin.uri': {
            'url': sim_admin + '/_sim/faults', 'method': 'POST', 'body_format': 'json',
            'body': {'truncate_rate': 1.0, 'only_actions': ['SET', 'DELETE']}}})
        for module, path, options in secret_bearing:
            tasks.append(task('%s %s after the work' % (module, '.'.join(path)), module,
                              always(options) or options, ignore_errors=True))
    for module, options in sorted(INFO_CASES.items()):
        tasks.append(task(module, module, options))
    if errors_expected:
        tasks.append(task('wrong API password', 'atria_customer_info', {'name': 'REL', 'api_password': '{{ secret_wrong_api }}'},
                          ignore_errors=True))
    secrets = tmp_path / 'secrets.yml'
    secrets.write_text(yaml.safe_dump({'secret_api': API_PASSWORD, 'secret_option': OPTION_SECRET,
                                       'secret_wrong_api': WRONG_API_PASSWORD}, allow_unicode=True), encoding='utf-8')
    play = [{'name': 'Every module with every secret', 'hosts': 'localhost', 'gather_facts': False,
             'vars_files': [str(secrets)],
             'module_defaults': {'group/atria.cortex.atria': {'api_password': '{{ secret_api }}', 'trace': True, 'retries': 0}},
             'tasks': tasks}]
    path = tmp_path / ('secrets-%s.yml' % ('errors' if errors_expected else 'ok'))
    path.write_text(yaml.safe_dump(play, allow_unicode=True, sort_keys=False), encoding='utf-8')
    return str(path)


def assert_nothing_leaked(run, results_text):
    everything = run.output + results_text
    for secret in (API_PASSWORD, OPTION_SECRET, WRONG_API_PASSWORD):
        assert not leaked(everything, secret), 'secret %r leaked as %s' % (secret, leaked(everything, secret))


def results_text(run):
    return json.dumps(run.tasks, ensure_ascii=False) + json.dumps(run.tasks)


# Both execution paths (issue 14): in-process in the controller's worker (the action plugins' default), and the
# module executed as a module (ATRIA_CORTEX_EXECUTION=module). -vvv says which ran; each test checks it did.
EXECUTIONS = {'inprocess': ('auto', 'in-process on the controller'), 'module': ('module', ': module path (')}


@pytest.fixture(params=sorted(EXECUTIONS))
def run_generated(sim, tmp_path, request):
    execution, announced = EXECUTIONS[request.param]

    def run(errors_expected=False, **options):
        path = playbook_for(tmp_path, errors_expected, sim.admin)
        result = run_playbook(sim, path, str(tmp_path / ('results-%d.jsonl' % len(os.listdir(str(tmp_path))))),
                              env={'ATRIA_CORTEX_EXECUTION': execution}, **options)
        assert announced in result.output, 'the %s path did not run' % request.param
        return result
    return run


def test_every_secret_option_has_a_task_that_carries_it():
    _tasks, unplaced = secret_tasks()
    assert not unplaced, ('no case in tests/reliability/module_cases.py can carry these no_log options; give one a '
                          'value in its create options: %s' % ', '.join(unplaced))
    missing_info = sorted(module for module in secret_options() if module.endswith('_info') and module not in INFO_CASES)
    assert not missing_info, 'add options for %s to INFO_CASES in tests/reliability/module_cases.py' % missing_info


def test_secrets_absent_from_error_messages_and_traces(run_generated, sim):
    run = run_generated(errors_expected=True, verbosity=3, diff=True)
    failed = [task for task in run.tasks if task['status'] == 'failed']
    refused = [task['task'] for task in failed if (task['result'].get('error') or {}).get('http_status') == 500]
    carrying = ['Secret: %s %s' % (module, '.'.join(path)) for module, path, _options in secret_tasks()[0]]
    assert set(carrying) <= set(refused), 'a write carrying a secret was not refused: %s' % refused
    # The same tasks with the work done and the answer cut: they fail, and the server holds what they carried.
    cut = [task['task'] for task in failed if task['task'].endswith(' after the work')]
    assert cut == [name + ' after the work' for name in carrying], cut
    names = carried_users()
    assert stored_passwords(sim, names) == dict((name, OPTION_SECRET) for name in names)
    assert any('error 11' in task['result'].get('msg', '') for task in failed), 'the wrong password was not refused'
    assert_nothing_leaked(run, results_text(run))


def test_secrets_absent_from_check_mode_diffs(run_generated, sim):
    run = run_generated(check=True, diff=True, verbosity=3)
    assert run.returncode == 0, run.output[-4000:]
    assert any(task['result'].get('diff') for task in run.tasks), 'no diff was produced: the test would prove little'
    assert_nothing_leaked(run, results_text(run))


def stored_passwords(sim, names):
    users = dict((record['name'], record.get('password')) for record in sim.state()['users'])
    return dict((name, users.get(name)) for name in names)


def carried_users():
    """The stored names of the users the secret-bearing atria_user tasks write: the secret must arrive for each."""
    names = []
    for module, _path, options in secret_tasks()[0]:
        if module == 'atria_user':
            for item in options.get('users') or [options]:
                names.append('%s_%s' % (item['name'], options['customer']))
    return names


def test_secrets_absent_from_verbose_output_diffs_results_and_traces(run_generated, sim):
    run = run_generated(verbosity=3, diff=True)
    assert run.returncode == 0, run.output[-4000:]
    assert [task['task'] for task in run.tasks if task['status'] == 'failed'] == []
    assert any('trace' in task['result'] for task in run.tasks), 'no trace was returned: the test would prove little'
    # The secret went through a successful write (update_password: always), single and bulk: the server has it.
    names = carried_users()
    assert len(names) > 1 and stored_passwords(sim, names) == dict((name, OPTION_SECRET) for name in names)
    assert_nothing_leaked(run, results_text(run))


def files_under(directory):
    """(relative path, content) of every file below directory: a secret must be in neither."""
    found = []
    for folder, _dirs, names in os.walk(str(directory)):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, encoding='utf-8', errors='replace') as handle:
                found.append((os.path.relpath(path, str(directory)), handle.read()))
    return found


def test_inventory_password_absent_from_verbose_output_and_cache_files(sim, tmp_path):
    """ansible-inventory -vvv with the password in the configuration file and a jsonfile cache: the password is in
    neither the output nor any cache file (name or content); a wrong password fails without showing it."""
    cache = tmp_path / 'cache'
    config = write_config(tmp_path, {'api_password': API_PASSWORD, 'cache': True, 'cache_plugin': 'ansible.builtin.jsonfile',
                                     'cache_connection': str(cache), 'cache_timeout': 3600})
    listed = run_inventory(sim.url, config, args=('--list', '-vvv'))
    assert listed.returncode == 0, listed.describe()
    assert 'REL' in listed.stdout or 'DA' in listed.stdout, 'the inventory listed nothing: the test would prove little'
    cached = files_under(cache)
    assert cached, 'nothing was cached: the cache files would prove nothing'
    everything = listed.stdout + listed.stderr + json.dumps(cached, ensure_ascii=False) + json.dumps(cached)
    assert not leaked(everything, API_PASSWORD), leaked(everything, API_PASSWORD)

    wrong = write_config(tmp_path, {'cache': False}, name='wrong_atria.yml')
    refused = run_inventory(sim.url, wrong, args=('--list', '-vvv'), user=(ADMIN_USER[0], WRONG_API_PASSWORD))
    assert refused.returncode != 0 and 'error 11' in refused.stdout + refused.stderr, refused.describe()
    assert not leaked(refused.stdout + refused.stderr, WRONG_API_PASSWORD)
