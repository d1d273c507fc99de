# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A service of a customer or of a user, and an instance of a multi-instance service: options <-> tags.

Used by atria_service and atria_service_info, so both name things alike. A service's user plans are
<userpackage> for Hosted Exchange and <userplan> otherwise: the plan fields read the tag from the service element
and write it as the run's service (engine/context.py) says, so one description serves every service.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api.status import STATUSES
from ansible_collections.atria.cortex.plugins.module_utils.engine import fields as f
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.plans import CustomerPlansField, PackageField, PlanListField, UserPlansField
from ansible_collections.atria.cortex.plugins.module_utils.engine.resource import Resource
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.exchange import AddressFormatsFact, customer_exchange_fields
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.mailbox import mailbox_fields

# Hidden service properties are only answered to <properties filter="all"/> (guide: Advanced properties).
ALL_PROPERTIES = {'filter': 'all'}
# The service's name option may also be called service (name: HE reads as the user's name in a user task).
SERVICE_ALIASES = ['service']


def _summary_facts():
    """What FIND answers for every service (CustomerServicesFindAll.xml); GET answers it too."""
    return (
        f.Field('fullname', 'fullname'),
        f.Field('location', 'location'),
        f.Field('status', 'status', choices=STATUSES),
        f.BooleanField('approval_pending', 'approvalpending'),
    )


# A customer service (CustomerServiceGet.xml). It always exists; state is its provisioning status.
CUSTOMER_SERVICE = Resource(
    noun='customer service',
    result_key='service',
    fields=(
        f.Field('name', 'name', read_only=True, aliases=SERVICE_ALIASES),
        PackageField('package'),
        CustomerPlansField('user_plans'),
        f.LimitField('user_limit', 'userlimit'),
        f.Field('version', 'version'),
        f.PropertiesField('properties', read_attributes=ALL_PROPERTIES),
    ) + customer_exchange_fields(),
    facts=_summary_facts() + (
        f.BooleanField('is_billed', 'isbilled'),
        PlanListField('packages', 'package'),
        AddressFormatsFact('address_formats'),
    ),
)

# A user service (UserServiceGet.xml): the plan or plans of the user, and its properties; for Hosted Exchange also
# the mailbox: reply address, other e-mail addresses, storage limit and the user's distribution groups.
USER_SERVICE = Resource(
    noun='user service',
    result_key='service',
    fields=(
        f.Field('name', 'name', read_only=True, aliases=SERVICE_ALIASES),
        UserPlansField('user_plans'),
        f.PropertiesField('properties', read_attributes=ALL_PROPERTIES),
    ) + mailbox_fields(),   # Hosted Exchange only (entities/service/mailbox.py)
    facts=_summary_facts(),
)


SERVICE_INSTANCE = Resource(
    noun='service instance',
    result_key='instance',
    fields=(
        f.Field('name', 'name', read_only=True),
        f.PropertiesField('properties', read_attributes=ALL_PROPERTIES),
    ),
    facts=(
        f.Field('status', 'status'),
        f.BooleanField('approval_pending', 'approvalpending'),
    ),
    # Instances are created and deleted; their status follows the service's.
    provisionable=False,
)

# An instance of the customer's multi-instance service assigned to one of its users: GET customer/user/service with
# <instances/> lists them (guide lines 2399-2431, "CRM 2011 for a User"). The instance's settings are the customer's.
USER_INSTANCE = Resource(
    noun="user's service instance",
    result_key='instance',
    fields=(f.Field('instance', 'name', ignore_case=True),),
    facts=(
        f.Field('name', 'name'),
        f.Field('status', 'status'),
        f.BooleanField('approval_pending', 'approvalpending'),
    ),
    provisionable=False,
)

# What a FIND lists per service (no plans, limits or properties: those cost a GET).
SERVICE_SUMMARY = Resource(
    noun='service',
    result_key='service',
    fields=(f.Field('name', 'name', read_only=True, aliases=SERVICE_ALIASES),),
    facts=_summary_facts(),
    provisionable=False,
    identity=('name',),
)


def instances_of(service_el):
    """The instances a GET with <instances/> answered for a service, or None when it did not ask."""
    container = service_el.find('instances')
    if container is None:
        return None
    return [SERVICE_INSTANCE.values(instance) for instance in container.findall('instance')]
