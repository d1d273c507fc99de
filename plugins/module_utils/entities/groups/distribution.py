# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A Hosted Exchange distribution group: which module option maps to which CortexAPI tag.

Used by atria_dist_group and atria_dist_group_info. The lists follow the guide's "Add a User to a Distribution
Group": <emailaddresses> and <owners> are replaced as a whole, the four member lists change one member at a time
with <selected> (members.py). The guide documents no DELETE of a distribution group: its complete SET template
("Add a User to a Distribution Group") gives the group one flag, <enabled>, and the guide enables and disables
everything else (plans, customers) with <enabled>; so a customer-level SET with <enabled>false</enabled> on the
<distributiongroup> removes it. (<selected> on a group means membership of one user, in a user-level SET only.)
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.engine import fields as f
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.members import RecipientListField, SelectedRecipientListField
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.checks import recipients_exist
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.locator import disable
from ansible_collections.atria.cortex.plugins.module_utils.engine.resource import Resource
from ansible_collections.atria.cortex.plugins.module_utils.engine.spellings import AlsoSpelt, with_fallback

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


# A distribution group. User names in its lists become e-mail addresses through the run's UserDirectory.
DIST_GROUP = Resource(
    noun='distribution group',
    result_key='distribution_group',
    fields=(
        f.Field('display_name', 'displayname', read_only=True),
        f.Field('email', 'email', ignore_case=True),
        f.Field('email_alias', 'emailalias', ignore_case=True),
        # Atria guide <grouptype>, CPSM 11 guide <groupype>: sent under both.
        AlsoSpelt(f.Field('group_type', 'grouptype', ignore_case=True, choices=GROUP_TYPES), 'groupype'),
        # Atria guide <mailtip>, CPSM 11 guide <mailtoip> (docs/spellings.md): sent under both.
        AlsoSpelt(f.Field('mail_tip', 'mailtip'), 'mailtoip'),
        f.BooleanField('hide_from_address_lists', 'hidefromaddresslists'),
        f.BooleanField('require_sender_authentication', 'requiresenderauthentication'),
        f.Field('member_join_restriction', 'memberjoinrestriction', ignore_case=True, choices=RESTRICTIONS),
        f.Field('member_depart_restriction', 'memberdepartrestriction', ignore_case=True, choices=RESTRICTIONS),
        # The guides' tag tables say <sendmoderationnotification>, their complete SET requests the plural: both.
        AlsoSpelt(f.BooleanField('send_moderation_notifications', 'sendmoderationnotifications'), 'sendmoderationnotification'),
        f.ListField('email_addresses', 'emailaddresses', item_tag='emailaddress'),
        # Owner items are <owners><owners> in both guides' templates, <owners><owner> elsewhere; both at once would
        # double every owner on a server that reads both, so the second spelling is sent only if the first did not take.
        with_fallback(
            RecipientListField('owners', 'owners', item_tag='owners', read_item_tags=('owners', 'owner')),
            RecipientListField('owners', 'owners', item_tag='owner', read_item_tags=('owners', 'owner'))),
    ) + tuple(SelectedRecipientListField(option, tag, item_tag) for option, tag, item_tag in SELECTED_LISTS),
    facts=(
        f.Field('path', 'path'),
        f.Field('sync_object_id', 'syncobjectid'),
        f.BooleanField('enabled', 'enabled'),
    ),
    provisionable=False,
    delete_by_set=disable,
    needs='distribution_groups',
    identity=('display_name',),
    # E-mail addresses added to a member list name a user, contact or group of the customer (one GET, groups/checks.py).
    checks=(recipients_exist(SELECTED_LISTS),),
)
