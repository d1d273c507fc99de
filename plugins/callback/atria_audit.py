# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: atria_audit
type: aggregate
short_description: Drift report (JSON and HTML) from check-mode runs of the atria.cortex modules
version_added: 0.1.0
author:
  - atria.cortex contributors (@atria-cortex)
description:
  - Collects the C(diff) of every atria.cortex module task that runs in check mode and writes a drift report -
    one row per drifted field (tenant, entity, field, expected, actual) with a summary at the top - as JSON for
    machines and as a self-contained HTML page for people.
  - Run the playbook with C(--check --diff) (C(playbooks/audit.yml) forces both). Tasks that are not in check mode
    are ignored, and so are the C(_info) modules and tasks of other collections - except failures inside the
    collection's roles, which the report lists as tasks that could not be audited.
  - Without C(--check), and when no check-mode task of the collection ran, the plugin writes and prints nothing.
  - The report names what each task addressed from the templated arguments in its result's C(invocation).
    ansible-core 2.21 adds C(invocation) only when asked, so with your own playbooks set
    C(ansible_inject_invocation=true) (or E(ANSIBLE_INJECT_INVOCATION)); C(playbooks/audit.yml) sets it.
  - The expected value is what the playbook asks for (the diff's C(after)), the actual value is what the server
    holds (its C(before)). A whole entity that is missing shows one row per field it would get, with the actual
    value C(null); one that should be absent shows the field C(state).
  - Passwords never reach a diff; values of keys that look like secrets, and results hidden with C(no_log), are
    written as C(********) anyway.
  - The report is written when the run starts (empty), before each task when new rows arrived (so a task at the end
    of the play can read it - C(playbooks/audit.yml) fails on drift that way), and when the run ends. A summary is
    also printed at the end of the run, which AWX shows in the job output.
  - During the run, the environment variable E(ATRIA_AUDIT_REPORT_JSON) holds the absolute path of the JSON report,
    so a task can read it with C(lookup('ansible.builtin.env', 'ATRIA_AUDIT_REPORT_JSON')).
  - "Slices: a run that audits only part of the inventory names its report files after that part, so the reports
    of an audit split over several runs (an AWX sliced job template, or C(--limit) patterns such as
    C(atria_customers[0::2])) never overwrite each other - C(<report_name>-<slice>.json). The slice is
    O(report_slice) when set; else, in an AWX workflow (a sliced job template runs as one), the extra variables
    C(awx_workflow_job_id) and C(awx_job_id) that AWX gives every job (C(<workflow job>-<job>)); else, with
    C(--limit), C(hosts-) and a hash of the names of the hosts the limit selects. A run of the whole inventory
    keeps the plain name. The JSON report then has a C(slice) entry (id, hosts, limit), and
    C(playbooks/audit_merge.yml) merges the slices' reports into one (JSON and HTML)."
  - The plugin must be enabled explicitly, for example C(ANSIBLE_CALLBACKS_ENABLED=atria.cortex.atria_audit).
requirements:
  - enable it in C(callbacks_enabled) (or C(ANSIBLE_CALLBACKS_ENABLED))
options:
  report_dir:
    description:
      - Directory the report files are written to; created when missing.
    type: path
    default: ./atria-audit
    env:
      - name: ATRIA_AUDIT_REPORT_DIR
    ini:
      - section: callback_atria_audit
        key: report_dir
  report_name:
    description:
      - Base name of the report files, C(<report_name>.json) and C(<report_name>.html).
    type: str
    default: atria-audit
    env:
      - name: ATRIA_AUDIT_REPORT_NAME
    ini:
      - section: callback_atria_audit
        key: report_name
  report_slice:
    description:
      - Names this run's part of a sliced audit (for example V(2of4)); the report files become
        C(<report_name>-<report_slice>.json) and C(.html). Characters other than letters, digits, V(.), V(_) and
        V(-) become V(_).
      - When not set, the slice is found as described above (AWX job ids, else a hash of the C(--limit) hosts).
    type: str
    version_added: 0.1.0
    env:
      - name: ATRIA_AUDIT_REPORT_SLICE
    ini:
      - section: callback_atria_audit
        key: report_slice
  show_rows:
    description:
      - How many drifted fields the end-of-run summary lists in the output (the report files always hold all).
    type: int
    default: 50
    env:
      - name: ATRIA_AUDIT_SHOW_ROWS
    ini:
      - section: callback_atria_audit
        key: show_rows
"""

import os

from ansible import context
from ansible.plugins.callback import CallbackBase

from ansible_collections.atria.cortex.plugins.plugin_utils.audit import (
    COLLECTION_PREFIX, Report, actual_text, report_paths, short_name, slice_basename, slice_id, value_text,
    write_report)


REPORT_ENV = 'ATRIA_AUDIT_REPORT_JSON'


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = 'aggregate'
    CALLBACK_NAME = 'atria.cortex.atria_audit'
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self, display=None):
        super(CallbackModule, self).__init__(display=display)
        self.report = Report()
        self.dirty = False
        self.seen = False
        self.paths = {}
        self.basename = None

    # -- helpers -------------------------------------------------------------------------------------------
    def _write(self, complete=False):
        if self.basename is None:
            return      # no play started yet: the report's name is not known
        write_report(self.report.to_dict(complete=complete), self.get_option('report_dir'), self.basename)
        self.dirty = False

    def _name_the_report(self, play):
        """The report's base name, from the first play: the slice of the inventory this run audits (if any)."""
        manager = play.get_variable_manager()
        extra_vars = getattr(manager, 'extra_vars', None)
        if extra_vars is None:
            extra_vars = getattr(manager, '_extra_vars', None) or {}
        limit = (context.CLIARGS or {}).get('subset')
        hosts = []
        inventory = getattr(manager, '_inventory', None)
        if limit and inventory is not None:
            hosts = [host.get_name() for host in inventory.get_hosts('all')]
        part = slice_id(hosts=hosts, limit=limit, awx_job_id=extra_vars.get('awx_job_id'),
                        awx_workflow_job_id=extra_vars.get('awx_workflow_job_id'),
                        explicit=self.get_option('report_slice'))
        if part:
            self.report.slice = {'id': part, 'limit': limit, 'hosts': sorted(hosts) if limit else None,
                                 'awx_job_id': extra_vars.get('awx_job_id'),
                                 'awx_workflow_job_id': extra_vars.get('awx_workflow_job_id')}
        self.basename = slice_basename(self.get_option('report_name'), part)
        self.paths = report_paths(self.get_option('report_dir'), self.basename)
        # Tasks of this run (the drift gate of playbooks/audit.yml) find the report through the environment,
        # which every task process inherits from this one.
        os.environ[REPORT_ENV] = self.paths['json']
        # A report left by an earlier run of the same slice must not pass for this run's.
        for path in self.paths.values():
            if os.path.exists(path):
                os.remove(path)
        if (context.CLIARGS or {}).get('check'):
            self._write()

    @staticmethod
    def _in_check_mode(task):
        check_mode = getattr(task, 'check_mode', None)
        if check_mode is None:
            check_mode = (context.CLIARGS or {}).get('check', False)
        return bool(check_mode)

    @staticmethod
    def _items(result):
        """The module results of one task result: one per loop item, or the result itself."""
        data = result._result
        if isinstance(data.get('results'), list):
            return [item for item in data['results'] if isinstance(item, dict)]
        return [data]

    @staticmethod
    def _args(task, item):
        invocation = item.get('invocation')
        if isinstance(invocation, dict) and isinstance(invocation.get('module_args'), dict):
            return invocation['module_args']
        return dict((key, value) for key, value in (task.args or {}).items() if not key.startswith('_ansible_'))

    def _collect(self, result, failed=False):
        task = result._task
        action = getattr(task, 'resolved_action', None) or task.action
        if not self._in_check_mode(task):
            return
        if short_name(action) is None:
            # Other tasks matter only when they fail inside a role of the collection (a tenant definition that
            # does not validate, say): then that tenant was not audited, and the report must say so.
            role = getattr(task, '_role', None)
            if not failed or role is None or not role.get_name().startswith(COLLECTION_PREFIX):
                return
        host, name = result._host.get_name(), task.get_name()
        for item in self._items(result):
            if item.get('skipped'):
                continue
            args = self._args(task, item)
            if failed and (item.get('failed') or item is result._result):
                self.report.add_failure(action, args, item, host=host, task=name)
            elif not item.get('failed'):
                self.report.add_result(action, args, item, host=host, task=name)
        self.dirty = self.seen = True

    # -- events --------------------------------------------------------------------------------------------
    def v2_playbook_on_start(self, playbook):
        self.report.playbook = os.path.basename(playbook._file_name)

    def v2_playbook_on_play_start(self, play):
        if self.basename is None:
            self._name_the_report(play)

    def v2_playbook_on_task_start(self, task, is_conditional):
        if self.dirty:
            self._write()

    def v2_playbook_on_handler_task_start(self, task):
        if self.dirty:
            self._write()

    def v2_runner_on_ok(self, result):
        self._collect(result)

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._collect(result, failed=True)

    def v2_playbook_on_stats(self, stats):
        if not self.seen and not (context.CLIARGS or {}).get('check'):
            return      # no check-mode task of the collection ran: nothing was audited, stay silent
        if self.basename is None:
            return      # no play ran at all
        self._write(complete=True)
        report = self.report.to_dict()
        summary = report['summary']
        if summary['drift']:
            self._display.display('ATRIA AUDIT: DRIFT - %d field(s) of %d entit(y/ies) in %d of %d tenant(s)'
                                  % (summary['drifted_fields'], summary['drifted_entities'], summary['tenants_drifted'],
                                     summary['tenants_audited']), color='bright red')
            limit = self.get_option('show_rows')
            for row in report['rows'][:limit]:
                self._display.display('  %s | %s | %s: expected %s, actual %s'
                                      % (row['tenant'], row['entity'], row['field'], value_text(row['expected']),
                                         actual_text(row)), color='red')
            if len(report['rows']) > limit:
                self._display.display('  ... and %d more (see the report)' % (len(report['rows']) - limit))
        else:
            self._display.display('ATRIA AUDIT: no drift in %d tenant(s)' % summary['tenants_audited'], color='green')
        if summary['failures']:
            self._display.display('ATRIA AUDIT: %d task(s) failed, their entities were not audited' % summary['failures'],
                                  color='bright red')
        self._display.display('ATRIA AUDIT: report %s and %s' % (self.paths.get('json'), self.paths.get('html')))
