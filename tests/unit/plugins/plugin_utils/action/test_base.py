# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Which path a task takes, and the in-process run around a module's main()."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
from types import SimpleNamespace

import pytest
from ansible.errors import AnsibleActionFail

from ansible_collections.atria.cortex.plugins.module_utils.api import client as client_module
from ansible_collections.atria.cortex.plugins.plugin_utils.action import base, reuse
from ansible_collections.atria.cortex.plugins.plugin_utils.action.base import AtriaAction, task_environment

SIM_ARGS = dict(api_url='http://127.0.0.1:9/CortexAPI/Default.aspx', api_username='admin', api_password='Pw-s3cret!')


class Templar:
    @staticmethod
    def template(value):
        return value


def action(transport='local', become=False, async_val=0, args=None, check_mode=False, environment=None):
    """An AtriaAction with just the attributes its run() reads (ActionBase needs a whole executor otherwise)."""
    plugin = AtriaAction.__new__(AtriaAction)
    plugin._connection = SimpleNamespace(transport=transport, _shell=SimpleNamespace(env_prefix=lambda **env: ''))
    plugin._play_context = SimpleNamespace(become=become)
    plugin._task = SimpleNamespace(action='atria.cortex.atria_user', resolved_action='atria.cortex.atria_user', async_val=async_val,
                                   args=args or {}, check_mode=check_mode, diff=False, _uuid='uuid-1', environment=environment,
                                   delegate_to=None, no_log=False)
    plugin._templar = Templar()
    plugin._load_name = 'atria.cortex.atria_user'
    return plugin


@pytest.fixture(autouse=True)
def default_switch(monkeypatch):
    monkeypatch.delenv(base.SWITCH_ENV, raising=False)
    reuse.forget()


def test_local_connection_runs_in_process():
    assert action()._module_path_reason({}) is None


@pytest.mark.parametrize('settings, variables, environ, reason', [
    (dict(transport='ssh'), {'inventory_hostname': 'jump'}, {}, 'runs on jump over the ssh connection'),
    (dict(become=True), {}, {}, 'become'),
    (dict(async_val=30), {}, {}, 'async'),
    ({}, {'atria_cortex_execution': 'module'}, {}, 'asked for'),
    ({}, {}, {'ATRIA_CORTEX_EXECUTION': 'Module'}, 'asked for'),
])
def test_module_path_and_why(monkeypatch, settings, variables, environ, reason):
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert reason in action(**settings)._module_path_reason(variables)


def test_the_variable_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv(base.SWITCH_ENV, 'module')
    assert action()._module_path_reason({'atria_cortex_execution': 'auto'}) is None


def test_a_controller_without_requests_uses_the_module(monkeypatch):
    monkeypatch.setattr(client_module, 'HAS_REQUESTS', False)
    assert 'lacks requests or lxml' in action()._module_path_reason({})


def test_an_unknown_switch_value_fails_the_task():
    with pytest.raises(AnsibleActionFail, match='must be one of auto, module'):
        action()._module_path_reason({'atria_cortex_execution': 'fast'})


def test_task_environment_applies_and_restores(monkeypatch):
    monkeypatch.setenv('ATRIA_TEST_KEPT', 'before')
    monkeypatch.delenv('ATRIA_TEST_NEW', raising=False)
    with task_environment({'ATRIA_TEST_KEPT': 'during', 'ATRIA_TEST_NEW': 7}):
        assert os.environ['ATRIA_TEST_KEPT'] == 'during' and os.environ['ATRIA_TEST_NEW'] == '7'
    assert os.environ['ATRIA_TEST_KEPT'] == 'before' and 'ATRIA_TEST_NEW' not in os.environ


def test_in_process_run_returns_the_modules_failure_scrubbed(monkeypatch):
    """Nothing listens on port 9: the module's own connection failure comes back as the task result."""
    monkeypatch.setattr(client_module.CortexClient, '_delay', lambda _client, _retry: 0)
    plugin = action(args=dict(SIM_ARGS, customer='ACME', name='bob', password='Pw-s3cret!', retries=0))
    plugin._compute_environment_string = lambda out: out.update({})
    # ansible_inject_invocation: ansible-core 2.21+ adds invocation only when asked (older cores ignore the var).
    result = plugin._run_in_process({'inventory_hostname': 'localhost', 'ansible_inject_invocation': True})
    assert result['failed'] is True and 'Connection to http://127.0.0.1:9' in result['msg']
    assert 'Pw-s3cret!' not in repr(result)
    assert result['invocation']['module_args']['password'] == 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER'


def test_the_task_environment_reaches_the_env_fallbacks():
    plugin = action(args=dict(customer='ACME', name='bob'))
    plugin._compute_environment_string = lambda out: out.update({'ATRIA_URL': 'not a url', 'ATRIA_USERNAME': 'u', 'ATRIA_PASSWORD': 'p'})
    result = plugin._run_in_process({'inventory_hostname': 'localhost'})
    assert result['failed'] is True and "got 'not a url'" in result['msg']
    assert 'ATRIA_URL' not in os.environ


def test_an_unexpected_exception_is_a_failed_result_with_the_traceback(monkeypatch):
    plugin = action(args=dict(SIM_ARGS, customer='ACME', name='bob'))
    plugin._compute_environment_string = lambda out: None

    def explode(*_args, **_kwargs):
        raise RuntimeError('boom Pw-s3cret!')

    monkeypatch.setattr('ansible_collections.atria.cortex.plugins.modules.atria_user.start_task', explode)
    result = plugin._run_in_process({'inventory_hostname': 'localhost'})
    assert result['failed'] is True and result['msg'].startswith('Unexpected RuntimeError in atria.cortex.atria_user')
    assert 'Traceback' in result['exception']
