# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Which release the server runs (``GET <global/>``), and what the older releases lack.

The CortexAPI ignores what it does not know, so a feature an older release lacks does not fail there: a SET of a
distribution group on CPSM 10 answers success and changes nothing. Knowing the release lets a task refuse such
a write before sending it.

What the version tells: the CPSM 11 guide and the Atria guide both answer ``<api>11.0.0.0</api>`` in their
``<global>`` samples, the CPSM 10 guide documents no ``<global>`` at all. So the version tells CPSM 10 (10.x, or
no ``<global>`` answer) from the rest, never CPSM 11 from Atria 12; where those two spell a tag differently, the
spelling rules (docs/spellings.md) handle it, not the version.

The release is read at most once per task: ``release_of(client)`` keeps it in the task memo (``client.memo``, which
in-process runs keep across loop items), else on the client.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import ApiError, AuthenticationError, AuthorizationError, CortexError

# What the CPSM 10 guide does not document, by feature key -> how messages name it. Compared with the CPSM 11 and
# Atria guides: no distribution groups or contacts (Hosted Exchange management), no workflow approval (providers,
# groups, responses), no <identity>, no GET <request> (SET/DELETE answer no request id), no user
# <additionalproperties> and no <customerproperties>.
CPSM10_LACKS = {
    'distribution_groups': 'distribution groups',
    'contacts': 'Hosted Exchange contacts',
    'approval': 'workflow approval (approval providers, workflow groups, approval responses)',
    'identity': 'the API user identity (<identity/>)',
    'request_status': 'GET <request> (provisioning requests cannot be read)',
    'additional_properties': 'additional properties',
}

NEWER_RELEASES = 'CPSM 11 or Atria 12'


class Release:
    """The server's answer to ``GET <global/>``.

    api_version -- the ``<version><api>`` text (e.g. '11.0.0.0'); None when the server did not say
    answered   -- False when the server answered no ``<global>`` at all (as a CPSM 10 server, which does not
                  document it, would); None when the question itself failed (the release is then unknown)
    """

    def __init__(self, api_version=None, database_version=None, answered=True):
        self.api_version = api_version
        self.database_version = database_version
        self.answered = answered

    @property
    def major(self):
        head = (self.api_version or '').strip().split('.')[0]
        return int(head) if head.isdigit() else None

    @property
    def known(self):
        return self.major is not None or self.answered is False

    @property
    def is_cpsm10(self):
        """True for a 10.x server and for one that does not know <global/>; False when unknown or newer."""
        if self.major is not None:
            return self.major < 11
        return self.answered is False

    def lacks(self, feature):
        if feature not in CPSM10_LACKS:
            raise KeyError(feature)
        return self.is_cpsm10

    def describe(self):
        """How messages quote the server's answer: 'the server reports 10.0.0.0'."""
        if self.api_version:
            return 'the server reports %s' % self.api_version
        if self.answered is False:
            return 'the server does not answer GET <global/>, which only CPSM 10 lacks'
        return 'the server did not tell its release'

    def require(self, feature, what, writing=True):
        """Raise ReleaseTooOld (before a write, or to explain an empty answer) when this release lacks ``feature``."""
        if self.lacks(feature):
            raise ReleaseTooOld(what, feature, self, writing)

    def to_dict(self):
        return dict(api=self.api_version, database=self.database_version, cpsm10=self.is_cpsm10 if self.known else None)

    def __repr__(self):
        return 'Release(%r, answered=%r)' % (self.api_version, self.answered)


class ReleaseTooOld(CortexError):
    """The task needs a feature the server's release does not have; raised before anything is written."""

    name = 'ReleaseTooOld'

    def __init__(self, what, feature, release, writing=True):
        self.feature = feature
        self.release = release
        consequence = ('A CPSM 10 server would accept the request and silently ignore it. Nothing was sent.' if writing
                       else 'A CPSM 10 server answers such a request with nothing.')
        super(ReleaseTooOld, self).__init__(
            '%s needs %s: CPSM 10 has no %s, and %s. %s Run this task against a CPSM 11 or Atria 12 server, or leave '
            'it out for this one.' % (what, NEWER_RELEASES, CPSM10_LACKS[feature], release.describe(), consequence))
        self.hint = 'Upgrade the server, or skip this task on CPSM 10.'


def parse_global(response):
    """A Release from a ``GET <global/>`` response root."""
    found = response.find('global') if response is not None else None
    if found is None:
        return Release(answered=False)
    return Release(xml_codec.text_of(found, 'version/api'), xml_codec.text_of(found, 'version/database'))


def read_release(client):
    """GET <global/> -> Release. A refusal of the question itself leaves the release unknown rather than failing the
    task; refused credentials or permissions fail it (the write that follows would be refused the same way)."""
    try:
        return parse_global(client.get(xml_codec.leaf('global')))
    except (AuthenticationError, AuthorizationError):
        raise
    except ApiError:
        return Release(answered=None)


MEMO_KEY = ('release',)


def release_of(client):
    """The client's Release, read once (one GET <global/>) per task.

    Kept in ``client.memo`` (the task memo, which in-process runs keep across loop items) under ('release',),
    else on the client itself.
    """
    release = known_release(client)
    if release is None:
        release = read_release(client)
        memo = getattr(client, 'memo', None)
        if isinstance(memo, dict):
            memo[MEMO_KEY] = release
        else:
            client.release = release
    return release


def known_release(client):
    """The Release already read for this task, or None: for messages that must not cost a request."""
    memo = getattr(client, 'memo', None)
    if isinstance(memo, dict) and MEMO_KEY in memo:
        return memo[MEMO_KEY]
    return getattr(client, 'release', None)
