# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Server values as host variables: never evaluated as templates, and plain where they cannot be one.

A customer named ``{{ lookup('pipe', 'id') }}`` must never be rendered. ansible-core 2.19 and later trust nothing
an inventory plugin sets unless it is tagged TrustedAsTemplate, and ``ansible-inventory --list`` (the legacy format
AWX imports, with or without ``--export``) writes every untrusted string as ``{"__ansible_unsafe": "..."}`` - which
AWX then stores as a dictionary (community.general#8212 is the same trap with the older ``wrap_var``). Ansible's
own file-based inventories print plain strings because their loader trusts them.

So, as the community inventory plugins do (``make_unsafe``, which wraps only strings with ``{`` or ``}``): a string
without ``{`` and ``}`` cannot hold a template, so it is marked trusted (2.19+) or left as it is (older cores) and
prints plain; a string that could hold one stays untrusted (2.19+) or is wrapped unsafe (older cores), so it is
never rendered, and ``--list`` shows it as ``__ansible_unsafe``, which ansible-core reads back as untrusted.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible import template as ansible_template
from ansible.utils.unsafe_proxy import wrap_var

_TEMPLATE_CHARACTERS = re.compile(u'[{}]')
# ansible-core 2.19 and later: trust is a tag on the string; older cores trust everything not wrapped unsafe.
_TRUST_AWARE_CORE = hasattr(ansible_template, 'trust_as_template')


def host_value(value):
    """``value`` (from the server) ready for ``inventory.set_variable``: plain unless it could be a template."""
    if isinstance(value, dict):
        return dict((key, host_value(item)) for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return [host_value(item) for item in value]
    if not isinstance(value, str):
        return value
    if _TEMPLATE_CHARACTERS.search(value):
        return value if _TRUST_AWARE_CORE else wrap_var(value)
    return ansible_template.trust_as_template(value) if _TRUST_AWARE_CORE else value


def trusted(value):
    """A value of the plugin's own configuration that is meant to be templated (``{{ ansible_playbook_python }}``)."""
    if _TRUST_AWARE_CORE and isinstance(value, str):
        return ansible_template.trust_as_template(value)
    return value
