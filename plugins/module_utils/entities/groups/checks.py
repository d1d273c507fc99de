# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Checks before a distribution group is written, so that what the server would refuse is refused first, with the fix.

Members are users, contacts or groups of the customer. Users named by user name are checked by the run's
UserDirectory (members.py); an e-mail address may name any of the three, which only the server's directory knows.
The guide's "Get Distribution Group Members" query asks it: member items in a GET of a group come back with
``<exists>`` for each object asked about. One GET, only when a write adds e-mail addresses to a member list.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CortexError
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.directory import is_email

HOSTED_EXCHANGE = 'HE'


class UnknownRecipientsError(CortexError):
    """E-mail addresses a member list adds that name no user, contact or group of the customer."""

    name = 'InvalidMembers'

    def __init__(self, describe, unknown, customer):
        listed = '; '.join('%s: %s' % (option, ', '.join("'%s'" % address for address in addresses))
                           for option, addresses in unknown)
        super(UnknownRecipientsError, self).__init__(
            "%s: no user, contact or distribution group of customer '%s' has these addresses: %s. Name users by user name "
            "or e-mail address, contacts and groups by e-mail address: atria.cortex.atria_user_info (customer: %s) "
            "lists the users and atria.cortex.atria_dist_group_info the groups and their addresses; create the "
            "contact or group first, or fix or leave out the address. Nothing was sent."
            % (_capitalized(describe), customer, listed, customer))


def recipients_exist(lists):
    """A Resource check for the member lists ``lists`` ([(option, list tag, item tag)]): every e-mail address a
    write adds names an object of the customer's directory, as the server's members query answers."""

    def check(plan, context, describe):
        asked = []      # [(option, list tag, item tag, [addresses])]
        for option, tag, item_tag in lists:
            sent = plan.sent(option)
            added = [key for key in (sent[0] if sent else ()) if is_email(key)]
            if added:
                asked.append((option, tag, item_tag, added))
        if not asked:
            return
        code = context.customer.code_for(context.client)
        group = _members_query(context.client, code, plan.before.get('display_name'), asked)
        if group is None:
            # A new group of a customer that has none: there is no group to ask about members; the server decides.
            return
        unknown = []
        for option, tag, item_tag, addresses in asked:
            missing = _not_existing(group.find(tag), item_tag, addresses)
            if missing:
                unknown.append((option, missing))
        if unknown:
            context.refuse(UnknownRecipientsError(describe, unknown, code))

    return check


def _members_query(client, code, display_name, asked):
    """The group element of the guide's members query: the group by display name (an update), or for a group still
    to be created the customer's first group (the answer says whether objects exist, whichever group is asked)."""
    lists = [xml_codec.E(tag, *[xml_codec.E(item_tag, xml_codec.leaf('email', address)) for address in addresses])
             for _option, tag, item_tag, addresses in asked]
    if display_name:
        listing = [xml_codec.E('distributiongroup', xml_codec.leaf('displayname', display_name), *lists)]
    else:
        listing = [xml_codec.leaf('pageindex', 1), xml_codec.leaf('pagesize', 1), xml_codec.E('distributiongroup', *lists)]
    request = xml_codec.E('customer', xml_codec.leaf('name', code),
                          xml_codec.E('service', xml_codec.leaf('name', HOSTED_EXCHANGE), xml_codec.E('distributiongroups', *listing)))
    answer = client.get(request)
    groups = answer.findall('customer/service/distributiongroups/distributiongroup')
    if display_name:
        groups = [group for group in groups if (xml_codec.text_of(group, 'displayname') or '').lower() == display_name.lower()]
    return groups[0] if groups else None


def _not_existing(container, item_tag, addresses):
    """The addresses the answer says do not exist. An item without <exists> (a server that does not answer the
    query) proves nothing either way."""
    if container is None:
        return []
    said = {}
    for item in container.iterfind(item_tag):
        exists = xml_codec.text_of(item, 'exists')
        if exists is not None:
            said[(xml_codec.text_of(item, 'email') or '').lower()] = xml_codec.to_bool(exists)
    return [address for address in addresses if said.get(address.lower()) is False]


def _capitalized(describe):
    text = (describe() if callable(describe) else describe) or 'The distribution group'
    return text[:1].upper() + text[1:]
