# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Hosted Exchange contacts through the engine: found by path, sync object id or display name (each with the
server's filter), written by the key that found them, Hosted Exchange required, removal by SET, paged listing,
and contacts named by display name in member lists."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.api.release import Release
from ansible_collections.atria.cortex.plugins.module_utils.engine import reconciler
from ansible_collections.atria.cortex.plugins.module_utils.engine.context import RunContext
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CustomerRef
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.contact import CONTACT, ContactDirectory, ContactLocator, contacts
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.locator import ServiceNotProvisioned

from fakes import element, xml
from fakes import run_engine as run


@pytest.fixture(autouse=True)
def current_release_without_read_back(monkeypatch):
    """The fake records requests without applying them: the release gate and the read-back after a write are
    tested elsewhere (tests/reliability/test_dropped_tags.py, test_releases.py, tests/e2e/test_contacts.py)."""
    monkeypatch.setattr(reconciler, 'verify_run', lambda run, written: None)
    monkeypatch.setattr(reconciler, 'release_of', lambda client: Release('11.0.0.0'))


class ContactsClient:
    """Contacts of DA: <displaynamefilter>/<syncfilter> match substrings, pages as the guide (no total count)."""

    def __init__(self, items, status='Provisioned'):
        self.items = sorted(items, key=lambda item: item[0].lower())     # (displayname, syncobjectid, email)
        self.status = status
        self.requests = []
        self.writes = []

    def get(self, entity):
        self.requests.append(entity)
        listing = entity.find('service/contacts')
        name, sync = (listing.findtext('displaynamefilter') or '').lower(), (listing.findtext('syncfilter') or '').lower()
        index, size = int(listing.findtext('pageindex') or 1), int(listing.findtext('pagesize') or 1000)
        chosen = [item for item in self.items if name in item[0].lower() and sync in item[1].lower()]
        body = ''.join('<contact><displayname>%s</displayname><syncobjectid>%s</syncobjectid><email>%s</email>'
                       '<path>CN=%s,OU=Contacts</path><enabled>True</enabled><hidefromaddresslists>False'
                       '</hidefromaddresslists></contact>' % (item[0], item[1], item[2], item[0])
                       for item in chosen[(index - 1) * size:index * size])
        return element('<response><customer><name>DA</name><service><name>HE</name><status>%s</status>'
                       '<contacts>%s</contacts></service></customer></response>' % (self.status, body))

    def set(self, entity, verify=None):
        self.writes.append(xml(entity.find('service/contacts')))
        return 1

    def find(self, entity):
        raise AssertionError('no FIND expected')


def contact_params(**overrides):
    params = dict((field.option, None) for field in CONTACT.fields)
    params.update(customer='DA', path=None, state='present', wait=False, wait_timeout=5)
    params.update(overrides)
    return params


def filters(request):
    listing = request.find('service/contacts')
    return [(child.tag, child.text) for child in listing]


PAT = ('Pat Partner', 'sync-1', 'pat@partner.example')


def test_a_contact_is_read_by_its_display_name_filter_and_picked_by_exact_name():
    client = ContactsClient([PAT, ('Pat Partners Team', '', 'team@partner.example')])
    params = contact_params(display_name='pat partner', email='pat@partner.example')
    result = run(CONTACT, ContactLocator('DA', 'pat partner'), client, params)
    assert not result['changed'] and client.writes == []
    assert [filters(request) for request in client.requests] == [
        [('displaynamefilter', 'pat partner'), ('pageindex', '1'), ('pagesize', '1000')]]
    assert result['contact']['display_name'] == 'Pat Partner' and result['contact']['sync_object_id'] == 'sync-1'


def test_a_change_names_the_contact_as_the_server_spells_it_and_carries_only_the_difference():
    client = ContactsClient([PAT])
    result = run(CONTACT, ContactLocator('DA', 'PAT PARTNER'), client,
                 contact_params(display_name='PAT PARTNER', job_title='Buyer', state_or_province='Kent',
                                hide_from_address_lists=True))
    assert result['changed']
    assert client.writes == ['<contacts><contact><displayname>Pat Partner</displayname><jobtitle>Buyer</jobtitle>'
                             '<state>Kent</state><hidefromaddresslists>True</hidefromaddresslists></contact></contacts>']


def test_found_by_sync_object_id_the_contact_is_renamed_by_that_key():
    client = ContactsClient([PAT])
    result = run(CONTACT, ContactLocator('DA', 'Pat Partner (Ltd)', 'SYNC-1'), client,
                 contact_params(display_name='Pat Partner (Ltd)', sync_object_id='SYNC-1'))
    # the read, then the read-back after the write
    assert [filters(request)[0] for request in client.requests] == [('syncfilter', 'SYNC-1')] * 2
    assert client.writes == ['<contacts><contact><syncobjectid>sync-1</syncobjectid>'
                             '<displayname>Pat Partner (Ltd)</displayname></contact></contacts>']
    assert result['diff']['before']['display_name'] == 'Pat Partner'


