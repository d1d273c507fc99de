# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Where groups live, and how they are read: approval providers, workflow groups, distribution groups.

Writes address a group directly, nested in its customer like any entity. Reads differ, because the API lists
groups rather than returning one:

- approval providers and their workflow groups come from one documented GET of ``<approvalproviders />``
  (ListingAddress); the group is picked from the answer by name;
- distribution groups come from a filtered, paged GET of ``<distributiongroups>`` (PagedAddress): the
  ``displaynamefilter`` narrows the list, ``pageindex`` is followed until the group or the last page, and the
  group is the one whose display name is equal (the filter also matches longer names). Contacts
  (groups/contact.py) are read the same way from ``<contacts>``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.status import NOT_PROVISIONED, status_equal
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CortexError
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CustomerRef
from ansible_collections.atria.cortex.plugins.module_utils.engine.resource import Address, Level
from ansible_collections.atria.cortex.plugins.module_utils.engine.reads import PAGE_SIZE, read_pages

WORKFLOW_MANAGERS = 'Workflow Managers'
WORKFLOW_GROUPS = 'Workflow Groups'
HOSTED_EXCHANGE = 'HE'


class GroupAddress(Address):
    """An Address of a group: writes name the group as the server spells it."""

    def found(self, entity):
        """After a read: writes name the entity as the server spells it, because a SET naming a group in another
        case may rename it (keys compare case-insensitively when reading)."""
        if entity is not None:
            level = self.entity_level
            keys = [(key, xml_codec.text_of(entity, key) or value) for key, value in level.keys]
            self.levels[-1] = Level(level.tag, keys, label=level.label, pick_by_keys=level.pick_by_keys)
        return entity


class ListingAddress(GroupAddress):
    """An entity a GET returns with its siblings: the GET names the first ``listed_at`` levels only (the answer
    holds the whole entity, so no read children are needed)."""

    def __init__(self, levels, listed_at):
        super(ListingAddress, self).__init__(levels)
        self.listed_at = listed_at

    def read(self, client, children=()):
        return self.found(self.entity_in(client.get(Address(self.levels[:self.listed_at]).element())))


class PagedAddress(GroupAddress):
    """An entity of a filtered, paged list: the level before the entity is the list (``<distributiongroups>``).

    ``filters`` ([(tag, value)]) and the paging tags go into the list element; read children (the member lists
    a GET must be asked for) travel in an entity element inside it, as in the guide's "Get Distribution Group
    Members". ``first_answer`` keeps the first page's answer: the elements around the list (the service and
    its status) are facts too.
    """

    def __init__(self, levels, filters=(), page_size=PAGE_SIZE):
        super(PagedAddress, self).__init__(levels)
        self.filters = [(tag, value) for tag, value in filters if value]
        self.page_size = page_size
        self.first_answer = None

    def items(self, client, children=()):
        """Every entity of the filtered list, page by page (a generator)."""
        list_address = Address(self.levels[:-1])
        self.first_answer = None

        def request(index, size):
            inner = [xml_codec.leaf(tag, value) for tag, value in self.filters]
            inner += [xml_codec.leaf('pageindex', index), xml_codec.leaf('pagesize', size)]
            if children:
                inner.append(xml_codec.E(self.entity_level.tag, *copy.deepcopy(list(children))))
            return list_address.element(inner)

        def items_in(answer):
            if self.first_answer is None:
                self.first_answer = answer
            listing = list_address.entity_in(answer)
            return [] if listing is None else listing.findall(self.entity_level.tag)

        return read_pages(client, request, items_in, self.page_size)

    def read(self, client, children=()):
        return self.found(next((item for item in self.items(client, children) if self.entity_level.matches(item)), None))

    def around(self, path):
        """Text at ``path`` (e.g. 'customer/service/status') in the last read's first answer; None before a read."""
        return xml_codec.text_of(self.first_answer, path)


class _CustomerChildLocator:
    """A locator below a customer given by code or full name (resolved to its code once, with one FIND)."""

    def __init__(self, customer):
        self.customer = customer if isinstance(customer, CustomerRef) else CustomerRef(customer)
        self._address = None
        self._code = None

    def address(self, client):
        self.customer.code_for(client)
        if self._address is None or self._code != self.customer.code:
            self._code = self.customer.code
            self._address = self.build(Level('customer', [('name', self.customer.code)]))
        return self._address

    def build(self, customer_level):
        raise NotImplementedError

    def retry_after(self, error, client):
        return self.customer.retry_after(error, client)


