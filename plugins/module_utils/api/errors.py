# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Typed errors for the CortexAPI, keyed by the codes of Appendix A of the developer guide.

Every error a user sees must name the code, what it means, the entity it concerns and what to do about it.
``str(err)`` is that sentence; ``err.to_dict()`` is the same information for the module result.
No third-party imports here: this file must import everywhere (sanity import test, inventory, modules).
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api.status import statuses_text

# The codes of Appendix A, each named once: code compares and tables use these names, never the numbers.
UNKNOWN = 0
CUSTOMER_ERROR = 1
TEMPLATE_NOT_FOUND = 2
INVALID_XML_FORMAT = 3
INVALID_OBJECT = 4
INVALID_ACTION = 5
INVALID_NEW_CUSTOMER = 6
INVALID_UNLIMITED = 7
INVALID_NUMERIC_DELTA = 8
INVALID_NUMERIC_TYPE = 9
INVALID_SERVICE = 10
NOT_AUTHENTICATED = 11
NOT_AUTHORIZED = 12
REPORT_ERROR = 13
REPORT_NOT_FOUND = 14
INVALID_USER = 15
USER_NOT_FOUND = 16
INVALID_STATUS = 17
INVALID_REFERENCE = 18
INVALID_PROPERTY = 19
LOCATION_NOT_FOUND = 20
SERVICE_NOT_FOUND = 21
ROLE_NOT_FOUND = 22
CITRIX_ITEM_NOT_FOUND = 23
CITRIX_ITEM_IN_USE = 24
CITRIX_COLLECTION_NOT_FOUND = 25
CITRIX_COLLECTION_INVALID = 26
LOCATION_ERROR = 27
TOKEN_NOT_FOUND = 28
BRAND_TYPE_NOT_FOUND = 29
BRAND_NAME_NOT_FOUND = 30
HMC_NOT_VALID = 31
INVALID_BOOLEAN = 32
INVALID_KEY = 33
CUSTOMER_NOT_FOUND = 34
PASSWORD_NEVER_EXPIRED_NOT_ALLOWED = 35
INVALID_ACCOUNT_EXPIRATION = 36
INVALID_PASSWORD_EXPIRATION = 37
INVALID_INTEGER = 38


class CortexError(Exception):
    """Base of every error the collection raises on purpose. ``str()`` is the message shown to the user."""

    code = None
    name = 'CortexError'
    meaning = None
    hint = None
    http_status = None
    entity = None
    server_message = None

    def to_dict(self):
        """The structured ``error`` entry of a failed module result."""
        return dict(code=self.code, name=self.name, meaning=self.meaning, hint=self.hint,
                    http_status=self.http_status, entity=self.entity, server_message=self.server_message)


class _Code(object):
    """One row of Appendix A plus our explanation (may mention ``{user}``) and the fix."""

    def __init__(self, name, meaning, explanation, hint):
        self.name = name
        self.meaning = meaning
        self.explanation = explanation
        self.hint = hint


_STATUSES_TEXT = statuses_text()
_BOOLEANS_TEXT = 'true/false, yes/no, 1/0 or -1 (in YAML write an unquoted true or false)'
_PROPERTIES_TIP = 'A GET with <properties detail="true"/> lists every property with its validation rule.'

