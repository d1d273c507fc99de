# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Waiting for asynchronous provisioning.

SET and DELETE answer at once with a request id; the work happens later and the request's status moves
Requested -> InProgress -> Provisioned (or Failed). A CPSM 10 server returns no request id, so there the
entity's own status is polled instead. Only Requested and InProgress are work in flight: Pending is the guide's
"Pending Changes", a resting status (a change held for approval rests there), so a wait ends on it.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import time

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CortexError
from ansible_collections.atria.cortex.plugins.module_utils.api.release import release_of
from ansible_collections.atria.cortex.plugins.module_utils.api.status import FAILED, PENDING, in_flight, status_equal, status_key

FIRST_POLL_INTERVAL = 0.2
MAX_POLL_INTERVAL = 3.0


class ProvisioningFailed(CortexError):
    """The provisioning request ended Failed; carries its log lines."""

    name = 'ProvisioningFailed'

    def __init__(self, request_id, description, log_lines):
        self.request_id = request_id
        self.log_lines = list(log_lines)
        message = 'Provisioning request %s (%s) failed.' % (request_id, description or 'no description')
        if self.log_lines:
            message += ' Request log: ' + ' | '.join(self.log_lines)
            message += '' if message[-1] in '.!?' else '.'
        message += (' Fix the cause reported in the log on the Atria side, then re-run the task: the entity keeps '
                    'the status Failed until it is provisioned again.')
        super(ProvisioningFailed, self).__init__(message)


class WaitTimeout(CortexError):
    """wait_timeout passed before the request finished."""

    name = 'WaitTimeout'


def poll_intervals(timeout, clock=time.monotonic):
    """Yield the sleep before each poll until timeout has passed; grows so long waits stay cheap."""
    deadline = clock() + timeout
    interval = FIRST_POLL_INTERVAL
    while clock() < deadline:
        yield min(interval, max(deadline - clock(), 0))
        interval = min(interval * 1.5, MAX_POLL_INTERVAL)


def read_request(client, request_id, with_log=False, with_times=False):
    """GET one provisioning request and return it as a dict."""
    request = _request_element('id', request_id, with_log, with_times)
    found = client.get(request).find('request')
    if found is None:
        # CPSM 10 has no GET <request>: it answers an empty response, which must not read as "no such request".
        release_of(client).require('request_status', 'Reading provisioning request %s' % request_id, writing=False)
    return request_to_dict(found)


def read_children(client, parent_id, with_log=False, with_times=False):
    """The requests a top-level request started (GET <request><parentid/>), as dicts."""
    request = _request_element('parentid', parent_id, with_log, with_times)
    return [request_to_dict(child) for child in client.get(request).findall('request')]


def _request_element(key, value, with_log, with_times):
    request = xml_codec.leaf('request')
    xml_codec.sub(request, key, str(value))
    if with_log:
        xml_codec.sub(request, 'log')
    if with_times:
        xml_codec.sub(request, 'times')
    return request


def request_to_dict(element):
    if element is None:
        return {}
    result = {
        'id': xml_codec.text_of(element, 'id'),
        'type': xml_codec.text_of(element, 'type'),
        'description': xml_codec.text_of(element, 'description'),
        'status': xml_codec.text_of(element, 'status'),
    }
    parent = xml_codec.text_of(element, 'parentid')
    if parent:
        result['parent_id'] = parent
    obj = element.find('object')
    if obj is not None:
        result['object'] = dict((child.tag, (child.text or '').strip()) for child in obj)
    log = element.find('log')
    if log is not None:
        result['log'] = log_lines(log)
    times = element.find('times')
    if times is not None:
        result['times'] = dict((child.tag, (child.text or '').strip() or None) for child in times)
    return result


def log_lines(log):
    """One line per log entry ('TIME LEVEL MESSAGE'); a log answered as plain text gives its lines.

    The guide documents <log/> in the request but not the shape of the answer, so both are read.
    """
    lines = []
    for entry in log:
        parts = [text.strip() for text in entry.itertext() if text.strip()]
        if parts:
            lines.append(' '.join(parts))
    if not lines:
        lines = [line.strip() for line in (log.text or '').splitlines() if line.strip()]
    return lines


def failure_log(client, request_id):
    """(description, log lines) of a failed request: its own log, then the logs of its failed children.

    A top-level request's log may hold only its own steps while the cause is logged by the child that failed.
    """
    failed = read_request(client, request_id, with_log=True)
    lines = list(failed.get('log') or [])
    try:
        children = read_children(client, request_id, with_log=True)
    except CortexError:
        children = []       # the cause is then in the top-level log, or nowhere the API can show
    for child in children:
        if status_equal(child.get('status'), FAILED):
            lines.extend(child.get('log') or [])
    unique = []
    for line in lines:
        if line not in unique:
            unique.append(line)
    return failed.get('description'), unique


class StatusChanges:
    """Calls ``progress(line)`` once per status change: "user 'bob_ACME': request 45666 InProgress (12 s)".

    On the in-process path the line shows while the task waits; without a progress callback nothing happens.
    """

    def __init__(self, progress, label, clock=time.monotonic):
        self.progress = progress
        self.label = label
        self.clock = clock
        self.started = clock()
        self.last = None

    def saw(self, what, status):
        if self.progress is None or status == self.last:
            return
        self.last = status
        self.progress('%s: %s %s (%d s)' % (self.label, what, status or 'no status', self.clock() - self.started))


def wait_for_request(client, request_id, timeout, sleep=time.sleep, progress=None, label='provisioning'):
    """Poll until the request is Provisioned/NotProvisioned (done) or Failed; return the final request dict.

    ``progress(line)``, when given, hears of every status change (see StatusChanges).
    """
    request = {}
    changes = StatusChanges(progress, label)
    for interval in poll_intervals(timeout):
        sleep(interval)
        request = read_request(client, request_id)
        changes.saw('request %s' % request_id, request.get('status'))
        status = status_key(request.get('status'))
        if status_equal(status, FAILED):
            description, lines = failure_log(client, request_id)
            raise ProvisioningFailed(request_id, description, lines)
        if status and not in_flight(status):
            return request
    raise WaitTimeout('Provisioning request %s was still %s after wait_timeout=%s seconds. It goes on in Atria; '
                      'raise wait_timeout, or check it later with atria.cortex.atria_request_info.'
                      % (request_id, request.get('status') or PENDING.lower(), timeout))


def wait_for_status(read_status, timeout, describe, sleep=time.sleep, progress=None):
    """CPSM 10 fallback: poll the entity's own status (read_status returns it) until it settles."""
    status = None
    changes = StatusChanges(progress, describe)
    for interval in poll_intervals(timeout):
        sleep(interval)
        status = read_status()
        changes.saw('status', status)
        if status_equal(status, FAILED):
            raise ProvisioningFailed('(none: CPSM 10)', describe, ['%s has the status Failed' % describe])
        if status is None or not in_flight(status):
            return status
    raise WaitTimeout('%s was still %s after wait_timeout=%s seconds.' % (describe, status, timeout))
