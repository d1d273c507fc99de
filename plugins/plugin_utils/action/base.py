# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The action plugin behind every module: run the module's main() in the worker when the task runs on the controller.

A module execution costs a new Python process, the imports of requests and lxml and a new HTTP (TLS) connection
for every loop item. Every item of a loop runs in the same worker process, so here the imports happen once and
the items share one session. The module path stays for everything the controller cannot do the same way: a task
delegated to another host, become, async, a controller without requests/lxml, or when asked for with
ATRIA_CORTEX_EXECUTION=module (controller environment) or the variable atria_cortex_execution=module.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import importlib
import os
import traceback
from contextlib import contextmanager

from ansible.errors import AnsibleActionFail
from ansible.plugins.action import ActionBase
from ansible.utils.display import Display
from ansible.utils.vars import merge_hash

from ansible_collections.atria.cortex.plugins.module_utils.api import client as client_module
from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.engine import runner
from ansible_collections.atria.cortex.plugins.plugin_utils.action import reuse
from ansible_collections.atria.cortex.plugins.plugin_utils.action.task import InProcessTask, TaskExit

display = Display()

MODULES_PACKAGE = 'ansible_collections.atria.cortex.plugins.modules.'
SWITCH_ENV = 'ATRIA_CORTEX_EXECUTION'
SWITCH_VAR = 'atria_cortex_execution'
CHOICES = ('auto', 'module')


def tracebacks_for_failures():
    """Whether a module would add the traceback to a failure: ansible-core 2.19+ ask DISPLAY_TRACEBACK, older -vvv."""
    try:
        from ansible.module_utils._internal import _traceback  # pylint: disable=import-outside-toplevel
    except ImportError:     # ansible-core < 2.19
        return display.verbosity >= 3
    return _traceback.is_traceback_enabled(_traceback.TracebackEvent.ERROR)


def invocation_injected(task_vars):
    """Whether a module's result would carry ``invocation``: always before ansible-core 2.21 (no INJECT_INVOCATION
    setting), since then only when INJECT_INVOCATION is on (default off)."""
    from ansible import constants as C  # pylint: disable=import-outside-toplevel
    if not C.config.get_configuration_definition('INJECT_INVOCATION'):
        return True
    return bool(C.config.get_config_value('INJECT_INVOCATION', variables=task_vars))


@contextmanager
def task_environment(environment):
    """os.environ with the task's ``environment:`` applied (env fallbacks and requests read it), restored after."""
    saved = dict((name, os.environ.get(name)) for name in environment)
    os.environ.update(dict((str(name), str(value)) for name, value in environment.items()))
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


class AtriaAction(ActionBase):
    """Shared by plugins/action/atria_*.py: in-process on the controller, the module itself everywhere else."""

    _supports_check_mode = True
    _supports_async = True

    def run(self, tmp=None, task_vars=None):
        task_vars = task_vars or {}
        result = super(AtriaAction, self).run(tmp, task_vars)
        reason = self._module_path_reason(task_vars)
        host = self._task.delegate_to or task_vars.get('inventory_hostname')
        if reason:
            display.vvv('%s: module path (%s)' % (self._task.action, reason), host=host)
            return self._run_module(result, task_vars)
        display.vvv('%s: in-process on the controller (worker pid %d); %s=module runs the module instead'
                    % (self._task.action, os.getpid(), SWITCH_ENV), host=host)
        return merge_hash(result, self._run_in_process(task_vars))

    def _execution_choice(self, task_vars):
        choice = task_vars.get(SWITCH_VAR)
        choice = os.environ.get(SWITCH_ENV, 'auto') if choice is None else self._templar.template(choice)
        choice = str(choice).strip().lower() or 'auto'
        if choice not in CHOICES:
            raise AnsibleActionFail('%s (or %s) must be one of %s, got %r.' % (SWITCH_VAR, SWITCH_ENV, ', '.join(CHOICES), choice))
        return choice

    def _module_path_reason(self, task_vars):
        """Why this task must run as a module, or None when it can run in-process."""
        if self._execution_choice(task_vars) == 'module':
            return 'asked for with %s/%s' % (SWITCH_ENV, SWITCH_VAR)
        transport = getattr(self._connection, 'transport', None)
        if transport != 'local':
            host = self._task.delegate_to or task_vars.get('inventory_hostname')
            return 'the task runs on %s over the %s connection' % (host, transport)
        if self._play_context.become:
            return 'become is set: the module runs as the become user'
        if self._task.async_val:
            return 'async task'
        if not (client_module.HAS_REQUESTS and xml_codec.HAS_LXML):
            return 'the controller lacks requests or lxml'
        return None

    def _run_module(self, result, task_vars):
        """What ansible.builtin.normal does: ship and execute the module."""
        wrap_async = self._task.async_val and not self._connection.has_native_async
        result = merge_hash(result, self._execute_module(task_vars=task_vars, wrap_async=wrap_async))
        if not wrap_async:
            self._remove_tmp_path(self._connection._shell.tmpdir)
        return result

    def _module_name(self):
        return (getattr(self, '_load_name', None) or self._task.resolved_action or self._task.action).rsplit('.', 1)[-1]

    def _run_in_process(self, task_vars):
        module = importlib.import_module(MODULES_PACKAGE + self._module_name())
        task_key = (self._task._uuid, task_vars.get('inventory_hostname'))  # pylint: disable=protected-access
        task = InProcessTask(
            self._task.action, self._task.args, self._task.check_mode, self._task.diff,
            memo_for=lambda params: reuse.memo_for(task_key, params),
            show_progress=lambda msg: self._show_progress(task_vars, msg), tracebacks=tracebacks_for_failures(),
            no_log=bool(self._task.no_log), invocation=invocation_injected(task_vars),
        )
        environment = {}
        self._compute_environment_string(environment)
        try:
            with task_environment(environment), runner.hosted(task.start):
                module.main()
        except TaskExit as done:
            return done.result
        except Exception as exc:  # pylint: disable=broad-except
            # What a module's traceback would be on the module path; scrubbed like every result.
            return task.scrubbed(dict(failed=True, msg='Unexpected %s in %s: %s' % (exc.__class__.__name__, self._task.action, exc),
                                      exception=traceback.format_exc()))
        return dict(failed=True, msg='%s ended without a result.' % self._task.action)

    @staticmethod
    def _show_progress(task_vars, msg):
        # stderr, like other progress output: a machine-readable stdout callback (json) stays valid.
        display.display('[%s] %s' % (task_vars.get('inventory_hostname'), msg), stderr=True)