# Appendix A; "meaning" follows the guide, "explanation" says it in the user's terms, "hint" is the fix.
APPENDIX_A = {
    UNKNOWN: _Code(
        'Unknown', 'Unclassified API error - details in the error message.',
        'The server did not classify this error; its message above is all it said.',
        'Read the server message. If it does not explain the cause, look for the request in the Atria '
        'provisioning log and the Windows event log of the web server.'),
    CUSTOMER_ERROR: _Code(
        'CustomerError', 'Error in a customer level request - invalid attribute or setting.',
        'A customer value or setting was refused.',
        ' '.join(('Check the customer values against the rules this server publishes (they differ between deployments: '
                  'one allows only letters, digits, spaces, dots and hyphens in a full name, another accepts more).',
                  _PROPERTIES_TIP))),
    TEMPLATE_NOT_FOUND: _Code(
        'TemplateNotFound', 'The template specified in the request was not found on the server.',
        'The template named in the request does not exist on the server.',
        'Check the spelling of the template name and that the template exists in Atria.'),
    INVALID_XML_FORMAT: _Code(
        'InvalidXmlFormat', 'The XML in the request is incorrectly formatted - e.g. missing tags.',
        'The server could not read the request document.',
        'This collection builds requests with an XML library, so this usually means an element this server '
        'release does not support. Run the task with trace=true and report the (redacted) request.'),
    INVALID_OBJECT: _Code(
        'InvalidObject', 'Deprecated.',
        'The server returned a deprecated error code.',
        'Read the server message; if it does not explain the cause, report it with the redacted trace '
        '(trace=true).'),
    INVALID_ACTION: _Code(
        'InvalidAction', 'The action attribute is missing or is not a valid action (FIND, GET, SET, DELETE).',
        'This entity does not support the requested action.',
        'Not every entity supports every action: ordinary services cannot be deleted, only de-provisioned '
        '(state=deprovisioned). Check that the entity supports the operation on this server release.'),
    INVALID_NEW_CUSTOMER: _Code(
        'InvalidNewCustomer',
        'Unable to create customer because either the name, fullname, contactname, contactemail and '
        'primarydomain was not specified.',
        'The server tried to create a new customer and required fields were missing.',
        'Creating a customer needs fullname, contactname, contactemail and primarydomain (the code, name, is '
        'generated when omitted). Supply all four, or, if you meant to update an existing customer, check its '
        'code or full name: an unknown one makes the server try to create a new customer.'),
    INVALID_UNLIMITED: _Code(
        'InvalidUnlimited', "A property of type limit was given a value that is neither a number nor 'Unlimited'.",
        'A limit value was neither a number nor Unlimited.',
        'Use a whole number (for example 10) or the word Unlimited for limits.'),
    INVALID_NUMERIC_DELTA: _Code(
        'InvalidNumericDelta', 'A non-numeric amount was entered in a delta amount for increasing/decreasing a quantity.',
        'An increase/decrease amount was not a number.',
        'Use a whole number, optionally signed (for example 5 or -2), for amounts.'),
    INVALID_NUMERIC_TYPE: _Code(
        'InvalidNumericType', 'A non-numeric amount was entered in a delta amount for increasing/decreasing a quantity.',
        'A numeric value was not a number.',
        'Use a whole number (no decimals, no units) for numeric values.'),
    INVALID_SERVICE: _Code(
        'InvalidService',
        'A problem related to the <service> tag, within a customer or user node. Errors are specific to the service.',
        'The service refused the request; the reason is service-specific and is in the server message.',
        'Read the server message. Common causes: the service name is not its internal name (for example HE for '
        'Hosted Exchange, see Appendix B of the guide), the customer service is not provisioned before the user '
        'service, or the chosen plan is not enabled for the customer.'),
    NOT_AUTHENTICATED: _Code(
        'NotAuthenticated', 'The user authentication failed.',
        'The CortexAPI did not accept the credentials of {user} (api_username) with the password given (api_password).',
        'Check api_username and api_password (or ATRIA_USERNAME / ATRIA_PASSWORD, or module_defaults for '
        'group/atria.cortex.atria): they are the login the modules connect with, not an entity of the task. Log in to '
        'the Atria web interface with the same account to see whether it is locked, disabled or its password has '
        'expired.'),
    NOT_AUTHORIZED: _Code(
        'NotAuthorized', 'The current user does not have the required permissions within Cortex to execute the API request.',
        'Either the entity is outside the scope of {user} (a login sees its own customer and the customers below '
        'it), or the login lacks the API Access permission (or the permission for this action).',
        'If the customer should be visible, use a login of a customer above it (or of the service provider). '
        'Otherwise grant the login a security role that includes the API Access permission (Configuration > '
        'Security > Security Roles), allowed for the customer; resellers that manage sub-customers also need a role '
        'such as Reseller Full Administrator.'),
    REPORT_ERROR: _Code(
        'ReportError', 'An error occurred while processing an API report.',
        'The report failed on the server.',
        'Check the report parameters; the server message says what failed.'),
    REPORT_NOT_FOUND: _Code(
        'ReportNotFound', 'The report specified by the Name attribute was not found on the server.',
        'The report named in the request does not exist on the server.',
        'Check the spelling of the report name.'),
    INVALID_USER: _Code(
        'InvalidUser', 'Error related to a User API request.',
        'A user value or setting was refused.',
        "Read the server message. Check the user's name, that the UPN domain is one of the customer's domains, "
        'and that the password meets the customer password policy. ' + _PROPERTIES_TIP),
    USER_NOT_FOUND: _Code(
        'UserNotFound', 'The user specified in the request does not exist in the customer specified.',
        'No user of that customer visible to {user} matched the name, full name, id or UPN.',
        'Users are stored with the customer code appended (User1 under customer TC becomes User1_TC). Check '
        'the user name or UPN and that the user belongs to this customer.'),
    INVALID_STATUS: _Code(
        'InvalidStatus', 'The <status> tag is not one of Provisioned, Failed, Pending, Requested, InProgress, NotProvisioned.',
        'The status sent is not a valid provisioning status.',
        'Use one of ' + _STATUSES_TEXT + '.'),
    INVALID_REFERENCE: _Code(
        'InvalidReference', 'A node passed by reference does not exist.',
        'Something the request refers to (a plan, package, group or member) does not exist.',
        'Check the names the request refers to; they must already exist on the server.'),
    INVALID_PROPERTY: _Code(
        'InvalidProperty', 'An invalid property is specified in a request.',
        'A property name is unknown for this entity or its value failed validation.',
        'Property names are case-sensitive. ' + _PROPERTIES_TIP),
    LOCATION_NOT_FOUND: _Code(
        'LocationNotFound', 'The <name> specified for an active directory location does not exist.',
        'The location named does not exist.',
        "Check the location name; a GET of the customer lists its <locations>."),
    SERVICE_NOT_FOUND: _Code(
        'ServiceNotFound', 'The <service> specified does not exist or has not been configured.',
        'The service does not exist, is not configured, or is not enabled for this customer.',
        'Use the internal service name (Appendix B of the guide, for example HE, FSS, HostedAppsandDesktops) and '
        'check that the service is configured for the location and offered to the customer.'),
    ROLE_NOT_FOUND: _Code(
        'RoleNotFound', 'The role specified does not exist.',
        'A security role named in the request does not exist.',
        "Spell the role exactly as it appears in the customer's <roles> list (a GET of the customer shows it)."),
    CITRIX_ITEM_NOT_FOUND: _Code(
        'CitrixItemNotFound', 'The Citrix application or resource specified does not exist.',
        'The Citrix application or resource named does not exist.',
        'Check the application or resource name against the published resources.'),
    CITRIX_ITEM_IN_USE: _Code(
        'CitrixItemInUse', 'The item could not be removed because it is still in use.',
        'The Citrix item is still assigned.',
        'Remove it from the users and groups that use it first, then retry.'),
    CITRIX_COLLECTION_NOT_FOUND: _Code(
        'CitrixCollectionNotFound', 'The application group specified does not exist.',
        'The application group named does not exist.',
        'Check the application group name.'),
    CITRIX_COLLECTION_INVALID: _Code(
        'CitrixCollectionInvalid', 'The Citrix Farm name is missing or does not match the farm configured for the customer.',
        'The farm name is missing or is not the farm configured for this customer.',
        'Specify the farm that is configured for this customer.'),
    LOCATION_ERROR: _Code(
        'LocationError', 'The location can not be deleted as it is in use.',
        'The location is still in use.',
        'Move the users and services out of the location before deleting it.'),
    TOKEN_NOT_FOUND: _Code(
        'TokenNotFound', 'The <name> specified for a token does not exist.',
        'The token named does not exist.',
        'Check the token name.'),
    BRAND_TYPE_NOT_FOUND: _Code(
        'BrandTypeNotFound', 'The brand type was not specified or was not one of DNS, Parent or Custom.',
        'The brand type is missing or invalid.',
        'Use DNS, Parent or Custom as brand type.'),
    BRAND_NAME_NOT_FOUND: _Code(
        'BrandNameNotFound', 'The brand name specified does not exist.',
        'The brand named does not exist.',
        'Check the brand name.'),
    HMC_NOT_VALID: _Code(
        'HMCNotValid', 'HMC was specified in a request and the location is not an HMC location.',
        'HMC settings were sent for a location that is not an HMC location.',
        'Remove the HMC settings or use an HMC location.'),
    INVALID_BOOLEAN: _Code(
        'InvalidBoolean', 'A non-Boolean value was used (something other than true, yes, 1, -1, 0, no, false).',
        'A yes/no value was not a boolean.',
        'Use ' + _BOOLEANS_TEXT + '.'),
    INVALID_KEY: _Code(
        'InvalidKey', 'The "secure" attribute of the action is specified and the key provided cannot be decrypted.',
        'The request was marked secure and its key could not be decrypted.',
        'This collection never sends the secure attribute; if you see this, report it with the redacted trace.'),
    CUSTOMER_NOT_FOUND: _Code(
        'CustomerNotFound', 'The customer specified by <name> <id> <fullname> or <billingid> could not be located.',
        'The customer code, full name, id or billing id did not match any customer visible to {user}.',
        'Check the spelling, or whether the customer is outside your reseller scope.'),
    PASSWORD_NEVER_EXPIRED_NOT_ALLOWED: _Code(
        'PasswordNeverExpiredNotAllowed',
        'A password is set to never expire when this is not enabled for the specified customer.',
        'Passwords that never expire are not allowed for this customer.',
        "Allow it in the customer's password policy (allowneverexpires) first, or give the password an expiry."),
    INVALID_ACCOUNT_EXPIRATION: _Code(
        'InvalidAccountExpiration', 'The account expiration date is not a valid format that can be cast to YYYY-MM-dd.',
        'The account expiry date could not be read.',
        'Write the date as YYYY-MM-DD, for example 2026-12-31.'),
    INVALID_PASSWORD_EXPIRATION: _Code(
        'InvalidPasswordExpiration', 'The password expiration date is not a valid format that can be cast to YYYY-MM-dd.',
        'The password expiry date could not be read.',
        'Write the date as YYYY-MM-DD, for example 2026-12-31.'),
    INVALID_INTEGER: _Code(
        'InvalidInteger', 'The number specified is not an integer.',
        'A value that must be a whole number was not one.',
        'Use a whole number (no decimals, no units).'),
}


