# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What the items of one task's loop share: one memo per connection settings (see ``task.memo`` in runner.py).

The memo holds the HTTP session (keep-alive: one TCP and TLS handshake for the whole loop) and reads that cannot
change within the task (the release, a customer's code). It lives in the worker process, which Ansible starts
for one task on one host, so forks never share it; it is also keyed by the task, so a strategy that reuses
workers cannot carry anything from one task into the next.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import hashlib

from ansible_collections.atria.cortex.plugins.module_utils.engine.connection import SESSION_KEY

# The options that select the server, the API user and how it is reached.
CONNECTION_OPTIONS = ('api_url', 'api_username', 'api_password', 'validate_certs', 'ca_path', 'timeout', 'retries')

_STATE = {'task': None, 'memos': {}}


def connection_key(params):
    """A digest of the connection settings (the password is part of it, so it is never kept in clear here)."""
    settings = repr(tuple(params.get(option) for option in CONNECTION_OPTIONS))
    return hashlib.sha256(settings.encode('utf-8')).hexdigest()


def memo_for(task_key, params):
    """The memo of this task and these connection settings; a new task drops (and closes) the previous one's."""
    if _STATE['task'] != task_key:
        forget()
        _STATE['task'] = task_key
    return _STATE['memos'].setdefault(connection_key(params), {})


def forget():
    """Close the sessions and drop every memo."""
    for memo in _STATE['memos'].values():
        session = memo.get(SESSION_KEY)
        if session is not None:
            session.close()
    _STATE['memos'] = {}
    _STATE['task'] = None
