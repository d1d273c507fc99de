# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Every module has its action plugin, and each is the shared base and nothing else."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import importlib
import os

import pytest

from ansible_collections.atria.cortex.plugins.plugin_utils.action.base import AtriaAction

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))))
MODULES = sorted(name[:-3] for name in os.listdir(os.path.join(ROOT, 'plugins', 'modules')) if name.startswith('atria_'))
ACTIONS = sorted(name[:-3] for name in os.listdir(os.path.join(ROOT, 'plugins', 'action')) if name.startswith('atria_'))


def test_every_module_has_an_action_plugin_and_no_action_is_orphaned():
    assert ACTIONS == MODULES


@pytest.mark.parametrize('name', MODULES)
def test_the_action_is_the_shared_base(name):
    plugin = importlib.import_module('ansible_collections.atria.cortex.plugins.action.' + name)
    assert issubclass(plugin.ActionModule, AtriaAction)
    assert [attribute for attribute in vars(plugin.ActionModule) if not attribute.startswith('_')] == []


@pytest.mark.parametrize('name', MODULES)
def test_every_module_starts_its_task_through_the_runner(name):
    """The in-process path replaces what start_task returns; a module building AnsibleModule itself would bypass it."""
    with open(os.path.join(ROOT, 'plugins', 'modules', name + '.py'), encoding='utf-8') as handle:
        source = handle.read()
    assert 'start_task(' in source and 'AnsibleModule(' not in source
