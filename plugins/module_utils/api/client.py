# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""HTTP transport for the CortexAPI: one keep-alive session, Basic auth, TLS, retries, typed errors, redacted trace.

Retry policy (the guide: 400 "will always fail", 500 "may work at some time in the future"):

* retried with exponential backoff and jitter: HTTP 429/500/502/503/504, timeouts, refused or dropped
  connections, bodies that are cut short or are not XML;
* never retried: 400, 401, 403, 404 and other refusals, TLS verification failures, answers that are too large.

A SET or DELETE whose answer was lost may have been carried out. Before sending it again the client calls the
caller's ``verify()``; when that says the desired state is already there, the write is not repeated, the call
returns None and ``last_write_unconfirmed`` is True. A 500 that carries a CortexAPI ``<error>`` is an answer: the
server did not do the work, so no verification is needed before the retry.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import random
import re
import time
import traceback
from html import unescape as _html_unescape

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import NOT_AUTHENTICATED, NOT_AUTHORIZED
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import (
    ApiError, AuthenticationError, AuthorizationError, CortexError, TransportError, XmlError, XmlLimitError, TLS_HINT, api_error, http_status_error)

try:
    import requests
    from urllib3.exceptions import ConnectTimeoutError, NewConnectionError
except ImportError:
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = traceback.format_exc()
else:
    HAS_REQUESTS = True
    REQUESTS_IMPORT_ERROR = None

DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
# Keep in step with galaxy.yml (a unit test compares them). Server logs show which collection version called.
COLLECTION_VERSION = '0.1.0'
USER_AGENT = 'atria.cortex/%s' % COLLECTION_VERSION
RETRY_STATUSES = frozenset((429, 500, 502, 503, 504))
WRITE_ACTIONS = frozenset(('SET', 'DELETE'))
# CortexAPI error codes that no retry can fix even when the server answers them with HTTP 500.
_NEVER_RETRY_CODES = frozenset((NOT_AUTHENTICATED, NOT_AUTHORIZED))
_TRACE_TEXT_LIMIT = 1024 * 1024
_CONTROL_CHARACTERS = re.compile(u'[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]')
_LINE_LIMIT = 200


class _Retryable(Exception):
    """One attempt failed in a way another attempt may fix. ``maybe_applied``: a write may have been carried out."""

    def __init__(self, error, maybe_applied):
        super(_Retryable, self).__init__(str(error))
        self.error = error
        self.maybe_applied = maybe_applied


def _credential(text):
    # requests encodes str credentials as latin-1; anything outside it is sent as UTF-8 instead of crashing.
    text = text or ''
    try:
        text.encode('latin-1')
        return text
    except UnicodeEncodeError:
        return text.encode('utf-8')


def _without_userinfo(url):
    # Never echo credentials someone put into the URL itself (https://user:secret@host/...).
    return re.sub(r'^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@', r'\1', url or '')


def _truncate(text, limit=_LINE_LIMIT):
    return text if len(text) <= limit else text[:limit - 3] + '...'


def first_line(raw, markup=True, secrets=()):
    """The first non-empty line of a body, for error messages. With ``markup`` tags are stripped first, so an IIS
    error page yields its title ("Service Unavailable") instead of "<!DOCTYPE html ...>".
    """
    text = (raw or b'')[:65536].decode('utf-8', 'replace').lstrip(u'\ufeff')
    # Control characters from a broken or hostile body (terminal escape sequences) never reach a message.
    text = _CONTROL_CHARACTERS.sub(u'\ufffd', text)
    if markup and '<' in text:
        text = re.sub(r'(?is)<(script|style)\b.*?</\1\s*>', ' ', text)
        text = re.sub(r'(?s)<!--.*?-->', ' ', text)
        text = _html_unescape(re.sub(r'(?s)<[^>]*>', '\n', text))
    for line in text.splitlines():
        line = ' '.join(line.split())
        if line:
            return _truncate(xml_codec.redact_text(line, secrets))
    return ''


