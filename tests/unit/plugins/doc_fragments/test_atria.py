# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The connection options are written once: the modules' fragment; the plugins' form (env:) is made from it."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import importlib.util
import os

import yaml

from ansible_collections.atria.cortex.plugins.doc_fragments.atria import ModuleDocFragment
from ansible_collections.atria.cortex.plugins.inventory import atria as inventory
from ansible_collections.atria.cortex.plugins.module_utils.engine.connection import connection_argument_spec

MODULE_OPTIONS = yaml.safe_load(ModuleDocFragment.DOCUMENTATION)['options']
PLUGIN_OPTIONS = yaml.safe_load(ModuleDocFragment.PLUGIN)['options']
SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'scripts', 'plugin_fragment.py')
CONNECTION = ('api_url', 'api_username', 'api_password', 'validate_certs', 'ca_path', 'timeout', 'retries')


def test_plugins_get_the_seven_connection_options_with_the_modules_types_defaults_and_env_fallbacks():
    spec = connection_argument_spec()
    assert list(PLUGIN_OPTIONS) == list(CONNECTION)
    for name in CONNECTION:
        option = PLUGIN_OPTIONS[name]
        assert option['type'] == MODULE_OPTIONS[name]['type'] == spec[name]['type']
        assert option.get('default') == MODULE_OPTIONS[name].get('default') == spec[name].get('default')
        fallback = spec[name].get('fallback')
        assert [entry['name'] for entry in option.get('env', [])] == (list(fallback[1]) if fallback else []), name


def test_the_plugin_text_is_the_module_text_without_the_module_only_sentences():
    for name in CONNECTION:
        module_lines = MODULE_OPTIONS[name]['description']
        kept = [line for line in module_lines if not line.startswith(('If not set, the value of', 'Required, as a task option'))]
        assert PLUGIN_OPTIONS[name]['description'] == kept
    # The credentials are required of a plugin configuration (or its environment).
    assert [name for name in CONNECTION if PLUGIN_OPTIONS[name].get('required')] == ['api_url', 'api_username', 'api_password']


def test_the_inventory_documents_no_connection_option_itself():
    doc = yaml.safe_load(inventory.DOCUMENTATION)
    assert 'atria.cortex.atria.plugin' in doc['extends_documentation_fragment']
    assert not set(CONNECTION) & set(doc['options'])


def _script():
    spec = importlib.util.spec_from_file_location('plugin_fragment', SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_plugin_is_what_scripts_plugin_fragment_makes_of_documentation():
    script = _script()
    with open(script.FRAGMENT, encoding='utf-8') as handle:
        source = handle.read()
    assert script.render(source) == source, 'run python scripts/plugin_fragment.py --write'


def test_a_documentation_change_alone_makes_plugin_stale():
    script = _script()
    with open(script.FRAGMENT, encoding='utf-8') as handle:
        source = handle.read()
    edited = source.replace('Seconds to wait for the server to answer one HTTP request.', 'Seconds to wait for an answer.', 1)
    assert edited != source
    regenerated = script.render(edited)
    assert regenerated != edited and 'Seconds to wait for an answer.' in script.fragment_strings(regenerated)['PLUGIN'][0]
