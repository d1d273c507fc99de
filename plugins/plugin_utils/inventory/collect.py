# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Everything the inventory asks the server, in one place, returned as plain JSON-ready records (the cache holds
exactly these).

Cost, for N visible customers of which H are kept as hosts:

* one FIND for all customers (with the server-side ``parent`` filter when ``filters.parent`` is set);
* with ``reseller_groups``: ``2 + 2 * R`` more (see plugin_utils/inventory/reseller_tree.py), R = resellers below the
  API user's customer that have visible children;
* with ``enrich``: one FIND per kept customer and kind, ``H * len(enrich)``, ``max_workers`` at a time.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.resource import CUSTOMER
from ansible_collections.atria.cortex.plugins.plugin_utils.inventory.reseller_tree import ResellerWalk
from ansible_collections.atria.cortex.plugins.plugin_utils.inventory.enrichment import Enricher
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.finder import find_customers


def collect(config):
    """Query the server as ``config`` (an InventoryConfig) says. Raises CortexError subclasses.

    Returns ``{'customers': [host variables of each kept customer, in the server's order],
    'resellers': {reseller code: its parent's code or None}, 'requests': how many HTTP requests were sent}``.
    """
    client = config.new_client()
    try:
        summaries = find_customers(client, [('parent', config.parent)], entity=(
            "the customers of reseller '%s'" % config.parent if config.parent else 'the customer list'))
        parents, resellers = {}, {}
        if config.reseller_groups:
            walk = ResellerWalk(client)
            parents = walk.parents(summaries)
            for reseller in walk.resellers:
                grandparent = parents.get(reseller['name'].casefold())
                resellers[reseller['name']] = grandparent['name'] if grandparent else None
        customers = []
        for summary in summaries:
            values = CUSTOMER.values(summary)
            if not config.selection.keeps(values):
                continue
            customers.append(host_variables(values, parents))
        requests = client.round_trips
    finally:
        client.close()
    if config.enrich:
        enricher = Enricher(config.new_client, config.max_workers)
        enricher.enrich(customers, config.enrich)
        requests += enricher.requests
    return {'customers': customers, 'resellers': resellers, 'requests': requests}


def host_variables(values, parents):
    """A customer's values as host variables: the module names, except that the code ``name`` becomes ``code``
    (the alias the _info module accepts too), because ``name`` is a name Ansible reserves and warns about on every
    run. ``parent`` comes from the reseller walk.
    """
    values['code'] = values.pop('name', None)
    parent = parents.get((values['code'] or '').casefold())
    if parent is not None:
        values['parent'] = parent
    return values
