# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A Hosted Exchange contact: which option maps to which tag, where a contact is found, how contacts are listed.

Used by atria_contact, atria_contact_info and the distribution-group member lists (members.py), which may name a
contact by display name. The guide (Atria guide "Get Contacts" / "Set Contact", lines 3278-3405; the CPSM 11 guide
has the same section) reads contacts with a GET of the customer's HE service carrying ``<contacts>`` - filtered by
``<displaynamefilter>`` and ``<syncfilter>``, paged by ``<pageindex>``/``<pagesize>`` like distribution groups
(locator.PagedAddress) - and writes them with a SET of ``<contacts><contact>``, whose template lists every field
below. It documents no DELETE; the template's one flag is ``<enabled>``, and a contact is removed as a
distribution group is (locator.disable): ``<enabled>false</enabled>`` in a customer-level SET, verified by a
read that it is gone (docs/spellings.md, "Related rules").

A contact is found by display name, by sync object id (``<syncobjectid>``: "synced from a remote domain") or by
path (its distinguished name). A task may give several; they are tried most specific first (path, sync object id,
display name), each with the server's filter for it, and the write names the contact by the key that found it -
so a contact found by sync object id or path can be renamed.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.release import release_of
from ansible_collections.atria.cortex.plugins.module_utils.engine import fields as f
from ansible_collections.atria.cortex.plugins.module_utils.engine.reads import PAGE_SIZE
from ansible_collections.atria.cortex.plugins.module_utils.engine.resource import Level, Resource
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CustomerRef
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.locator import HOSTED_EXCHANGE, ExchangeObjectLocator, PagedAddress, disable

# (option, tag) of the text fields of the guide's "Set Contact" template (<state> is the option state_or_province:
# every module's ``state`` is present/absent).
TEXT_FIELDS = (
    ('email', 'email'), ('email_alias', 'emailalias'), ('first_name', 'firstname'), ('last_name', 'lastname'),
    ('initials', 'initials'), ('job_title', 'jobtitle'), ('company_name', 'companyname'),
    ('business_phone', 'businessphone'), ('business_fax', 'businessfax'), ('home_phone', 'homephone'),
    ('mobile', 'mobile'), ('web_page', 'webpage'), ('street', 'street'), ('city', 'city'),
    ('state_or_province', 'state'), ('country', 'country'), ('postcode', 'postcode'),
)
# Case does not matter to Exchange in addresses and identifiers.
CASELESS = ('email', 'email_alias')

CONTACT = Resource(
    noun='contact',
    result_key='contact',
    fields=(
        # The display name is the usual key; found by sync object id or path, the contact takes it as a new name.
        f.Field('display_name', 'displayname', ignore_case=True),
        f.Field('sync_object_id', 'syncobjectid', ignore_case=True),
    ) + tuple(f.Field(option, tag, ignore_case=option in CASELESS) for option, tag in TEXT_FIELDS) + (
        f.BooleanField('hide_from_address_lists', 'hidefromaddresslists'),
    ),
    facts=(
        f.Field('path', 'path'),
        f.BooleanField('enabled', 'enabled'),
    ),
    required_for_create=('display_name',),
    provisionable=False,
    delete_by_set=disable,
    needs='contacts',
    identity=('display_name', 'sync_object_id', 'path'),
)

# (option, server filter, key tag) in the order a contact is looked for: the most specific identifier first. The
# guide has no path filter: a contact looked for by path is picked from the whole (paged) list.
WAYS = (('path', None, 'path'), ('sync_object_id', 'syncfilter', 'syncobjectid'),
        ('display_name', 'displaynamefilter', 'displayname'))


def contact_levels(customer_level, key=None, value=None):
    """customer / service(HE) / contacts / contact(key)."""
    return [customer_level, Level('service', [('name', HOSTED_EXCHANGE)], label='service'), Level('contacts', []),
            Level('contact', [(key, value)] if key else [], label='contact', pick_by_keys=True)]


class FirstFoundAddress:
    """An entity a task may name in several ways: ``addresses`` (PagedAddresses, one per way) are read in order
    until one finds it. Writes and messages use the address that found it, else the last one (the key a creation
    is sent with)."""

    def __init__(self, addresses):
        self.addresses = list(addresses)
        self.chosen = self.addresses[-1]

    def read(self, client, children=()):
        self.chosen = self.addresses[-1]
        for address in self.addresses:
            found = address.read(client, children)
            if found is not None:
                self.chosen = address
                return found
        return None

    def element(self, children=(), entity_children=True):
        return self.chosen.element(children, entity_children)

    def describe(self):
        return self.chosen.describe()

    def around(self, path):
        """Text at ``path`` in the first answer a read got (the service around the contacts)."""
        for address in self.addresses:
            if address.first_answer is not None:
                return address.around(path)
        return None


class ContactLocator(ExchangeObjectLocator):
    """A contact of a customer's Hosted Exchange, by path, sync object id and/or display name."""

    objects = 'contacts'

    def __init__(self, customer, display_name=None, sync_object_id=None, path=None, page_size=PAGE_SIZE):
        super(ContactLocator, self).__init__(customer)
        self.given = {'display_name': display_name, 'sync_object_id': sync_object_id, 'path': path}
        self.page_size = page_size

    def build(self, customer_level):
        addresses = []
        for option, filter_tag, key in WAYS:
            value = self.given[option]
            if value:
                filters = [(filter_tag, value)] if filter_tag else []
                addresses.append(PagedAddress(contact_levels(customer_level, key, value), filters, self.page_size))
        return FirstFoundAddress(addresses)


def contacts(client, customer, display_name_filter=None, sync_filter=None, page_size=PAGE_SIZE, explain_release=True):
    """(Hosted Exchange status, [<contact> elements]) of a customer, every page read; the filters are the server's.

    An answer without any ``<contacts>`` is what a server that does not know them gives (CPSM 10 ignores the tag):
    then (with ``explain_release``) the release is read (one GET <global/>) and, on CPSM 10, ReleaseTooOld says so
    instead of "no contacts".
    """
    ref = customer if isinstance(customer, CustomerRef) else CustomerRef(customer)

    def read():
        filters = [('displaynamefilter', display_name_filter), ('syncfilter', sync_filter)]
        address = PagedAddress(contact_levels(ref.level()), filters, page_size)
        found = list(address.items(client))
        if explain_release and address.first_answer is not None and address.first_answer.find('customer/service/contacts') is None:
            release_of(client).require('contacts', 'Reading Hosted Exchange contacts', writing=False)
        return address.around('customer/service/status'), found

    return ref.read_with(client, read, needs_code=False)


class ContactDirectory:
    """The contacts of a run's customer as member lists name them: by display name (a lookup of the run's context,
    engine/context.py; one paged read of the contacts, only when a list names someone who is no user)."""

    def __init__(self, context):
        self.client = context.client
        self.customer = context.customer
        self._by_name = None

    def keys(self, names):
        """{name: the key a distribution-group list shows for that contact (its e-mail, else its display name)} for
        the names that are display names of contacts (compared case-insensitively); the others are left out."""
        if self._by_name is None:
            # No contacts in the answer is no contact of that name: the task's own release check says the rest.
            _status, found = contacts(self.client, self.customer, explain_release=False)
            self._by_name = {}
            for contact in found:
                display_name = (xml_codec.text_of(contact, 'displayname') or '').strip()
                self._by_name.setdefault(display_name.lower(), (xml_codec.text_of(contact, 'email') or '').strip() or display_name)
        return dict((name, self._by_name[name.strip().lower()]) for name in names if name.strip().lower() in self._by_name)
