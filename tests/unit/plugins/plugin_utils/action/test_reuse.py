# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""One memo per task and connection settings: the loop's items share it, the next task starts empty."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.engine.connection import SESSION_KEY
from ansible_collections.atria.cortex.plugins.plugin_utils.action import reuse

PARAMS = dict(api_url='https://a/CortexAPI/Default.aspx', api_username='u', api_password='pw-1', validate_certs=True,
              ca_path=None, timeout=30, retries=3, name='item-1')


class Session:
    closed = False

    def close(self):
        self.closed = True


@pytest.fixture(autouse=True)
def clean():
    reuse.forget()
    yield
    reuse.forget()


def test_items_of_one_task_share_the_memo_whatever_their_other_options():
    first = reuse.memo_for('task-1', PARAMS)
    first['x'] = 1
    assert reuse.memo_for('task-1', dict(PARAMS, name='item-2')) is first


@pytest.mark.parametrize('option, value', [('api_url', 'https://b'), ('api_username', 'v'), ('api_password', 'pw-2'),
                                           ('validate_certs', False), ('ca_path', '/ca.pem'), ('timeout', 5), ('retries', 0)])
def test_other_connection_settings_get_their_own_memo(option, value):
    assert reuse.memo_for('task-1', dict(PARAMS, **{option: value})) is not reuse.memo_for('task-1', PARAMS)


def test_a_new_task_starts_empty_and_closes_the_previous_sessions():
    session = Session()
    reuse.memo_for('task-1', PARAMS)[SESSION_KEY] = session
    assert reuse.memo_for('task-2', PARAMS) == {}
    assert session.closed


def test_the_key_never_holds_the_password():
    assert 'pw-1' not in reuse.connection_key(PARAMS)
    assert reuse.connection_key(PARAMS) == reuse.connection_key(dict(PARAMS))
