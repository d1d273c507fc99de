# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The task interface (see module_utils/engine/runner.py) for a module run inside the controller's worker.

It does what AnsibleModule does for a module, so both paths give the same result: ansible-core's own argument
validator (aliases, defaults, env fallbacks, required_*, deprecated options), check and diff mode, warnings and
deprecations in the result, ``invocation`` for -vvv, and the values of ``no_log`` options removed from everything
returned. ``exit``/``fail`` end main() with TaskExit, as sys.exit ends a module.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import sys
import traceback
from collections.abc import Mapping

from ansible.module_utils.basic import PASSWORD_MATCH
from ansible.module_utils.common import warnings as module_warnings
from ansible.module_utils.common.arg_spec import ModuleArgumentSpecValidator
from ansible.module_utils.common.parameters import remove_values
from ansible.module_utils.errors import UnsupportedError

from ansible_collections.atria.cortex.plugins.module_utils.engine.runner import COLLECTION


class TaskExit(BaseException):
    """Ends the module's main() with its result dict (a BaseException, so ``except Exception`` cannot swallow it)."""

    def __init__(self, result):
        super(TaskExit, self).__init__('task exited')
        self.result = result


def plain(value):
    """The value as a module would receive it over JSON: dicts, lists and str, no template-engine wrappers."""
    if isinstance(value, Mapping):
        return dict((str(key), plain(item)) for key, item in value.items())
    if isinstance(value, (list, tuple, set)):
        return [plain(item) for item in value]
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return value


def _clear_validator_messages():
    module_warnings._global_warnings.clear()  # pylint: disable=protected-access
    module_warnings._global_deprecations.clear()  # pylint: disable=protected-access


class InProcessTask:
    """One item's run of a module in the worker. ``memo_for(params)`` gives the task-wide memo of its connection."""

    def __init__(self, name, args, check_mode, diff, memo_for, show_progress, tracebacks=False, no_log=False,
                 invocation=True):
        self.name = name
        self._no_log = no_log
        # AnsibleModule adds ``invocation`` (the scrubbed params) to its result always before ansible-core 2.21,
        # and since 2.21 only when the controller's INJECT_INVOCATION asks for it: the action plugin decides.
        self._invocation = invocation
        # AnsibleModule adds the traceback of the exception being handled to a failure when the controller asks
        # for tracebacks (-vvv before ansible-core 2.19, DISPLAY_TRACEBACK since): the action plugin decides.
        self._tracebacks = tracebacks
        self._args = plain(args)
        self.check_mode = bool(check_mode)
        self.diff = bool(diff)
        self._memo_for = memo_for
        self._show_progress = show_progress
        self._warnings = []
        self._deprecations = []
        self.params = {}
        self.no_log_values = set()
        self.memo = {}

    def start(self, argument_spec, mutually_exclusive=None, required_together=None, required_one_of=None,
              required_if=None, required_by=None, supports_check_mode=False):
        """What AnsibleModule.__init__ does with the same arguments; returns self (fails the task like it)."""
        validator = ModuleArgumentSpecValidator(argument_spec, mutually_exclusive, required_together, required_one_of,
                                                required_if, required_by)
        _clear_validator_messages()     # only this item's, nothing left over from earlier code in the process
        validation = validator.validate(self._args)
        self.params = validation.validated_parameters
        self.no_log_values.update(validation._no_log_values)  # pylint: disable=protected-access
        self._collect_validator_messages()
        if validation.errors.errors:
            msg = validation.errors.msg
            if isinstance(validation.errors.errors[0], UnsupportedError):
                msg = 'Unsupported parameters for (%s) module: %s' % (self.name, msg)
            self.fail(msg)
        if not self._no_log:
            self._warn_unmarked_passwords(argument_spec, validation._aliases)  # pylint: disable=protected-access
        if self.check_mode and not supports_check_mode:
            self.exit(skipped=True, msg='remote module (%s) does not support check mode' % self.name)
        self.memo = self._memo_for(self.params)
        return self

    def _warn_unmarked_passwords(self, argument_spec, aliases):
        """AnsibleModule's warning for an option that looks like a password and says nothing about no_log."""
        for param in self.params:
            if argument_spec.get(aliases.get(param, param), {}).get('no_log') is None and PASSWORD_MATCH.search(param):
                self.warn('Module did not set no_log for %s' % param)

    def _collect_validator_messages(self):
        """Deprecated options and aliases are reported through module_utils' process-wide lists; move them here.

        (ansible-core 2.19 and later display them at once on the controller and keep the lists empty.)
        """
        self._warnings.extend(module_warnings.get_warning_messages())
        self._deprecations.extend(dict(item) for item in module_warnings.get_deprecation_messages())
        _clear_validator_messages()

    def warn(self, msg):
        if msg not in self._warnings:
            self._warnings.append(msg)

    def deprecate(self, msg, version=None, date=None, collection_name=COLLECTION):
        entry = dict(msg=msg, collection_name=collection_name)
        entry.update(dict(version=version) if date is None else dict(date=date))
        self._deprecations.append(entry)

    def progress(self, msg):
        self._show_progress(msg)

    def fail(self, msg, **result):
        if self._tracebacks and 'exception' not in result and sys.exc_info()[2] is not None:
            result['exception'] = ''.join(traceback.format_tb(sys.exc_info()[2]))
        result.update(failed=True, msg=str(msg))
        self.exit(**result)

    def exit(self, **result):
        if self._invocation:
            result.setdefault('invocation', {'module_args': self.params})
        else:
            result.pop('invocation', None)
        if self._warnings:
            result['warnings'] = list(self._warnings)
        if self._deprecations:
            result['deprecations'] = list(self._deprecations)
        raise TaskExit(self.scrubbed(result))

    def scrubbed(self, result):
        """AnsibleModule's scrubbing: no_log values masked everywhere, booleans and None kept as they are."""
        preserved = dict((key, value) for key, value in result.items() if value is None or isinstance(value, bool))
        result = remove_values(result, self.no_log_values)
        result.update(preserved)
        return result
