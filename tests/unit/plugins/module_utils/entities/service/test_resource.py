# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The service Resources are constants: one description reads every service, HE's <userpackage> and the
<userplan> of the others alike; instances and FIND summaries."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.entities.service.resource import (
    CUSTOMER_SERVICE, SERVICE_INSTANCE, SERVICE_SUMMARY, USER_SERVICE, instances_of)

from fakes import element, fss_service, he_service, user_he_service


def test_one_customer_service_resource_reads_hosted_exchange_and_file_sharing():
    he = CUSTOMER_SERVICE.values(he_service())
    assert he['package'] == 'Default' and [plan['name'] for plan in he['user_plans']][0] == 'FORFAIT_2GO_2013'
    fss = CUSTOMER_SERVICE.values(fss_service())
    assert [plan['name'] for plan in fss['user_plans']] == ['FULL', 'READ', 'LIST'] and fss['status'] == 'NotProvisioned'
    assert he['packages'][1]['name'] == 'PublicFolders' and he['is_billed'] is True


def test_the_user_service_resource_reads_the_users_plans():
    values = USER_SERVICE.values(user_he_service(['FORFAIT_60GO_1AN']))
    assert values['user_plans'] == ['FORFAIT_60GO_1AN'] and values['name'] == 'HE'


def test_instances_are_listed_only_when_asked_for():
    service = element('<service><name>SharePoint2010</name><instances><instance><name>Site01</name><status>Provisioned'
                      '</status></instance></instances></service>')
    assert instances_of(service) == [{'name': 'Site01', 'status': 'Provisioned'}]
    assert instances_of(element('<service><name>HE</name></service>')) is None
    assert SERVICE_INSTANCE.provisionable is False


def test_a_summary_has_what_find_answers():
    summary = element('<service><name>HE</name><fullname>Hosted Exchange</fullname><status>Provisioned</status></service>')
    assert SERVICE_SUMMARY.values(summary) == {'name': 'HE', 'fullname': 'Hosted Exchange', 'status': 'Provisioned'}