def _sentence(text):
    text = (text or '').strip()
    if text and text[-1] not in '.!?':
        text += '.'
    return text


def _who(api_user):
    return "API login '%s'" % api_user if api_user else 'the API login'


def _fill(template, api_user):
    if not template:
        return template
    text = template.replace('{user}', _who(api_user))
    return text[0].upper() + text[1:]


class ApiError(CortexError):
    """The CortexAPI answered ``<error><id>code</id><message>...</message></error>``.

    ``code`` may be None for an HTTP refusal without a CortexAPI body (then ``name``/``meaning``/``hint`` are given).
    """

    def __init__(self, code, message, http_status=None, entity=None, api_user=None, name=None, meaning=None, hint=None,
                 url=None):
        row = APPENDIX_A.get(code)
        self.code = code
        self.server_message = (message or '').strip()
        self.http_status = http_status
        self.entity = entity
        self.api_user = api_user
        self.url = url
        # Error 12 only: True when the login's own identity read works (the entity is outside its scope), False when
        # even that is refused (the login lacks API Access), None when not known (see in_scope()).
        self.login_works = None
        self.login_customer = None
        if row is None and code is not None:
            row = _Code('Unknown', 'Code %s is not listed in Appendix A of the CortexAPI guide.' % code, None,
                        APPENDIX_A[UNKNOWN].hint)
        self.name = name or (row.name if row else 'Error')
        self.meaning = meaning or (row.meaning if row else None)
        self.explanation = _fill(row.explanation, api_user) if row and not meaning else None
        self.hint = hint or (row.hint if row else None)
        self.attempts = None
        super(ApiError, self).__init__(self._compose())

    def after_attempts(self, attempts):
        """The same error, saying that it came back on every one of ``attempts`` tries (HTTP 500 answers)."""
        self.attempts = attempts
        self.args = (self._compose(),)
        return self

    def scoped(self, login_works, login_customer=None):
        """Error 12 told apart by a read of the login's own identity: out of scope (it works) or no API Access."""
        self.login_works = login_works
        self.login_customer = login_customer
        if login_works:
            whose = " '%s'" % login_customer if login_customer else ''
            self.explanation = ('%s is outside the scope of %s, which has API access but sees only its own customer%s '
                                'and the customers below it' % (self.entity or 'The entity', _who(self.api_user), whose))
            self.explanation = self.explanation[0].upper() + self.explanation[1:]
            self.hint = ('Use a login of a customer above it (or of the service provider) in api_username / '
                         'api_password, or check that the customer code, full name or parent is the one meant.')
        elif login_works is False:
            self.explanation = ('%s lacks the API Access permission: even reading its own identity is refused'
                                % _who(self.api_user))
            self.explanation = self.explanation[0].upper() + self.explanation[1:]
            self.hint = ('Grant the login a security role that includes the API Access permission (Configuration > '
                         'Security > Security Roles), allow that role for its customer and assign it to the login.')
        self.args = (self._compose(),)
        return self

    def _compose(self):
        if self.code is not None:
            head = 'CortexAPI error %s (%s)' % (self.code, self.name)
        else:
            head = 'CortexAPI HTTP %s (%s)' % (self.http_status, self.name)
        if self.url and self.code in (NOT_AUTHENTICATED, NOT_AUTHORIZED):
            head += ' from %s' % self.url
        # Error 11 is about the login, never about the entity the request addressed: naming the entity there reads as
        # if the entity were the login.
        if self.entity and self.code != NOT_AUTHENTICATED:
            head += ' for %s' % self.entity
        if self.attempts:
            head += ' (HTTP %s, gave up after %d attempts)' % (self.http_status, self.attempts)
        parts = [_sentence(self.server_message), _sentence(self.explanation or self.meaning), _sentence(self.hint)]
        return head + ': ' + ' '.join(p for p in parts if p)


