# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The customer-level Hosted Exchange settings: accepted domains, mailbox and public-folder limits, the e-mail address
policy flag, and the e-mail address formats the server shows.

Source: the CPSM 11 captures Requests/CustomerModifyExchange.xml (the SET) and Responses/CustomerServiceGet.xml (the
GET), and the guide's "Services" section (line 107: "when provisioning the Hosted Exchange service to a customer you
will need to decide whether or not to create public folders and add the domain names for which mail will be
accepted"). The guide documents no SET of <customeraddressformats>: they are returned, never written.

Accepted domains travel twice in one SET, as the capture sends them: <authoritativedomains><domain> (the
authoritative ones) and <domains><domain type="..."> (all of them); a server that reads either gets the list. They
are read from <domains> (a domain without a type attribute is authoritative), else from <authoritativedomains>.
Every accepted domain must be a domain of the customer: the GET answers the enclosing <customer> with its <domains>
(DESIGN point 6), so the check costs no request.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.engine import fields as f
from ansible_collections.atria.cortex.plugins.module_utils.engine.contained import ContainedFlag, ContainedLimit
from ansible_collections.atria.cortex.plugins.module_utils.engine.lists import LIST_MODES
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.plans import ServiceOptionError

AUTHORITATIVE = 'authoritative'
# Exchange's accepted-domain types; the capture spells the first one in lower case, as they are sent.
DOMAIN_TYPES = (AUTHORITATIVE, 'internalrelay', 'externalrelay')
PUBLIC_FOLDER = 'publicfolder'


def _domain_key(name):
    return (name or '').strip().lower()


def customer_domains(service_el):
    """The domains of the customer that encloses a customer-service GET answer (primary domain first); None when the
    answer does not say (then nothing can be checked)."""
    customer = service_el.getparent() if service_el is not None else None
    if customer is None or customer.tag != 'customer':
        return None
    listed = [text.strip() for text in xml_codec.list_texts(customer.find('domains'), 'domain') if text.strip()]
    primary = (xml_codec.text_of(customer, 'primarydomain') or '').strip()
    if customer.find('domains') is None and not primary:
        return None
    domains = [primary] if primary else []
    domains += [name for name in listed if _domain_key(name) not in set(_domain_key(item) for item in domains)]
    return domains


class AcceptedDomainsField(f.Field):
    """The accepted domains of a customer's Hosted Exchange: [{name, type}], replaced as a whole by every SET.

    ``accepted_domains_mode``: exact (the list is the whole list), present (add or retype the listed domains),
    absent (remove the listed names). Names and types compare case-insensitively, in any order.
    """

    option_type = 'list'
    option_elements = 'dict'
    verify_tag = '<domains><domain type="..."> (and <authoritativedomains><domain>)'

    def __init__(self, option):
        super(AcceptedDomainsField, self).__init__(option, 'domains', options=dict(
            name=dict(type='str', required=True),
            type=dict(type='str', default=AUTHORITATIVE, choices=list(DOMAIN_TYPES)),
        ))
        self.item_tag = 'domain'
        self.mode_option = option + '_mode'

    # -- reading -------------------------------------------------------------------------------------------
    def read(self, entity):
        if entity is None:
            return None
        listed = entity.find('domains')
        if listed is not None:
            return [dict(name=(item.text or '').strip(), type=(item.get('type') or AUTHORITATIVE).strip().lower())
                    for item in listed.findall('domain') if (item.text or '').strip()]
        authoritative = entity.find('authoritativedomains')
        if authoritative is not None:
            return [dict(name=name.strip(), type=AUTHORITATIVE)
                    for name in xml_codec.list_texts(authoritative, 'domain') if name.strip()]
        return None

    def normalize(self, value):
        if value is None:
            return None
        domains = []
        for item in value:
            if not isinstance(item, dict):
                item = dict(name=item)
            name = str(item.get('name') or '').strip()
            kind = str(item.get('type') or AUTHORITATIVE).strip().lower()
            if not name:
                raise ServiceOptionError('Every item of %s needs a name (a domain of the customer).' % self.option)
            if kind not in DOMAIN_TYPES:
                raise ServiceOptionError('The type of accepted domain %s must be one of %s, not %r.'
                                         % (name, ', '.join(DOMAIN_TYPES), kind))
            domains.append(dict(name=name, type=kind))
        return domains

    def resolve(self, value, entity):
        """Refuse a domain the customer does not have (before any write), naming its domains and the fix; a name
        given in another case takes the customer's spelling."""
        known = customer_domains(entity)
        if known is None or value is None:
            return value
        by_key = dict((_domain_key(name), name) for name in known)
        unknown = [item['name'] for item in value if _domain_key(item['name']) not in by_key]
        if unknown:
            customer = xml_codec.text_of(entity.getparent(), 'name') or 'the customer'
            raise ServiceOptionError(
                "%s: %s %s not a domain of customer '%s' (its domains: %s). Accepted domains must be domains of the "
                "customer: add them first with atria.cortex.atria_customer (name: %s, domains: [...], domains_mode: "
                "present), or remove them from the task."
                % (self.option, ', '.join(unknown), 'is' if len(unknown) == 1 else 'are', customer,
                   ', '.join(known) or 'none', customer))
        return [dict(name=by_key[_domain_key(item['name'])], type=item['type']) for item in value]

    # -- comparing -----------------------------------------------------------------------------------------
    def equal(self, current, desired):
        return _keys(current) == _keys(desired)

    def compare(self, current, desired, params, creating, context=None):
        if desired is None:
            return f.Change(False, before=current, after=current)
        mode = params.get(self.mode_option) or 'exact'
        current = current or []
        wanted = merge_domains(current, desired, mode)
        if not creating and self.equal(current, wanted):
            return f.Change(False, before=current, after=current)
        return f.Change(True, send=wanted, before=current, after=wanted)

    # -- writing -------------------------------------------------------------------------------------------
    def build(self, value):
        authoritative = xml_codec.leaf('authoritativedomains')
        listed = xml_codec.leaf('domains')
        for item in value:
            if item['type'] == AUTHORITATIVE:
                xml_codec.sub(authoritative, 'domain', item['name'])
            xml_codec.sub(listed, 'domain', item['name'], type=item['type'])
        return [authoritative, listed]


