# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The folder layout keeps its promises: layers point one way, no cycles, no prefix-named families of files."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import collections
import os
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODULE_UTILS = os.path.join(REPO, 'plugins', 'module_utils')


def test_imports_follow_the_layers_without_cycles():
    script = os.path.join(REPO, 'scripts', 'import_graph.py')
    result = subprocess.run([sys.executable, script, '--check'], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_module_utils_has_few_loose_files():
    loose = [name for name in os.listdir(MODULE_UTILS) if name.endswith('.py')]
    assert len(loose) <= 8, loose


def test_no_folder_holds_a_prefix_named_family_of_files():
    families = []
    for folder in (os.path.join(REPO, 'plugins'), os.path.join(REPO, 'tests', 'simulator')):
        for path, _dirs, files in os.walk(folder):
            prefixes = collections.Counter(name.split('_')[0] for name in files
                                           if name.endswith('.py') and '_' in name and not name.startswith(('test_', '__', 'atria_')))
            families.extend('%s/%s_*' % (os.path.relpath(path, REPO), prefix) for prefix, count in prefixes.items() if count > 1)
    assert not families


def test_every_module_utils_file_has_a_test_file_in_the_mirrored_folder():
    missing = []
    for path, _dirs, files in os.walk(MODULE_UTILS):
        relative = os.path.relpath(path, os.path.join(REPO, 'plugins'))
        for name in files:
            if name.endswith('.py') and name != '__init__.py':
                test = os.path.join(REPO, 'tests', 'unit', 'plugins', relative, 'test_' + name)
                if not os.path.exists(test):
                    missing.append(os.path.relpath(test, REPO))
    assert not missing, '\n'.join(sorted(missing))
