# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Every Appendix A code is named once, in api/errors.py, and code elsewhere uses the names, never the numbers."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ast
import os
import re

from ansible_collections.atria.cortex.plugins.module_utils.api import errors

PLUGINS = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', '..', 'plugins'))
ERRORS_PY = os.path.join('module_utils', 'api', 'errors.py')


def constant_name(row_name):
    """'CustomerNotFound' -> 'CUSTOMER_NOT_FOUND' (HMCNotValid -> HMC_NOT_VALID)."""
    return re.sub(r'(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])', '_', row_name).upper()


def test_every_appendix_a_row_has_its_constant():
    for code, row in errors.APPENDIX_A.items():
        assert getattr(errors, constant_name(row.name)) == code, row.name
    assert sorted(errors.APPENDIX_A) == list(range(39))


def _numbers(node):
    """Integer literals of a node: 16, or the items of (15, 16)."""
    items = node.elts if isinstance(node, (ast.Tuple, ast.List, ast.Set)) else [node]
    return [item.value for item in items if isinstance(item, ast.Constant) and isinstance(item.value, int) and not isinstance(item.value, bool)]


def code_numbers(path):
    """(line, what) where a file spells an error code as a number: a constant named like one of errors.py's,
    missing_codes=(16,), ``error.code == 10`` / ``code in (11, 12)``."""
    names = set(constant_name(row.name) for row in errors.APPENDIX_A.values())
    with open(path, encoding='utf-8') as handle:
        tree = ast.parse(handle.read(), path)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and _numbers(node.value):
            targets = [target.id for target in node.targets if isinstance(target, ast.Name)]
            found.extend((node.lineno, target) for target in targets if target in names or target.endswith('_CODES'))
        elif isinstance(node, ast.keyword) and node.arg == 'missing_codes' and _numbers(node.value):
            found.append((node.value.lineno, 'missing_codes'))
        elif isinstance(node, ast.Compare):
            sides = [node.left] + node.comparators
            if any(isinstance(side, ast.Attribute) and side.attr == 'code' for side in sides) and any(_numbers(side) for side in sides):
                found.append((node.lineno, 'code compared with a number'))
    return sorted(found)


def test_no_error_code_is_spelled_as_a_number_outside_errors_py():
    found = []
    for folder, _dirs, files in os.walk(PLUGINS):
        for name in files:
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, PLUGINS)
            if name.endswith('.py') and relative != ERRORS_PY:
                found.extend('%s:%d: %s' % (relative, line, what) for line, what in code_numbers(path))
    assert not found, '\n'.join(found)


def test_the_scan_finds_the_spellings_it_forbids(tmp_path):
    sample = tmp_path / 'sample.py'
    sample.write_text(
        'USER_NOT_FOUND = 16\nNO_CHILDREN_CODES = (15, 16)\nR = Resource(missing_codes=(34,))\nif error.code != 18:\n    pass\nLIMIT = 5\n', encoding='utf-8'
    )
    assert [what for _line, what in code_numbers(str(sample))] == ['USER_NOT_FOUND', 'NO_CHILDREN_CODES', 'missing_codes', 'code compared with a number']