class NotFoundError(ApiError):
    """The addressed thing does not exist (or is invisible to the API user). Check ``.code`` to know which."""


class AuthenticationError(ApiError):
    """Credentials refused: code 11, or HTTP 401 without a CortexAPI body."""


class AuthorizationError(ApiError):
    """Authenticated but not allowed: code 12, or HTTP 403."""


class ValidationError(ApiError):
    """The request was refused because of a value in it; sending it again unchanged always fails."""


class ConflictError(ApiError):
    """The thing cannot be removed because it is still in use (24, 27)."""


_FAMILIES = (
    (NotFoundError, (TEMPLATE_NOT_FOUND, REPORT_NOT_FOUND, USER_NOT_FOUND, LOCATION_NOT_FOUND, SERVICE_NOT_FOUND,
                     CITRIX_ITEM_NOT_FOUND, CITRIX_COLLECTION_NOT_FOUND, TOKEN_NOT_FOUND, BRAND_NAME_NOT_FOUND,
                     CUSTOMER_NOT_FOUND)),
    (AuthenticationError, (NOT_AUTHENTICATED,)),
    (AuthorizationError, (NOT_AUTHORIZED,)),
    (ValidationError, (CUSTOMER_ERROR, INVALID_XML_FORMAT, INVALID_OBJECT, INVALID_ACTION, INVALID_NEW_CUSTOMER,
                       INVALID_UNLIMITED, INVALID_NUMERIC_DELTA, INVALID_NUMERIC_TYPE, INVALID_SERVICE, INVALID_USER,
                       INVALID_STATUS, INVALID_REFERENCE, INVALID_PROPERTY, ROLE_NOT_FOUND, CITRIX_COLLECTION_INVALID,
                       BRAND_TYPE_NOT_FOUND, HMC_NOT_VALID, INVALID_BOOLEAN, INVALID_KEY,
                       PASSWORD_NEVER_EXPIRED_NOT_ALLOWED, INVALID_ACCOUNT_EXPIRATION, INVALID_PASSWORD_EXPIRATION,
                       INVALID_INTEGER)),
    (ConflictError, (CITRIX_ITEM_IN_USE, LOCATION_ERROR)),
)
_CLASS_BY_CODE = dict((code, cls) for cls, codes in _FAMILIES for code in codes)


