# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""docs/architecture.md shows the import graph as scripts/import_graph.py draws it from the source today."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRIPT = os.path.join(REPO, 'scripts', 'import_graph.py')
DOC = os.path.join(REPO, 'docs', 'architecture.md')


def check_doc(path):
    return subprocess.run([sys.executable, SCRIPT, '--check-doc', path], capture_output=True, text=True, check=False)


def test_the_architecture_doc_shows_the_current_import_graph():
    result = check_doc(DOC)
    assert result.returncode == 0, result.stderr


def test_a_stale_diagram_is_reported_and_write_regenerates_it(tmp_path):
    with open(DOC, encoding='utf-8') as handle:
        text = handle.read()
    stale = tmp_path / 'architecture.md'
    stale.write_text(text.replace(' --> module_utils_api\n', ' --> module_utils_engine\n', 1), encoding='utf-8')
    result = check_doc(str(stale))
    assert result.returncode == 1 and 'import graph is stale' in result.stderr
    subprocess.run([sys.executable, SCRIPT, '--write', str(stale)], check=True)
    assert stale.read_text(encoding='utf-8') == text
    assert check_doc(str(stale)).returncode == 0