def provider_levels(customer_level, provider):
    return [customer_level, Level('approvalproviders', []),
            Level('approvalprovider', [('name', provider)], label='approval provider', pick_by_keys=True)]


class ApprovalProviderLocator(_CustomerChildLocator):
    """An approval provider of a customer (``Workflow Managers``)."""

    def __init__(self, customer, provider=WORKFLOW_MANAGERS):
        super(ApprovalProviderLocator, self).__init__(customer)
        self.provider = provider

    def build(self, customer_level):
        return ListingAddress(provider_levels(customer_level, self.provider), listed_at=2)


class ApprovalGroupLocator(_CustomerChildLocator):
    """A group of the customer's Workflow Groups approval provider, by name."""

    def __init__(self, customer, name):
        super(ApprovalGroupLocator, self).__init__(customer)
        self.name = name

    def build(self, customer_level):
        levels = provider_levels(customer_level, WORKFLOW_GROUPS) + [
            Level('groups', []), Level('group', [('name', self.name)], label='workflow group', pick_by_keys=True)]
        return ListingAddress(levels, listed_at=2)


class ExchangeObjectLocator(_CustomerChildLocator):
    """An object of a customer's Hosted Exchange service (a distribution group, a contact): it is read in the
    service's GET, whose answer shows the service's status around the object; writing one needs the service."""

    # How ServiceNotProvisioned names what the customer cannot have without the service.
    objects = 'distribution groups'

    def service_status(self):
        """The Hosted Exchange status the last read saw (the GET answers the service around its objects)."""
        return self._address.around('customer/service/status') if self._address is not None else None

    def require_service(self, plan=None):
        """Before a write: Hosted Exchange must be provisioned for the customer (no request: the read told)."""
        status = self.service_status()
        if status is None or status_equal(status, NOT_PROVISIONED):
            raise ServiceNotProvisioned(self.customer.code, status, self.objects)


class DistGroupLocator(ExchangeObjectLocator):
    """A Hosted Exchange distribution group of a customer, by display name (None: the whole filtered list)."""

    def __init__(self, customer, display_name=None, email_filter=None, page_size=PAGE_SIZE):
        super(DistGroupLocator, self).__init__(customer)
        self.display_name = display_name
        self.email_filter = email_filter
        self.page_size = page_size

    def build(self, customer_level):
        filters = [('displaynamefilter', self.display_name), ('emailfilter', self.email_filter)]
        return PagedAddress(dist_group_levels(customer_level, self.display_name), filters, self.page_size)


def disable():
    """What removes a distribution group or a contact: ``<enabled>false</enabled>`` on it, in a customer-level SET
    (the one flag of the guide's SET templates of both; distribution.py and contact.py say why)."""
    return [xml_codec.leaf('enabled', False)]


def dist_group_levels(customer_level, display_name=None):
    """customer / service(HE) / distributiongroups / distributiongroup(displayname)."""
    return [customer_level, Level('service', [('name', HOSTED_EXCHANGE)], label='service'),
            Level('distributiongroups', []),
            Level('distributiongroup', [('displayname', display_name)], label='distribution group', pick_by_keys=True)]


class ServiceNotProvisioned(CortexError):
    """Distribution groups and contacts need the customer's Hosted Exchange service; checked before anything is sent."""

    name = 'ServiceNotProvisioned'

    def __init__(self, customer, status, objects='distribution groups'):
        super(ServiceNotProvisioned, self).__init__(
            "Hosted Exchange (HE) is not provisioned for customer '%s' (status: %s), so it has no %s "
            "to create or change. Provision the customer's Hosted Exchange service first, then run this task again. "
            "Nothing was sent." % (customer, status or 'unknown', objects))


class ProviderNotEnabled(CortexError):
    """The approval provider is not in the customer's answer: the guide manages only enabled providers."""

    name = 'ApprovalProviderNotEnabled'

    def __init__(self, provider, customer):
        super(ProviderNotEnabled, self).__init__(
            "The '%s' approval provider is not enabled for customer '%s' (its GET of <approvalproviders/> does not "
            "list it), and the API manages only enabled providers. Enable it in the Atria control panel, or check "
            "that the API user has the Update role permission for the customer. Nothing was sent." % (provider, customer))


def require_existing(locator):
    """A check for Engine.ensure(before_write=...): an approval provider is configured, never created."""

    def check(plan):
        if plan.action == 'create':
            raise ProviderNotEnabled(locator.provider, locator.customer.code)

    return check
