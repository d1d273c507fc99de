# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The few lines every module ends with: build the client, run, turn errors into a clean failure."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.engine.connection import client_from_module, fail_from_exception, trace_result
from ansible_collections.atria.cortex.plugins.module_utils.engine.reconciler import Engine
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CortexError


def run(module, work):
    """Call ``work(client)`` and exit the module with its result dict; CortexErrors fail the task cleanly."""
    client = client_from_module(module)
    try:
        result = work(client)
    except CortexError as error:
        fail_from_exception(module, error, **trace_result(client))
    result.update(trace_result(client))
    # ansible-core 2.19 deprecates warnings passed to exit_json: hand them over one by one.
    for warning in result.pop('warnings', None) or []:
        module.warn(warning)
    module.exit_json(**result)


def run_resource(module, resource, locator, state=None, before_delete_factory=None):
    """The whole of a typical writing module: reconcile one entity with the engine.

    before_delete_factory(module, client) may return a check run on the current entity before a DELETE.
    """

    def work(client):
        engine = Engine(module, client, resource, locator)
        before_delete = before_delete_factory(module, client) if before_delete_factory else None
        return engine.ensure(state or module.params['state'], before_delete=before_delete)

    run(module, work)
