# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The argument spec each module really builds, read by running its main() until AnsibleModule is constructed.

No module needs to expose its spec for this: a module added tomorrow is covered by the secret tests as it is.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import importlib
from unittest import mock

from tests.reliability.inprocess import PACKAGE, all_modules

from ansible.module_utils import basic  # noqa: E402  pylint: disable=wrong-import-order


class _Captured(Exception):
    def __init__(self, spec):
        super(_Captured, self).__init__('argument spec captured')
        self.spec = spec


def argument_spec(module_name):
    def capture(_self, argument_spec=None, **_kwargs):
        raise _Captured(argument_spec)

    module = importlib.import_module(PACKAGE + module_name)
    with mock.patch.object(basic.AnsibleModule, '__init__', capture):
        try:
            module.main()
        except _Captured as captured:
            return captured.spec
    raise AssertionError('%s.main() never built an AnsibleModule' % module_name)


def no_log_paths(spec, prefix=()):
    """Paths of every no_log option, suboptions included: ('password',), ('users', 'password'), ..."""
    paths = []
    for name, option in sorted((spec or {}).items()):
        if option.get('no_log'):
            paths.append(prefix + (name,))
        paths.extend(no_log_paths(option.get('options'), prefix + (name,)))
    return paths


def secret_options():
    """{module: [path, ...]} for every module in plugins/modules."""
    return dict((name, no_log_paths(argument_spec(name))) for name in all_modules())
