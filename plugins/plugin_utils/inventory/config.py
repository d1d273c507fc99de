# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The inventory's options, checked once and turned into what the collector needs: a client factory, the
server-side filter, the host selection, the walk and enrichment settings, and the cache fingerprint.

Every problem is a ValueError whose message names the option and the fix; the plugin turns it into an
AnsibleParserError. No message ever contains the password.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import hashlib
import json

from ansible.errors import AnsibleError
from ansible.module_utils.common.text.converters import to_native

from ansible_collections.atria.cortex.plugins.module_utils.api import client as client_module
from ansible_collections.atria.cortex.plugins.module_utils.engine.connection import _is_loopback, normalize_url
from ansible_collections.atria.cortex.plugins.plugin_utils.inventory.selection import Selection

FILTER_KEYS = ('status', 'parent', 'name_pattern', 'fullname_pattern')
ENRICHMENTS = ('users', 'services')
# Bump when the shape of the cached data changes, so that an older cache entry is never read.
CACHE_FORMAT = 1
# Options that change what the server is asked, or which customers are asked about; they key the cache.
_QUERY_OPTIONS = ('api_url', 'api_username', 'filters', 'include_deprovisioned', 'reseller_groups', 'enrich')
VAULT_HINT = ('The configuration holds a vault-encrypted value: give the vault password, e.g. with --vault-password-file, '
              '--vault-id, --ask-vault-pass or ANSIBLE_VAULT_PASSWORD_FILE.')


def _as_list(value, option):
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return list(value)
    raise ValueError('%s must be a string or a list of strings, got %s.' % (option, type(value).__name__))


class InventoryConfig:
    """get_option: the plugin's get_option (options already typed by Ansible's config manager)."""

    def __init__(self, get_option):
        self._options = dict((name, get_option(name)) for name in _QUERY_OPTIONS)
        self.url = self._url(get_option('api_url'))
        self.username = get_option('api_username')
        self.password = get_option('api_password')
        self.validate_certs = get_option('validate_certs')
        self.ca_path = get_option('ca_path')
        self.timeout = get_option('timeout')
        self.retries = get_option('retries')
        if self.timeout is None or self.timeout <= 0:
            raise ValueError('timeout must be a positive number of seconds, got %s.' % self.timeout)
        if self.retries is None or self.retries < 0:
            raise ValueError('retries must be 0 or more, got %s.' % self.retries)

        filters = get_option('filters') or {}
        unknown = sorted(set(filters) - set(FILTER_KEYS))
        if unknown:
            raise ValueError('filters: unknown key %s; the keys are %s.' % (', '.join(repr(key) for key in unknown), ', '.join(FILTER_KEYS)))
        self.parent = filters.get('parent') or None
        if self.parent is not None and not isinstance(self.parent, str):
            raise ValueError('filters.parent must be one reseller code or full name, got %r.' % (self.parent,))
        self.selection = Selection(
            statuses=_as_list(filters.get('status'), 'filters.status'),
            include_deprovisioned=get_option('include_deprovisioned'),
            name_patterns=_as_list(filters.get('name_pattern'), 'filters.name_pattern'),
            fullname_patterns=_as_list(filters.get('fullname_pattern'), 'filters.fullname_pattern'),
        )

        self.reseller_groups = get_option('reseller_groups')
        self.enrich = _as_list(get_option('enrich'), 'enrich')
        unknown = [kind for kind in self.enrich if kind not in ENRICHMENTS]
        if unknown:
            raise ValueError('enrich: unknown value %s; use %s.' % (', '.join(repr(kind) for kind in unknown), ' and/or '.join(ENRICHMENTS)))
        self.max_workers = get_option('max_workers')
        if self.max_workers is None or self.max_workers < 1:
            raise ValueError('max_workers must be 1 or more, got %s.' % self.max_workers)

    @staticmethod
    def _url(url):
        if not url:
            raise ValueError('api_url is required: set it in the inventory configuration or in the ATRIA_URL environment variable.')
        return normalize_url(str(url))

    @property
    def cleartext_to_remote_host(self):
        """True when the password would travel unencrypted to something other than this machine."""
        return self.url.lower().startswith('http://') and not _is_loopback(self.url)

    def new_client(self):
        """A CortexClient of its own (one requests session each: sessions are not shared between threads)."""
        if not self.username:
            raise ValueError('username is required: set it in the inventory configuration or in ATRIA_USERNAME.')
        password = self._password_text()
        if not password:
            raise ValueError('password is required: set it in the inventory configuration (it may be vault-encrypted) '
                             'or in ATRIA_PASSWORD.')
        return client_module.CortexClient(
            self.url, str(self.username), password, validate_certs=self.validate_certs, ca_path=self.ca_path,
            timeout=self.timeout, retries=self.retries)

    def _password_text(self):
        if self.password is None:
            return ''
        try:
            return str(self.password)  # decrypts a vault-encrypted value
        except AnsibleError as exc:
            raise ValueError('password could not be decrypted: %s %s' % (to_native(exc), VAULT_HINT))

    def fingerprint(self):
        """A short digest of the options that shape the query: a cached answer is reused only for the same query."""
        text = json.dumps([CACHE_FORMAT, self._options], sort_keys=True, default=str)
        return hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]
