# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Where groups live: paged, filtered distribution-group lists and the group picked by exact name."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.locator import DistGroupLocator
from ansible_collections.atria.cortex.plugins.module_utils.engine.reads import read_pages

from fakes import PagedGroupsClient, element


def test_read_pages_follows_pageindex_until_a_short_page():
    client = PagedGroupsClient(['Group %04d' % number for number in range(1, 2501)])
    locator = DistGroupLocator('DA')
    names = [item.findtext('displayname') for item in locator.address(client).items(client)]
    assert len(names) == 2500 and len(set(names)) == 2500
    assert [request.findtext('service/distributiongroups/pageindex') for request in client.requests] == ['1', '2', '3']


def test_a_full_last_page_costs_one_more_empty_page():
    client = PagedGroupsClient(['G%d' % number for number in range(4)])
    items = list(read_pages(client, lambda index, size: element(
        '<customer><name>DA</name><service><name>HE</name><distributiongroups><pageindex>%d</pageindex><pagesize>%d'
        '</pagesize></distributiongroups></service></customer>' % (index, size)),
        lambda answer: answer.findall('customer/service/distributiongroups/distributiongroup'), page_size=2))
    assert len(items) == 4 and len(client.requests) == 3


def test_a_group_beyond_the_first_page_is_found():
    client = PagedGroupsClient(['Group %04d' % number for number in range(1, 1500)] + ['Group'])
    current = DistGroupLocator('DA', 'Group').address(client).read(client)
    assert current.findtext('displayname') == 'Group' and len(client.requests) == 1    # sorted first
    # 1,499 longer names that contain it sort before it: the filter matches them all, the second page has it
    client = PagedGroupsClient(['A Group %04d' % number for number in range(1, 1500)] + ['Group'])
    current = DistGroupLocator('DA', 'GROUP').address(client).read(client)
    assert current.findtext('displayname') == 'Group' and len(client.requests) == 2