def _keys(domains):
    return sorted((_domain_key(item['name']), item['type'].lower()) for item in domains or [])


def merge_domains(current, desired, mode):
    """The whole list of accepted domains after applying ``desired`` with a list mode (engine/lists.py modes)."""
    if mode not in LIST_MODES:
        raise ValueError('unknown list mode %r' % (mode,))
    unique = []
    for item in desired:
        unique = [kept for kept in unique if _domain_key(kept['name']) != _domain_key(item['name'])] + [item]
    if mode == 'exact':
        return unique
    named = set(_domain_key(item['name']) for item in unique)
    if mode == 'absent':
        return [item for item in current if _domain_key(item['name']) not in named]
    by_key = dict((_domain_key(item['name']), item) for item in unique)
    merged = [by_key.get(_domain_key(item['name']), item) for item in current]
    known = set(_domain_key(item['name']) for item in current)
    return merged + [item for item in unique if _domain_key(item['name']) not in known]


class AddressFormatsFact(f.Field):
    """<customeraddressformats>: the e-mail address formats of the customer's users (returned, never written)."""

    option_type = 'dict'

    def __init__(self, option):
        super(AddressFormatsFact, self).__init__(option, 'customeraddressformats', read_only=True)

    def read(self, entity):
        formats = entity.find(self.tag) if entity is not None else None
        if formats is None:
            return None
        addresses = []
        for address in formats.findall('address'):
            addresses.append(dict(
                example=xml_codec.text_of(address, 'example'),
                domain=xml_codec.text_of(address, 'domain'),
                pattern=xml_codec.text_of(address, 'pattern'),
                primary=xml_codec.to_bool(xml_codec.text_of(address, 'primary')),
                assigned=xml_codec.to_bool(xml_codec.text_of(address, 'assigned')),
            ))
        return dict(customerwide=xml_codec.to_bool(xml_codec.text_of(formats, 'customerwide')), addresses=addresses)


def customer_exchange_fields():
    """The customer-level Hosted Exchange options (CUSTOMER_SERVICE fields), in the order the GET answers them."""
    return (
        AcceptedDomainsField('accepted_domains'),
        f.BooleanField('update_email_address_policy', 'UpdateEmailAddressPolicy'),
        f.LimitField('mailbox_storage_limit', 'mailboxstoragelimit'),
        ContainedFlag('public_folder_override_template', PUBLIC_FOLDER, 'overridetemplate'),
        ContainedFlag('public_folder_create', PUBLIC_FOLDER, 'create'),
        ContainedLimit('public_folder_storage_limit', PUBLIC_FOLDER, 'storagelimit'),
        ContainedLimit('public_folder_warning_limit', PUBLIC_FOLDER, 'warninglimit'),
        ContainedLimit('public_folder_item_limit', PUBLIC_FOLDER, 'itemlimit'),
    )


# The options only a customer's Hosted Exchange has (mailbox_storage_limit is also a user option: not listed here).
CUSTOMER_EXCHANGE_OPTIONS = ('accepted_domains', 'update_email_address_policy', 'public_folder_override_template',
                             'public_folder_create', 'public_folder_storage_limit', 'public_folder_warning_limit',
                             'public_folder_item_limit')
