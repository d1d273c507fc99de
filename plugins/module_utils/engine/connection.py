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

_CONNECTION_ARGUMENT_SPEC = dict(
    api_url=dict(type='str', required=True, fallback=(env_fallback, ['ATRIA_URL'])),
    api_username=dict(type='str', required=True, fallback=(env_fallback, ['ATRIA_USERNAME'])),
    api_password=dict(type='str', required=True, no_log=True, fallback=(env_fallback, ['ATRIA_PASSWORD'])),
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
    """The ``wait`` and ``wait_timeout`` options of every writing module (documented in the ``wait`` fragment)."""
    return dict(wait=dict(type='bool', default=False), wait_timeout=dict(type='int', default=300))


def check_libraries(module):
    """Fail the module with the standard missing-library message when requests or lxml cannot be imported."""
    if not client_module.HAS_REQUESTS:
        module.fail_json(msg=missing_required_lib('requests'), exception=client_module.REQUESTS_IMPORT_ERROR)
    if not xml_codec.HAS_LXML:
        module.fail_json(msg=missing_required_lib('lxml'), exception=xml_codec.LXML_IMPORT_ERROR)


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


def client_from_module(module):
    """The CortexClient for a module's connection options; fails the module cleanly on bad input."""
    check_libraries(module)
    params = module.params
    try:
        url = normalize_url(params['api_url'])
    except ValueError as exc:
        module.fail_json(msg=str(exc))
    if params['timeout'] is not None and params['timeout'] <= 0:
        module.fail_json(msg='timeout must be a positive number of seconds, got %s.' % params['timeout'])
    if params['retries'] is not None and params['retries'] < 0:
        module.fail_json(msg='retries must be 0 or more, got %s.' % params['retries'])
    if url.lower().startswith('http://') and not _is_loopback(url):
        module.warn('api_url uses http://: the password travels unencrypted. Use https:// for anything but a local test server.')
    return client_module.CortexClient(
        url, params['api_username'], params['api_password'],
        validate_certs=params['validate_certs'], ca_path=params.get('ca_path'),
        timeout=params['timeout'], retries=params['retries'], trace=params.get('trace', False),
        user_agent=user_agent(module.check_mode),
    )


def trace_result(client):
    """``{'trace': [...]}`` when the module was asked for a trace, else ``{}``; merge it into every result."""
    if client is not None and client.trace_enabled:
        return dict(trace=client.trace)
    return {}


def fail_from_exception(module, exc, **result):
    """Fail the module from an exception: ``msg`` names the cause and the fix, ``error`` holds the details.

    Never a traceback: CortexErrors carry their own explanation; anything else is reported by type and text.
    """
    if isinstance(exc, CortexError):
        result['error'] = exc.to_dict()
        module.fail_json(msg=str(exc), **result)
    module.fail_json(msg='Unexpected %s: %s' % (exc.__class__.__name__, exc), **result)