def error_for(code):
    """The exception class for an Appendix A code (ApiError for 0, 13 and unknown codes)."""
    return _CLASS_BY_CODE.get(code, ApiError)


def api_error(code, message, http_status=None, entity=None, api_user=None, url=None):
    """Build the typed exception for a CortexAPI ``<error>`` answer."""
    return error_for(code)(code, message, http_status=http_status, entity=entity, api_user=api_user, url=url)


def with_hint(error, hint):
    """The same API error with the fix that fits where it happened (an error code's general hint may not)."""
    return error_for(error.code)(error.code, error.server_message, http_status=error.http_status, entity=error.entity,
                                 api_user=error.api_user, hint=hint, url=getattr(error, 'url', None))


class TransportError(CortexError):
    """The request did not get a usable CortexAPI answer: network, TLS, timeout, wrong URL, non-XML body."""

    def __init__(self, message, http_status=None, hint=None, name='TransportError', entity=None, first_line=None):
        self.message = _sentence(message)
        self.http_status = http_status
        self.hint = hint
        self.name = name
        self.entity = entity
        self.server_message = first_line
        super(TransportError, self).__init__(' '.join(p for p in (self.message, _sentence(hint)) if p))


class XmlError(CortexError):
    """A document could not be parsed, or was refused by the hardened parser (DOCTYPE, entities, depth)."""

    name = 'XmlError'


