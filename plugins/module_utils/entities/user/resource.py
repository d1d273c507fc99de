# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A user of a customer: which module option maps to which CortexAPI tag.

The password is write-only: the server accepts it inside <password><password/></password> and never returns it.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.engine import fields as f
from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import USER_NOT_FOUND
from ansible_collections.atria.cortex.plugins.module_utils.api.status import STATUSES
from ansible_collections.atria.cortex.plugins.module_utils.engine.resource import Resource
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.administrators import RolesField
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.checks import check_delete, check_write


class PlaceField(f.Field):
    """A location or department. The server matches the name against the customer's list case-insensitively
    (keeping the list's spelling) and stores an empty one as Unassigned; compared the same way, a re-run is a no-op.
    """

    UNASSIGNED = 'Unassigned'

    def __init__(self, option, tag):
        super(PlaceField, self).__init__(option, tag, ignore_case=True)

    def normalize(self, value):
        value = super(PlaceField, self).normalize(value)
        return self.UNASSIGNED if value == '' else value


def password_block(value):
    """``<password><password>secret</password></password>``: the only place a password travels."""
    return [xml_codec.E('password', xml_codec.E('password', value))]


# A user. Its roles keep the customer's Customer Administrator, and a write the server would refuse (a short
# password, an unknown role, the last user's deletion) is refused first: both read through the run's context.
USER = Resource(
    noun='user',
    result_key='user',
    fields=(
        f.Field('name', 'name', read_only=True),
        f.Field('upn', 'upn', ignore_case=True),
        f.Field('first_name', 'firstname'),
        f.Field('last_name', 'lastname'),
        f.Field('display_name', 'fullname'),
        f.Field('external_email', 'externalemail', ignore_case=True),
        PlaceField('location', 'location'),
        PlaceField('department', 'department'),
        f.Field('phone', 'phone'),
        f.BooleanField('enabled', 'enabled'),
        RolesField('roles', 'roles', item_tag='role'),
        f.WriteOnlyField('password', password_block, update_option='update_password'),
    ),
    facts=(
        f.Field('id', 'id', type='int'),      # type: the option of atria_user_info's filter
        f.Field('status', 'status', choices=STATUSES),
        f.BooleanField('locked', 'locked'),
        f.BooleanField('approval_pending', 'approvalpending'),
    ),
    missing_codes=(USER_NOT_FOUND,),
    identity=('name', 'upn'),
    checks=(check_write,),
    delete_checks=(check_delete,),
)
