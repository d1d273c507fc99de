# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Distribution groups through the engine: filtered read, the write names the group as the server does,
Hosted Exchange required, removal by SET."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.api.release import Release
from ansible_collections.atria.cortex.plugins.module_utils.engine import reconciler
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.distribution import DIST_GROUP
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.locator import DistGroupLocator, ServiceNotProvisioned

from fakes import PagedGroupsClient, xml
from fakes import run_engine as run


@pytest.fixture(autouse=True)
def current_release_without_read_back(monkeypatch):
    """These fakes record requests without applying them: the release gate and the read-back after a write are
    tested elsewhere (test_verification.py, test_release.py, tests/reliability/test_dropped_tags.py)."""
    monkeypatch.setattr(reconciler, 'verify_run', lambda run, written: None)
    monkeypatch.setattr(reconciler, 'release_of', lambda client: Release('11.0.0.0'))


def dist_params(**overrides):
    params = dict(customer='DA', display_name='sales', email=None, members=None, members_mode='exact',
                  owners=None, owners_mode='exact', state='present', wait=False, wait_timeout=5)
    params.update(overrides)
    return params


def test_one_group_is_read_with_a_filter_and_picked_by_exact_name():
    client = PagedGroupsClient(['DA Sales', 'Sales', 'Sales Team'])
    locator = DistGroupLocator('DA', 'sales')
    result = run(DIST_GROUP, locator, client, dist_params(members=['sales@da.example']))
    # the read, the guide's members query for the address added (does it name an object?), the read-back
    request, query, _read_back = client.requests
    assert xml(request.find('service/distributiongroups')) == (
        '<distributiongroups><displaynamefilter>sales</displaynamefilter><pageindex>1</pageindex><pagesize>1000</pagesize>'
        '<distributiongroup><members/></distributiongroup></distributiongroups>')
    assert xml(query.find('service/distributiongroups')) == (
        '<distributiongroups><distributiongroup><displayname>Sales</displayname><members><member>'
        '<email>sales@da.example</email></member></members></distributiongroup></distributiongroups>')
    assert result['distribution_group']['display_name'] == 'Sales'
    # the write names the group as the server spells it (a SET in another case could rename it)
    assert client.writes == ['<customer><name>DA</name><service><name>HE</name><distributiongroups><distributiongroup>'
                             '<displayname>Sales</displayname><members><member><email>sales@da.example</email>'
                             '<selected>True</selected><enabled>True</enabled></member></members></distributiongroup></distributiongroups>'
                             '</service></customer>']


def test_dist_group_writes_need_hosted_exchange_and_deletion_disables_the_group():
    client = PagedGroupsClient([], status='NotProvisioned')
    locator = DistGroupLocator('DA', 'New')
    with pytest.raises(ServiceNotProvisioned) as failure:
        run(DIST_GROUP, locator, client, dist_params(display_name='New', email='new@da.example'), check_mode=True,
            before_write=locator.require_service)
    assert "Hosted Exchange (HE) is not provisioned for customer 'DA'" in str(failure.value)
    assert len(client.requests) == 1 and client.writes == []

    client = PagedGroupsClient(['Old'])
    locator = DistGroupLocator('DA', 'old')
    result = run(DIST_GROUP, locator, client, dist_params(display_name='old'), state='absent',
                 before_write=locator.require_service)
    assert result['changed']
    assert client.writes == ['<customer><name>DA</name><service><name>HE</name><distributiongroups><distributiongroup>'
                             '<displayname>Old</displayname><enabled>False</enabled></distributiongroup>'
                             '</distributiongroups></service></customer>']
