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


class Inventory:
    def __init__(self, hosts):
        self.hosts = hosts

    def get_hosts(self, pattern):
        assert pattern == 'all'
        return [Named(name) for name in self.hosts]


class Named:
    def __init__(self, name):
        self.name = name

    def get_name(self):
        return self.name


class VariableManager:
    def __init__(self, extra_vars, hosts):
        self.extra_vars, self._inventory = extra_vars, Inventory(hosts)


class Play:
    def __init__(self, extra_vars=None, hosts=('ACME', 'BETA')):
        self.manager = VariableManager(extra_vars or {}, list(hosts))

    def get_variable_manager(self):
        return self.manager


def start(callback, play=None):
    callback.v2_playbook_on_start(Playbook())
    callback.v2_playbook_on_play_start(play or Play())


@pytest.fixture
def callback(tmp_path, monkeypatch):
    monkeypatch.setattr(context, 'CLIARGS', {'check': False})
    monkeypatch.delenv('ATRIA_AUDIT_REPORT_JSON', raising=False)
    plugin = CallbackModule(display=Display())
    # What set_options() would resolve from the environment and ansible.cfg.
    plugin._plugin_options = {'report_dir': str(tmp_path / 'report'), 'report_name': 'drift', 'show_rows': 1,
                              'report_slice': None}
    plugin._origins = dict.fromkeys(plugin._plugin_options, 'direct')
    yield plugin
    os.environ.pop('ATRIA_AUDIT_REPORT_JSON', None)


def drift(before, after):
    return {'changed': True, 'diff': {'before': before, 'after': after},
            'invocation': {'module_args': {'customer': 'ACME', 'name': 'HE', 'user': None}}}


def report(tmp_path, name='drift'):
    with open(str(tmp_path / 'report' / ('%s.json' % name)), encoding='utf-8') as handle:
        return json.load(handle)


def test_collects_check_mode_results_of_the_collection_and_tells_the_tasks_where_the_report_is(callback, tmp_path):
    start(callback)
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
    start(callback)
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
    start(callback)
    assert not old.exists()
    callback.v2_runner_on_ok(Result(Task('atria.cortex.atria_user', check_mode=False), {'changed': True}))
    callback.v2_playbook_on_stats(None)
    assert not old.exists()


def test_a_limited_run_names_its_report_after_the_hosts_it_audits(callback, tmp_path, monkeypatch):
    monkeypatch.setattr(context, 'CLIARGS', {'check': True, 'subset': 'atria_customers[0::2]'})
    start(callback, Play(hosts=['BETA', 'ACME']))
    path = os.environ['ATRIA_AUDIT_REPORT_JSON']
    name = os.path.basename(path)[:-len('.json')]
    assert name.startswith('drift-hosts-') and os.path.exists(path)    # written at once in check mode
    callback.v2_playbook_on_stats(None)
    data = report(tmp_path, name)
    assert data['slice']['id'] == name[len('drift-'):] and data['slice']['hosts'] == ['ACME', 'BETA']
    assert data['slice']['limit'] == 'atria_customers[0::2]'
    # Another slice: another name; the first slice's report stays.
    other = CallbackModule(display=Display())
    other._plugin_options, other._origins = dict(callback._plugin_options), dict(callback._origins)
    start(other, Play(hosts=['GAMMA']))
    other.v2_playbook_on_stats(None)
    assert os.environ['ATRIA_AUDIT_REPORT_JSON'] != path and os.path.exists(path)
    assert len(list((tmp_path / 'report').glob('drift-hosts-*.json'))) == 2


def test_awx_job_ids_and_an_explicit_slice_name_the_report(callback, tmp_path, monkeypatch):
    monkeypatch.setattr(context, 'CLIARGS', {'check': True, 'subset': None})
    start(callback, Play(extra_vars={'awx_job_id': 42, 'awx_workflow_job_id': 40}))
    callback.v2_playbook_on_stats(None)
    assert report(tmp_path, 'drift-40-42')['slice']['awx_job_id'] == 42
    explicit = CallbackModule(display=Display())
    explicit._plugin_options = dict(callback._plugin_options, report_slice='2of4')
    explicit._origins = dict(callback._origins)
    start(explicit, Play(extra_vars={'awx_job_id': 43, 'awx_workflow_job_id': 40}))
    explicit.v2_playbook_on_stats(None)
    assert report(tmp_path, 'drift-2of4')['slice']['id'] == '2of4'


def test_a_whole_inventory_run_keeps_the_plain_name(callback, tmp_path, monkeypatch):
    monkeypatch.setattr(context, 'CLIARGS', {'check': True})
    start(callback)
    callback.v2_playbook_on_stats(None)
    assert 'slice' not in report(tmp_path)
