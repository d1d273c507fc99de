# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Provisioning statuses: compared by key, spelled once, resting or in flight."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ast
import os

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.api import status

PLUGINS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', '..', 'plugins')


@pytest.mark.parametrize(
    'a, b, equal',
    [
        ('Notprovisioned', 'NotProvisioned', True),
        ('provisioned', 'Provisioned', True),
        ('In Progress', 'InProgress', True),
        ('Provisioned', 'NotProvisioned', False),
        (None, None, True),
        (None, 'Provisioned', False),
    ],
)
def test_status_equal(a, b, equal):
    assert status.status_equal(a, b) is equal


def test_canonical_status():
    assert status.canonical_status('notprovisioned') == 'NotProvisioned'
    assert status.canonical_status('in_progress') == 'InProgress'
    assert status.canonical_status('Weird') == 'Weird'


def test_every_status_is_resting_or_in_flight_and_pending_keeps_todays_behaviour():
    assert set(status.RESTING) | set(status.IN_FLIGHT) == set(status.STATUSES)
    assert not set(status.RESTING) & set(status.IN_FLIGHT)
    assert status.in_flight('inprogress') and status.in_flight('Requested') and not status.in_flight('Provisioned')
    # Today's behaviour (DESIGN point 4 says "Pending Changes" rests; PENDING_IS_IN_FLIGHT is the switch).
    assert status.in_flight('Pending') is status.PENDING_IS_IN_FLIGHT
    assert status.statuses_text() == 'NotProvisioned, Requested, InProgress, Provisioned, Failed or Pending'


# Ansible's result key 'failed' is no provisioning status: the audit callback reads results, not entities.
RESULT_READERS = (os.path.join('callback', 'atria_audit.py'), os.path.join('plugin_utils', 'audit.py'))
STATUS_KEYS = set(status.status_key(name) for name in status.STATUSES)


def status_literals(path):
    """(line, text) of every string constant that is a status in any spelling ('notprovisioned', "Provisioned")."""
    with open(path, encoding='utf-8') as handle:
        tree = ast.parse(handle.read(), path)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and status.status_key(node.value) in STATUS_KEYS
    ]


def test_no_status_is_spelled_outside_status_py():
    found = []
    for folder, _dirs, files in os.walk(os.path.normpath(PLUGINS)):
        for name in files:
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, os.path.normpath(PLUGINS))
            if name.endswith('.py') and relative != os.path.join('module_utils', 'api', 'status.py') and relative not in RESULT_READERS:
                found.extend('%s:%d: %r' % (relative, line, text) for line, text in status_literals(path))
    assert not found, '\n'.join(found)