def test_a_new_sync_object_id_falls_back_to_the_display_name_and_is_set():
    client = ContactsClient([PAT])
    run(CONTACT, ContactLocator('DA', 'Pat Partner', 'sync-2'), client,
        contact_params(display_name='Pat Partner', sync_object_id='sync-2'))
    assert [filters(request)[0] for request in client.requests[:2]] == [('syncfilter', 'sync-2'),
                                                                        ('displaynamefilter', 'Pat Partner')]
    assert client.writes == ['<contacts><contact><displayname>Pat Partner</displayname>'
                             '<syncobjectid>sync-2</syncobjectid></contact></contacts>']


def test_a_contact_found_by_path_is_picked_from_the_unfiltered_pages():
    client = ContactsClient([PAT, ('Other', '', 'o@x.example')])
    result = run(CONTACT, ContactLocator('DA', 'Pat P.', path='cn=pat partner,ou=contacts'), client,
                 contact_params(display_name='Pat P.'))
    assert filters(client.requests[0]) == [('pageindex', '1'), ('pagesize', '1000')]
    assert client.writes == ['<contacts><contact><path>CN=Pat Partner,OU=Contacts</path>'
                             '<displayname>Pat P.</displayname></contact></contacts>']
    assert result['contact']['path'] == 'CN=Pat Partner,OU=Contacts'


def test_creation_needs_a_display_name_and_is_keyed_by_it():
    client = ContactsClient([])
    with pytest.raises(reconciler.MissingForCreate) as failure:
        run(CONTACT, ContactLocator('DA', None, 'sync-9'), client, contact_params(sync_object_id='sync-9'))
    assert 'display_name' in str(failure.value) and client.writes == []
    run(CONTACT, ContactLocator('DA', 'New One', 'sync-9'), client,
        contact_params(display_name='New One', sync_object_id='sync-9', email='new@x.example'))
    assert client.writes == ['<contacts><contact><displayname>New One</displayname><syncobjectid>sync-9</syncobjectid>'
                             '<email>new@x.example</email></contact></contacts>']


def test_writes_need_hosted_exchange_and_removal_disables_the_contact():
    client = ContactsClient([], status='NotProvisioned')
    locator = ContactLocator('DA', 'New')
    with pytest.raises(ServiceNotProvisioned) as failure:
        run(CONTACT, locator, client, contact_params(display_name='New'), check_mode=True,
            before_write=locator.require_service)
    assert "so it has no contacts to create or change" in str(failure.value)
    assert len(client.requests) == 1 and client.writes == []

    client = ContactsClient([PAT])
    locator = ContactLocator('DA', 'pat partner')
    result = run(CONTACT, locator, client, contact_params(display_name='pat partner'), state='absent',
                 before_write=locator.require_service)
    assert result['changed'] and result['contact'] == {}
    assert client.writes == ['<contacts><contact><displayname>Pat Partner</displayname><enabled>False</enabled>'
                             '</contact></contacts>']


def test_the_listing_follows_the_pages_and_sends_the_filters():
    client = ContactsClient([('Contact %04d' % number, 's%d' % number, 'c%d@x.example' % number) for number in range(2500)])
    status, found = contacts(client, CustomerRef('DA'), display_name_filter='Contact', sync_filter='s')
    assert status == 'Provisioned' and len(found) == 2500
    assert [filters(request)[:3] for request in client.requests][0] == [
        ('displaynamefilter', 'Contact'), ('syncfilter', 's'), ('pageindex', '1')]
    assert len(client.requests) == 3


def test_member_lists_name_contacts_by_display_name_with_one_read():
    client = ContactsClient([PAT, ('No Mail', '', '')])
    directory = RunContext(client, customer=CustomerRef('DA')).lookup(ContactDirectory)
    assert directory.keys(['pat partner', 'no mail', 'nobody']) == {'pat partner': 'pat@partner.example',
                                                                    'no mail': 'No Mail'}
    assert directory.keys(['Pat Partner']) == {'Pat Partner': 'pat@partner.example'}
    assert len(client.requests) == 1


class WithoutContactsClient(ContactsClient):
    """A server that does not know <contacts> (CPSM 10 ignores the tag): the service answers without them."""

    def get(self, entity):
        self.requests.append(entity)
        return element('<response><customer><name>DA</name><service><name>HE</name><status>Provisioned</status>'
                       '</service></customer></response>')


def test_a_listing_answered_without_contacts_names_the_release_that_lacks_them(monkeypatch):
    from ansible_collections.atria.cortex.plugins.module_utils.api.release import ReleaseTooOld
    from ansible_collections.atria.cortex.plugins.module_utils.entities.groups import contact

    monkeypatch.setattr(contact, 'release_of', lambda client: Release('10.0.0.0'))
    with pytest.raises(ReleaseTooOld) as failure:
        contacts(WithoutContactsClient([]), CustomerRef('DA'))
    assert 'needs CPSM 11 or Atria 12' in str(failure.value) and 'the server reports 10.0.0.0' in str(failure.value)
    # a newer server that answers no <contacts>: nothing to list, no error
    monkeypatch.setattr(contact, 'release_of', lambda client: Release('11.0.0.0'))
    assert contacts(WithoutContactsClient([]), CustomerRef('DA')) == ('Provisioned', [])
    # an answer with <contacts> (even empty) asks nothing more
    monkeypatch.setattr(contact, 'release_of', lambda client: pytest.fail('the release was read'))
    assert contacts(ContactsClient([]), CustomerRef('DA')) == ('Provisioned', [])
