# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A customer (tenant): which module option maps to which CortexAPI tag.

Used by atria_customer, atria_customer_info and the inventory plugin, so all three name things alike.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CUSTOMER_NOT_FOUND
from ansible_collections.atria.cortex.plugins.module_utils.api.status import STATUSES
from ansible_collections.atria.cortex.plugins.module_utils.engine import fields as f
from ansible_collections.atria.cortex.plugins.module_utils.engine.contained import ContainedFlag, ContainedNumber
from ansible_collections.atria.cortex.plugins.module_utils.engine.lists import same_items
from ansible_collections.atria.cortex.plugins.module_utils.engine.resource import Resource
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.checks import check_code_change, check_parent_change
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CustomerCodes
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.settings import OU_STRUCTURES, CreationOnlyField, PlacesField


class CustomerReferenceField(f.Field):
    """A reference to another customer (a reseller parent) given as its code or its full name.

    Reads ``<parent><name/><fullname/></parent>``; the playbook's value matches either. What to send is only
    known after asking the server whether the value is a code or a full name, so prepare() asks the run's
    CustomerCodes lookup (one FIND, and only when the parent is sent).
    """

    def read(self, entity):
        container = entity.find(self.tag)
        if container is None:
            return None
        return {'name': xml_codec.text_of(container, 'name'), 'fullname': xml_codec.text_of(container, 'fullname')}

    def equal(self, current, desired):
        if not current:
            return False
        wanted = desired.lower()
        return wanted in ((current.get('name') or '').lower(), (current.get('fullname') or '').lower())

    def compare(self, current, desired, params, creating, context=None):
        change = super(CustomerReferenceField, self).compare(current, desired, params, creating, context)
        # Report the reference by code in diffs: that is what the server shows and what is unique.
        change.before = (current or {}).get('name') if isinstance(current, dict) else current
        if not change.changed:
            change.after = change.before
        return change

    def prepare(self, context, value):
        return context.lookup(CustomerCodes).code_of(value)

    def build(self, value):
        container = xml_codec.leaf(self.tag)
        xml_codec.sub(container, 'name', value)
        return [container]


class DomainsField(f.ListField):
    """The customer's domains. The server refuses a list without the primary domain (error 1), and on creation it
    starts the list with it, so the list sent always keeps the primary domain: ``domains_mode: present`` on a new
    customer adds to it, ``absent`` never removes it, ``exact`` need not repeat it.
    """

    def compare(self, current, desired, params, creating, context=None):
        change = super(DomainsField, self).compare(current, desired, params, creating, context)
        primary = params.get('primary_domain')
        if not change.changed or not primary or primary.lower() in [domain.lower() for domain in change.send]:
            return change
        wanted = [primary] + change.send
        if not creating and same_items(current, wanted, self.ignore_case):
            return f.Change(False, before=current, after=current)
        return f.Change(True, send=wanted, before=current, after=wanted)


CUSTOMER = Resource(
    noun='customer',
    result_key='customer',
    fields=(
        f.Field('name', 'name', read_only=True, aliases=['code']),
        f.Field('fullname', 'fullname'),
        CustomerReferenceField('parent', 'parent'),
        f.Field('contact_name', 'contactname'),
        f.Field('contact_email', 'contactemail', ignore_case=True),
        f.Field('primary_domain', 'primarydomain', ignore_case=True),
        f.Field('billing_id', 'billingid'),
        f.Field('address', 'address'),
        f.Field('phone', 'phone'),
        f.Field('fax', 'fax'),
        DomainsField('domains', 'domains', item_tag='domain'),
        f.PropertiesField('properties'),
        f.BooleanField('enabled', 'enabled'),
        CreationOnlyField('location', 'location',
                          "Leave location out (or set it to %(current)r); a customer in %(desired)r is a new customer "
                          "(another code and full name), its users and services moved by hand."),
        # The password policy of the customer's users (one <password> element; the guides spell the customer's
        # <changeatnextlogon> one way, both spellings are sent as for users: docs/spellings.md).
        ContainedNumber('password_minimum_length', 'password', 'minimumlength', no_log=False),
        ContainedNumber('password_banner_days', 'password', 'bannerdisplaydays', no_log=False),
        ContainedFlag('password_change_at_next_logon', 'password', 'changeatnextlogon', 'changeatnextlogin', no_log=False),
        ContainedFlag('password_allow_never_expires', 'password', 'allowneverexpires', no_log=False),
        PlacesField('locations', 'locations'),
        PlacesField('departments', 'departments'),
        f.ListField('allowed_roles', 'roles', item_tag='role'),
        f.Field('ou_structure', 'customeroustructure', ignore_case=True, choices=OU_STRUCTURES),
    ),
    facts=(
        f.Field('id', 'id', type='int'),      # an int: it is the type of atria_customer_info's id filter option
        f.Field('status', 'status', choices=STATUSES),
        f.BooleanField('approval_pending', 'approvalpending'),
    ),
    missing_codes=(CUSTOMER_NOT_FOUND,),
    required_for_create=('fullname', 'contact_name', 'contact_email', 'primary_domain'),
    identity=('name', 'fullname'),
    checks=(check_code_change, check_parent_change),
)
