"""Write the intersphinx inventory of the Ansible documentation that `make docs` needs, without a network.

    python scripts/docs_offline_inventory.py OUTPUT.inv

The pages antsibull-docs generates link to the Ansible documentation: `common_return_values`, `callback_plugins`,
`ansible_configuration_settings`, ... and the core configuration's environment variables (E(ANSIBLE_CACHE_PLUGIN)
of a Cacheable inventory, say). A normal build downloads docs.ansible.com's objects.inv for them; this machine and
CI cannot, so this writes a small inventory with the same targets and the same addresses on docs.ansible.com:
the links in the built site are the real ones. The environment variables come from the ansible-core that runs
this script (its config/base.yml), so they follow the pinned core.
"""

from __future__ import annotations

import os
import sys
import zlib

import yaml
from ansible import config as ansible_config

BASE = 'https://docs.ansible.com/projects/ansible/devel/'
CONFIG_PAGE = 'reference_appendices/config.html'
# Labels the antsibull-docs templates and our M(...) references refer to: label -> (page#anchor, title).
LABELS = {
    'action_plugins': ('plugins/action.html#action-plugins', 'Action plugins'),
    'ansible_collections.ansible.builtin.copy_module': (
        'collections/ansible/builtin/copy_module.html#ansible-collections-ansible-builtin-copy-module',
        'ansible.builtin.copy module - Copy files to remote locations'),
    'ansible_configuration_settings': (CONFIG_PAGE + '#ansible-configuration-settings', 'Ansible Configuration Settings'),
    'callback_plugins': ('plugins/callback.html#callback-plugins', 'Callback plugins'),
    'collections_keyword': ('collections_guide/collections_using_playbooks.html#collections-keyword',
                            'Simplifying module names with the collections keyword'),
    'common_return_values': ('reference_appendices/common_return_values.html#common-return-values',
                             'Return Values'),
    'inventory_plugins': ('plugins/inventory.html#inventory-plugins', 'Inventory plugins'),
    'list_of_callback_plugins': ('collections/index_callback.html#list-of-callback-plugins', 'Index of all Callback Plugins'),
    'list_of_collections': ('collections/index.html#list-of-collections', 'Collection Index'),
    'module_defaults': ('playbook_guide/playbooks_module_defaults.html#module-defaults', 'Module defaults'),
    'playbooks_checkmode': ('playbook_guide/playbooks_checkmode.html#check-mode-dry', 'Validating tasks: check mode and diff mode'),
}


def core_environment_variables():
    path = os.path.join(os.path.dirname(ansible_config.__file__), 'base.yml')
    with open(path, encoding='utf-8') as handle:
        settings = yaml.safe_load(handle)
    names = set()
    for setting in settings.values():
        for entry in (setting or {}).get('env') or []:
            if entry.get('name'):
                names.add(entry['name'])
    return sorted(names)


def main(argv):
    if len(argv) != 1:
        sys.stderr.write(__doc__)
        return 2
    lines = ['%s std:label -1 %s %s' % (name, uri, title) for name, (uri, title) in sorted(LABELS.items())]
    lines += ['%s std:envvar 1 %s#envvar-$ -' % (name, CONFIG_PAGE) for name in core_environment_variables()]
    header = ('# Sphinx inventory version 2\n# Project: Ansible\n# Version: devel\n'
              '# The remainder of this file is compressed using zlib.\n')
    with open(argv[0], 'wb') as handle:
        handle.write(header.encode('utf-8'))
        handle.write(zlib.compress(('\n'.join(lines) + '\n').encode('utf-8')))
    print('docs_offline_inventory: %d labels, %d environment variables -> %s' % (len(LABELS), len(lines) - len(LABELS),
                                                                                 argv[0]))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
