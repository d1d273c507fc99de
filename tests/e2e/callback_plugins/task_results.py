# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Test-only callback: writes every task result as one JSON line to the file named by $TASK_RESULTS_FILE.

ansible-core ships no JSON callback; the e2e tests need each task's changed/failed/diff without parsing the
human-readable output (which they still read, to prove no secret is printed there).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: task_results
type: aggregate
short_description: Write task results as JSON lines (tests only)
description:
  - Appends one JSON object per task result to the file named by the TASK_RESULTS_FILE environment variable.
options: {}
"""

import json
import os
import time

from ansible.plugins.callback import CallbackBase


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = 'aggregate'
    CALLBACK_NAME = 'task_results'
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self):
        super(CallbackModule, self).__init__()
        self.task_started = {}

    def v2_playbook_on_task_start(self, task, is_conditional):
        self.task_started[task._uuid] = time.monotonic()

    def _write(self, result, status):
        path = os.environ.get('TASK_RESULTS_FILE')
        if not path:
            return
        entry = {
            'task': result._task.get_name(),
            'action': result._task.action,
            'status': status,
            'result': result._result,
            # Seconds since the task started: for loops, up to this item (benchmarks time whole tasks).
            'elapsed': time.monotonic() - self.task_started.get(result._task._uuid, time.monotonic()),
        }
        with open(path, 'a', encoding='utf-8') as handle:
            handle.write(json.dumps(entry, default=str) + '\n')

    def v2_runner_on_ok(self, result):
        self._write(result, 'ok')

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._write(result, 'failed')

    def v2_runner_on_skipped(self, result):
        self._write(result, 'skipped')
