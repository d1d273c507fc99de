# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A user of a customer: which module option maps to which CortexAPI tag.

The password is write-only: the server accepts it inside <password><password/></password> and never returns it.
The password's settings (change at next logon, expiry) travel in the same <password> element and are read back on
every GET, so they are compared like any other field (settings.py).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.engine import fields as f
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import USER_NOT_FOUND
from ansible_collections.atria.cortex.plugins.module_utils.api.status import STATUSES
from ansible_collections.atria.cortex.plugins.module_utils.engine.contained import ContainedFlag
from ansible_collections.atria.cortex.plugins.module_utils.engine.resource import Resource
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.administrators import RolesField
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.checks import check_delete, check_write
from ansible_collections.atria.cortex.plugins.module_utils.entities.user import settings as s


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


# A user. Its roles keep the customer's Customer Administrator, and a write the server would refuse (a short
# password, an unknown role, the last user's deletion) is refused first: both read through the run's context.
USER = Resource(
    noun='user',
    result_key='user',
    fields=(
        s.UserNameField('name', 'name', read_only=True),
        f.Field('upn', 'upn', ignore_case=True),
        f.Field('first_name', 'firstname'),
        f.Field('last_name', 'lastname'),
        f.Field('display_name', 'fullname'),
        f.Field('external_email', 'externalemail', ignore_case=True),
        PlaceField('location', 'location'),
        PlaceField('department', 'department'),
        f.Field('phone', 'phone'),
        f.Field('custom_field1', 'customfield1'),
        f.Field('custom_field2', 'customfield2'),
        s.AccountExpiryField('account_expires', 'expires'),
        f.BooleanField('enabled', 'enabled'),
        s.UnlockField('locked', 'locked'),
        RolesField('roles', 'roles', item_tag='role'),
        s.PasswordField('password', update_option='update_password'),
        # Sent under both spellings of the guides (Atria changeatnextlogon, CPSM 11 changeatnextlogin). no_log=False:
        # the names contain "password", the values are no secret.
        ContainedFlag('change_password_at_next_logon', s.PASSWORD, 'changeatnextlogon', 'changeatnextlogin', no_log=False),
        s.PasswordExpiryField('password_expires', s.PASSWORD, 'expires', no_log=False),
        s.UserPropertiesField('properties', 'properties'),
        s.UserPropertiesField('additional_properties', 'additionalproperties'),
    ),
    facts=(
        f.Field('id', 'id', type='int'),      # an int: it is the type of atria_user_info's id filter option
        f.Field('status', 'status', choices=STATUSES),
        f.BooleanField('approval_pending', 'approvalpending'),
    ),
    missing_codes=(USER_NOT_FOUND,),
    identity=('name', 'upn'),
    checks=(check_write, s.check_manager),
    delete_checks=(check_delete,),
)
