# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Benchmark-only callback: when each loop item of each task finished, as JSON lines in $LOOP_ITEMS_FILE."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = """
name: loop_items
type: aggregate
short_description: Record when every loop item finished (benchmarks only)
description:
  - Appends one JSON object per task to the file named by the LOOP_ITEMS_FILE environment variable, with the
    seconds from the task's start to the end of each of its loop items and to the end of the task.
"""

import json
import os
import time

from ansible.plugins.callback import CallbackBase


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = 'aggregate'
    CALLBACK_NAME = 'loop_items'
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self):
        super(CallbackModule, self).__init__()
        self.started = {}
        self.items = {}

    def v2_playbook_on_task_start(self, task, is_conditional):
        self.started[task._uuid] = time.monotonic()
        self.items[task._uuid] = []

    def _item(self, result):
        self.items.setdefault(result._task._uuid, []).append(time.monotonic() - self.started[result._task._uuid])

    v2_runner_item_on_ok = v2_runner_item_on_failed = v2_runner_item_on_skipped = _item

    def _task_done(self, result, *_args, **_kwargs):
        path = os.environ.get('LOOP_ITEMS_FILE')
        if not path:
            return
        uuid = result._task._uuid
        entry = {'task': result._task.get_name(), 'items': self.items.get(uuid, []),
                 'elapsed': time.monotonic() - self.started.get(uuid, time.monotonic()),
                 'failed': bool(result._result.get('failed'))}
        with open(path, 'a', encoding='utf-8') as handle:
            handle.write(json.dumps(entry) + '\n')

    v2_runner_on_ok = v2_runner_on_failed = v2_runner_on_skipped = _task_done
