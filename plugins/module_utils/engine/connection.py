# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""What every module shares: the connection options, the client factory and the way failures are reported.

The options are documented once, in ``plugins/doc_fragments/atria.py``; keep both in step.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import copy
from urllib.parse import urlsplit

from ansible.module_utils.basic import env_fallback, missing_required_lib

from ansible_collections.atria.cortex.plugins.module_utils.api import client as client_module
from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CortexError

DEFAULT_PATH = '/CortexAPI/Default.aspx'
_LOOPBACK_HOSTS = ('localhost', '127.0.0.1', '::1')
# task.memo key of the requests.Session every client of the task shares.
SESSION_KEY = ('http-session',)

_CONNECTION_ARGUMENT_SPEC = dict(
    api_url=dict(type='str', fallback=(env_fallback, ['ATRIA_URL'])),
    api_username=dict(type='str', fallback=(env_fallback, ['ATRIA_USERNAME'])),
    api_password=dict(type='str', no_log=True, fallback=(env_fallback, ['ATRIA_PASSWORD'])),
    validate_certs=dict(type='bool', default=True, fallback=(env_fallback, ['ATRIA_VALIDATE_CERTS'])),
    ca_path=dict(type='path'),
    timeout=dict(type='int', default=30),
    retries=dict(type='int', default=3),
    trace=dict(type='bool', default=False),
)


def connection_argument_spec():
    """A fresh copy of the connection options, to merge into a module's own argument spec."""
    return copy.deepcopy(_CONNECTION_ARGUMENT_SPEC)


def wait_argument_spec():
    """The ``wait``, ``wait_timeout`` and ``wait_for_approval`` options of every writing module (documented in the ``wait`` fragment)."""
    return dict(wait=dict(type='bool', default=False), wait_timeout=dict(type='int', default=300),
                wait_for_approval=dict(type='bool', default=False))


# The connection options and their environment variables. They are not `required` in the argument spec: ansible-core
# would then end the task with a bare "missing required arguments: api_password, api_url, api_username" that names
# none of the three ways to give them (task options, ATRIA_* variables, module_defaults); the client factory checks.
CONNECTION_ENVIRONMENT = (('api_url', 'ATRIA_URL'), ('api_username', 'ATRIA_USERNAME'), ('api_password', 'ATRIA_PASSWORD'))


def missing_connection_options(params):
    """The connection options that have no value (an empty ATRIA_* variable counts as none)."""
    return [option for option, _variable in CONNECTION_ENVIRONMENT if not params.get(option)]


def missing_connection_message(missing):
    variables = dict(CONNECTION_ENVIRONMENT)
    return ('No %s to connect to the CortexAPI with. Give %s in one of three ways: as task options; in the environment '
            '(%s, as AWX credentials of the type Atria CortexAPI inject them); or once for every atria.cortex task of a '
            'play with module_defaults: {group/atria.cortex.atria: {%s}} (with the role atria.cortex.tenant, also '
            'tenant_api_url, tenant_api_username, tenant_api_password).'
            % (', '.join(missing), 'them' if len(missing) > 1 else 'it', ', '.join(variables[option] for option in missing),
               ', '.join('%s: ...' % option for option, _variable in CONNECTION_ENVIRONMENT)))


def check_libraries(task):
    """Fail the task with the standard missing-library message when requests or lxml cannot be imported."""
    if not client_module.HAS_REQUESTS:
        task.fail(missing_required_lib('requests'), exception=client_module.REQUESTS_IMPORT_ERROR)
    if not xml_codec.HAS_LXML:
        task.fail(missing_required_lib('lxml'), exception=xml_codec.LXML_IMPORT_ERROR)


def normalize_url(url):
    """Validate the endpoint URL; a URL without a path gets /CortexAPI/Default.aspx. Raises ValueError."""
    url = (url or '').strip()
    try:
        parts = urlsplit(url)
        # .port raises ValueError for a port that is not a number or out of range.
        valid = parts.scheme.lower() in ('http', 'https') and bool(parts.hostname) and (parts.port is None or parts.port > 0)
    except ValueError:
        valid = False
    if not valid:
        raise ValueError('api_url must look like https://HOST/CortexAPI/Default.aspx, got %r.' % url)
    if parts.path in ('', '/'):
        url = parts._replace(path=DEFAULT_PATH).geturl()
    return url


def _is_loopback(url):
    return (urlsplit(url).hostname or '').lower() in _LOOPBACK_HOSTS


def user_agent(check_mode):
    """The User-Agent header: a check-mode run says so, so server logs (and our tests) can prove it sent no write."""
    return client_module.USER_AGENT + (' (check_mode)' if check_mode else '')


def client_from_task(task):
    """The CortexClient for a task's connection options; fails the task cleanly on bad input.

    The HTTP session comes from ``task.memo``: in-process every item of a loop reuses it (keep-alive, one TLS
    handshake); on the module path the memo, and so the session, is new for every run.
    """
    check_libraries(task)
    params = task.params
    missing = missing_connection_options(params)
    if missing:
        task.fail(missing_connection_message(missing))
    try:
        url = normalize_url(params['api_url'])
    except ValueError as exc:
        task.fail(str(exc))
    if params['timeout'] is not None and params['timeout'] <= 0:
        task.fail('timeout must be a positive number of seconds, got %s.' % params['timeout'])
    if params['retries'] is not None and params['retries'] < 0:
        task.fail('retries must be 0 or more, got %s.' % params['retries'])
    if url.lower().startswith('http://') and not _is_loopback(url):
        task.warn('api_url uses http://: the password travels unencrypted. Use https:// for anything but a local test server.')
    session = task.memo.get(SESSION_KEY)
    if session is None:
        session = task.memo[SESSION_KEY] = client_module.requests.Session()
    client = client_module.CortexClient(
        url, params['api_username'], params['api_password'],
        validate_certs=params['validate_certs'], ca_path=params.get('ca_path'),
        timeout=params['timeout'], retries=params['retries'], trace=params.get('trace', False),
        user_agent=user_agent(task.check_mode), session=session,
    )
    # Reads that cannot change within the task (the release, a customer's code) are remembered here too.
    client.memo = task.memo
    return client


def trace_result(client):
    """``{'trace': [...]}`` when the module was asked for a trace, else ``{}``; merge it into every result."""
    if client is not None and client.trace_enabled:
        return dict(trace=client.trace)
    return {}


def fail_from_exception(task, exc, **result):
    """Fail the task from an exception: ``msg`` names the cause and the fix, ``error`` holds the details.

    Never a traceback: CortexErrors carry their own explanation; anything else is reported by type and text.
    """
    if isinstance(exc, CortexError):
        result['error'] = exc.to_dict()
        task.fail(str(exc), **result)
    task.fail('Unexpected %s: %s' % (exc.__class__.__name__, exc), **result)
