"""HTTP Basic authentication of API calls: error 11 (bad credentials) or 12 (no API Access), both HTTP 401."""

import base64

from .errors import SimError

REALM = 'Basic realm="CortexAPI"'


def authenticate(store, header):
    """The API user for an Authorization header; error 11 (bad credentials) or 12 (no API Access), HTTP 401."""
    if not header or not header.lower().startswith("basic "):
        raise SimError(11, "The user authentication failed: send HTTP Basic credentials.", 401)
    try:
        raw = base64.b64decode(header.split(None, 1)[1].strip(), validate=True)
        username, _sep, password = raw.decode("utf-8", "replace").partition(":")
    except (ValueError, IndexError):
        raise SimError(11, "The user authentication failed: the Authorization header is not valid Basic.", 401) from None
    user = store.user_by_login(username)
    if user is None or not user.get("password") or user.get("password") != password:
        raise SimError(11, "The user authentication failed for '%s'." % username, 401)
    if not user.get("api_access"):
        raise SimError(12, "User '%s' does not have the API Access permission; give the user a security role with "
                           "API Access." % username, 401)
    return user


def basic_username(header):
    try:
        return base64.b64decode(header.split(None, 1)[1]).decode("utf-8", "replace").partition(":")[0]
    except (ValueError, IndexError, AttributeError):
        return None
