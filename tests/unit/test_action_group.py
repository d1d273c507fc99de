# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""module_defaults for group/atria.cortex.atria reach a module only if meta/runtime.yml lists it."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def modules_on_disk():
    folder = os.path.join(ROOT, 'plugins', 'modules')
    return sorted(name[:-3] for name in os.listdir(folder) if name.endswith('.py') and not name.startswith('_'))


def test_the_atria_action_group_lists_exactly_the_modules():
    with open(os.path.join(ROOT, 'meta', 'runtime.yml'), encoding='utf-8') as handle:
        runtime = yaml.safe_load(handle)
    assert sorted(runtime['action_groups']['atria']) == modules_on_disk()


def test_every_module_documents_its_action_group_membership():
    for name in modules_on_disk():
        with open(os.path.join(ROOT, 'plugins', 'modules', name + '.py'), encoding='utf-8') as handle:
            source = handle.read()
        assert 'atria.cortex.atria.attributes' in source or 'atria.cortex.atria.info_module' in source, name
