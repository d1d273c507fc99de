# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A simulator process and ansible-playbook runs against it; shared by the e2e tests and the benchmarks.

The collection runs from the repository (through the .build/collections link) in real ansible-playbook
processes; what the simulator logged proves which requests were sent.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os
import subprocess
import sys
import tempfile
import time

import requests

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COLLECTIONS = os.path.join(ROOT, '.build', 'collections')
HERE = os.path.dirname(os.path.abspath(__file__))
PLAYBOOKS = os.path.join(HERE, 'playbooks')
ADMIN_USER = ('admin_Gsp', 'Adm1n!Gsp')


def link_collection():
    """ansible-playbook finds atria.cortex through .build/collections/ansible_collections/atria/cortex -> repo."""
    link = os.path.join(COLLECTIONS, 'ansible_collections', 'atria', 'cortex')
    if not os.path.islink(link):
        os.makedirs(os.path.dirname(link), exist_ok=True)
        os.symlink(ROOT, link)


class Simulator:
    """``python -m tests.simulator`` in a subprocess, and its /_sim/ test hooks."""

    def __init__(self, workdir, extra_args=()):
        self.ready_file = os.path.join(workdir, 'ready.json')
        self.log_file = open(os.path.join(workdir, 'simulator.log'), 'wb')  # pylint: disable=consider-using-with
        self.process = subprocess.Popen(  # pylint: disable=consider-using-with
            [sys.executable, '-m', 'tests.simulator', '--port', '0', '--ready-file', self.ready_file,
             '--state-file', os.path.join(workdir, 'state.json'), '--provisioning-delay', '0.2'] + list(extra_args),
            cwd=ROOT, stdout=self.log_file, stderr=subprocess.STDOUT)
        info = self._wait_ready()
        self.url = info['url']
        self.admin = info['admin'].rstrip('/')
        if self.admin.endswith('/_sim'):
            self.admin = self.admin[:-len('/_sim')]

    def _wait_ready(self):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError('the simulator exited with %s' % self.process.returncode)
            try:
                with open(self.ready_file, encoding='utf-8') as handle:
                    return json.load(handle)
            except (OSError, ValueError):
                time.sleep(0.05)
        raise RuntimeError('the simulator did not become ready in 30 s')

    def hook(self, path, body=None):
        response = requests.post(self.admin + '/_sim/' + path, json=body or {}, timeout=30)
        response.raise_for_status()
        return response

    def reset(self):
        self.hook('reset')

    def log(self):
        return requests.get(self.admin + '/_sim/log', timeout=30).json()

    def state(self):
        return requests.get(self.admin + '/_sim/state', timeout=30).json()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log_file.close()


class PlaybookRun:
    """The outcome of one ansible-playbook run: exit code, all output, and each task result (from task_results)."""

    def __init__(self, completed, results_file):
        self.returncode = completed.returncode
        self.output = completed.stdout + completed.stderr
        with open(results_file, encoding='utf-8') as handle:
            self.tasks = [json.loads(line) for line in handle if line.strip()]

    def results(self, prefix=''):
        """Results of the tasks whose name starts with prefix (setup tasks are named otherwise)."""
        return [task for task in self.tasks if task['task'].startswith(prefix)]


def run_playbook(sim, path, results_file, extra_vars=None, check=False, diff=False, verbosity=0, env=None, user=ADMIN_USER):
    """Run ansible-playbook against the simulator with credentials only in ATRIA_* environment variables."""
    command = [os.path.join(os.path.dirname(sys.executable), 'ansible-playbook'), path]
    if extra_vars:
        command += ['-e', json.dumps(extra_vars)]
    if check:
        command.append('--check')
    if diff:
        command.append('--diff')
    if verbosity:
        command.append('-' + 'v' * verbosity)
    environment = dict(os.environ)
    environment.update({
        'ATRIA_URL': sim.url, 'ATRIA_USERNAME': user[0], 'ATRIA_PASSWORD': user[1],
        'ANSIBLE_COLLECTIONS_PATH': COLLECTIONS, 'ANSIBLE_CALLBACK_PLUGINS': os.path.join(HERE, 'callback_plugins'),
        'ANSIBLE_CALLBACKS_ENABLED': 'task_results', 'TASK_RESULTS_FILE': results_file,
        'ANSIBLE_NOCOLOR': '1', 'ANSIBLE_RETRY_FILES_ENABLED': '0', 'ANSIBLE_LOCALHOST_WARNING': '0',
        'ANSIBLE_INVENTORY_UNPARSED_WARNING': '0',
    })
    environment.update(env or {})
    completed = subprocess.run(command, cwd=HERE, env=environment, capture_output=True, text=True, timeout=3600, check=False)
    if not os.path.exists(results_file):
        open(results_file, 'w', encoding='utf-8').close()
    return PlaybookRun(completed, results_file)


def simulator_process(extra_args=()):
    """Generator for a session fixture: one simulator process (collection linked first), stopped at the end."""
    link_collection()
    with tempfile.TemporaryDirectory() as workdir:
        sim = Simulator(workdir, extra_args=list(extra_args))
        try:
            yield sim
        finally:
            sim.stop()


def playbook_runner(sim, tmp_path, playbooks_dir):
    """``run(name, **run_playbook options) -> PlaybookRun`` for the playbooks of one folder, against ``sim``."""

    def run(name, **options):
        results_file = str(tmp_path / ('results-%d.jsonl' % time.monotonic_ns()))
        return run_playbook(sim, os.path.join(playbooks_dir, name), results_file, **options)

    return run
