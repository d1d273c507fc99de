# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A user's Hosted Exchange mailbox: its addresses, its storage limit and the distribution groups the user is in.

These are fields of the user service (resource.py USER_SERVICE), valid for Hosted Exchange only (tasks.py refuses
them elsewhere before any request):

- ``reply_address``: ``<replyaddress>`` of the user's HE service (UserServiceGet.xml), the primary SMTP address.
- ``email_addresses``: the user's other SMTP addresses, written as ``<emailaddresses><emailaddress>`` inside the
  user's HE service. That is how the guide spells the address list of an Exchange object, and such a list is
  replaced as a whole ("you must specify the full list of email addresses as existing email addresses will be
  replaced", Atria guide line 3041), so the whole resulting list is sent. The guide documents no user-level SET of
  them; the read-back decides (a server that ignores them fails the task naming the option). They are read from
  the service's ``<emailaddresses>`` when the answer has one, else from the user's ``<addresses><address>`` (the
  captured shape, UserGet.xml / UserServiceGet.xml), where the item with ``primary="True"`` is the reply address.
- ``mailbox_storage_limit``: ``<mailboxstoragelimit>`` in the user's HE service. The captures show that tag only
  at customer level (CustomerServiceGet.xml); the guide documents no user-level mailbox limit, so the read-back
  decides here too.
- ``distribution_groups``: the groups whose members hold the user, read with the guide's "Get Distribution Groups
  of which the User is a Member" (``<distributiongroups />`` in the user's HE service, Atria guide lines 3002-3028,
  asked for in the same GET as the service) and changed with "Add a User to a Distribution Group" (lines 3030-3080:
  a user-level SET of ``<distributiongroup>`` items with ``<selected>true|false</selected>``); only the differences
  are sent. A group to join is looked up among the customer's groups (one paged read, only when the user must
  join a group it is not in): an unknown group is refused before anything is sent.

Addresses must use a domain of the customer (the GET answers the enclosing customer with its ``<domains>``):
``mailbox_checks`` refuses others before writing.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CUSTOMER_NOT_FOUND, CortexError, NotFoundError
from ansible_collections.atria.cortex.plugins.module_utils.engine import fields as f
from ansible_collections.atria.cortex.plugins.module_utils.engine.fields import Change
from ansible_collections.atria.cortex.plugins.module_utils.engine.lists import list_delta, merge_list, same_items
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.finder import dist_groups
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.catalog import HOSTED_EXCHANGE, same_name
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.plans import ServiceOptionError

# The options of a user's Hosted Exchange mailbox (refused for any other service, tasks.py).
MAILBOX_OPTIONS = ('reply_address', 'email_addresses', 'mailbox_storage_limit', 'distribution_groups')
# How a group may be named in distribution_groups, in the order they are matched.
GROUP_KEYS = ('displayname', 'email', 'path')
# How many of the customer's groups a refusal names (a customer may have thousands).
LISTED_GROUPS = 25


def is_exchange(service_el):
    return service_el is not None and same_name(xml_codec.text_of(service_el, 'name'), HOSTED_EXCHANGE)


def _ancestor(element, tag):
    node = element.getparent() if element is not None else None
    while node is not None and node.tag != tag:
        node = node.getparent()
    return node


def customer_domains(service_el):
    """The domains of the customer around a service element (the GET answers them), or None when it does not say."""
    customer = _ancestor(service_el, 'customer')
    if customer is None or customer.find('domains') is None:
        return None
    return [(item.text or '').strip() for item in customer.findall('domains/domain') if (item.text or '').strip()]


def domain_of(address):
    return address.rpartition('@')[2].strip().lower() if '@' in address else ''


def reply_address_of(service_el):
    return (xml_codec.text_of(service_el, 'replyaddress') or '').strip() if service_el is not None else ''


