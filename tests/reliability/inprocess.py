# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run a module's real entry point (main()) inside the test process and return its result dict.

Hundreds of fault and property cases would take minutes as ansible-playbook runs (about 0.3 s of start-up each);
in-process they take milliseconds and still go through everything the module does: argument spec, validation,
client, engine, exit_json/fail_json with Ansible's no_log scrubbing. Whole playbooks are tested elsewhere
(test_concurrent_forks.py, test_secret_leaks.py, tests/e2e).

Two paths, as in a playbook: ``path='module'`` parses the arguments with AnsibleModule (what a module execution
does); ``path='inprocess'`` runs main() the way the action plugin does in the controller's worker
(plugins/plugin_utils/action: the in-process task, ansible-core's validator, the result scrubbed like AnsibleModule).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import importlib
import os
import sys
from unittest import mock

from tests.e2e.harness import ADMIN_USER, COLLECTIONS, ROOT, link_collection

link_collection()
if COLLECTIONS not in sys.path:
    sys.path.insert(0, COLLECTIONS)

# pylint: disable=wrong-import-position
from ansible.module_utils import basic  # noqa: E402
from ansible.module_utils.common import warnings as ansible_warnings  # noqa: E402
from tests.unit.module_args import patch_module_args  # noqa: E402  (2.19+ ansible.module_utils.testing, or its fallback)

from ansible_collections.atria.cortex.plugins.module_utils.api.client import CortexClient  # noqa: E402
from ansible_collections.atria.cortex.plugins.module_utils.engine import runner  # noqa: E402
from ansible_collections.atria.cortex.plugins.plugin_utils.action.task import InProcessTask, TaskExit  # noqa: E402

MODULES_DIR = os.path.join(ROOT, 'plugins', 'modules')
PACKAGE = 'ansible_collections.atria.cortex.plugins.modules.'
# Retries keep the client's policy (which attempts, verify before re-sending a write) but not its 0.5 s doubling
# wait: the policy's timing is unit-tested in tests/unit; here hundreds of cases must stay fast.
FAST_BACKOFF = 0.01


def connection(url, retries=3, timeout=10, user=ADMIN_USER):
    return {'api_url': url, 'api_username': user[0], 'api_password': user[1], 'retries': retries, 'timeout': timeout}


PATHS = ('module', 'inprocess')


def default_path():
    """The path a task takes unless told otherwise, as in a playbook on the controller: in-process, or the module
    path with ATRIA_CORTEX_EXECUTION=module (``ATRIA_CORTEX_EXECUTION=module make reliability``)."""
    return 'module' if os.environ.get('ATRIA_CORTEX_EXECUTION', '').strip().lower() == 'module' else 'inprocess'


def other_path():
    return [path for path in PATHS if path != default_path()][0]


def run_module(name, args, check_mode=False, diff=False, path=None, memo=None):
    """The result dict the module exited with (``failed`` set by fail_json), as Ansible would receive it.

    ``path``: 'module' or 'inprocess', default_path() when not given. ``memo``: in-process, the task memo to use
    (one dict for the items of one loop); a new one by default.
    """
    if (path or default_path()) == 'inprocess':
        return _run_in_process(name, args, check_mode, diff, {} if memo is None else memo)
    module = importlib.import_module(PACKAGE + name)
    args = dict(args, _ansible_check_mode=check_mode, _ansible_diff=diff)
    captured = {}

    def record(_module, result):
        captured.update(result)

    # Warnings are process-global in ansible-core (one module run per process); start each run clean.
    ansible_warnings._global_warnings.clear()  # pylint: disable=protected-access
    ansible_warnings._global_deprecations.clear()  # pylint: disable=protected-access
    with patch_module_args(args), \
            mock.patch.object(basic.AnsibleModule, '_record_module_result', record), \
            mock.patch.object(CortexClient, '_delay', _fast_delay):
        try:
            module.main()
        except SystemExit:
            pass
    if not captured:
        raise AssertionError('module %s returned no result' % name)
    return captured


def _fast_delay(_client, retry_number):
    return FAST_BACKOFF * (2 ** (retry_number - 1))


def _run_in_process(name, args, check_mode, diff, memo, progress=None):
    module = importlib.import_module(PACKAGE + name)
    task = InProcessTask('atria.cortex.' + name, args, check_mode, diff, memo_for=lambda params: memo,
                         show_progress=progress or (lambda msg: None))
    with mock.patch.object(CortexClient, '_delay', _fast_delay), runner.hosted(task.start):
        try:
            module.main()
        except TaskExit as done:
            return done.result
    raise AssertionError('module %s returned no result' % name)


def writing_modules():
    """Every module in plugins/modules that changes something (everything but *_info)."""
    names = sorted(entry[:-3] for entry in os.listdir(MODULES_DIR) if entry.startswith('atria_') and entry.endswith('.py'))
    return [name for name in names if not name.endswith('_info')]


def all_modules():
    return sorted(entry[:-3] for entry in os.listdir(MODULES_DIR) if entry.startswith('atria_') and entry.endswith('.py'))
