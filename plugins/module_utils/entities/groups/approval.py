# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Workflow approval: a group of the "Workflow Groups" provider, and the "Workflow Managers" provider itself.

Used by atria_approval_group, atria_approval_managers and atria_approval_group_info, so they name things alike.
A group's members are users by login name; the list is replaced as a whole (fields_members.UserNameListField).
A group is deleted with the documented <action>delete</action> in a SET ("Delete Workflow Groups").
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.engine import fields as f
from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.subscriptions import ConfigurationValue, SubscriptionsField
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.members import UserNameListField
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.directory import require_members
from ansible_collections.atria.cortex.plugins.module_utils.engine.resource import Resource


def delete_action():
    return [xml_codec.leaf('action', 'delete')]


# A workflow group. Members are named as users; the run's UserDirectory (engine/context.py) turns them into stored
# names, and a write that names a user who does not exist, or is de-provisioned, is refused before it is sent.
APPROVAL_GROUP = Resource(
    noun='workflow group',
    result_key='approval_group',
    fields=(
        f.Field('name', 'name', read_only=True),
        f.Field('description', 'description'),
        ConfigurationValue('members_to_approve', 'memberstoapprove'),
        ConfigurationValue('timeout_days', 'timeoutdays'),
        ConfigurationValue('reminder_days', 'reminderdays'),
        UserNameListField('members', 'members', item_tag='member', name_tag='username'),
        SubscriptionsField('subscriptions'),
    ),
    provisionable=False,
    delete_by_set=delete_action,
    needs='approval',
    identity=('name',),
    checks=(require_members('members'),),
)


APPROVAL_MANAGERS = Resource(
    noun='approval provider',
    result_key='managers',
    fields=(
        ConfigurationValue('managers', 'managers'),
        ConfigurationValue('timeout_days', 'timeoutdays'),
        ConfigurationValue('reminder_days', 'reminderdays'),
        SubscriptionsField('subscriptions'),
    ),
    facts=(
        f.Field('name', 'name'),
        f.BooleanField('enabled', 'enabled'),
    ),
    provisionable=False,
    needs='approval',
)