class EmailAddressesField(f.ListField):
    """The user's SMTP addresses other than the reply address; a list the API replaces as a whole."""

    def __init__(self):
        super(EmailAddressesField, self).__init__('email_addresses', 'emailaddresses', item_tag='emailaddress')

    def read(self, entity):
        if not is_exchange(entity):
            return None
        reply = reply_address_of(entity).lower()
        own = entity.find(self.tag)
        if own is not None:
            items = [(item.text or '').strip() for item in own.findall(self.item_tag)]
        else:
            user = entity.getparent()
            if user is None or user.tag != 'user' or user.find('addresses') is None:
                return None
            items = [(item.text or '').strip() for item in user.findall('addresses/address')
                     if xml_codec.to_bool(item.get('primary')) is not True]
        return [item for item in items if item and item.lower() != reply]


class GroupLookup:
    """The customer's distribution groups, read once per run when a user must join a group it is not in."""

    def __init__(self, context):
        self.context = context
        self._groups = None

    def groups(self, describe):
        if self._groups is None:
            # CPSM 10 has no distribution groups and would ignore the SET: refuse before reading or writing.
            self.context.release.require('distribution_groups', describe)
            try:
                _status, elements = dist_groups(self.context.client, self.context.customer)
            except NotFoundError as error:
                if not (self.context.check_mode and error.code == CUSTOMER_NOT_FOUND):
                    raise
                elements = []   # check mode: the customer is one an earlier task of the run would create
            self._groups = [dict((key, (xml_codec.text_of(element, key) or '').strip()) for key in GROUP_KEYS)
                            for element in elements]
        return self._groups

    def find(self, name, describe):
        return _matching(self.groups(describe), name)


def _matching(groups, name):
    wanted = (name or '').strip().lower()
    for key in GROUP_KEYS:
        for group in groups:
            if group.get(key) and group[key].lower() == wanted:
                return group
    return None


def _label(group):
    return group.get('displayname') or group.get('email') or group.get('path')


class UnknownGroupsError(CortexError):
    """distribution_groups names groups the customer does not have (found before anything was sent)."""

    name = 'UnknownDistributionGroup'

    def __init__(self, unknown, customer, groups):
        named = ['%s (%s)' % (group['displayname'], group['email']) if group.get('email') else _label(group)
                 for group in groups[:LISTED_GROUPS]]
        if len(groups) > LISTED_GROUPS:
            named.append('and %d more' % (len(groups) - LISTED_GROUPS))
        listed = ', '.join(named) or 'none'
        super(UnknownGroupsError, self).__init__(
            "distribution_groups: customer '%s' has no distribution group %s. Its groups: %s. Name a group by display "
            "name, e-mail address or path (atria.cortex.atria_dist_group_info lists them), or create it first with "
            "atria.cortex.atria_dist_group. Nothing was sent."
            % (customer, ', '.join("'%s'" % name for name in unknown), listed))
        self.hint = 'Create the group first, or fix or leave out the name.'


