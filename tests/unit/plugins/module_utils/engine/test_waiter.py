# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Provisioning requests: reading them (GetRequest.xml shape, log, times, children) and waiting for them."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.engine import waiter
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import ValidationError

from fakes import ScriptedClient, answers, element, response

CAPTURE = ('<request><id>46009</id><type>Object Provision</type><name /><description>Provision HE to Test Customer 1'
           '</description><status>{status}</status>{parent}<object><type>Customer Service</type><name>HE</name>'
           '<description>Hosted Exchange - Test Customer 1</description><status>{status}</status></object>{extra}</request>')
LOG = ('<log>\n  <entry>\n    <time>2026-01-05T10:00:00.00Z</time>\n    <level>Info</level>\n    <message>Request queued'
       '</message>\n  </entry>\n  <entry><time>2026-01-05T10:00:01.00Z</time><level>Error</level><message>Mailbox server '
       'EXCH01 did not respond</message></entry>\n</log>')


def request(status='Provisioned', parent='', extra=''):
    return element(CAPTURE.format(status=status, parent=parent, extra=extra))


def test_request_to_dict_follows_the_capture():
    assert waiter.request_to_dict(request()) == {
        'id': '46009', 'type': 'Object Provision', 'description': 'Provision HE to Test Customer 1', 'status': 'Provisioned',
        'object': {'type': 'Customer Service', 'name': 'HE', 'description': 'Hosted Exchange - Test Customer 1',
                   'status': 'Provisioned'}}


def test_log_entries_become_one_clean_line_each_and_times_a_dict():
    times = '<times><requested>2026-01-05T10:00:00.00Z</requested><started /><completed /></times>'
    result = waiter.request_to_dict(request(parent='<parentid>46008</parentid>', extra=LOG + times))
    assert result['log'] == ['2026-01-05T10:00:00.00Z Info Request queued',
                             '2026-01-05T10:00:01.00Z Error Mailbox server EXCH01 did not respond']
    assert result['times'] == {'requested': '2026-01-05T10:00:00.00Z', 'started': None, 'completed': None}
    assert result['parent_id'] == '46008'


def test_a_log_answered_as_text_gives_its_lines():
    result = waiter.request_to_dict(request(extra='<log>line one\n\n  line two  </log>'))
    assert result['log'] == ['line one', 'line two']


def test_read_request_and_children_ask_for_what_they_need():
    client = ScriptedClient(answers(response(request())), answers(response(request(parent='<parentid>1</parentid>'))))
    waiter.read_request(client, 46009, with_log=True, with_times=True)
    children = waiter.read_children(client, 46009)
    assert [child.tag for child in client.calls[0][1]] == ['id', 'log', 'times']
    assert [(child.tag, child.text) for child in client.calls[1][1]] == [('parentid', '46009')]
    assert children[0]['parent_id'] == '1'


def test_a_failed_request_fails_the_wait_with_its_log_and_its_failed_childrens_log():
    child_log = '<log><entry><time>t</time><level>Error</level><message>Disk full on FS01</message></entry></log>'
    client = ScriptedClient(
        answers(response(request(status='InProgress'))),
        answers(response(request(status='Failed'))),
        answers(response(request(status='Failed', extra=LOG))),
        answers(response(request(status='Failed', parent='<parentid>46009</parentid>', extra=child_log),
                         request(status='Provisioned', parent='<parentid>46009</parentid>', extra=LOG))))
    with pytest.raises(waiter.ProvisioningFailed) as caught:
        waiter.wait_for_request(client, 46009, timeout=30, sleep=lambda seconds: None)
    message = str(caught.value)
    assert 'Provisioning request 46009 (Provision HE to Test Customer 1) failed' in message
    assert 'Error Mailbox server EXCH01 did not respond' in message and 't Error Disk full on FS01' in message
    assert message.count('Request queued') == 1
    assert caught.value.log_lines[-1] == 't Error Disk full on FS01'


def test_a_server_without_child_queries_still_reports_the_log():
    client = ScriptedClient(answers(response(request(status='Failed'))), answers(response(request(status='Failed', extra=LOG))),
                            answers(ValidationError(3, 'A <request> must specify <id>.')))
    with pytest.raises(waiter.ProvisioningFailed) as caught:
        waiter.wait_for_request(client, 46009, timeout=30, sleep=lambda seconds: None)
    assert 'Mailbox server EXCH01' in str(caught.value)


def test_wait_returns_the_request_once_it_is_provisioned():
    client = ScriptedClient(answers(response(request(status='Requested'))), answers(response(request())))
    assert waiter.wait_for_request(client, 46009, timeout=30, sleep=lambda seconds: None)['status'] == 'Provisioned'
    assert len(client.calls) == 2


def test_a_wait_reports_each_status_change_once_with_the_time_spent():
    client = ScriptedClient(answers(response(request(status='Requested'))), answers(response(request(status='InProgress'))),
                            answers(response(request(status='InProgress'))), answers(response(request())))
    lines = []
    waiter.wait_for_request(client, 46009, timeout=30, sleep=lambda seconds: None, progress=lines.append, label='ACME')
    assert [line.rsplit(' (', 1)[0] for line in lines] == [
        'ACME: request 46009 Requested', 'ACME: request 46009 InProgress', 'ACME: request 46009 Provisioned']
    assert all(line.endswith(' s)') for line in lines)


def test_status_changes_count_seconds_from_the_start():
    ticks = iter([100.0, 112.4])
    lines = []
    waiter.StatusChanges(lines.append, 'ACME', clock=lambda: next(ticks)).saw('request 45666', 'InProgress')
    assert lines == ['ACME: request 45666 InProgress (12 s)']


def test_the_cpsm10_status_wait_reports_changes_too():
    statuses = iter(['InProgress', 'Provisioned'])
    lines = []
    waiter.wait_for_status(lambda: next(statuses), 30, "user 'bob_ACME'", sleep=lambda seconds: None, progress=lines.append)
    assert [line.rsplit(' (', 1)[0] for line in lines] == ["user 'bob_ACME': status InProgress", "user 'bob_ACME': status Provisioned"]


def test_pending_changes_rest_so_a_wait_ends_there():
    """Failed before issue 13: Pending counted as in flight, so a wait for a change held for approval waited for a
    person until wait_timeout."""
    client = ScriptedClient(answers(response(request(status='InProgress'))), answers(response(request(status='Pending'))))
    assert waiter.wait_for_request(client, 46009, timeout=30, sleep=lambda seconds: None)['status'] == 'Pending'
    assert waiter.wait_for_status(lambda: 'Pending', 30, "user 'bob_ACME'", sleep=lambda seconds: None) == 'Pending'
