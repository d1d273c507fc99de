# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What the guide documents about services by name: Appendix B codes, plan tags, several plans, instances."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.entities.service import catalog as service_names


@pytest.mark.parametrize('name, code', [
    ('HE', 'HE'), ('hosted exchange', 'HE'), ('File Sharing', 'FSS'), ('Hosted Apps and Desktops', 'HostedAppsandDesktops'),
    ('HostedAppsAndDesktops', 'HostedAppsandDesktops'), ('SharePoint 2010', 'SharePoint2010'), ('Sharepoint2010', 'SharePoint2010'),
    ('Windows Web-Hosting', 'WinWebHost'), ('CloudBackup', None),
])
def test_appendix_b_names_become_codes_without_a_request(name, code):
    assert service_names.known_code(name) == code


def test_only_hosted_exchange_calls_its_plans_userpackage():
    assert service_names.plan_tag('HE') == 'userpackage'
    assert [service_names.plan_tag(code) for code in ('FSS', 'HostedAppsandDesktops', 'MARCH')] == ['userplan'] * 3


def test_documented_service_traits():
    assert service_names.allows_several_plans('hostedappsanddesktops')
    assert not service_names.allows_several_plans('HE')
    assert service_names.has_instances('SharePoint2010') and not service_names.has_instances('FSS')
    assert service_names.required_properties('fss') == ('FileShareServer',)


def test_names_compare_without_case_and_blanks():
    assert service_names.same_name('Hosted Apps and Desktops', 'hostedappsanddesktops')
    assert not service_names.same_name('HE', 'FSS')
    assert service_names.name_key(None) == ''
    assert service_names.required_properties('HE') == ()
