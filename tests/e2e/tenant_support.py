# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Running the repository's playbooks (playbooks/*.yml, the role atria.cortex.tenant) against the e2e simulator."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os
import time

from tests.e2e.harness import HERE, ROOT, run_playbook

REPO_PLAYBOOKS = os.path.join(ROOT, 'playbooks')
EXAMPLE_VARS = os.path.join(REPO_PLAYBOOKS, 'vars', 'tenants.yml')
AUDIT_CALLBACK = 'atria.cortex.atria_audit'


def writes(log):
    return [entry for entry in log if entry['action'] in ('SET', 'DELETE')]


def run_repo_playbook(sim, workdir, name, extra_vars=None, audit_dir=None, env=None, **options):
    """playbooks/<name> with credentials in ATRIA_* only; with audit_dir, the drift report callback enabled."""
    environment = dict(env or {})
    if audit_dir is not None:
        environment.update({'ANSIBLE_CALLBACKS_ENABLED': 'task_results,' + AUDIT_CALLBACK, 'ATRIA_AUDIT_REPORT_DIR': str(audit_dir)})
    results = os.path.join(str(workdir), 'results-%d.jsonl' % time.monotonic_ns())
    return run_playbook(sim, os.path.join(REPO_PLAYBOOKS, name), results, extra_vars=extra_vars, env=environment, **options)


def module_tasks(run, prefix='atria.cortex.tenant :'):
    """Results of the role's module tasks (set_fact, include and validation tasks left out)."""
    return [task for task in run.tasks if task['task'].startswith(prefix) and task['action'].startswith('atria.cortex.')]


def changed_tasks(run):
    return [task['task'] for task in module_tasks(run) if task['result'].get('changed')]


def read_report(audit_dir):
    with open(os.path.join(str(audit_dir), 'atria-audit.json'), encoding='utf-8') as handle:
        return json.load(handle)


def e2e_playbook(name):
    return os.path.join(HERE, 'playbooks', name)
