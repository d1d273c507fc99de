# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""RETURN entries several modules share are written once, in scripts/return_blocks.py, and copied by it."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import importlib.util
import os
import shutil

import yaml

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SPEC = importlib.util.spec_from_file_location('return_blocks', os.path.join(REPO, 'scripts', 'return_blocks.py'))
return_blocks = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(return_blocks)


def return_of(path):
    with open(path, encoding='utf-8') as handle:
        source = handle.read()
    start = source.index('RETURN = r"""') + len('RETURN = r"""')
    return yaml.safe_load(source[start:source.index('"""', start)])


def test_every_marked_block_is_the_scripts_text():
    assert return_blocks.main(['--check']) == 0


def test_each_shared_block_serves_several_modules_and_parses_as_their_return_entries():
    users = return_blocks.users()
    for name, text in return_blocks.BLOCKS.items():
        holders = [module for module, blocks in users.items() if name in blocks]
        assert len(holders) >= 2, (name, holders)
        entries = yaml.safe_load(text)
        for module in holders:
            documented = return_of(os.path.join(return_blocks.MODULES, module))
            assert dict((key, documented[key]) for key in entries) == entries, module


def test_an_edit_made_in_one_module_only_is_reported_and_write_restores_the_block(tmp_path, capsys):
    module = sorted(return_blocks.users())[0]
    copy = tmp_path / module
    shutil.copy(os.path.join(return_blocks.MODULES, module), str(copy))
    original = copy.read_text(encoding='utf-8')
    copy.write_text(original.replace('True when the server holds', 'True if the server holds', 1), encoding='utf-8')
    assert return_blocks.main(['--check'], directory=str(tmp_path)) == 1
    assert module in capsys.readouterr().err
    assert return_blocks.main(['--write'], directory=str(tmp_path)) == 0
    assert copy.read_text(encoding='utf-8') == original
