# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The in-process task gives what AnsibleModule gives for the same arguments: same validation, same scrubbing."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
from collections import OrderedDict
from unittest import mock

import pytest
from ansible import constants as C
from ansible.module_utils.basic import AnsibleModule, env_fallback
from module_args import patch_module_args
from ansible.utils.display import Display

from ansible_collections.atria.cortex.plugins.plugin_utils.action.base import invocation_injected
from ansible_collections.atria.cortex.plugins.plugin_utils.action.task import InProcessTask, TaskExit, plain

SECRET = 'Sup3r-Secr3t!'
SPEC = dict(
    name=dict(type='str', required=True, aliases=['login']),
    password=dict(type='str', no_log=True, fallback=(env_fallback, ['TEST_ATRIA_SECRET'])),
    count=dict(type='int', default=3),
    flag=dict(type='bool', default=False),
    old=dict(type='str', removed_in_version='3.0.0', removed_from_collection='atria.cortex'),
    items=dict(type='list', elements='dict', options=dict(key=dict(type='str', required=True))),
)
RULES = dict(mutually_exclusive=[('count', 'old')], supports_check_mode=True)


def in_process(args, check_mode=False, diff=False, spec=None, rules=None, memo=None, invocation=True):
    task = InProcessTask('atria.cortex.test', args, check_mode, diff, memo_for=lambda params: {} if memo is None else memo,
                         show_progress=lambda msg: None, invocation=invocation)
    return task.start(spec or SPEC, **(RULES if rules is None else rules))


def in_process_result(args, **options):
    with pytest.raises(TaskExit) as done:
        task = in_process(args, **options)
        task.exit(changed=False, echoed=task.params.get('password'))
    return done.value.result


def module_result(args, capsys, spec=None, rules=None, inject_invocation=None):
    # _ansible_inject_invocation: ansible-core 2.21's INJECT_INVOCATION as the controller passes it (older cores
    # ignore it and always add invocation).
    knows_it = C.config.get_configuration_definition('INJECT_INVOCATION')
    extra = {'_ansible_inject_invocation': inject_invocation} if knows_it and inject_invocation is not None else {}
    with patch_module_args(dict(args, _ansible_module_name='atria.cortex.test', **extra)):
        with pytest.raises(SystemExit):
            module = AnsibleModule(argument_spec=spec or SPEC, **(RULES if rules is None else rules))
            module.exit_json(changed=False, echoed=module.params.get('password'))
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize('args', [
    dict(name='bob', bogus=1),                      # unsupported parameter
    dict(),                                          # missing required
    dict(name='bob', count='many'),                  # wrong type
    dict(name='bob', count=2, old='x'),              # mutually exclusive
    dict(name='bob', items=[dict(other=1)]),         # sub-option errors
])
def test_validation_failures_read_exactly_as_the_modules(capsys, args):
    expected = module_result(args, capsys)
    got = in_process_result(args)
    assert got['failed'] is True and got['msg'] == expected['msg']


def test_validated_params_are_the_modules(capsys, monkeypatch):
    monkeypatch.setenv('TEST_ATRIA_SECRET', SECRET)
    args = dict(login='bob', items=[dict(key='k')])
    # With invocation asked for (2.21's INJECT_INVOCATION on; always on older cores) both show the same scrubbed params.
    expected = module_result(args, capsys, inject_invocation=True)
    got = in_process_result(args)
    assert got['invocation'] == expected['invocation']
    assert got['invocation']['module_args']['password'] == 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER'
    # Without it, the in-process task leaves invocation out exactly where this core's AnsibleModule does.
    expected = module_result(args, capsys, inject_invocation=False)
    got = in_process_result(args, invocation=invocation_injected({}))
    assert ('invocation' in got) == ('invocation' in expected)
    if 'invocation' in got:
        assert got['invocation'] == expected['invocation']


def test_no_log_values_are_masked_everywhere_and_booleans_kept():
    task = in_process(dict(name='bob', password=SECRET))
    with pytest.raises(TaskExit) as done:
        task.fail('refused for %s' % SECRET, changed=False, nested={'list': ['x-%s-y' % SECRET]}, skipped=None)
    result = done.value.result
    assert SECRET not in json.dumps(result)
    assert result['msg'] == 'refused for ********' and result['changed'] is False and result['skipped'] is None
    assert result['failed'] is True


