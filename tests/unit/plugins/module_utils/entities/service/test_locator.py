# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Service locators: customer/service, customer/user/service and instances; names outside Appendix B."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
from lxml import etree

from ansible_collections.atria.cortex.plugins.module_utils.api.errors import NotFoundError
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.locator import InstanceLocator, ServiceLocator

from fakes import ScriptedClient, answers, customer_answer, element, he_service, response
from fakes import request_path as path


def test_customer_service_address_uses_the_code_of_a_display_name():
    locator = ServiceLocator('TC', 'Hosted Exchange')
    request = locator.address(None).element()
    assert etree.tostring(request) == b'<customer><name>TC</name><service><name>HE</name></service></customer>'
    assert locator.plan_tag() == 'userpackage'


def test_user_service_address_adds_the_customer_suffix():
    request = ServiceLocator('TC', 'FSS', user='alice').address(None).element()
    assert request.findtext('user/name') == 'alice_TC'
    assert request.findtext('user/service/name') == 'FSS'
    assert ServiceLocator('TC', 'FSS', user='alice@tc.example').address(None).element().findtext('user/upn') == 'alice@tc.example'


def test_instances_are_read_from_the_list_and_written_by_name():
    locator = InstanceLocator(ServiceLocator('TC', 'SharePoint 2010'), 'Site01')
    address = locator.address(None)
    answer = response(element('<customer><name>TC</name><service><name>SharePoint2010</name><instances>'
                              '<instance><name>Other</name></instance><instance><name>site01</name><status>Provisioned</status>'
                              '</instance></instances></service></customer>'))
    client = ScriptedClient(answers(answer))
    found = address.read(client)
    assert found.findtext('status') == 'Provisioned'
    (action, sent), = client.calls
    assert etree.tostring(sent) == b'<customer><name>TC</name><service><name>SharePoint2010</name><instances/></service></customer>'
    assert address.element().findtext('service/instances/instance/name') == 'Site01'
    assert address.describe() == "instance 'Site01' of service 'SharePoint2010' of customer 'TC'"


def test_a_name_outside_appendix_b_is_looked_up_after_service_not_found():
    services = response(element('<customer><name>TC</name><service><name>CloudBackup</name><fullname>Cloud Backup</fullname>'
                                '</service></customer>'))
    client = ScriptedClient(answers(services))
    locator = ServiceLocator('TC', 'cloud backup')
    assert locator.retry_after(NotFoundError(21, 'Service not found'), client) is True
    assert locator.code == 'CloudBackup'
    assert path(client.calls[0][1]) == 'customer/service' and client.calls[0][0] == 'FIND'


def test_an_unknown_service_lists_the_available_ones():
    services = response(customer_answer(he_service()).find('customer'))
    locator = ServiceLocator('TC', 'NoSuch')
    with pytest.raises(NotFoundError) as caught:
        locator.retry_after(NotFoundError(21, 'Service not found'), ScriptedClient(answers(services)))
    assert "Customer 'TC' has no service 'NoSuch'. Its services: HE (Hosted Exchange)." in str(caught.value)
    assert caught.value.code == 21


def test_the_customer_service_is_read_once_per_task():
    client = ScriptedClient(answers(customer_answer(he_service())))
    locator = ServiceLocator('TC', 'HE', user='alice')
    assert locator.customer_service(client) is locator.customer_service(client)
    assert len(client.calls) == 1 and path(client.calls[0][1]) == 'customer/service'


def test_a_service_locator_is_the_runs_service():
    locator = ServiceLocator('TC', 'HE')
    assert locator.service is locator and locator.customer.code == 'TC'
