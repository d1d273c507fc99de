# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The module glue: the task interface the engine talks to, and the few lines every module ends with.

A module runs two ways. On the module path Ansible ships it to a host and AnsibleModule parses its arguments.
On the controller, the collection's action plugin runs the same ``main()`` inside the worker process (no new
Python, imports and HTTP session kept across loop items). The engine sees neither: it gets a *task*::

    task.params, task.check_mode, task.diff, task.memo
    task.warn(msg), task.deprecate(msg, version=None, date=None), task.progress(msg)
    task.fail(msg, **result), task.exit(**result)      # neither returns

``ModuleTask`` implements it over AnsibleModule; plugins/plugin_utils/action/ implements it in-process.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import traceback
from contextlib import contextmanager

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.atria.cortex.plugins.module_utils.engine.connection import client_from_task, fail_from_exception, trace_result
from ansible_collections.atria.cortex.plugins.module_utils.engine.bulk import BulkEngine, check_unique
from ansible_collections.atria.cortex.plugins.module_utils.engine.reconciler import Engine
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import ApiError, CortexError

COLLECTION = 'atria.cortex'

# Set by the action plugin while it runs a module's main() in the worker: builds the in-process task.
_HOST = {'start': None}


class ModuleTask:
    """The task interface over AnsibleModule (the module path)."""

    def __init__(self, module):
        self.module = module
        self.params = module.params
        self.check_mode = module.check_mode
        self.diff = module._diff
        # A module run is one item: nothing outlives it, so the memo starts empty every time.
        self.memo = {}

    def warn(self, msg):
        self.module.warn(msg)

    def deprecate(self, msg, version=None, date=None, collection_name=COLLECTION):
        self.module.deprecate(msg, version=version, date=date, collection_name=collection_name)

    def progress(self, msg):
        """A module cannot print while it runs (its stdout is its result): progress shows in-process only."""

    def fail(self, msg, **result):
        self.module.fail_json(msg=msg, **result)

    def exit(self, **result):
        self.module.exit_json(**result)


def start_task(argument_spec, **options):
    """The module's task, its options validated; ``options`` are AnsibleModule's (required_one_of, ...).

    Normally AnsibleModule does the parsing; while the action plugin hosts main() in the worker, it does.
    """
    if _HOST['start'] is not None:
        return _HOST['start'](argument_spec, **options)
    return ModuleTask(AnsibleModule(argument_spec=argument_spec, **options))


@contextmanager
def hosted(start):
    """Within this block start_task() returns ``start(argument_spec, **options)`` (the in-process task)."""
    previous = _HOST['start']
    _HOST['start'] = start
    try:
        yield
    finally:
        _HOST['start'] = previous


def run(task, work):
    """Call ``work(client)`` and exit the task with its result dict; CortexErrors fail the task cleanly."""
    client = client_from_task(task)
    try:
        result = work(client)
    except CortexError as error:
        fail_from_exception(task, error, **trace_result(client))
    except Exception as error:  # pylint: disable=broad-except
        # A bug of ours must still end as a failed task with its message, never as a bare traceback
        # (Ansible shows ``exception`` with -vvv, for a bug report).
        fail_from_exception(task, error, exception=traceback.format_exc(), **trace_result(client))
    result.update(trace_result(client))
    # ansible-core 2.19 deprecates warnings passed to exit_json: hand them over one by one.
    for warning in result.pop('warnings', None) or []:
        task.warn(warning)
    task.exit(**result)


def run_resource(task, resource, locator, state=None, before_delete_factory=None, explain=None, before_write=None):
    """The whole of a typical writing module: reconcile one entity with the engine.

    before_delete_factory(task, client) may return a check run on the current entity before a DELETE.
    before_write(plan): a check before a create or update (as Engine.ensure takes it).
    explain(error, client, params) may return a server refusal (ApiError) with a hint that fits it better.
    """

    def work(client):
        engine = Engine(task, client, resource, locator)
        before_delete = before_delete_factory(task, client) if before_delete_factory else None
        try:
            return engine.ensure(state or task.params['state'], before_delete=before_delete, before_write=before_write)
        except ApiError as error:
            if explain is None:
                raise
            raise explain(error, client, task.params)

    run(task, work)


def run_bulk(task, resource, customer, child_tag, keys_for, index_keys, items_option):
    """A writing module's list of children of one customer (atria_user's ``users``): one read, one multi-item SET,
    one result (engine/bulk.py). ``customer``: a CustomerRef; keys_for(item, customer_code) -> [(tag, value)]."""

    def work(client):
        items = task.params[items_option]
        check_unique([keys_for(item, None)[0][1] for item in items], resource.noun.capitalize())
        engine = BulkEngine(task, client, resource, customer, child_tag, keys_for, index_keys=index_keys)
        return engine.ensure(items, result_key=items_option)

    run(task, work)
