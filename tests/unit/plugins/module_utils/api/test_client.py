"""CortexClient against a real HTTP server on 127.0.0.1 that answers from a script, one step per request."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import base64
import json
import os
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.api import errors
from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec as codec
from ansible_collections.atria.cortex.plugins.module_utils.api.client import COLLECTION_VERSION, CortexClient

E = codec.E
API_PASSWORD = 'Adm1n!DA&<pw>'
PATH = '/CortexAPI/Default.aspx'
XML_DECL = b'<?xml version="1.0" encoding="utf-8"?>\n'
REQUEST_ID = XML_DECL + b'<response version="1.0">\n  <request>\n    <id>45666</id>\n  </request>\n</response>'
EMPTY = XML_DECL + b'<response version="1.0" />'
CUSTOMER = (b'\xef\xbb\xbf' + XML_DECL + b'<response version="1.0"><customer><name>DA</name><id>23</id>'
            b'<fullname>Demo Also</fullname><billingid /><status>Provisioned</status></customer></response>')
IIS_503 = (b'<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN""http://www.w3.org/TR/html4/strict.dtd">\r\n'
           b'<HTML><HEAD><TITLE>Service Unavailable</TITLE>\r\n<META HTTP-EQUIV="Content-Type" Content="text/html">'
           b'</HEAD>\r\n<BODY><h2>Service Unavailable</h2>\r\n<hr><p>HTTP Error 503. The service is unavailable.</p>'
           b'</BODY></HTML>\r\n')


def error_body(code, message):
    root = E.response(E.error(E.id(str(code)), E.message(message)), version='1.0')
    return codec.serialize(root)


class Reply(object):
    def __init__(self, status=200, body=EMPTY, headers=None, delay=0.0):
        self.status, self.body, self.headers, self.delay = status, body, headers or {}, delay


DROP = 'drop'          # read the request, close the connection without answering
TRUNCATE = 'truncate'  # announce 1000 bytes, send 40, close


class Stub(object):
    """A scripted CortexAPI. ``script`` holds Reply objects, DROP/TRUNCATE, or callables(request_root) -> Reply."""

    def __init__(self, tls_context=None):
        self.script = deque()
        self.requests = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = 'HTTP/1.1'  # keep-alive, as IIS does

            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get('Content-Length', 0)))
                root = codec.parse(body)
                stub.requests.append(dict(path=self.path, headers=dict(self.headers), body=body, root=root,
                                          action=root.get('action'), client_port=self.client_address[1]))
                step = stub.script.popleft() if stub.script else Reply(599, b'stub script exhausted')
                if callable(step) and not isinstance(step, Reply):
                    step = step(root)
                if step == DROP:
                    self.close_connection = True
                    return
                if step == TRUNCATE:
                    self.send_response(200)
                    self.send_header('Content-Length', '1000')
                    self.end_headers()
                    self.wfile.write(REQUEST_ID[:40])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                if step.delay:
                    time.sleep(step.delay)
                self.send_response(step.status)
                self.send_header('Content-Type', 'text/xml; charset=utf-8')
                for key, value in step.headers.items():
                    self.send_header(key, value)
                self.send_header('Content-Length', str(len(step.body)))
                self.end_headers()
                self.wfile.write(step.body)

        self.server = ThreadingHTTPServer(('127.0.0.1', 0), Handler)
        self.server.daemon_threads = True
        if tls_context is not None:
            self.server.socket = tls_context.wrap_socket(self.server.socket, server_side=True)
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs=dict(poll_interval=0.02), daemon=True)
        self.thread.start()
        scheme = 'https' if tls_context is not None else 'http'
        self.url = '%s://127.0.0.1:%d%s' % (scheme, self.server.server_address[1], PATH)

    def add(self, *steps):
        self.script.extend(steps)

    def actions(self):
        return [r['action'] for r in self.requests]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def stub():
    server = Stub()
    yield server
    server.close()


def make_client(url, **kwargs):
    kwargs.setdefault('backoff', 0)
    kwargs.setdefault('timeout', 5)
    return CortexClient(url, 'admin_DA', API_PASSWORD, **kwargs)


@pytest.fixture
def client(stub):
    with make_client(stub.url) as cortex:
        yield cortex


def customer(name='DA'):
    return E.customer(E.name(name))


def user_with_password(password):
    return E.customer(E.name('TC'), E.user(E.name('User1_TC'), E.password(E.password(password))))


# ------------------------------------------------------------------ the request on the wire


def test_request_is_xml_post_with_basic_auth_and_content_type(stub, client):
    stub.add(Reply(body=CUSTOMER))
    root = client.get(customer())
    assert root.tag == 'response' and codec.text_of(root, 'customer/fullname') == 'Demo Also'
    sent = stub.requests[0]
    assert sent['path'] == PATH and sent['action'] == 'GET' and sent['root'].get('version') == '1.0'
    assert sent['body'].startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    assert sent['headers']['Content-Type'] == 'text/xml; charset=utf-8'
    expected = base64.b64encode(('admin_DA:' + API_PASSWORD).encode('latin-1')).decode()
    assert sent['headers']['Authorization'] == 'Basic ' + expected


def test_one_keep_alive_connection_serves_the_whole_run(stub, client):
    stub.add(Reply(body=CUSTOMER), Reply(body=CUSTOMER), Reply(body=REQUEST_ID))
    client.get(customer())
    client.find(customer())
    client.set(customer())
    assert len(set(r['client_port'] for r in stub.requests)) == 1
    assert client.session.trust_env is True  # proxies come from the environment


def test_password_outside_latin1_is_sent_as_utf8(stub):
    stub.add(Reply(body=CUSTOMER))
    with CortexClient(stub.url, 'admin_DA', u'p\u0101ss', backoff=0) as cortex:
        cortex.get(customer())
    assert stub.requests[0]['headers']['Authorization'] == 'Basic ' + base64.b64encode(u'admin_DA:p\u0101ss'.encode('utf-8')).decode()


def test_find_with_no_match_returns_empty_response(stub, client):
    stub.add(Reply(body=EMPTY))
    root = client.find(customer('NOPE'))
    assert root.tag == 'response' and len(root) == 0


def test_set_returns_request_id(stub, client):
    stub.add(Reply(body=REQUEST_ID))
    assert client.set(customer()) == 45666 and client.last_request_id == 45666
    assert client.last_write_unconfirmed is False


def test_cpsm10_empty_set_answer_returns_none(stub, client):
    stub.add(Reply(body=EMPTY))
    assert client.set(customer()) is None
    assert client.last_write_unconfirmed is False


def test_delete_returns_request_id(stub, client):
    stub.add(Reply(body=REQUEST_ID.replace(b'45666', b'45507')))
    assert client.delete(customer('TC')) == 45507
    assert stub.actions() == ['DELETE']


# ------------------------------------------------------------------ retries


@pytest.mark.parametrize('status', [500, 502, 503, 504])
def test_transient_http_status_is_retried_then_succeeds(stub, client, status):
    stub.add(Reply(status, b'oops'), Reply(body=CUSTOMER))
    assert codec.text_of(client.get(customer()), 'customer/name') == 'DA'
    assert client.round_trips == 2


@pytest.mark.parametrize('status, code, family', [
    (400, 6, errors.ValidationError), (400, 34, errors.NotFoundError), (401, 11, errors.AuthenticationError),
    (401, 12, errors.AuthorizationError), (500, 12, errors.AuthorizationError),
])
def test_refusals_with_error_body_are_never_retried(stub, client, status, code, family):
    stub.add(Reply(status, error_body(code, 'refused')), Reply(body=CUSTOMER))
    with pytest.raises(family) as caught:
        client.get(customer())
    assert caught.value.code == code and caught.value.http_status == status
    # Error 12: one GET <identity/> tells "outside the login's scope" from "no API Access"; never a retry.
    assert client.round_trips == (2 if code == 12 else 1)
    assert client.action_counts == {'GET': client.round_trips}


@pytest.mark.parametrize('status, family', [
    (400, errors.TransportError), (401, errors.AuthenticationError), (403, errors.AuthorizationError),
    (404, errors.TransportError),
])
def test_refusals_without_error_body_are_never_retried(stub, client, status, family):
    stub.add(Reply(status, b''), Reply(body=CUSTOMER))
    with pytest.raises(family) as caught:
        client.get(customer())
    assert caught.value.http_status == status and client.round_trips == 1


def test_404_points_at_the_right_url(stub, client):
    stub.add(Reply(404, b'<html><head><title>404 - File or directory not found.</title></head></html>'))
    with pytest.raises(errors.TransportError) as caught:
        client.find(customer())
    assert '404 - File or directory not found.' in str(caught.value)
    assert 'https://HOST/CortexAPI/Default.aspx' in str(caught.value)


def test_timeout_is_retried(stub):
    stub.add(Reply(body=CUSTOMER, delay=1.0), Reply(body=CUSTOMER))
    with make_client(stub.url, timeout=0.3) as cortex:
        assert codec.text_of(cortex.get(customer()), 'customer/name') == 'DA'
        assert cortex.round_trips == 2


def test_timeouts_exhaust_retries_with_a_clear_message(stub):
    stub.add(*[Reply(body=CUSTOMER, delay=0.6) for dummy in range(3)])
    with make_client(stub.url, timeout=0.2, retries=2) as cortex:
        with pytest.raises(errors.TransportError) as caught:
            cortex.get(customer())
    assert caught.value.name == 'Timeout' and 'gave up after 3 attempts' in str(caught.value)
    assert 'within 0.2 seconds' in str(caught.value) and "customer 'DA'" in str(caught.value)


def test_dropped_connection_is_retried(stub, client):
    stub.add(DROP, Reply(body=CUSTOMER))
    assert codec.text_of(client.get(customer()), 'customer/name') == 'DA'
    assert client.round_trips == 2


def test_truncated_body_is_retried(stub, client):
    stub.add(TRUNCATE, Reply(body=CUSTOMER))
    assert codec.text_of(client.get(customer()), 'customer/id') == '23'
    assert client.round_trips == 2


def test_cut_xml_with_consistent_length_is_retried_then_reported(stub, client):
    cut = CUSTOMER[:120]
    stub.add(*[Reply(body=cut) for dummy in range(4)])
    with pytest.raises(errors.TransportError) as caught:
        client.get(customer())
    assert client.round_trips == 4 and caught.value.name == 'InvalidResponse'
    assert 'HTTP 200' in str(caught.value) and 'It begins: <?xml version="1.0" encoding="utf-8"?>' in str(caught.value)


@pytest.mark.parametrize('body', [
    b'<?xml version="1.0"?><response>' + b'<a>' * 300 + b'</a>' * 300 + b'</response>',
    b'<?xml version="1.0"?><response><report><data><![CDATA[' + b'x' * (11 * 1024 * 1024) + b']]></data></report></response>',
], ids=['too deep', 'text over 10 MB'])
def test_an_answer_beyond_the_parser_limits_is_asked_for_once(stub, client, body):
    stub.add(*[Reply(body=body) for dummy in range(4)])
    with pytest.raises(errors.TransportError) as caught:
        client.get(customer())
    assert client.round_trips == 1 and caught.value.name == 'ResponseTooLarge'
    assert "beyond the hardened parser's limits" in str(caught.value)


def test_html_503_page_gives_status_and_first_line_not_markup(stub, client):
    stub.add(*[Reply(503, IIS_503, {'Content-Type': 'text/html'}) for dummy in range(4)])
    with pytest.raises(errors.TransportError) as caught:
        client.find(customer())
    text = str(caught.value)
    assert caught.value.http_status == 503 and caught.value.server_message == 'Service Unavailable'
    assert text.startswith('HTTP 503 from %s for customer \'DA\': Service Unavailable' % stub.url)
    assert '<' not in text.split('Service Unavailable', maxsplit=1)[0] and 'Traceback' not in text
    assert client.round_trips == 4


def test_500_with_cortex_error_is_retried_and_reported_as_api_error(stub, client):
    stub.add(*[Reply(500, error_body(0, 'Deadlock victim')) for dummy in range(4)])
    with pytest.raises(errors.ApiError) as caught:
        client.get(customer())
    assert caught.value.code == 0 and caught.value.http_status == 500 and 'Deadlock victim' in str(caught.value)
    assert "customer 'DA' (HTTP 500, gave up after 4 attempts): Deadlock victim" in str(caught.value)
    assert client.round_trips == 4


def test_cut_short_refusal_is_asked_again_not_blamed_on_the_url(stub, client):
    cut = error_body(34, "Customer 'ZZ' not found.")[:70]
    stub.add(Reply(400, cut), Reply(400, error_body(34, "Customer 'ZZ' not found.")))
    with pytest.raises(errors.NotFoundError):
        client.get(customer('ZZ'))
    assert client.round_trips == 2


def test_cut_short_refusal_every_time_says_so(stub, client):
    stub.add(*[Reply(400, error_body(34, 'x')[:70]) for dummy in range(4)])
    with pytest.raises(errors.TransportError) as caught:
        client.get(customer())
    assert caught.value.name == 'TruncatedResponse' and 'the CortexAPI answer was cut short' in str(caught.value)


def test_control_characters_from_the_server_never_reach_a_message(stub, client):
    stub.add(Reply(400, error_body(1, u'Bad \x9b31mvalue')), *[Reply(502, b'<p>\x1b[2J\x07gone</p>') for dummy in range(4)])
    with pytest.raises(errors.ApiError) as caught:
        client.get(customer())
    assert '\x9b' not in str(caught.value) and 'Bad \ufffd31mvalue' in str(caught.value)
    with pytest.raises(errors.TransportError) as caught:
        client.get(customer())
    assert '\x1b' not in str(caught.value) and '\x07' not in str(caught.value)


def test_user_agent_names_the_collection_version(stub):
    stub.add(Reply(body=CUSTOMER), Reply(body=CUSTOMER))
    with make_client(stub.url) as cortex:
        cortex.get(customer())
    with make_client(stub.url, user_agent='atria.cortex/9.9.9 (check_mode)') as cortex:
        cortex.get(customer())
    agents = [r['headers']['User-Agent'] for r in stub.requests]
    assert agents == ['atria.cortex/%s' % COLLECTION_VERSION, 'atria.cortex/9.9.9 (check_mode)']


def test_backoff_grows_exponentially_and_is_capped():
    cortex = CortexClient('http://127.0.0.1:9/x', 'u', 'p', backoff=1.0, backoff_max=4.0)
    delays = [cortex._delay(n) for n in range(1, 7)]  # pylint: disable=protected-access
    for delay, base in zip(delays, [1, 2, 4, 4, 4, 4]):
        assert base <= delay <= base * 1.1
    assert CortexClient('http://127.0.0.1:9/x', 'u', 'p', backoff=0)._delay(5) == 0  # pylint: disable=protected-access


def test_sleeps_between_attempts_use_the_backoff(stub):
    stub.add(Reply(503, b''), Reply(503, b''), Reply(body=CUSTOMER))
    with make_client(stub.url, backoff=0.5, backoff_max=10) as cortex:
        slept = []
        cortex._sleep = slept.append  # pylint: disable=protected-access
        cortex.get(customer())
    assert len(slept) == 2 and 0.5 <= slept[0] <= 0.55 and 1.0 <= slept[1] <= 1.1


def test_redirect_is_not_followed(stub, client):
    stub.add(Reply(302, b'', {'Location': 'https://portal.example/CortexAPI/Default.aspx'}), Reply(body=EMPTY))
    with pytest.raises(errors.TransportError) as caught:
        client.find(customer())
    assert 'redirects to https://portal.example/CortexAPI/Default.aspx' in str(caught.value)
    assert client.round_trips == 1 and stub.actions() == ['FIND']


def test_response_that_is_not_a_cortex_response_is_refused(stub, client):
    stub.add(Reply(body=b'<html><body>Sign in</body></html>'))
    with pytest.raises(errors.TransportError, match='not a CortexAPI <response>'):
        client.find(customer())
    assert client.round_trips == 1


def test_oversized_response_is_refused_without_retry(stub):
    stub.add(Reply(body=CUSTOMER), Reply(body=CUSTOMER))
    with make_client(stub.url, max_response_bytes=100) as cortex:
        with pytest.raises(errors.TransportError) as caught:
            cortex.get(customer())
        assert caught.value.name == 'ResponseTooLarge' and cortex.round_trips == 1


def test_connection_refused_is_reported_cleanly():
    probe = socket.socket()
    probe.bind(('127.0.0.1', 0))
    port = probe.getsockname()[1]
    probe.close()
    with make_client('http://127.0.0.1:%d%s' % (port, PATH), retries=1) as cortex:
        with pytest.raises(errors.TransportError) as caught:
            cortex.get(customer())
    text = str(caught.value)
    assert caught.value.name == 'ConnectionError' and 'refused' in text.lower() and 'object at 0x' not in text
    assert 'gave up after 2 attempts' in text


# ------------------------------------------------------------------ writes whose answer was lost


def test_lost_set_answer_confirmed_by_verify_is_not_sent_again(stub, client):
    stub.add(DROP, Reply(body=CUSTOMER))
    calls = []

    def verify():
        calls.append(1)
        return codec.text_of(client.get(customer()), 'customer/status') == 'Provisioned'

    assert client.set(customer(), verify=verify) is None
    assert calls == [1] and client.last_write_unconfirmed is True
    assert stub.actions() == ['SET', 'GET']


def test_lost_set_answer_not_confirmed_is_sent_again_once(stub, client):
    stub.add(DROP, Reply(body=REQUEST_ID))
    calls = []
    assert client.set(customer(), verify=lambda: calls.append(1) or False) == 45666
    assert calls == [1] and client.last_write_unconfirmed is False
    assert stub.actions() == ['SET', 'SET']


@pytest.mark.parametrize('lost', [TRUNCATE, Reply(503, IIS_503), Reply(200, b'<response><request><id>4')])
def test_other_lost_answers_also_trigger_verify(stub, client, lost):
    stub.add(lost)
    assert client.delete(customer('TC'), verify=lambda: True) is None
    assert client.last_write_unconfirmed is True and stub.actions() == ['DELETE']


def test_lost_answer_after_timeout_triggers_verify(stub):
    stub.add(Reply(body=REQUEST_ID, delay=0.6))
    with make_client(stub.url, timeout=0.2) as cortex:
        assert cortex.set(customer(), verify=lambda: True) is None
        assert cortex.last_write_unconfirmed is True


def test_500_with_cortex_error_means_not_done_so_no_verify(stub, client):
    stub.add(Reply(500, error_body(0, 'busy')), Reply(body=REQUEST_ID))
    calls = []
    assert client.set(customer(), verify=lambda: calls.append(1) or True) == 45666
    assert calls == [] and stub.actions() == ['SET', 'SET']


def test_write_never_sent_needs_no_verify():
    probe = socket.socket()
    probe.bind(('127.0.0.1', 0))
    port = probe.getsockname()[1]
    probe.close()
    calls = []
    with make_client('http://127.0.0.1:%d%s' % (port, PATH), retries=2) as cortex:
        with pytest.raises(errors.TransportError) as caught:
            cortex.set(customer(), verify=lambda: calls.append(1) or True)
    assert calls == [] and 'may or may not have been carried out' not in str(caught.value)


def test_lost_write_without_confirmation_says_outcome_is_unknown(stub):
    stub.add(DROP, DROP)
    with make_client(stub.url, retries=1) as cortex:
        with pytest.raises(errors.TransportError) as caught:
            cortex.set(customer(), verify=lambda: False)
    assert 'The SET may or may not have been carried out' in str(caught.value)


def test_reads_never_call_verify(stub, client):
    stub.add(DROP, Reply(body=CUSTOMER))
    assert client.call('GET', customer(), verify=lambda: pytest.fail('verify called for a read')).tag == 'response'


# ------------------------------------------------------------------ error mapping through the wire


@pytest.mark.parametrize('code, family, name', [
    (16, errors.NotFoundError, 'UserNotFound'), (21, errors.NotFoundError, 'ServiceNotFound'),
    (34, errors.NotFoundError, 'CustomerNotFound'), (20, errors.NotFoundError, 'LocationNotFound'),
    (6, errors.ValidationError, 'InvalidNewCustomer'), (7, errors.ValidationError, 'InvalidUnlimited'),
    (17, errors.ValidationError, 'InvalidStatus'), (32, errors.ValidationError, 'InvalidBoolean'),
    (38, errors.ValidationError, 'InvalidInteger'), (10, errors.ValidationError, 'InvalidService'),
    (24, errors.ConflictError, 'CitrixItemInUse'), (0, errors.ApiError, 'Unknown'), (57, errors.ApiError, 'Unknown'),
])
def test_error_codes_map_to_typed_exceptions(stub, client, code, family, name):
    stub.add(Reply(400, error_body(code, 'server text')))
    with pytest.raises(family) as caught:
        client.get(E.customer(E.name('TC'), E.user(E.name('User1_TC'))))
    err = caught.value
    assert (err.code, err.name, err.http_status) == (code, name, 400)
    assert err.entity == "user 'User1_TC' of customer 'TC'"
    assert str(err).startswith("CortexAPI error %d (%s) for user 'User1_TC' of customer 'TC': server text." % (code, name))


def test_error_message_names_the_api_user(stub, client):
    stub.add(Reply(400, error_body(34, "Customer 'ZZ' not found.")))
    with pytest.raises(errors.NotFoundError) as caught:
        client.get(customer('ZZ'))
    assert "visible to API login 'admin_DA'" in str(caught.value)


def test_error_at_the_root_is_understood(stub, client):
    stub.add(Reply(400, XML_DECL + b'<error><id>3</id><message>Bad XML</message></error>'))
    with pytest.raises(errors.ValidationError, match='InvalidXmlFormat'):
        client.find(customer())


def test_explicit_entity_description_wins(stub, client):
    stub.add(Reply(400, error_body(34, 'x')))
    with pytest.raises(errors.NotFoundError) as caught:
        client.get(customer('ZZ'), entity="customer 'Zed Corp'")
    assert caught.value.entity == "customer 'Zed Corp'"


# ------------------------------------------------------------------ counters and trace


def test_round_trips_count_every_http_request_including_retries(stub, client):
    stub.add(Reply(503, b''), Reply(body=CUSTOMER), Reply(body=EMPTY), DROP, Reply(body=REQUEST_ID))
    client.get(customer())
    client.find(customer())
    client.set(customer())
    assert client.round_trips == 5
    assert client.action_counts == {'GET': 2, 'FIND': 1, 'SET': 2}


def test_trace_is_empty_unless_enabled(stub, client):
    stub.add(Reply(body=CUSTOMER))
    client.get(customer())
    assert client.trace == [] and client.trace_enabled is False


def test_trace_records_every_attempt(stub):
    stub.add(Reply(503, IIS_503), Reply(body=CUSTOMER))
    with make_client(stub.url, trace=True) as cortex:
        cortex.get(customer())
    first, second = cortex.trace
    assert (first['method'], first['url'], first['action'], first['attempt'], first['status']) == ('POST', stub.url, 'GET', 1, 503)
    assert 'Service Unavailable' in first['error'] and 'HTML' in first['response']
    assert second['status'] == 200 and second['attempt'] == 2 and 'error' not in second
    assert '<name>DA</name>' in second['request'] and 'Demo Also' in second['response']
    assert isinstance(second['elapsed'], float)
    json.dumps(cortex.trace)  # plain data, serialisable into a module result


def test_passwords_never_appear_in_trace_or_errors(stub):
    password = u'Us3r&<Pa\u00df>'
    echo = error_body(15, u'Password %s does not meet complexity; api %s' % (password, API_PASSWORD))
    stub.add(Reply(body=codec.serialize(E.response(E.customer(E.user(E.password(E.password(password))))))),
             Reply(503, (u'<html><title>Error for %s</title></html>' % API_PASSWORD).encode()),
             Reply(400, echo))
    with make_client(stub.url, trace=True, retries=0) as cortex:
        cortex.get(user_with_password(password))
        with pytest.raises(errors.TransportError) as html_error:
            cortex.set(user_with_password(password))
        with pytest.raises(errors.ValidationError) as api_error:
            cortex.set(user_with_password(password))
    dumped = json.dumps(cortex.trace, ensure_ascii=False) + str(html_error.value) + str(api_error.value)
    dumped += json.dumps(api_error.value.to_dict(), ensure_ascii=False) + repr(cortex)
    for secret in (password, API_PASSWORD, 'Us3r&amp;', 'Adm1n!DA&amp;', 'Pa\u00df'):
        assert secret not in dumped
    assert 'Authorization' not in json.dumps(cortex.trace)
    assert cortex.trace[0]['request'].count(codec.REDACTED) == 1
    assert '<password>' + codec.REDACTED + '</password>' in cortex.trace[0]['response']


def test_credentials_in_the_url_are_not_echoed(stub):
    url = stub.url.replace('http://', 'http://admin_DA:%s@' % 'urlsecret')
    stub.add(Reply(404, b''))
    with make_client(url, trace=True) as cortex:
        with pytest.raises(errors.TransportError) as caught:
            cortex.find(customer())
    assert 'urlsecret' not in str(caught.value) + json.dumps(cortex.trace) + repr(cortex)


# ------------------------------------------------------------------ TLS


@pytest.fixture(scope='module')
def certificate(tmp_path_factory):
    # scripts/ensure-test-tools (run by the Makefile's test targets) installs openssl: a missing one fails, never skips.
    assert shutil.which('openssl'), 'openssl not available: run scripts/ensure-test-tools'
    folder = tmp_path_factory.mktemp('tls')
    cert, key = str(folder / 'cert.pem'), str(folder / 'key.pem')
    subprocess.run(['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2',
                    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], check=True, capture_output=True)
    return cert, key


@pytest.fixture
def tls_stub(certificate):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    server = Stub(tls_context=context)
    yield server
    server.close()


def test_untrusted_certificate_fails_without_retry_and_explains_the_fix(tls_stub, monkeypatch):
    monkeypatch.delenv('REQUESTS_CA_BUNDLE', raising=False)
    monkeypatch.delenv('CURL_CA_BUNDLE', raising=False)
    tls_stub.add(Reply(body=CUSTOMER))
    with make_client(tls_stub.url) as cortex:
        with pytest.raises(errors.TransportError) as caught:
            cortex.get(customer())
        assert cortex.round_trips == 1
    assert caught.value.name == 'TLSError' and 'validate_certs' in str(caught.value) and 'ca_path' in str(caught.value)


def test_ca_path_makes_the_certificate_trusted(tls_stub, certificate):
    tls_stub.add(Reply(body=CUSTOMER))
    with make_client(tls_stub.url, ca_path=certificate[0]) as cortex:
        assert codec.text_of(cortex.get(customer()), 'customer/name') == 'DA'


@pytest.mark.filterwarnings('ignore::urllib3.exceptions.InsecureRequestWarning')
def test_validate_certs_false_skips_verification_even_with_ca_bundle_env(tls_stub, monkeypatch, certificate):
    monkeypatch.setenv('REQUESTS_CA_BUNDLE', os.devnull)
    tls_stub.add(Reply(body=CUSTOMER))
    with make_client(tls_stub.url, validate_certs=False) as cortex:
        assert codec.text_of(cortex.get(customer()), 'customer/name') == 'DA'
