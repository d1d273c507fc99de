# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Everything the inventory asks the server, in one place, returned as plain JSON-ready records (the cache holds
exactly these).

Cost, for N visible customers of which H are kept as hosts:

* one FIND for all customers (with the server-side ``parent`` filter when ``filters.parent`` is set);
* with ``reseller_groups``: ``2 + 2 * R`` more (see module_utils/reseller_tree.py), R = resellers below the
  API user's customer that have visible children;
* with ``enrich``: one FIND per kept customer and kind, ``H * len(enrich)``, ``max_workers`` at a time.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils import finder
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer import CUSTOMER
from ansible_collections.atria.cortex.plugins.module_utils.reseller_tree import ResellerWalk
from ansible_collections.atria.cortex.plugins.plugin_utils.inventory.enrichment import Enricher


class Collection:
    """The records (one dict of host variables per kept customer, in the server's order) and what they cost."""

    def __init__(self, records, requests):
        self.records = records
        self.requests = requests


def collect(config):
    """Query the server as ``config`` (an InventoryConfig) says. Raises CortexError subclasses."""
    client = config.new_client()
    try:
        summaries = finder.find_customers(client, [('parent', config.parent)])
        parents = ResellerWalk(client).parents(summaries) if config.reseller_groups else {}
        records = []
        for summary in summaries:
            values = CUSTOMER.values(summary)
            if not config.selection.keeps(values):
                continue
            parent = parents.get((values.get('name') or '').casefold())
            if parent is not None:
                values['parent'] = parent
            records.append(values)
        requests = client.round_trips
    finally:
        client.close()
    if config.enrich:
        enricher = Enricher(config.new_client, config.max_workers)
        enricher.enrich(records, config.enrich)
        requests += enricher.requests
    return Collection(records, requests)
