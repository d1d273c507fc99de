# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The callback atria.cortex.atria_audit: which results it collects, when it writes, what it tells the tasks."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os

import pytest

from ansible import context
from ansible.utils.display import Display

from ansible_collections.atria.cortex.plugins.callback.atria_audit import CallbackModule


class Role:
    def __init__(self, name):
        self.name = name

    def get_name(self):
        return self.name


class Task:
    def __init__(self, action, check_mode=True, args=None, role=None, name='task'):
        self.action = self.resolved_action = action
        self.check_mode = check_mode
        self.args = args or {}
        self._role = Role(role) if role else None
        self.name = name

    def get_name(self):
        return self.name


class Host:
    def get_name(self):
        return 'localhost'


class Result:
    def __init__(self, task, data):
        self._task, self._host, self._result = task, Host(), data


class Playbook:
    _file_name = '/somewhere/audit.yml'


@pytest.fixture
def callback(tmp_path, monkeypatch):
    monkeypatch.setattr(context, 'CLIARGS', {'check': False})
    monkeypatch.delenv('ATRIA_AUDIT_REPORT_JSON', raising=False)
    plugin = CallbackModule(display=Display())
    # What set_options() would resolve from the environment and ansible.cfg.
    plugin._plugin_options = {'report_dir': str(tmp_path / 'report'), 'report_name': 'drift', 'show_rows': 1}
    plugin._origins = dict.fromkeys(plugin._plugin_options, 'direct')
    yield plugin
    os.environ.pop('ATRIA_AUDIT_REPORT_JSON', None)


def drift(before, after):
    return {'changed': True, 'diff': {'before': before, 'after': after},
            'invocation': {'module_args': {'customer': 'ACME', 'name': 'HE', 'user': None}}}


def report(tmp_path):
    with open(str(tmp_path / 'report' / 'drift.json'), encoding='utf-8') as handle:
        return json.load(handle)


def test_collects_check_mode_results_of_the_collection_and_tells_the_tasks_where_the_report_is(callback, tmp_path):
    callback.v2_playbook_on_start(Playbook())
    assert os.environ['ATRIA_AUDIT_REPORT_JSON'] == str(tmp_path / 'report' / 'drift.json')
    task = Task('atria.cortex.atria_service')
    callback.v2_runner_on_ok(Result(task, {'results': [drift({'status': 'NotProvisioned'}, {'status': 'Provisioned'}),
                                                       {'skipped': True}, {'changed': False}]}))
    # Ignored: not check mode, another collection, an _info module.
    callback.v2_runner_on_ok(Result(Task('atria.cortex.atria_service', check_mode=False), drift({'a': 1}, {'a': 2})))
    callback.v2_runner_on_ok(Result(Task('community.general.thing'), drift({'a': 1}, {'a': 2})))
    callback.v2_runner_on_ok(Result(Task('atria.cortex.atria_service_info'), drift({'a': 1}, {'a': 2})))
    callback.v2_playbook_on_task_start(Task('ansible.builtin.fail'), False)      # the gate can read it now
    data = report(tmp_path)
    assert data['complete'] is False
    assert [(row['entity'], row['field'], row['expected'], row['actual']) for row in data['rows']] == [
        ('service HE', 'status', 'Provisioned', 'NotProvisioned')]
    assert data['summary']['module_results'] == 2
    callback.v2_playbook_on_stats(None)
    assert report(tmp_path)['complete'] is True
    assert (tmp_path / 'report' / 'drift.html').exists()


def test_failures_in_the_collections_roles_count_and_other_failures_do_not(callback, tmp_path):
    callback.v2_playbook_on_start(Playbook())
    callback.v2_runner_on_failed(Result(Task('ansible.builtin.assert', role='atria.cortex.tenant', name='Validate'),
                                        {'failed': True, 'msg': 'inconsistent'}))
    callback.v2_runner_on_failed(Result(Task('ansible.builtin.command', role='someone.else.role'), {'failed': True, 'msg': 'x'}))
    callback.v2_runner_on_failed(Result(Task('atria.cortex.atria_user', args={'customer': 'ACME'}),
                                        {'failed': True, 'msg': 'CortexAPI error 34', 'censored': None}))
    callback.v2_playbook_on_stats(None)
    failures = report(tmp_path)['failures']
    assert [(failure['tenant'], failure['task'], failure['msg']) for failure in failures] == [
        (None, 'Validate', 'inconsistent'), ('ACME', 'task', 'CortexAPI error 34')]


def test_a_run_that_audits_nothing_writes_nothing_and_removes_an_old_report(callback, tmp_path):
    old = tmp_path / 'report' / 'drift.json'
    old.parent.mkdir()
    old.write_text('{}', encoding='utf-8')
    callback.v2_playbook_on_start(Playbook())
    assert not old.exists()
    callback.v2_runner_on_ok(Result(Task('atria.cortex.atria_user', check_mode=False), {'changed': True}))
    callback.v2_playbook_on_stats(None)
    assert not old.exists()