def test_environment_fallback_reads_os_environ_and_is_no_log(monkeypatch):
    monkeypatch.setenv('TEST_ATRIA_SECRET', SECRET)
    task = in_process(dict(name='bob'))
    assert task.params['password'] == SECRET and SECRET in task.no_log_values


def test_warnings_and_deprecations_are_in_the_result():
    task = in_process(dict(name='bob'))
    task.warn('first')
    task.warn('first')
    task.deprecate('going away', version='3.0.0', collection_name='atria.cortex')
    with pytest.raises(TaskExit) as done:
        task.exit(changed=False)
    assert done.value.result['warnings'] == ['first']
    assert done.value.result['deprecations'] == [dict(msg='going away', version='3.0.0', collection_name='atria.cortex')]


def test_deprecated_option_reported_by_the_validator_reaches_the_task_result(capsys):
    """The validator reports through module_utils, which keeps them for the result in a module process and hands
    them to the controller's Display once ansible's controller code is imported (in a worker it always is). Either
    way the in-process task reports what the module reports, once: the next item does not repeat it."""
    rules = dict(supports_check_mode=True)
    args = dict(name='bob', old='x')

    def deprecations(run):
        shown = []
        with mock.patch.object(Display, 'deprecated', lambda _display, msg, **_kwargs: shown.append(msg)):
            result = run()
        return [entry['msg'] if isinstance(entry, dict) and 'msg' in entry else json.dumps(entry)
                for entry in result.get('deprecations', [])] + shown

    from_module = deprecations(lambda: module_result(args, capsys, rules=rules))
    from_task = deprecations(lambda: in_process_result(args, rules=rules))
    assert len(from_task) == len(from_module) == 1 and "'old'" in from_task[0] and from_task[0] in from_module[0]
    assert deprecations(lambda: in_process_result(dict(name='bob'), rules=rules)) == []


def test_check_mode_without_support_is_skipped_like_a_module():
    with pytest.raises(TaskExit) as done:
        in_process(dict(name='bob'), check_mode=True, rules=dict())
    assert done.value.result['skipped'] is True and 'does not support check mode' in done.value.result['msg']


def test_check_and_diff_flags_and_memo():
    memo = {'seen': 1}
    task = in_process(dict(name='bob'), check_mode=True, diff=True, memo=memo)
    assert task.check_mode is True and task.diff is True and task.memo is memo


def test_exit_is_not_caught_by_except_exception():
    task = in_process(dict(name='bob'))
    with pytest.raises(TaskExit):
        try:
            task.exit(changed=False)
        except Exception:  # pylint: disable=broad-except
            pytest.fail('TaskExit must end main() like SystemExit ends a module')


def test_plain_unwraps_mappings_sequences_and_str_subclasses():
    class Tagged(str):
        pass

    value = plain(OrderedDict(a=(Tagged('x'), 1, True, None, 1.5), b={'c': [Tagged('y')]}))
    assert value == {'a': ['x', 1, True, None, 1.5], 'b': {'c': ['y']}}
    assert type(value['a'][0]) is str and type(value) is dict  # pylint: disable=unidiomatic-typecheck


@pytest.mark.parametrize('tracebacks', [True, False])
def test_a_failure_while_handling_an_exception_carries_its_traceback_only_when_asked(tracebacks):
    task = InProcessTask('atria.cortex.test', dict(name='bob'), False, False, memo_for=lambda params: {},
                         show_progress=lambda msg: None, tracebacks=tracebacks)
    task.start(SPEC, **RULES)
    with pytest.raises(TaskExit) as done:
        try:
            raise KeyError('x')
        except KeyError:
            task.fail('broke')
    assert ('exception' in done.value.result) is tracebacks
    assert not tracebacks or 'raise KeyError' in done.value.result['exception']


def test_an_option_that_looks_like_a_password_without_no_log_warns_like_the_module(capsys, monkeypatch):
    spec = dict(name=dict(type='str'), password_length=dict(type='int'), passphrase=dict(type='str', no_log=False))
    rules = dict(supports_check_mode=True)
    args = dict(name='bob', password_length=8, passphrase='x')
    warned = []
    monkeypatch.setattr(AnsibleModule, 'warn', lambda _module, msg: warned.append(msg))
    module_result(args, capsys, spec=spec, rules=rules)
    assert in_process_result(args, spec=spec, rules=rules)['warnings'] == warned == ['Module did not set no_log for password_length']
