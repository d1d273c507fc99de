# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A Hosted Exchange distribution group: which module option maps to which CortexAPI tag.

Used by atria_dist_group and atria_dist_group_info. The lists follow the guide's "Add a User to a Distribution
Group": <emailaddresses> and <owners> are replaced as a whole, the four member lists change one member at a time
with <selected> (fields_members.py). The guide documents no DELETE of a distribution group; a group is removed
the way the guide removes list entries, with <selected>false</selected> on the <distributiongroup> in a SET.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.engine import fields as f
from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.members import RecipientListField, SelectedRecipientListField
from ansible_collections.atria.cortex.plugins.module_utils.engine.resource import Resource

GROUP_TYPES = ('Universal_Distribution', 'Global_Distribution', 'Local_Distribution',
               'Universal_Security', 'Global_Security', 'Local_Security')
RESTRICTIONS = ('Open', 'Closed', 'ApprovalRequired')
# option -> (list tag, item tag) of the lists changed one member at a time
SELECTED_LISTS = (
    ('members', 'members', 'member'),
    ('send_as_members', 'sendasmembers', 'sendasmember'),
    ('accepted_senders', 'sendrestrictionacceptedmembers', 'sendrestrictionacceptedmember'),
    ('rejected_senders', 'sendrestrictionrejectedmembers', 'sendrestrictionrejectedmember'),
)
LIST_OPTIONS = ('email_addresses', 'owners') + tuple(option for option, _tag, _item in SELECTED_LISTS)


def deselect():
    return [xml_codec.leaf('selected', False)]


def dist_group(directory=None):
    """The Resource of a distribution group; ``directory`` (a UserDirectory) resolves user names in its lists."""
    return Resource(
        noun='distribution group',
        result_key='distribution_group',
        fields=(
            f.Field('display_name', 'displayname', read_only=True),
            f.Field('email', 'email', ignore_case=True),
            f.Field('email_alias', 'emailalias', ignore_case=True),
            f.Field('group_type', 'grouptype', ignore_case=True),
            f.Field('mail_tip', 'mailtip'),
            f.BooleanField('hide_from_address_lists', 'hidefromaddresslists'),
            f.BooleanField('require_sender_authentication', 'requiresenderauthentication'),
            f.Field('member_join_restriction', 'memberjoinrestriction', ignore_case=True),
            f.Field('member_depart_restriction', 'memberdepartrestriction', ignore_case=True),
            # The guide's tag table says <sendmoderationnotification>; its complete SET request, the plural.
            f.BooleanField('send_moderation_notifications', 'sendmoderationnotifications'),
            f.ListField('email_addresses', 'emailaddresses', item_tag='emailaddress'),
            RecipientListField('owners', 'owners', item_tag='owners', directory=directory, read_item_tags=('owners', 'owner')),
        ) + tuple(SelectedRecipientListField(option, tag, item_tag, directory) for option, tag, item_tag in SELECTED_LISTS),
        facts=(
            f.Field('path', 'path'),
            f.Field('sync_object_id', 'syncobjectid'),
            f.BooleanField('enabled', 'enabled'),
        ),
        provisionable=False,
        delete_by_set=deselect,
    )
