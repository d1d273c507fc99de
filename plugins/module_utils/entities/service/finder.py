# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Read-only queries for services: the list a FIND answers, and details in batched GETs.

FIND lists every service offered to a customer, provisioned or not (CustomerServicesFindAll.xml), or the
services a user can have (UserServicesFindAll.xml), as summaries. Plans, limits and properties cost a GET, which
names up to DETAIL_BATCH services at once.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CUSTOMER_NOT_FOUND, USER_NOT_FOUND, NotFoundError
from ansible_collections.atria.cortex.plugins.module_utils.engine.reads import DETAIL_BATCH
from ansible_collections.atria.cortex.plugins.module_utils.engine.resource import Address
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.catalog import HOSTED_EXCHANGE, has_instances, same_name


def _owner(client, customer, user):
    """The address of whoever has the services: the customer, or one of its users."""
    return Address([customer.level()]) if user is None else user.address(client)


def find_services(client, customer, user=None):
    """Summary elements of the services of ``customer`` (a CustomerRef) or of ``user`` (a UserLocator).

    FIND answers nothing for an unknown customer, so a guessed code that finds nothing is looked up as a full
    name once; a user FIND does not match answers the customer alone.
    """
    found = customer.read_with(
        client, lambda: client.find(_owner(client, customer, user).element([xml_codec.leaf('service')])).find('customer'),
        needs_code=False)
    if found is None:
        raise NotFoundError(CUSTOMER_NOT_FOUND, "Customer '%s' not found." % customer.reference,
                            entity=customer.describe(), api_user=getattr(client, 'username', None))
    if user is None:
        return found.findall('service')
    if found.find('user') is None:
        described = user.address(client).describe()
        raise NotFoundError(USER_NOT_FOUND, '%s%s not found.' % (described[0].upper(), described[1:]), entity=described,
                            api_user=getattr(client, 'username', None))
    return found.findall('user/service')


def get_services(client, customer, codes, user=None, with_properties=False, with_instances=False):
    """Detailed service elements for the given codes, in that order, DETAIL_BATCH services per GET.

    Instances are asked for only from the services that have them: other services refuse <instances/>. A user's
    Hosted Exchange is asked for the distribution groups the user is in (guide: "Get Distribution Groups of which the
    User is a Member"), in the same GET.
    """
    found = {}
    path = 'customer/service' if user is None else 'customer/user/service'
    for start in range(0, len(codes), DETAIL_BATCH):
        children = []
        for code in codes[start:start + DETAIL_BATCH]:
            service = xml_codec.leaf('service')
            xml_codec.sub(service, 'name', code)
            if with_properties:
                xml_codec.sub(service, 'properties', filter='all')
            if with_instances and has_instances(code):
                xml_codec.sub(service, 'instances')
            if user is not None and same_name(code, HOSTED_EXCHANGE):
                xml_codec.sub(service, 'distributiongroups')
            children.append(service)
        for element in client.get(_owner(client, customer, user).element(children)).iterfind(path):
            found[(xml_codec.text_of(element, 'name') or '').lower()] = element
    return [found[code.lower()] for code in codes if code.lower() in found]
