# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The rows written to a file: formats, atomic write, changed only on a difference, check mode, mode."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import grp
import json
import os
import pwd
import stat

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.api.errors import InvalidValueError
from ansible_collections.atria.cortex.plugins.module_utils.entities.report import output
from ansible_collections.atria.cortex.plugins.module_utils.entities.report.output import FileWriteError, parse_mode, render, write

COLUMNS = [{'name': 'CustomerID', 'type': 'int'}, {'name': 'Name', 'type': 'nvarchar'}, {'name': 'Active', 'type': 'bit'},
           {'name': 'ParentID', 'type': 'int'}]
ROWS = [{'CustomerID': 1, 'Name': 'Gsp, "the provider"', 'Active': True, 'ParentID': None},
        {'CustomerID': 23, 'Name': 'DA\tx', 'Active': False, 'ParentID': 1}]


def test_file_format_by_option_or_extension():
    assert output.file_format('/x/r.txt', 'json') == 'json'
    assert [output.file_format('/x/r' + ext) for ext in ('.csv', '.CSV', '.tsv', '.tab', '.json')] == ['csv', 'csv', 'tsv', 'tsv', 'json']
    with pytest.raises(InvalidValueError, match='set dest_format'):
        output.file_format('/x/r.txt')
    with pytest.raises(InvalidValueError):
        output.file_format('/x/r.csv', 'xlsx')


@pytest.mark.parametrize('mode, value', [(None, None), (0o644, 0o644), (420, 0o644), ('0644', 0o644), ('644', 0o644),
                                         ('0o600', 0o600), ('2755', 0o2755)])
def test_parse_mode(mode, value):
    assert parse_mode(mode) == value


@pytest.mark.parametrize('mode', ['u=rw', '0999', True, 0o17777, ''])
def test_parse_mode_refuses(mode):
    with pytest.raises(InvalidValueError):
        parse_mode(mode)


def test_render_formats():
    assert render(COLUMNS, ROWS, 'csv').decode() == (
        'CustomerID,Name,Active,ParentID\n1,"Gsp, ""the provider""",True,\n23,DA\tx,False,1\n')
    assert render(COLUMNS, ROWS, 'tsv').decode() == (
        'CustomerID\tName\tActive\tParentID\n1\tGsp, "the provider"\tTrue\t\n23\t"DA\tx"\tFalse\t1\n'.replace(
            'Gsp, "the provider"', '"Gsp, ""the provider"""'))
    assert json.loads(render(COLUMNS, ROWS, 'json').decode()) == ROWS
    assert render(COLUMNS, [], 'csv') == b'CustomerID,Name,Active,ParentID\n'
    assert render(COLUMNS, [], 'json') == b'[]\n'


def test_write_creates_then_leaves_an_equal_file_alone(tmp_path):
    dest = str(tmp_path / 'r.csv')
    assert write(dest, b'a\n', check_mode=True) == {'changed': True, 'created': True, 'dest': dest}
    assert not os.path.exists(dest)
    assert write(dest, b'a\n') == {'changed': True, 'created': True, 'dest': dest}
    assert open(dest, 'rb').read() == b'a\n'
    before = os.stat(dest)
    assert write(dest, b'a\n') == {'changed': False, 'created': False, 'dest': dest}
    assert os.stat(dest).st_mtime_ns == before.st_mtime_ns and os.stat(dest).st_ino == before.st_ino
    assert write(dest, b'b\n', check_mode=True)['changed'] is True
    assert open(dest, 'rb').read() == b'a\n'
    assert write(dest, b'b\n') == {'changed': True, 'created': False, 'dest': dest}
    assert open(dest, 'rb').read() == b'b\n'
    assert sorted(os.listdir(str(tmp_path))) == ['r.csv']       # no temporary file left behind


def test_new_files_follow_the_umask_existing_ones_keep_their_mode(tmp_path):
    dest = str(tmp_path / 'r.json')
    old = os.umask(0o027)
    try:
        write(dest, b'1')
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(dest).st_mode) == 0o640
    os.chmod(dest, 0o600)
    write(dest, b'2')
    assert stat.S_IMODE(os.stat(dest).st_mode) == 0o600


def test_a_mode_change_alone_is_a_change(tmp_path):
    dest = str(tmp_path / 'r.tsv')
    write(dest, b'1', mode=0o644)
    assert stat.S_IMODE(os.stat(dest).st_mode) == 0o644
    assert write(dest, b'1', mode=0o644)['changed'] is False
    assert write(dest, b'1', mode=0o600, check_mode=True)['changed'] is True
    assert stat.S_IMODE(os.stat(dest).st_mode) == 0o644
    assert write(dest, b'1', mode=0o600)['changed'] is True
    assert stat.S_IMODE(os.stat(dest).st_mode) == 0o600


def test_unwritable_destinations_say_why(tmp_path):
    with pytest.raises(FileWriteError, match='does not exist'):
        write(str(tmp_path / 'missing' / 'r.csv'), b'1')
    with pytest.raises(FileWriteError, match='is a directory'):
        write(str(tmp_path), b'1')


def test_owner_and_group_by_name_or_number():
    user, group = pwd.getpwuid(os.getuid())[0], grp.getgrgid(os.getgid())[0]
    assert output.resolve_owner(user, group) == (os.getuid(), os.getgid())
    assert output.resolve_owner(str(os.getuid()), None) == (os.getuid(), None)
    assert output.resolve_owner() == (None, None)
    with pytest.raises(InvalidValueError, match="owner 'no-such-user-here' does not exist"):
        output.resolve_owner('no-such-user-here')
    with pytest.raises(InvalidValueError, match="group 'no-such-group-here' does not exist"):
        output.resolve_owner(None, 'no-such-group-here')


def test_owner_and_group_already_right_change_nothing_and_a_mode_is_fixed_in_place(tmp_path):
    dest = str(tmp_path / 'r.csv')
    write(dest, b'1', mode=0o644, uid=os.getuid(), gid=os.getgid())
    before = os.stat(dest)
    assert (before.st_uid, before.st_gid) == (os.getuid(), os.getgid())
    assert write(dest, b'1', uid=os.getuid(), gid=os.getgid())['changed'] is False
    assert write(dest, b'1', mode=0o600)['changed'] is True
    after = os.stat(dest)
    assert after.st_ino == before.st_ino and stat.S_IMODE(after.st_mode) == 0o600     # not rewritten


def test_an_owner_that_cannot_be_given_fails_and_leaves_no_file(tmp_path, monkeypatch):
    dest = str(tmp_path / 'r.csv')

    def refuse(path, uid, gid):
        raise OSError(1, 'Operation not permitted')

    monkeypatch.setattr(os, 'chown', refuse)
    with pytest.raises(FileWriteError, match="Could not write dest '.*r.csv': .*Operation not permitted"):
        write(dest, b'1', uid=12345)
    assert os.listdir(str(tmp_path)) == []
    # an existing file's owner is only kept where possible: the content is still written
    monkeypatch.undo()
    write(dest, b'1')
    monkeypatch.setattr(os, 'chown', refuse)
    assert write(dest, b'2')['changed'] is True
    assert open(dest, 'rb').read() == b'2'
