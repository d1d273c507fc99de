"""Shared connection options, the client factory and failure reporting, through a real AnsibleModule."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

import pytest
import yaml
from ansible.module_utils.basic import AnsibleModule
from module_args import patch_module_args

from ansible_collections.atria.cortex.plugins.doc_fragments.atria import ModuleDocFragment
from ansible_collections.atria.cortex.plugins.module_utils.api import client as client_module
from ansible_collections.atria.cortex.plugins.module_utils.engine import connection as common
from ansible_collections.atria.cortex.plugins.module_utils.engine.runner import ModuleTask
from ansible_collections.atria.cortex.plugins.module_utils.api import errors
from ansible_collections.atria.cortex.plugins.module_utils.api.client import CortexClient

ENV = ('ATRIA_URL', 'ATRIA_USERNAME', 'ATRIA_PASSWORD', 'ATRIA_VALIDATE_CERTS')


@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    for name in ENV:
        monkeypatch.delenv(name, raising=False)


def module_with(args):
    with patch_module_args(args):
        return ModuleTask(AnsibleModule(argument_spec=common.connection_argument_spec(), supports_check_mode=True))


def run_and_capture(capsys, args, func):
    """Build the module from ``args``, call ``func(module)``, return the JSON the module exited with."""
    with patch_module_args(args):  # fail_json needs the same module-args context the module was built in
        module = AnsibleModule(argument_spec=common.connection_argument_spec(), supports_check_mode=True)
        with pytest.raises(SystemExit):
            func(ModuleTask(module))
    return json.loads(capsys.readouterr().out)


def test_argument_spec_is_a_fresh_copy():
    spec = common.connection_argument_spec()
    spec['api_url']['required'] = True
    assert 'required' not in common.connection_argument_spec()['api_url']
    assert common.connection_argument_spec()['api_password']['no_log'] is True


def test_doc_fragment_documents_exactly_the_argument_spec():
    documented = yaml.safe_load(ModuleDocFragment.DOCUMENTATION)['options']
    spec = common.connection_argument_spec()
    assert set(documented) == set(spec)
    for name, option in spec.items():
        assert documented[name]['type'] == option['type'], name
        assert documented[name].get('default') == option.get('default'), name
        assert bool(documented[name].get('required')) == bool(option.get('required')), name
        fallback = option.get('fallback')
        if fallback:
            assert 'E(%s)' % fallback[1][0] in ' '.join(documented[name]['description']), name


@pytest.mark.parametrize('fragment, diff_support', [('ATTRIBUTES', 'full'), ('INFO_MODULE', 'N/A')])
def test_attribute_fragments(fragment, diff_support):
    attributes = yaml.safe_load(getattr(ModuleDocFragment, fragment))['attributes']
    assert attributes['check_mode']['support'] == 'full'
    assert attributes['diff_mode']['support'] == diff_support
    assert attributes['action_group']['membership'] == ['atria.cortex.atria']


def test_environment_fallbacks(monkeypatch):
    monkeypatch.setenv('ATRIA_URL', 'https://cortex.example/CortexAPI/Default.aspx')
    monkeypatch.setenv('ATRIA_USERNAME', 'admin_DA')
    monkeypatch.setenv('ATRIA_PASSWORD', 'from-env')
    monkeypatch.setenv('ATRIA_VALIDATE_CERTS', 'false')
    module = module_with({})
    assert module.params['api_url'] == 'https://cortex.example/CortexAPI/Default.aspx'
    assert module.params['api_password'] == 'from-env' and module.params['validate_certs'] is False
    assert 'from-env' in module.module.no_log_values
    client = common.client_from_task(module)
    assert isinstance(client, CortexClient) and client.tls_verify is False and client.retries == 3 and client.timeout == 30


def test_task_options_win_over_environment(monkeypatch):
    monkeypatch.setenv('ATRIA_USERNAME', 'env_user')
    module = module_with(dict(api_url='https://h/CortexAPI/Default.aspx', api_username='task_user', api_password='p', ca_path='/tmp/ca.pem'))
    client = common.client_from_task(module)
    assert client.username == 'task_user' and client.tls_verify == '/tmp/ca.pem'


@pytest.mark.parametrize('url, expected', [
    ('https://cortex.example', 'https://cortex.example/CortexAPI/Default.aspx'),
    ('https://cortex.example/', 'https://cortex.example/CortexAPI/Default.aspx'),
    ('http://127.0.0.1:8480/CortexAPI/Default.aspx', 'http://127.0.0.1:8480/CortexAPI/Default.aspx'),
    ('HTTPS://h:443/custom/path.aspx', 'HTTPS://h:443/custom/path.aspx'),
])
def test_normalize_url(url, expected):
    assert common.normalize_url(url) == expected


@pytest.mark.parametrize('url', ['cortex.example', 'ftp://h/x', 'https://', 'https://h:notaport/x'])
def test_bad_urls_fail_the_module_cleanly(capsys, url):
    result = run_and_capture(capsys, dict(api_url=url, api_username='u', api_password='long-secret'), common.client_from_task)
    assert result['failed'] is True and 'https://HOST/CortexAPI/Default.aspx' in result['msg']


@pytest.mark.parametrize('url, warned', [
    ('http://cortex.example/CortexAPI/Default.aspx', True),
    ('http://127.0.0.1:8480/CortexAPI/Default.aspx', False),
    ('https://cortex.example/CortexAPI/Default.aspx', False),
])
def test_plain_http_to_a_remote_host_warns(monkeypatch, url, warned):
    module = module_with(dict(api_url=url, api_username='u', api_password='p'))
    seen = []
    monkeypatch.setattr(module, 'warn', seen.append)
    common.client_from_task(module)
    assert bool(seen) is warned and all('unencrypted' in text for text in seen)


def test_fail_from_exception_gives_msg_and_structured_error(capsys):
    err = errors.api_error(34, "Customer 'ZZ' not found.", http_status=400, entity="customer 'ZZ'", api_user='admin_DA')
    result = run_and_capture(capsys, dict(api_url='https://h', api_username='admin_DA', api_password='secret-pw'),
                             lambda module: common.fail_from_exception(module, err, changed=False, trace=[]))
    assert result['msg'] == str(err) and result['changed'] is False and result['trace'] == []
    assert result['error'] == dict(code=34, name='CustomerNotFound', meaning=err.meaning, hint=err.hint, http_status=400,
                                   entity="customer 'ZZ'", server_message="Customer 'ZZ' not found.")
    assert 'exception' not in result and 'Traceback' not in json.dumps(result)


def test_fail_from_exception_with_unexpected_exception_has_no_traceback(capsys):
    result = run_and_capture(capsys, dict(api_url='https://h', api_username='u', api_password='secret-pw'),
                             lambda module: common.fail_from_exception(module, KeyError('name')))
    assert result['msg'] == "Unexpected KeyError: 'name'" and 'Traceback' not in json.dumps(result)


def test_trace_result():
    module = module_with(dict(api_url='https://h', api_username='u', api_password='p', trace=True))
    client = common.client_from_task(module)
    assert common.trace_result(client) == {'trace': []}
    assert common.trace_result(None) == {}


def test_user_agent_marks_check_mode_so_the_server_log_can_prove_it():
    assert common.user_agent(False) == 'atria.cortex/%s' % client_module.COLLECTION_VERSION
    assert common.user_agent(True) == 'atria.cortex/%s (check_mode)' % client_module.COLLECTION_VERSION


def test_missing_connection_settings_name_the_options_the_variables_and_module_defaults(capsys):
    result = run_and_capture(capsys, dict(api_url='', api_username=None, api_password=None), common.client_from_task)
    assert result['failed'] is True
    for text in ('api_url', 'api_username', 'api_password', 'ATRIA_URL', 'ATRIA_USERNAME', 'ATRIA_PASSWORD',
                 'module_defaults: {group/atria.cortex.atria:'):
        assert text in result['msg']
