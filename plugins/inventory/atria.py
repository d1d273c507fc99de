# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: atria
short_description: Atria customers (tenants) as inventory hosts
version_added: 0.1.0
author:
  - atria.cortex contributors (@atria-cortex)
description:
  - Makes every customer the API user can see (its own customer and the customers below it) an inventory host,
    from B(one) CortexAPI FIND request, however many customers there are.
  - "Customers are not machines: every host gets C(ansible_connection=local) (see O(ansible_connection)), so tasks
    run on the controller and talk to the CortexAPI, for example with M(atria.cortex.atria_customer_info)."
  - "Host variables, named like the options and results of the modules: C(code) (the customer code, which the
    modules call C(name) and M(atria.cortex.atria_customer_info) also accepts as C(code); a host variable C(name)
    would make Ansible warn about a reserved name on every run), C(id), C(fullname), C(primary_domain),
    C(billing_id), C(status), C(approval_pending); C(parent) (a dict with C(name) and C(fullname), with
    O(reseller_groups) only, absent for the API user's own customer); C(atria_users) and C(atria_services) (lists
    of dicts) with O(enrich)."
  - "Values read from the server are never evaluated as templates. A value that could hold one (it contains C({)
    or C(})) stays untrusted, and C(ansible-inventory --list) writes it as C({\"__ansible_unsafe\": ...}); every
    other value is written as a plain string, which is what AWX and other C(--list --export) consumers expect."
  - "Every host runs its tasks with the Python of C(ansible-playbook) (O(ansible_python_interpreter)), like the
    inventories of other API services: the modules need C(requests) and C(lxml), which that Python has."
  - "Groups: C(<group_prefix>customers) (every host), C(<group_prefix>status_<status>) by provisioning status
    (for example C(atria_status_provisioned), C(atria_status_notprovisioned)), with O(reseller_groups)
    C(<group_prefix>reseller_<code>) per reseller, and whatever O(groups) and O(keyed_groups) add."
  - The configuration file name must end with C(atria.yml) or C(atria.yaml).
  - Errors (unreachable server, refused credentials, a malformed configuration) fail the inventory source with a
    message naming the cause and the fix; the password never appears in it.
extends_documentation_fragment:
  - atria.cortex.atria.plugin
  - ansible.builtin.constructed
  - ansible.builtin.inventory_cache
requirements:
  - requests
  - lxml
options:
  plugin:
    description: The name of this plugin; it marks the file as this plugin's configuration.
    type: str
    required: true
    choices: [atria.cortex.atria]
  hostname_source:
    description:
      - Which customer value names the host. C(code) is the customer code (V(name) means the same, as in the
        modules); C(fullname) and C(id) are unique too.
    type: str
    choices: [code, name, fullname, id]
    default: code
  filters:
    description:
      - Which customers become hosts. Every key is optional; they combine.
      - "C(status): a provisioning status or a list of them (NotProvisioned, Requested, InProgress, Provisioned,
        Failed, Pending; any case). When set it alone decides by status, and O(include_deprovisioned) is ignored."
      - "C(parent): a reseller code or full name; only its B(direct) customers are listed. It is sent to the server
        as the FIND C(parent) filter, so it still costs one request."
      - "C(name_pattern) and C(fullname_pattern): a pattern or a list of patterns on the code and on the full name;
        a customer is kept when any pattern of the list matches. Patterns are shell-style (C(SC1*), C(*Demo?))
        or, with a leading C(~), Python regular expressions searched anywhere in the value (C(~^SC[0-9]+$)).
        Both ignore case, as the server does."
      - Apart from C(parent), filters are applied to the FIND answer on the controller and cost no request.
    type: dict
    default: {}
  include_deprovisioned:
    description:
      - Whether de-provisioned customers (status C(NotProvisioned), typically offboarded tenants) become hosts.
    type: bool
    default: false
  reseller_groups:
    description:
      - Add the reseller tree as nested groups. C(<group_prefix>reseller_<code>) holds the direct customers of the
        reseller as hosts and the groups of its sub-resellers as children, so targeting a reseller's group reaches
        every customer below it. The reseller itself is a host of its own parent's group.
      - Also sets the C(parent) host variable.
      - A FIND answer carries no parent, so this costs more requests, which grow with the number of resellers, not
        of customers. One GET C(<identity/>) finds the API user's customer, one FIND with the C(parent) filter
        lists its customers; then, for each reseller below it that has customers, one GET of one of them names
        the reseller and one FIND with the C(parent) filter lists them all. In total C(2 + 2 * R) requests
        for R such resellers, on top of the one FIND.
      - CPSM 10 has no C(<identity/>); there the option fails with a message naming the release (keep it V(false)).
    type: bool
    default: false
  enrich:
    description:
      - Details that FIND summaries lack, as host variables. C(users) sets C(atria_users) (the users of each
        customer, named like the results of M(atria.cortex.atria_user_info)); C(services) sets C(atria_services)
        (each service's C(name), C(fullname), C(location), C(status), C(approval_pending)).
      - Costs one request per host and kind, sent by at most O(max_workers) concurrent connections. Filter first
        to keep that small, and consider O(cache).
    type: list
    elements: str
    choices: [users, services]
    default: []
  max_workers:
    description: How many enrichment requests may run at the same time, each over a connection of its own.
    type: int
    default: 4
  group_prefix:
    description: Prefix of the group names this plugin creates itself (not of O(groups) or O(keyed_groups)).
    type: str
    default: atria_
  ansible_connection:
    description:
      - The C(ansible_connection) host variable of every host. C(local) runs the tasks of these hosts on the
        controller. Set to an empty string to set none; O(compose) can override it per host.
    type: str
    default: local
  ansible_python_interpreter:
    description:
      - The C(ansible_python_interpreter) host variable of every host, set when O(ansible_connection=local).
      - The default, V(ansible_playbook_python), sets it to C({{ ansible_playbook_python }}), so the tasks of these
        hosts run with the Python that runs C(ansible-playbook), which has the collection's requirements
        (C(requests), C(lxml)); the system C(/usr/bin/python3) usually has not, and the modules would fail with
        "Failed to import the required Python library (requests)". Any other value (a path) is set as it is.
      - Set to an empty string to set none (then Ansible discovers an interpreter); O(compose) can override it.
    type: str
    default: ansible_playbook_python
notes:
  - With O(cache) enabled, a cached answer is used while it is younger than O(cache_timeout) and the options that
    shape the query (O(api_url), O(api_username), O(filters), O(include_deprovisioned), O(reseller_groups), O(enrich)) are
    unchanged; then no request is sent. Use a persistent O(cache_plugin) such as C(ansible.builtin.jsonfile) for
    that to hold across runs; C(ansible-inventory --flush-cache) refreshes it.
  - Proxies come from the E(HTTPS_PROXY), E(HTTP_PROXY) and E(NO_PROXY) environment variables.
  - O(api_password) may be vault-encrypted in the configuration file (C(!vault |)). The API user sees its own
    customer and the customers below it.
seealso:
  - module: atria.cortex.atria_customer_info
"""

EXAMPLES = r"""
# One YAML document: each item of this list is the whole content of one inventory file (its name is in the
# comment above it). ansible-doc and yamllint read EXAMPLES as a single document, hence no '---' separators.

# atria.yml -- credentials from ATRIA_URL, ATRIA_USERNAME and ATRIA_PASSWORD
- plugin: atria.cortex.atria

# reseller_atria.yml -- the reseller tree, provisioned customers only, cached for an hour
- plugin: atria.cortex.atria
  api_url: https://atria.example.com/CortexAPI/Default.aspx
  api_username: api_Gsp
  api_password: !vault |
    $ANSIBLE_VAULT;1.1;AES256
    ...
  filters:
    status: Provisioned
  reseller_groups: true
  cache: true
  cache_plugin: ansible.builtin.jsonfile
  cache_connection: ~/.cache/atria-inventory
  cache_timeout: 3600

# shop_atria.yaml -- customers whose code starts with SHOP, named by full name, with their users
- plugin: atria.cortex.atria
  hostname_source: fullname
  filters:
    name_pattern: SHOP*
  enrich: [users]
  max_workers: 8
  keyed_groups:
    - key: primary_domain.split('.')[-1]
      prefix: tld
  compose:
    user_count: atria_users | length
  groups:
    big_customers: atria_users | length > 100
"""

from ansible.errors import AnsibleError, AnsibleParserError
from ansible.module_utils.common.text.converters import to_native
from ansible.parsing.vault import AnsibleVaultError
from ansible.plugins.inventory import BaseInventoryPlugin, Cacheable, Constructable

from ansible_collections.atria.cortex.plugins.module_utils.api import client as client_module
from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.status import status_key
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CortexError
from ansible_collections.atria.cortex.plugins.plugin_utils.inventory.collect import collect
from ansible_collections.atria.cortex.plugins.plugin_utils.inventory.config import VAULT_HINT, InventoryConfig
from ansible_collections.atria.cortex.plugins.plugin_utils.inventory.trust import host_value, trusted

CONFIG_SUFFIXES = ('atria.yml', 'atria.yaml')
# ansible_python_interpreter: the Python of ansible-playbook, as the inventories of other API services set it.
PLAYBOOK_PYTHON = 'ansible_playbook_python'
# hostname_source -> host variable; name is accepted because that is what the modules call the code.
_HOSTNAME_VARIABLES = {'name': 'code'}
# Tell the user which environment variable a missing connection option can come from.
_ENV_HINTS = {'api_url': 'ATRIA_URL', 'api_username': 'ATRIA_USERNAME', 'api_password': 'ATRIA_PASSWORD'}


class InventoryModule(BaseInventoryPlugin, Constructable, Cacheable):

    NAME = 'atria.cortex.atria'

    def verify_file(self, path):
        return super(InventoryModule, self).verify_file(path) and path.endswith(CONFIG_SUFFIXES)

    def parse(self, inventory, loader, path, cache=True):
        super(InventoryModule, self).parse(inventory, loader, path, cache=cache)
        self._check_libraries()
        self._read_options(path)
        try:
            config = InventoryConfig(self.get_option)
        except ValueError as exc:
            raise AnsibleParserError('atria inventory %s: %s' % (path, to_native(exc)))
        if config.cleartext_to_remote_host:
            self.display.warning('atria inventory %s: api_url uses http://, the password travels unencrypted. '
                                 'Use https:// for anything but a local test server.' % path)
        data = self._data(config, path, cache)
        self._populate(data)

    # ---------------------------------------------------------------- options

    @staticmethod
    def _check_libraries():
        for available, library in ((client_module.HAS_REQUESTS, 'requests'), (xml_codec.HAS_LXML, 'lxml')):
            if not available:
                raise AnsibleError('The atria.cortex.atria inventory needs the Python library %s on the controller: '
                                   'pip install %s' % (library, library))

    def _read_options(self, path):
        try:
            self._read_config_data(path)
        except AnsibleParserError:
            raise
        except AnsibleError as exc:
            message = to_native(exc)
            missing = [option for option in _ENV_HINTS if "'%s'" % option in message and 'not provided' in message]
            if missing:
                message += ' Set it in %s or in the %s environment variable.' % (path, _ENV_HINTS[missing[0]])
            if isinstance(exc, AnsibleVaultError):
                message += ' ' + VAULT_HINT
            raise AnsibleParserError('atria inventory %s: %s' % (path, message))

    # ---------------------------------------------------------------- data (server or cache)

    def _data(self, config, path, cache):
        """What collect() returns: from the cache when enabled and fresh, else from the server (then cached)."""
        use_cache = self.get_option('cache')
        cache_key = '%s_%s' % (self.get_cache_key(path), config.fingerprint())
        if use_cache and cache:
            try:
                data = self._cache[cache_key]
            except KeyError:
                data = None  # nothing cached yet, or expired
            if isinstance(data, dict) and 'customers' in data:
                self.display.vv('atria inventory %s: %d customers from the cache' % (path, len(data['customers'])))
                return data
        try:
            data = collect(config)
        except (CortexError, ValueError, AnsibleError) as exc:
            # ValueError: a missing username or password; AnsibleError: e.g. a password vault secret missing
            raise AnsibleParserError('atria inventory %s: %s' % (path, to_native(exc)))
        self.display.vv('atria inventory %s: %d customers from %d requests' % (path, len(data['customers']), data['requests']))
        if use_cache:
            self._cache[cache_key] = data
        return data

    # ---------------------------------------------------------------- inventory

    def _populate(self, data):
        prefix = self.get_option('group_prefix') or ''
        hostname_source = self.get_option('hostname_source')
        connection = self.get_option('ansible_connection')
        # Trusted: it is the plugin's own option, and meant to be templated ({{ ansible_playbook_python }}).
        interpreter = self.get_option('ansible_python_interpreter') if connection == 'local' else None
        if interpreter == PLAYBOOK_PYTHON:
            interpreter = trusted('{{ ansible_playbook_python }}')
        strict = self.get_option('strict')
        compose, groups, keyed_groups = self.get_option('compose'), self.get_option('groups'), self.get_option('keyed_groups')
        everyone = self.inventory.add_group(self._sanitize_group_name(prefix + 'customers'))
        status_groups = {}
        tree = None
        if self.get_option('reseller_groups'):
            tree = ResellerGroups(self.inventory, self._sanitize_group_name, prefix, data['resellers'])

        for record in data['customers']:
            hostname = record.get(_HOSTNAME_VARIABLES.get(hostname_source, hostname_source))
            if not hostname:
                self.display.warning('atria inventory: customer %r has no %s; it is left out.' % (record.get('code'), hostname_source))
                continue
            host = self.inventory.add_host(str(hostname), group=everyone)
            hostvars = dict((name, host_value(value)) for name, value in record.items())
            if connection:
                hostvars['ansible_connection'] = connection
            if interpreter:
                hostvars['ansible_python_interpreter'] = interpreter
            for name, value in hostvars.items():
                self.inventory.set_variable(host, name, value)
            status = record.get('status')
            if status not in status_groups:
                group = self._sanitize_group_name('%sstatus_%s' % (prefix, status_key(status) or 'unknown'))
                status_groups[status] = self.inventory.add_group(group)
            self.inventory.add_child(status_groups[status], host)
            if tree is not None:
                tree.add(host, record)
            self._set_composite_vars(compose, hostvars, host, strict=strict)
            self._add_host_to_composed_groups(groups, hostvars, host, strict=strict)
            self._add_host_to_keyed_groups(keyed_groups, hostvars, host, strict=strict)


class ResellerGroups:
    """The nested reseller groups: each host joins its parent's group; each reseller's group is a child of its own
    parent's group when that is known. ``resellers``: {reseller code: its parent's code or None}.
    """

    def __init__(self, inventory, sanitize, prefix, resellers):
        self.inventory = inventory
        self.sanitize = sanitize
        self.prefix = prefix
        self.parent_of = dict((code.casefold(), parent) for code, parent in resellers.items())
        self.linked = set()

    def group(self, code):
        name = self.inventory.add_group(self.sanitize('%sreseller_%s' % (self.prefix, code.lower())))
        key = code.casefold()
        if key not in self.linked:
            self.linked.add(key)  # before recursing: each reseller is linked once
            grandparent = self.parent_of.get(key)
            if grandparent:
                self.inventory.add_child(self.group(grandparent), name)
        return name

    def add(self, host, record):
        parent = record.get('parent')
        if parent and parent.get('name'):
            self.inventory.add_child(self.group(parent['name']), host)