class XmlLimitError(XmlError):
    """A well-formed document beyond the hardened parser's limits (nesting depth, one text over 10 MB): the same
    answer would be refused again, so it is never asked for twice."""

    name = 'XmlLimitError'


class InvalidValueError(CortexError, ValueError):
    """A value cannot be mapped to or from its CortexAPI text form (boolean, limit, XML-incompatible text)."""

    name = 'InvalidValue'


WRONG_URL_HINT = 'Point url at the CortexAPI endpoint, normally https://HOST/CortexAPI/Default.aspx.'
TLS_HINT = ('The server certificate could not be verified. Give the CA bundle that signed it with ca_path, or, only '
            'for a test server, set validate_certs=false (or ATRIA_VALIDATE_CERTS=false).')
_HTTP_STATUS_HINTS = {
    400: ('BadRequest', 'The server refused the request without a CortexAPI error, so it probably did not reach the '
                        'CortexAPI. ' + WRONG_URL_HINT),
    403: ('Forbidden', 'The web server refused access before the CortexAPI ran: IIS may require SSL, a client '
                       'certificate or a permitted client address. Check the IIS settings of the CortexAPI application.'),
    404: ('NotFound', WRONG_URL_HINT),
    405: ('MethodNotAllowed', WRONG_URL_HINT),
    407: ('ProxyAuthenticationRequired', 'A proxy between you and the server wants credentials. Set the proxy in '
                                         'HTTPS_PROXY (https://user:password@proxy:port), or exclude the server with NO_PROXY.'),
    408: ('RequestTimeout', 'The web server timed out reading the request; retry later or increase timeout.'),
    413: ('RequestTooLarge', 'The request is larger than the web server accepts (IIS maxRequestLength).'),
    429: ('TooManyRequests', 'The server is throttling requests; lower forks/throttle or retry later.'),
    500: ('InternalServerError', 'The server failed without a CortexAPI error; it may work later. Check the '
                                 'Windows event log of the web server if it persists.'),
    502: ('BadGateway', 'A proxy or load balancer could not reach the CortexAPI server; retry later.'),
    503: ('ServiceUnavailable', 'The CortexAPI application is unavailable (application pool stopped or '
                                'overloaded); retry later or ask the platform administrator.'),
    504: ('GatewayTimeout', 'A proxy or load balancer timed out waiting for the CortexAPI; retry later or raise its timeout.'),
}


def http_status_error(status, url, first_line, entity=None, www_authenticate=None):
    """The error for an HTTP refusal that carries no CortexAPI ``<error>`` body."""
    detail = first_line or '(empty body)'
    if status in (401, 403):
        detail = first_line or ''  # the name and meaning already say everything; no "(empty body)" noise
    if status == 401:
        hint = APPENDIX_A[NOT_AUTHENTICATED].hint
        if www_authenticate is not None and 'basic' not in www_authenticate.lower():
            hint = ('The web server does not offer Basic authentication (it offers %s). Enable Basic '
                    'authentication for the CortexAPI application in IIS.' % www_authenticate)
        return AuthenticationError(None, detail, http_status=401, entity=entity, name='Unauthorized',
                                   meaning='The web server refused the credentials before the CortexAPI answered.',
                                   hint=hint)
    name, hint = _HTTP_STATUS_HINTS.get(status, ('HTTP%s' % status, None))
    if status == 403:
        return AuthorizationError(None, detail, http_status=403, entity=entity, name=name,
                                  meaning='The web server forbade the request.', hint=hint)
    if hint is None and 300 <= status < 400:
        hint = WRONG_URL_HINT
    message = 'HTTP %s from %s%s: %s' % (status, url, ' for %s' % entity if entity else '', detail)
    return TransportError(message, http_status=status, hint=hint, name=name, entity=entity, first_line=first_line)
