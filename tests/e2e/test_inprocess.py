# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Issue 14: the action plugins run the modules in the controller's worker, and the result is the module's.

The same playbooks run with ATRIA_CORTEX_EXECUTION=auto (in-process on the controller) and =module (the module
executed as Ansible always did); their task results must be the same, -vvv says which path ran and never shows a
secret, a task on another connection takes the module path, and only the in-process path shows wait progress.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

import pytest

from tests.e2e.harness import ADMIN_USER

PASSWORD = 'Inp-S3cret-Pw'
PATHS = {'inprocess': 'auto', 'module': 'module'}
# What differs between two runs of the same playbook whatever the path: ids the server hands out, and how far
# provisioning (0.2 s in the simulator) got by the time of a read.
VOLATILE = ('id', 'request_id', 'request_ids', 'status', 'invocation', 'deprecations', '_ansible_no_log', '_ansible_delegated_vars')


def stable(value):
    if isinstance(value, dict):
        # A traceback (ansible-core < 2.19 adds one at -vvv) names the files the code ran from: only its presence counts.
        return dict((key, bool(item) if key == 'exception' else stable(item)) for key, item in value.items() if key not in VOLATILE)
    if isinstance(value, list):
        return [stable(item) for item in value]
    return value


def run_on(playbook, path, name='inprocess.yml', **options):
    # ANSIBLE_INJECT_INVOCATION: ansible-core 2.21 shows a result's invocation (the scrubbed module args) only when
    # asked; older cores always show it and ignore the variable. With it, -vvv shows invocation on every core.
    env = dict(options.pop('env', {}), ATRIA_CORTEX_EXECUTION=PATHS[path], ANSIBLE_INJECT_INVOCATION='true')
    return playbook(name, extra_vars={'inp_password': PASSWORD}, verbosity=3, env=env, **options)


@pytest.fixture(scope='module')
def both_paths(simulator, tmp_path_factory):
    """The playbook once per path against a fresh simulator: (PlaybookRun, simulator log) per path."""
    from tests.e2e.harness import PLAYBOOKS, playbook_runner  # pylint: disable=import-outside-toplevel
    runs = {}
    for path in PATHS:
        simulator.reset()
        run = run_on(playbook_runner(simulator, tmp_path_factory.mktemp(path), PLAYBOOKS), path)
        runs[path] = (run, simulator.log())
    return runs


def by_task(run):
    return dict((task['task'], task) for task in run.tasks)


@pytest.mark.parametrize('path', PATHS)
def test_the_playbook_passes_on_both_paths(both_paths, path):
    run, _log = both_paths[path]
    assert run.returncode == 0, run.output[-3000:]
    tasks = by_task(run)
    assert tasks['Loop: create users (customer by full name)']['result']['changed'] is True
    assert tasks['Loop: the same again']['result']['changed'] is False
    assert tasks['Check: a change in check mode with diff']['result']['diff']['after']['first_name'] == 'Benjamin'
    assert tasks['Fail: an option the module does not have']['result']['msg'].startswith(
        'Unsupported parameters for (atria.cortex.atria_user) module: frist_name.')
    assert 'error 34 (CustomerNotFound)' in tasks['Fail: a server refusal']['result']['msg']


def test_results_are_the_same_on_both_paths(both_paths):
    inprocess, module = (by_task(both_paths[path][0]) for path in ('inprocess', 'module'))
    assert list(inprocess) == list(module)
    for name, task in inprocess.items():
        assert task['status'] == module[name]['status'], name
        assert stable(task['result']) == stable(module[name]['result']), name