def _is_cortex_xml(raw):
    """True when a body starts like a CortexAPI document (an XML declaration or <response>), BOM and blanks aside."""
    head = (raw or b'')[:512].lstrip().lstrip(b'\xef\xbb\xbf').lstrip()
    return head.startswith((b'<?xml', b'<response', b'<error'))


def request_id_of(root):
    """The provisioning request id of a SET/DELETE answer, or None (CPSM 10 answers ``<response version="1.0" />``)."""
    text = (xml_codec.text_of(root, 'request/id') or '').strip()
    return int(text) if text.isdigit() else None


def _reason(exc):
    """The innermost, readable cause of a requests exception (no object reprs, no pool boilerplate)."""
    cause = exc.args[0] if exc.args else exc
    cause = getattr(cause, 'reason', cause)
    text = str(cause)
    text = re.sub(r'<[^>]*object at 0x[0-9a-fA-F]+>:?\s*', '', text)
    text = re.sub(r'^\(?[\'"]?Connection aborted\.?[\'"]?,\s*', 'connection aborted: ', text)
    return _truncate(text.strip(' ()') or exc.__class__.__name__, 300)


def _was_sent(exc):
    """False when the request provably never left (no connection was made), so a write cannot have happened."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return False
    cause = exc.args[0] if exc.args else None
    cause = getattr(cause, 'reason', cause)
    return not isinstance(cause, (NewConnectionError, ConnectTimeoutError))


def _speaks_plain_http(exc):
    """True when a TLS handshake got a plain-HTTP answer (an https:// URL pointing at an HTTP port)."""
    text = str(exc).lower()
    return 'wrong_version_number' in text or 'wrong version number' in text or 'http_request' in text or \
        'record layer failure' in text


def _as_http(url):
    return 'http://' + url[len('https://'):] if url.lower().startswith('https://') else url


def _is_certificate_failure(exc):
    text = str(exc).lower()
    return 'certificate' in text or 'hostname' in text or "doesn't match" in text


class CortexClient(object):
    """One CortexAPI endpoint and API user. Reuse one client for a whole module run (one keep-alive session).

    Counters: ``round_trips`` (every HTTP request, retries included), ``action_counts`` ({'GET': n, ...}).
    With ``trace=True``, ``trace`` lists one dict per HTTP request: method, url, action, attempt, status,
    request, response (redacted XML text), elapsed (seconds) and error (message) when the attempt failed.
    """

    def __init__(self, url, username, password, validate_certs=True, ca_path=None, timeout=30, retries=3,
                 backoff=0.5, trace=False, session=None, max_response_bytes=DEFAULT_MAX_RESPONSE_BYTES,
                 backoff_max=10.0, user_agent=USER_AGENT):
        self.url = url
        self.display_url = _without_userinfo(url)
        self.username = username
        self._secrets = [password] if password else []
        self.tls_verify = ca_path or validate_certs
        self.timeout = timeout
        self.retries = max(0, int(retries))
        self.backoff = max(0.0, float(backoff))
        self.backoff_max = backoff_max
        self.max_response_bytes = max_response_bytes
        self.trace_enabled = bool(trace)
        self.trace = []
        self.round_trips = 0
        self.action_counts = {}
        self.last_write_unconfirmed = False
        self.last_request_id = None
        # Reads that cannot change within a task (the release, a customer's code); shared by the loop items of a
        # task on the in-process path (engine/connection.py hands in the task's memo).
        self.memo = {}
        self._owns_session = session is None
        self.session = session if session is not None else requests.Session()
        self.session.auth = (_credential(username), _credential(password))
        self.session.headers.update({'Content-Type': 'text/xml; charset=utf-8', 'Accept': 'text/xml, application/xml',
                                     'User-Agent': user_agent})
        self._sleep = time.sleep

    def __repr__(self):
        return 'CortexClient(url=%r, username=%r)' % (self.display_url, self.username)

    def close(self):
        if self._owns_session:
            self.session.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    # ------------------------------------------------------------ public calls

    def find(self, entity_el, entity=None):
        """FIND: the ``<response>`` root; it has no children when nothing matched."""
        return self.call('FIND', entity_el, entity=entity)

    def get(self, entity_el, entity=None):
        """GET: the ``<response>`` root (a user or service comes back nested in its ``<customer>``)."""
        return self.call('GET', entity_el, entity=entity)

    def set(self, entity_el, verify=None, entity=None):
        """SET: the provisioning request id, or None (CPSM 10 answer, or a lost answer confirmed by ``verify``)."""
        return self._write('SET', entity_el, verify, entity)

    def delete(self, entity_el, verify=None, entity=None):
        """DELETE: like set()."""
        return self._write('DELETE', entity_el, verify, entity)

    def _write(self, action, entity_el, verify, entity):
        root = self.call(action, entity_el, verify=verify, entity=entity)
        self.last_request_id = request_id_of(root) if root is not None else None
        return self.last_request_id

    def call(self, action, entity_el, verify=None, entity=None):
        """Send one request, with retries. Returns the ``<response>`` root, or None when a write whose answer was
        lost was confirmed by ``verify()`` instead of being sent again. ``entity`` overrides the description of
        what is addressed in error messages (default: derived from ``entity_el``, e.g. "user 'U1_TC' of customer 'TC'").
        Raises a CortexError subclass.
        """
        action = str(action).upper()
        request_el = xml_codec.request(action, entity_el)
        body = xml_codec.serialize(request_el)
        secrets = self._secrets + xml_codec.password_texts(entity_el)
        context = dict(action=action, secrets=secrets, entity=entity or xml_codec.describe_entity(entity_el),
                       request_text=xml_codec.redact(request_el, secrets) if self.trace_enabled else None)
        is_write = action in WRITE_ACTIONS
        if is_write:
            self.last_write_unconfirmed = False
        maybe_applied = False
        error = None
        for attempt in range(1, self.retries + 2):
            if attempt > 1:
                self._sleep(self._delay(attempt - 1))
                if is_write and maybe_applied and verify is not None and verify():
                    self.last_write_unconfirmed = True
                    return None
            try:
                return self._attempt(body, attempt, context)
            except _Retryable as retry:
                error = retry.error
                maybe_applied = maybe_applied or retry.maybe_applied
            except AuthorizationError as refused:
                if refused.code == NOT_AUTHORIZED and entity_el.tag != 'identity':
                    self._tell_scope_apart(refused)
                raise
        raise self._final_error(error, self.retries + 1, action if is_write and maybe_applied else None)

    def _tell_scope_apart(self, error):
        """Error 12 means "outside the login's scope" or "no API Access": one GET of the login's own identity tells.

        Only on this error path; a server without <identity> (CPSM 10) leaves the message naming both causes.
        """
        try:
            answer = self.call('GET', xml_codec.E('identity'), entity='the identity of the API login')
        except (AuthorizationError, AuthenticationError):
            error.scoped(False)
        except CortexError:
            return
        else:
            error.scoped(True, xml_codec.text_of(answer, 'identity/customer/name'))

    # ------------------------------------------------------------ one HTTP exchange

    def _delay(self, retry_number):
        delay = min(self.backoff_max, self.backoff * (2 ** (retry_number - 1)))
        return delay + random.uniform(0, delay / 10.0)

    def _attempt(self, body, attempt, context):
        record = dict(method='POST', url=self.display_url, action=context['action'], attempt=attempt, status=None,
                      request=context['request_text'], response=None, elapsed=None)
        self.round_trips += 1
        self.action_counts[context['action']] = self.action_counts.get(context['action'], 0) + 1
        started = time.monotonic()
        try:
            return self._exchange(body, context, record)
        except (_Retryable, CortexError) as exc:
            record['error'] = str(exc.error if isinstance(exc, _Retryable) else exc)
            raise
        finally:
            record['elapsed'] = round(time.monotonic() - started, 3)
            if self.trace_enabled:
                self.trace.append(record)

    def _exchange(self, body, context, record):
        where = '%s for %s' % (self.display_url, context['entity'])
        try:
            response = self.session.post(self.url, data=body, timeout=self.timeout, verify=self.tls_verify,
                                         allow_redirects=False, stream=True)
        except requests.exceptions.SSLError as exc:
            if _speaks_plain_http(exc):
                raise TransportError(
                    'The server at %s speaks plain HTTP on that port, not HTTPS: the TLS handshake got an HTTP answer'
                    % self.display_url, name='PlainHttpPort', entity=context['entity'],
                    hint='Use the port where the server serves HTTPS (normally 443) in api_url, or, for a test server that '
                         'only speaks HTTP, api_url: %s.' % _as_http(self.display_url))
            if _is_certificate_failure(exc):
                raise TransportError('TLS verification of %s failed: %s' % (self.display_url, self._why(exc, context)), hint=TLS_HINT,
                                     name='TLSError', entity=context['entity'])
            raise _Retryable(TransportError('TLS connection to %s failed: %s' % (where, self._why(exc, context)),
                                            name='TLSError', entity=context['entity']), True)
        except requests.exceptions.Timeout as exc:
            raise _Retryable(TransportError('No answer from %s within %s seconds' % (where, self.timeout), name='Timeout',
                                            entity=context['entity'],
                                            hint='Raise timeout if the server is slow, or check that it is up.'),
                             _was_sent(exc))
        except requests.exceptions.ConnectionError as exc:
            raise _Retryable(TransportError('Connection to %s failed: %s' % (where, self._why(exc, context)), name='ConnectionError',
                                            entity=context['entity'],
                                            hint='Check the host and port in api_url, that the server is up, firewalls, '
                                                 'and the proxy environment (HTTPS_PROXY, NO_PROXY).'),
                             _was_sent(exc))
        except requests.exceptions.RequestException as exc:
            raise TransportError('Request to %s could not be sent: %s' % (where, self._why(exc, context)), name='RequestError',
                                 entity=context['entity'], hint='Check url; it must look like https://HOST/CortexAPI/Default.aspx.')
        record['status'] = response.status_code
        try:
            raw = self._read(response, context)
        finally:
            response.close()
        return self._interpret(response, raw, context, record)

    @staticmethod
    def _why(exc, context):
        return xml_codec.redact_text(_reason(exc), context['secrets'])

    def _read(self, response, context):
        declared = response.headers.get('Content-Length', '')
        if declared.isdigit() and int(declared) > self.max_response_bytes:
            raise self._too_large(context)
        chunks, size = [], 0
        try:
            for chunk in response.iter_content(65536):
                size += len(chunk)
                if size > self.max_response_bytes:
                    raise self._too_large(context)
                chunks.append(chunk)
        except requests.exceptions.RequestException as exc:
            raise _Retryable(TransportError('The answer from %s for %s broke off after %d bytes (HTTP %s): %s'
                                            % (self.display_url, context['entity'], size, response.status_code, self._why(exc, context)),
                                            http_status=response.status_code, name='TruncatedResponse',
                                            entity=context['entity']), True)
        return b''.join(chunks)

    def _too_large(self, context):
        return TransportError('The answer from %s for %s is larger than %d bytes and was refused'
                              % (self.display_url, context['entity'], self.max_response_bytes), name='ResponseTooLarge',
                              entity=context['entity'], hint='Narrow the query (FIND with filters) or raise max_response_bytes.')

    def _interpret(self, response, raw, context, record):
        status = response.status_code
        secrets = context['secrets']
        root, parse_error = None, None
        if raw.strip():
            try:
                root = xml_codec.parse(raw)
            except XmlError as exc:
                parse_error = exc
        if self.trace_enabled:
            text = xml_codec.redact(root, secrets) if root is not None else xml_codec.redact_text(
                raw[:_TRACE_TEXT_LIMIT].decode('utf-8', 'replace'), secrets)
            record['response'] = text

        error_el = None
        if root is not None:
            error_el = root if root.tag == 'error' else root.find('error')
        if error_el is not None:
            code_text = (xml_codec.text_of(error_el, 'id') or '').strip()
            code = int(code_text) if re.match(r'^-?[0-9]+$', code_text) else 0
            message = _CONTROL_CHARACTERS.sub(u'\ufffd', xml_codec.redact_text(xml_codec.text_of(error_el, 'message', ''), secrets))
            error = api_error(code, message, http_status=status, entity=context['entity'], api_user=self.username,
                              url=self.display_url)
            if status in RETRY_STATUSES and code not in _NEVER_RETRY_CODES:
                raise _Retryable(error, False)
            raise error

        if isinstance(parse_error, XmlLimitError):
            raise TransportError('HTTP %s from %s for %s was refused: %s' % (status, self.display_url, context['entity'],
                                                                             str(parse_error).rstrip('.')),
                                 http_status=status, name='ResponseTooLarge', entity=context['entity'],
                                 hint='Ask for less at once (filters, paging, fewer columns); the same answer would be '
                                      'refused again, so it was not asked for twice.')
        if parse_error is not None and 400 <= status < 500 and _is_cortex_xml(raw):
            # A refusal whose CortexAPI body broke off: the code (e.g. 34 "not found", which a read relies on) is
            # lost, so ask again rather than report a damaged answer as a wrong URL. The refusal did nothing.
            raise _Retryable(TransportError('HTTP %s from %s for %s: the CortexAPI answer was cut short (%s)'
                                            % (status, self.display_url, context['entity'], str(parse_error).rstrip('.')),
                                            http_status=status, name='TruncatedResponse', entity=context['entity'],
                                            hint='The connection broke while the answer was sent; run the task again.'),
                             False)
        if 300 <= status < 400:
            location = response.headers.get('Location', '(no Location header)')
            raise TransportError('HTTP %s from %s: the server redirects to %s' % (status, self.display_url, location),
                                 http_status=status, name='Redirect', entity=context['entity'],
                                 hint='Use that address as url (often the https:// form). Redirects are not followed '
                                      'because a redirected POST arrives as a GET.')
        if status in RETRY_STATUSES:
            raise _Retryable(http_status_error(status, self.display_url, first_line(raw, True, secrets), context['entity']), True)
        if not 200 <= status < 300:
            raise http_status_error(status, self.display_url, first_line(raw, True, secrets), context['entity'],
                                    www_authenticate=response.headers.get('WWW-Authenticate'))
        if root is None:
            reason = str(parse_error) if parse_error else 'The body is empty.'
            raise _Retryable(TransportError('HTTP %s from %s for %s is not a CortexAPI XML answer: %s. It begins: %s'
                                            % (status, self.display_url, context['entity'], reason.rstrip('.'),
                                               first_line(raw, False, secrets) or '(nothing)'),
                                            http_status=status, name='InvalidResponse', entity=context['entity'],
                                            first_line=first_line(raw, False, secrets),
                                            hint='The answer was cut short, or came from something other than the '
                                                 'CortexAPI (a proxy or login page); check url.'), True)
        if root.tag != 'response':
            raise TransportError('HTTP %s from %s for %s: the answer is <%s>, not a CortexAPI <response>'
                                 % (status, self.display_url, context['entity'], root.tag), http_status=status,
                                 name='InvalidResponse', entity=context['entity'],
                                 hint='Check that url is the CortexAPI endpoint, https://HOST/CortexAPI/Default.aspx.')
        return root

    @staticmethod
    def _final_error(error, attempts, unconfirmed_action):
        if isinstance(error, ApiError) and attempts > 1:
            return error.after_attempts(attempts)   # a retried CortexAPI error: say it was not a one-off
        if not isinstance(error, TransportError):
            return error
        message = '%s (gave up after %d attempt%s)' % (error.message.rstrip('.'), attempts, '' if attempts == 1 else 's')
        hint = error.hint
        if unconfirmed_action:
            hint = ('The %s may or may not have been carried out: its answer was lost. Running the task again is '
                    'safe, it reads the current state first. %s' % (unconfirmed_action, hint or '')).strip()
        return TransportError(message, http_status=error.http_status, hint=hint, name=error.name, entity=error.entity,
                              first_line=error.server_message)