class DistributionGroupsField(f.Field):
    """The groups the user is a member of, by display name; joined and left one by one with ``<selected>``."""

    option_type = 'list'
    option_elements = 'str'

    def __init__(self):
        super(DistributionGroupsField, self).__init__('distribution_groups', 'distributiongroups', ignore_case=True)
        self.item_tag = 'distributiongroup'
        self.mode_option = 'distribution_groups_mode'

    @staticmethod
    def member_groups(entity):
        """[{displayname, email, path}] of the groups the answer lists as the user's (``<selected>`` not False)."""
        container = entity.find('distributiongroups') if entity is not None else None
        if container is None:
            return None
        return [dict((key, (xml_codec.text_of(item, key) or '').strip()) for key in GROUP_KEYS)
                for item in container.findall('distributiongroup')
                if xml_codec.to_bool(xml_codec.text_of(item, 'selected')) is not False]

    def read(self, entity):
        groups = self.member_groups(entity)
        return None if groups is None else [_label(group) for group in groups]

    def read_request(self, desired):
        return [xml_codec.leaf(self.tag)] if desired is not None else []

    def normalize(self, value):
        return None if value is None else [str(item).strip() for item in value if str(item).strip()]

    def resolve(self, value, entity):
        """Names of groups the user is in become their display names (the answer lists each group's keys)."""
        groups = self.member_groups(entity) or []
        resolved = []
        for name in value:
            group = _matching(groups, name)
            resolved.append(_label(group) if group is not None else name)
        return resolved

    def compare(self, current, desired, params, creating, context=None):
        if desired is None:
            return Change(False, before=current, after=current)
        current = current or []
        mode = params.get(self.mode_option) or 'exact'
        known = set(name.lower() for name in current)
        joining = [name for name in desired if name.lower() not in known] if mode != 'absent' else []
        if joining:
            # Groups the user is not in yet: found among the customer's groups (one read), unknown ones refused.
            lookup = context.lookup(GroupLookup)
            describe = 'Distribution-group membership of %s' % (params.get('user') or 'the user')
            found = [(name, lookup.find(name, describe)) for name in joining]
            unknown = [name for name, group in found if group is None]
            if unknown:
                # Check mode previews the join: an earlier task of the run (the tenant role's groups) may create them.
                customer = context.customer.code or context.customer.reference
                context.refuse(UnknownGroupsError(unknown, customer, lookup.groups(describe)))
            names = dict((name.lower(), _label(group)) for name, group in found if group is not None)
            desired = [names.get(name.lower(), name) for name in desired]
        wanted = merge_list(current, desired, mode, ignore_case=True)
        if same_items(current, wanted, ignore_case=True):
            return Change(False, before=current, after=current)
        return Change(True, send=list_delta(current, wanted, ignore_case=True), before=current, after=wanted)

    def build(self, value):
        joined, left = value
        container = xml_codec.leaf(self.tag)
        for name, selected in [(name, True) for name in joined] + [(name, False) for name in left]:
            item = xml_codec.sub(container, self.item_tag)
            xml_codec.sub(item, 'displayname', name)
            xml_codec.sub(item, 'selected', selected)
        return [container]


def mailbox_fields():
    """The mailbox fields of USER_SERVICE (resource.py)."""
    return (
        f.Field('reply_address', 'replyaddress', ignore_case=True),
        EmailAddressesField(),
        f.LimitField('mailbox_storage_limit', 'mailboxstoragelimit'),
        DistributionGroupsField(),
    )


def mailbox_checks(check, engine):
    """``check`` (the user service's before_write) followed by the mailbox's: the service is Hosted Exchange, and
    the addresses a write sends use the customer's domains and leave the reply address out of email_addresses."""

    def both(plan):
        check(plan)
        reply = plan.sent('reply_address')
        others = plan.sent('email_addresses') or []
        managed = [option for option in MAILBOX_OPTIONS if plan.sent(option) is not None]
        if not managed:
            return
        locator = engine.locator
        if not same_name(locator.code, HOSTED_EXCHANGE):
            raise ServiceOptionError('%s belong(s) to a user\'s Hosted Exchange (HE) mailbox, not to %s. Remove them '
                                     'from the task, or use name: HE.' % (', '.join(managed), locator.code))
        primary = reply or reply_address_of(engine.current)
        if primary and primary.lower() in [address.lower() for address in others]:
            raise ServiceOptionError(
                "email_addresses lists '%s', the user's reply address (its primary SMTP address). List only the other "
                "addresses in email_addresses; the reply address is reply_address." % primary)
        addresses = ([reply] if reply else []) + list(others)
        if not addresses:
            return
        domains = customer_domains(engine.current)
        if domains is None:
            domains = customer_domains(locator.customer_service(engine.client))
        if domains is None:
            return      # the answer names no domains: the server decides
        allowed = set(domain.lower() for domain in domains)
        foreign = [address for address in addresses if domain_of(address) not in allowed]
        if foreign:
            customer = locator.customer.code or locator.customer.reference
            raise ServiceOptionError(
                "%s: not in a domain of customer '%s' (its domains: %s). Use an address in one of those domains, or add "
                "the domain to the customer first (atria.cortex.atria_customer with domains: [...] and domains_mode: "
                "present)." % (', '.join("%s '%s'" % (_option_of(address, reply), address) for address in foreign),
                               customer, ', '.join(domains) or 'none'))

    return both


def _option_of(address, reply):
    return 'reply_address' if reply and address == reply else 'email_addresses'
