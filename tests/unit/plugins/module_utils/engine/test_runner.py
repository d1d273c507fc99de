# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The task interface: ModuleTask over AnsibleModule, and start_task's switch to the in-process task."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

import pytest
from module_args import patch_module_args

from ansible_collections.atria.cortex.plugins.module_utils.engine import runner

SPEC = dict(name=dict(type='str', required=True), secret=dict(type='str', no_log=True))


def test_start_task_builds_the_module_task_normally():
    with patch_module_args(dict(name='bob', _ansible_check_mode=True, _ansible_diff=True)):
        task = runner.start_task(SPEC, supports_check_mode=True)
    assert isinstance(task, runner.ModuleTask)
    assert task.params['name'] == 'bob' and task.check_mode is True and task.diff is True and task.memo == {}


def test_hosted_start_task_returns_what_the_host_builds_and_restores_after_errors():
    seen = []

    def start(argument_spec, **options):
        seen.append((argument_spec, options))
        return 'in-process task'

    with pytest.raises(ValueError):
        with runner.hosted(start):
            assert runner.start_task(SPEC, required_one_of=[('name',)]) == 'in-process task'
            raise ValueError('main() failed')
    assert seen == [(SPEC, dict(required_one_of=[('name',)]))]
    assert runner._HOST['start'] is None  # pylint: disable=protected-access


def test_module_task_fail_and_exit_are_the_modules(capsys, monkeypatch):
    with patch_module_args(dict(name='bob', secret='hush-hush')):
        task = runner.start_task(SPEC, supports_check_mode=True)
        warned, deprecated = [], []
        monkeypatch.setattr(task.module, 'warn', warned.append)
        monkeypatch.setattr(task.module, 'deprecate', lambda msg, **kwargs: deprecated.append((msg, kwargs)))
        task.warn('careful')
        task.deprecate('old', version='3.0.0', collection_name='atria.cortex')
        task.progress('not shown on the module path')
        with pytest.raises(SystemExit):
            task.fail('refused: hush-hush', changed=False)
    result = json.loads(capsys.readouterr().out)
    assert result['failed'] is True and result['msg'] == 'refused: ********' and 'not shown' not in json.dumps(result)
    assert warned == ['careful']
    assert deprecated == [('old', dict(version='3.0.0', date=None, collection_name='atria.cortex'))]


class Task:
    def __init__(self):
        self.params = dict(api_url='http://127.0.0.1:9/CortexAPI/Default.aspx', api_username='u', api_password='p',
                           validate_certs=True, ca_path=None, timeout=5, retries=0, trace=False)
        self.check_mode = False
        self.diff = False
        self.memo = {}
        self.warnings = []
        self.exited = None

    def warn(self, msg):
        self.warnings.append(msg)

    def fail(self, msg, **result):
        raise AssertionError(msg)

    def exit(self, **result):
        self.exited = result


def test_run_hands_result_warnings_to_the_task_and_shares_the_session_through_the_memo():
    task = Task()
    clients = []

    def work(client):
        clients.append(client)
        return {'changed': False, 'warnings': ['w1']}

    runner.run(task, work)
    runner.run(task, work)
    assert task.exited == {'changed': False} and task.warnings == ['w1', 'w1']
    assert clients[0].session is clients[1].session and clients[0].memo is task.memo