def test_both_paths_send_the_same_requests(both_paths):
    """Same reads and writes in the same order, the check-mode marker included (the first item's FIND of the
    customer's code is the one read the in-process loop saves on later items: fewer FINDs there, nothing else)."""
    def requests(log):
        return [(entry['action'], entry['path'], entry['user_agent']) for entry in log]

    inprocess, module = (requests(both_paths[path][1]) for path in ('inprocess', 'module'))
    finds = [entry for entry in inprocess if entry[0] == 'FIND']
    assert [entry for entry in inprocess if entry[0] != 'FIND'] == [entry for entry in module if entry[0] != 'FIND']
    assert len(finds) < len([entry for entry in module if entry[0] == 'FIND'])


def test_vvv_says_which_path_ran_for_every_task(both_paths):
    inprocess, module = (both_paths[path][0].output for path in ('inprocess', 'module'))
    assert re.search(r'atria\.cortex\.atria_user: in-process on the controller \(worker pid \d+\)', inprocess)
    assert re.findall(r': module path \(([^)]*)\)', inprocess) == ['the task runs on apihost over the atria_test_remote connection']
    assert 'in-process on the controller' not in module
    assert 'atria.cortex.atria_user: module path (asked for with ATRIA_CORTEX_EXECUTION' in module


def test_the_items_of_a_loop_run_in_one_worker(both_paths):
    run, _log = both_paths['inprocess']
    pids = re.findall(r'atria_user: in-process on the controller \(worker pid (\d+)\)', run.output)
    # Three items, three items again, check, two failures, wait: each loop's items share their task's worker.
    assert len(pids) == 10 and len(set(pids[0:3])) == 1 and len(set(pids[3:6])) == 1 and pids[0] != pids[3]


def test_a_task_on_another_connection_takes_the_module_path_and_localhost_the_in_process_one(both_paths):
    run, _log = both_paths['inprocess']
    assert 'atria.cortex.atria_user_info: module path (the task runs on apihost over the atria_test_remote connection)' in run.output
    tasks = by_task(run)
    assert tasks['Delegated: user info on the other host']['result']['users'][0]['name'] == 'amy_INP'
    assert tasks['Delegated: user info back on localhost']['result']['users'][0]['name'] == 'ben_INP'
    assert len(re.findall(r'atria_user_info: in-process on the controller', run.output)) == 1


@pytest.mark.parametrize('path', PATHS)
def test_no_secret_in_vvv_output_on_either_path(both_paths, path):
    run, _log = both_paths[path]
    for secret in (PASSWORD, ADMIN_USER[1]):
        assert secret not in run.output
    assert 'task path: ' in run.output                             # the run was verbose (-vv and up print it)
    assert 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER' in run.output     # the invocation was shown, scrubbed


def test_waits_show_progress_in_process_only(both_paths):
    progress = re.compile(r"\[localhost\] user 'dan_INP' of customer 'INP': request \d+ \w+ \(\d+ s\)")
    assert progress.search(both_paths['inprocess'][0].output)
    assert not progress.search(both_paths['module'][0].output)


@pytest.mark.parametrize('path', PATHS)
def test_module_defaults_and_the_environment_keyword_reach_both_paths(playbook, sim, path):
    run = playbook('inprocess_settings.yml', verbosity=0, extra_vars=dict(
        inp_user=ADMIN_USER[0], inp_admin_password=ADMIN_USER[1], inp_url=sim.url),
        env=dict(ATRIA_CORTEX_EXECUTION=PATHS[path], ATRIA_URL='', ATRIA_USERNAME='', ATRIA_PASSWORD=''))
    assert run.returncode == 0, run.output[-3000:]
    assert by_task(run)['Settings: customers']['status'] == 'ok'


def test_the_items_of_a_loop_share_one_http_connection(both_paths):
    """Keep-alive across the items of a task in-process; the module path opens one connection per execution.

    The simulator logs each request's client address and port. Tasks that send requests: the customer, two loops of
    three, the check, the refusal, the wait and the two delegated reads: 8 tasks, 12 module executions."""
    inprocess, module = (set(entry['peer'] for entry in both_paths[path][1]) for path in ('inprocess', 'module'))
    assert len(inprocess) == 8
    assert len(module) == 12
