# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Member lists of groups: three list semantics of the CortexAPI (DESIGN point 9), one playbook convention.

Every list takes ``<option>_mode`` (lists.py): exact (the whole list), present (add these), absent (remove
these). What differs is what the API wants to receive:

UserNameListField           workflow-group <members>: users by login name, replaced as a whole
                            (``<members><member><username>alice_TC</username></member></members>``).
RecipientListField          distribution-group <owners>: recipients, replaced as a whole
                            (``<owners><owners><email>a@x</email></owners></owners>``, as the guide writes it).
SelectedRecipientListField  distribution-group <members>, <sendasmembers>, <sendrestriction...members>:
                            added or removed one by one (``<member><email>a@x</email><selected>False</selected>``);
                            only the difference is sent, the rest of the list is left alone.

Identities compare case-insensitively. Users are named as they were created (``alice``) or stored
(``alice_TC``); recipients also by e-mail address, which is how distribution groups show them (directory.py), and
contacts by display name (contact.py: a name that is no user is looked up among the contacts).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.directory import UserDirectory, is_email
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.contact import ContactDirectory
from ansible_collections.atria.cortex.plugins.module_utils.engine.fields import Change, Field
from ansible_collections.atria.cortex.plugins.module_utils.engine.lists import list_delta, merge_list, same_items


class _MemberList(Field):
    """What the three lists share: the option's mode, the container, reading it as a list of identities."""

    option_type = 'list'
    option_elements = 'str'

    def __init__(self, option, tag, item_tag, read_item_tags=None):
        super(_MemberList, self).__init__(option, tag, ignore_case=True)
        self.item_tag = item_tag
        self.read_item_tags = tuple(read_item_tags or (item_tag,))
        self.mode_option = option + '_mode'

    def read(self, entity):
        container = entity.find(self.tag)
        if container is None:
            return None
        return [self.identity(item) for item in container if item.tag in self.read_item_tags]

    def identity(self, item):
        raise NotImplementedError

    def normalize(self, value):
        return None if value is None else [str(item) for item in value]

    def announce(self, value, context):
        """The user names of every list of the task are looked up together, with the first lookup."""
        context.lookup(UserDirectory).expect(value)

    def mode(self, params):
        return params.get(self.mode_option) or 'exact'

    def wanted(self, current, desired, params, users, context=None):
        """The whole list the entity should end up with (merge_list does the modes); ``users``: the run's
        UserDirectory, ``context`` the run's context (other lookups)."""
        raise NotImplementedError

    def compare(self, current, desired, params, creating, context=None):
        if desired is None:
            return Change(False, before=current, after=current)
        current = current or []
        wanted = self.wanted(current, desired, params, context.lookup(UserDirectory), context)
        if same_items(current, wanted, ignore_case=True):
            return Change(False, before=current, after=current)
        return Change(True, send=self.to_send(current, wanted), before=current, after=wanted)

    def to_send(self, current, wanted):
        return wanted


class UserNameListField(_MemberList):
    """Users by login name in a list the API replaces as a whole (workflow-group members).

    GET writes ``<member><displayname/><username/></member>``; a SET needs only ``<username>`` (the guide:
    "the <displayname> tag will be ignored").
    """

    def __init__(self, option, tag, item_tag, name_tag):
        super(UserNameListField, self).__init__(option, tag, item_tag)
        self.name_tag = name_tag

    def identity(self, item):
        return (xml_codec.text_of(item, self.name_tag) or '').strip()

    def wanted(self, current, desired, params, users, context=None):
        stored = [users.stored_name(name) for name in desired]
        return merge_list(current, stored, self.mode(params), ignore_case=True)

    def build(self, value):
        container = xml_codec.leaf(self.tag)
        for name in value:
            xml_codec.sub(xml_codec.sub(container, self.item_tag), self.name_tag, name)
        return [container]


class RecipientListField(_MemberList):
    """Recipients (users, contacts, groups) in a list the API replaces as a whole (distribution-group owners).

    Read and reported by e-mail address (display name when a recipient has none); named in playbooks by
    e-mail address or user name. Owners come back as ``<owners><owners>`` (the guide's shape); ``<owner>``
    items are read too.
    """

    def identity(self, item):
        return (xml_codec.text_of(item, 'email') or '').strip() or (xml_codec.text_of(item, 'displayname') or '').strip()

    def wanted(self, current, desired, params, users, context=None):
        mode = self.mode(params)
        # A name that is no user may be a contact's display name: the contact's address is the key then.
        others = context.lookup(ContactDirectory).keys if context is not None else None
        keys = users.recipient_keys(desired, current, lenient=(mode == 'absent'), what=self.option, others=others)
        return merge_list(current, keys, mode, ignore_case=True)

    def build(self, value):
        container = xml_codec.leaf(self.tag)
        for key in value:
            container.append(recipient_element(self.item_tag, key))
        return [container]


class SelectedRecipientListField(RecipientListField):
    """Recipients the API adds or removes one by one with ``<selected>``/``<enabled>`` (distribution-group members).

    A GET shows the list only when asked for it (an empty list tag in the request), so reading asks. A write
    carries only the difference: added items with ``<selected>True</selected>``, removed ones with False.
    """

    def read_request(self, desired):
        return [xml_codec.leaf(self.tag)] if desired is not None else []

    def to_send(self, current, wanted):
        return list_delta(current, wanted, ignore_case=True)

    def build(self, value):
        added, removed = value
        container = xml_codec.leaf(self.tag)
        for key, selected in [(key, True) for key in added] + [(key, False) for key in removed]:
            item = recipient_element(self.item_tag, key)
            # The guides' prose says <selected>, their complete SET templates put <enabled> in every member item
            # (docs/spellings.md): both carry the same value, so a server reads the one it knows.
            xml_codec.sub(item, 'selected', selected)
            xml_codec.sub(item, 'enabled', selected)
            container.append(item)
        return [container]


def recipient_element(tag, key):
    """``<tag><email>a@x</email></tag>``; a recipient without an address by its ``<displayname>``."""
    item = xml_codec.leaf(tag)
    xml_codec.sub(item, 'email' if is_email(key) else 'displayname', key)
    return item
