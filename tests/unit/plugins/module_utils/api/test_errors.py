"""Typed CortexAPI errors: every Appendix A code has a name, a meaning and a fix, and messages read well."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.api import errors

ALL_CODES = range(0, 39)


@pytest.mark.parametrize('code', ALL_CODES)
def test_every_appendix_a_code_has_name_meaning_explanation_and_hint(code):
    row = errors.APPENDIX_A[code]
    assert row.name and row.meaning and row.explanation and row.hint
    err = errors.api_error(code, 'server says so', http_status=400, entity="customer 'X'")
    text = str(err)
    # Error 11 is about the login, so it never names the entity as if it were the login.
    where = '' if code == errors.NOT_AUTHENTICATED else " for customer 'X'"
    assert text.startswith("CortexAPI error %d (%s)%s: server says so." % (code, row.name, where))
    assert row.hint.rstrip('.') in text
    assert err.code == code and err.name == row.name and err.meaning == row.meaning and err.hint == row.hint


def test_customer_not_found_message_names_code_entity_user_and_fix():
    err = errors.api_error(34, "Customer 'ZZ' not found.", http_status=400, entity="customer 'ZZ'", api_user='admin_DA')
    assert str(err) == (
        "CortexAPI error 34 (CustomerNotFound) for customer 'ZZ': Customer 'ZZ' not found. The customer code, full name, "
        "id or billing id did not match any customer visible to API login 'admin_DA'. Check the spelling, or whether the "
        "customer is outside your reseller scope.")
    assert isinstance(err, errors.NotFoundError) and err.server_message == "Customer 'ZZ' not found."


@pytest.mark.parametrize('code, family', [
    (16, errors.NotFoundError), (20, errors.NotFoundError), (21, errors.NotFoundError), (34, errors.NotFoundError),
    (11, errors.AuthenticationError), (12, errors.AuthorizationError),
    (1, errors.ValidationError), (3, errors.ValidationError), (5, errors.ValidationError), (6, errors.ValidationError),
    (7, errors.ValidationError), (10, errors.ValidationError), (15, errors.ValidationError), (17, errors.ValidationError),
    (19, errors.ValidationError), (22, errors.ValidationError), (32, errors.ValidationError), (38, errors.ValidationError),
    (24, errors.ConflictError), (27, errors.ConflictError), (0, errors.ApiError), (13, errors.ApiError), (99, errors.ApiError),
])
def test_error_for_maps_codes_to_families(code, family):
    assert errors.error_for(code) is family
    assert type(errors.api_error(code, 'm')) is family  # pylint: disable=unidiomatic-typecheck


@pytest.mark.parametrize('code, words', [
    (12, ['API Access', 'security role']),
    (11, ['password', 'locked']),
    (6, ['fullname', 'contactname', 'contactemail', 'primarydomain']),
    (7, ['whole number', 'Unlimited']),
    (17, ['Provisioned', 'NotProvisioned', 'Requested', 'InProgress', 'Failed', 'Pending']),
    (32, ['true', 'false', 'yes', 'no', '1', '0', '-1']),
    (10, ['server message']),
    (16, ['User1_TC']),
    (21, ['internal service name']),
])
def test_hints_say_what_to_do(code, words):
    hint = errors.APPENDIX_A[code].hint
    for word in words:
        assert word in hint


def test_not_authorized_names_the_api_login_and_both_causes_until_told_apart():
    err = errors.api_error(12, 'Access denied', http_status=401, entity="customer 'OC'", api_user='noapi_Gsp',
                           url='https://atria.example/CortexAPI/Default.aspx')
    assert "from https://atria.example/CortexAPI/Default.aspx for customer 'OC'" in str(err)
    assert "outside the scope of API login 'noapi_Gsp'" in str(err) and 'lacks the API Access permission' in str(err)
    assert isinstance(err, errors.AuthorizationError) and err.http_status == 401
    assert "API login 'noapi_Gsp' lacks the API Access permission" in str(err.scoped(False))
    scoped = errors.api_error(12, 'Access denied', entity="customer 'OC'", api_user='admin_DA').scoped(True, 'DA')
    assert "Customer 'OC' is outside the scope of API login 'admin_DA'" in str(scoped)
    assert "its own customer 'DA'" in str(scoped) and 'API Access permission' not in str(scoped)


def test_not_authenticated_names_the_login_and_the_url_never_the_entity():
    err = errors.api_error(11, 'Authentication failed', http_status=401, entity="user 'dave_HOI' of customer 'HOI'",
                           api_user='admin_Gsp', url='https://atria.example/CortexAPI/Default.aspx')
    assert str(err).startswith('CortexAPI error 11 (NotAuthenticated) from https://atria.example/CortexAPI/Default.aspx:')
    assert "API login 'admin_Gsp'" in str(err) and 'dave_HOI' not in str(err)


def test_unknown_code_is_reported_as_such():
    err = errors.api_error(99, 'Something odd')
    assert str(err).startswith('CortexAPI error 99 (Unknown): Something odd. Code 99 is not listed in Appendix A')


def test_to_dict_has_the_structured_fields():
    err = errors.api_error(34, 'nope', http_status=400, entity="customer 'ZZ'")
    assert err.to_dict() == dict(code=34, name='CustomerNotFound', meaning=errors.APPENDIX_A[34].meaning,
                                 hint=errors.APPENDIX_A[34].hint, http_status=400, entity="customer 'ZZ'",
                                 server_message='nope')


def test_http_401_without_body_is_an_authentication_error():
    err = errors.http_status_error(401, 'https://h/CortexAPI/Default.aspx', '', entity="customer 'DA'")
    assert isinstance(err, errors.AuthenticationError) and err.code is None and err.http_status == 401
    assert str(err).startswith("CortexAPI HTTP 401 (Unauthorized) for customer 'DA': The web server refused")
    assert 'password' in err.hint


def test_http_401_without_basic_offered_says_to_enable_basic_auth():
    err = errors.http_status_error(401, 'https://h/x', '', www_authenticate='Negotiate, NTLM')
    assert 'Enable Basic authentication' in str(err)


def test_http_403_is_an_authorization_error():
    err = errors.http_status_error(403, 'https://h/x', 'Forbidden')
    assert isinstance(err, errors.AuthorizationError) and err.http_status == 403


@pytest.mark.parametrize('status', [404, 405])
def test_wrong_url_hint(status):
    err = errors.http_status_error(status, 'https://h/wrong', 'Not Found')
    assert isinstance(err, errors.TransportError)
    assert 'https://HOST/CortexAPI/Default.aspx' in str(err) and 'HTTP %d from https://h/wrong' % status in str(err)


def test_transport_error_carries_status_and_first_line():
    err = errors.http_status_error(503, 'https://h/CortexAPI/Default.aspx', 'Service Unavailable', entity="customer 'DA'")
    assert err.http_status == 503 and err.server_message == 'Service Unavailable' and err.name == 'ServiceUnavailable'
    assert str(err).startswith("HTTP 503 from https://h/CortexAPI/Default.aspx for customer 'DA': Service Unavailable.")


def test_exception_hierarchy():
    for cls in (errors.ApiError, errors.TransportError, errors.XmlError, errors.InvalidValueError):
        assert issubclass(cls, errors.CortexError)
    for cls in (errors.NotFoundError, errors.AuthenticationError, errors.AuthorizationError, errors.ValidationError,
                errors.ConflictError):
        assert issubclass(cls, errors.ApiError)
    assert issubclass(errors.InvalidValueError, ValueError)
    assert errors.TLS_HINT.count('validate_certs') == 1 and 'ca_path' in errors.TLS_HINT
