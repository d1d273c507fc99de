# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Where a service lives: ``customer/service``, ``customer/user/service`` and ``customer/service/instances``.

A playbook names a service by its code (HE) or its display name (Hosted Exchange). Appendix B turns the names
it lists into codes without a request; any other name is tried as a code, and only when the server answers
ServiceNotFound is it looked up among the customer's services (one FIND), so an identical re-run stays one read.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import SERVICE_NOT_FOUND, NotFoundError
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.finder import find_services
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CustomerRef
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.locator import UserLocator
from ansible_collections.atria.cortex.plugins.module_utils.engine.resource import Address, Level
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.catalog import known_code, other_spellings, plan_tag, same_name


def user_locator(customer, user):
    """A user given by name (``alice`` or ``alice_TC``) or, when it holds an @, by UPN."""
    if '@' in user:
        return UserLocator(customer, upn=user)
    return UserLocator(customer, name=user)


class ServiceLocator:
    """A service of a customer (user=None) or of one of its users."""

    def __init__(self, customer, name, user=None):
        self.customer = customer if isinstance(customer, CustomerRef) else CustomerRef(customer)
        self.user = user_locator(self.customer, user) if user else None
        self.name = name
        self.code = known_code(name) or name
        self.resolved = False
        self._listed = []
        self._tried = set()
        self._customer_service = None

    # -- what the fields ask (through the run's context, engine/context.py) ----------------------------------------
    @property
    def service(self):
        """The run's service is the one this locator names (RunContext.of reads ``locator.service``)."""
        return self

    def plan_tag(self):
        return plan_tag(self.code)

    def customer_service(self, client):
        """The customer's side of the service (its plans, packages and status), read once per task."""
        if self._customer_service is None:
            address = self.customer_service_address()
            self._customer_service = address.entity_in(client.get(address.element()))
        return self._customer_service

    @property
    def cached_customer_service(self):
        """The customer service if this task has read it already, else None (for error messages)."""
        return self._customer_service

    # -- the locator protocol --------------------------------------------------------------------------------
    def service_level(self):
        return Level('service', [('name', self.code)])

    def customer_service_address(self):
        return Address([self.customer.level(), self.service_level()])

    def address(self, client):
        if self.user is None:
            return self.customer_service_address()
        return Address(self.user.address(client).levels + [self.service_level()])

    def retry_after(self, error, client):
        if getattr(error, 'code', None) == SERVICE_NOT_FOUND:
            return self.resolve(client)
        return self.customer.retry_after(error, client)

    def resolve(self, client):
        """After ServiceNotFound: find the name among the customer's services, as code or display name, then try the
        other spellings the guides give that code (docs/spellings.md: SharePoint 2010). Each code is tried once; when
        none is left, the server's error stands."""
        self._tried.add(self.code)
        if not self.resolved:
            self.resolved = True
            self._listed = [(xml_codec.text_of(entry, 'name'), xml_codec.text_of(entry, 'fullname'))
                            for entry in find_services(client, self.customer)]
        services = self._listed
        matching = [code for code, fullname in services if same_name(code, self.name) or same_name(fullname, self.name)]
        for candidate in matching + [other for code in matching for other in other_spellings(code)]:
            if candidate not in self._tried:
                self.code = candidate
                self._customer_service = None
                return True
        if matching:
            return False
        listed = ', '.join('%s (%s)' % (code, fullname) for code, fullname in services) or 'none'
        raise NotFoundError(
            SERVICE_NOT_FOUND, "Customer '%s' has no service %r. Its services: %s." % (self.customer.reference, self.name, listed),
            entity=self.address(client).describe(), api_user=getattr(client, 'username', None),
            hint='Use one of the listed names (the code or the display name); nothing was sent.')


class InstanceAddress(Address):
    """An instance of a multi-instance service: read from the list ``<instances/>`` answers, written by name."""

    def read(self, client, children=()):
        service = Address(self.levels[:-2])
        request = service.element(list(children) + [xml_codec.leaf('instances')])
        return self.entity_in(client.get(request))


class InstanceLocator:
    """A named instance of a customer's multi-instance service (CRM 2011, SharePoint 2010, SQL and web hosting)."""

    def __init__(self, service, name):
        self.service = service
        self.name = name

    def address(self, client):
        return InstanceAddress(self.service.address(client).levels + [
            Level('instances', []), Level('instance', [('name', self.name)], pick_by_keys=True)])

    def retry_after(self, error, client):
        return self.service.retry_after(error, client)


class UserInstanceAddress(InstanceAddress):
    """An instance assigned to a user: customer/user/service/instances/instance.

    The read remembers which instances the user holds (on the locator). A SET carries them all with the new one: the
    guide shows no SET of a user's instances, so the list is sent whole - right for a server that replaces the list
    and for one that adds to it. A DELETE (no entity children) names only the instance it takes away.
    """

    def __init__(self, locator, levels):
        super(UserInstanceAddress, self).__init__(levels)
        self.locator = locator

    def read(self, client, children=()):
        service = Address(self.levels[:-2])
        answer = client.get(service.element(list(children) + [xml_codec.leaf('instances')]))
        self.locator.remember(service.entity_in(answer))
        return self.entity_in(answer)

    def element(self, children=(), entity_children=True):
        root = super(UserInstanceAddress, self).element(children, entity_children)
        if entity_children:
            container = root
            for level in self.levels[1:-1]:
                container = container.find(level.tag)
            others = [name for name in self.locator.held if name.lower() != str(self.locator.name).lower()]
            for index, name in enumerate(others):     # the ones held first, in their order, then the new one
                container.insert(index, Level('instance', [('name', name)]).element())
        return root


class UserInstanceLocator(InstanceLocator):
    """An instance of the customer's multi-instance service, assigned to a user of the customer."""

    def __init__(self, service, name):
        super(UserInstanceLocator, self).__init__(service, name)
        self.held = []                  # the instances the user holds, as the last read showed them
        self.user_service = None        # the user's service element of the last read

    def remember(self, service_el):
        self.user_service = service_el
        self.held = [xml_codec.text_of(item, 'name') or '' for item in service_el.iterfind('instances/instance')] \
            if service_el is not None else []

    def address(self, client):
        return UserInstanceAddress(self, self.service.address(client).levels + [
            Level('instances', []), Level('instance', [('name', self.name)], pick_by_keys=True)])

    def customer_instances(self, client):
        """The names of the instances of the customer's service (one GET, before a write)."""
        address = self.service.customer_service_address()
        service = address.entity_in(client.get(address.element([xml_codec.leaf('instances')])))
        return [xml_codec.text_of(item, 'name') or '' for item in service.iterfind('instances/instance')] \
            if service is not None else []
