# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""``patch_module_args``: the arguments AnsibleModule parses in a unit test, on every supported ansible-core.

ansible-core 2.19 ships it as ansible.module_utils.testing; older cores read them from basic._ANSIBLE_ARGS.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
from contextlib import contextmanager

try:
    from ansible.module_utils.testing import patch_module_args  # noqa: F401  pylint: disable=unused-import
except ImportError:  # ansible-core < 2.19
    from ansible.module_utils import basic

    @contextmanager
    def patch_module_args(args=None):
        saved = basic._ANSIBLE_ARGS  # pylint: disable=protected-access
        basic._ANSIBLE_ARGS = json.dumps({'ANSIBLE_MODULE_ARGS': args or {}}).encode('utf-8')  # pylint: disable=protected-access
        try:
            yield
        finally:
            basic._ANSIBLE_ARGS = saved  # pylint: disable=protected-access
