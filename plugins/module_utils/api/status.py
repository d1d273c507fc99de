# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Provisioning statuses (DESIGN point 4): their names, how to compare them, which are work in flight.

An entity's ``<status>`` moves Requested -> InProgress -> Provisioned (or Failed). The server and the guide spell
statuses loosely (the guide writes ``Notprovisioned``), so statuses are compared by key, never as text:
``status_equal(text, NOT_PROVISIONED)``. No other file spells a status.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

NOT_PROVISIONED = 'NotProvisioned'
REQUESTED = 'Requested'
IN_PROGRESS = 'InProgress'
PROVISIONED = 'Provisioned'
FAILED = 'Failed'
PENDING = 'Pending'

# The canonical spellings, in the order the guide lists them (module choices, error messages).
STATUSES = (NOT_PROVISIONED, REQUESTED, IN_PROGRESS, PROVISIONED, FAILED, PENDING)

# The guide's "Pending Changes" is a resting status, not work in flight (DESIGN point 4): a change held for
# workflow approval rests there until an approver answers; waiting for it would wait for a person.
PENDING_IS_IN_FLIGHT = False


def status_key(status):
    """Normalise a provisioning status for comparison: case, spaces, '-' and '_' do not matter."""
    if status is None:
        return None
    return re.sub(r'[\s_-]', '', str(status)).lower()


def status_equal(a, b):
    """True when two statuses are the same (the guide itself writes 'Notprovisioned')."""
    return status_key(a) == status_key(b)


def canonical_status(status):
    """The canonical spelling of a known status ('notprovisioned' -> 'NotProvisioned'); others unchanged."""
    key = status_key(status)
    for known in STATUSES:
        if status_key(known) == key:
            return known
    return status


# Statuses of an entity (or request) whose provisioning is still running; the others are resting.
IN_FLIGHT = (REQUESTED, IN_PROGRESS) + ((PENDING,) if PENDING_IS_IN_FLIGHT else ())
RESTING = tuple(status for status in STATUSES if status not in IN_FLIGHT)
_IN_FLIGHT_KEYS = frozenset(status_key(status) for status in IN_FLIGHT)


def in_flight(status):
    """True when the status says provisioning is still running (the entity will change without us)."""
    return status_key(status) in _IN_FLIGHT_KEYS


def is_known(status):
    return canonical_status(status) in STATUSES


def statuses_text(last_joiner=' or '):
    """'NotProvisioned, Requested, InProgress, Provisioned, Failed or Pending' for messages."""
    return ', '.join(STATUSES[:-1]) + last_joiner + STATUSES[-1]
