# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Approval fields on lxml elements: numbers in the shared <configuration>, subscriptions by event."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.subscriptions import ConfigurationValue, SubscriptionsField

from fakes import PROVIDERS, element


def test_configuration_value_and_subscriptions_read():
    provider = element(PROVIDERS).find('approvalprovider')
    assert ConfigurationValue('managers', 'managers').read(provider) == 1
    assert ConfigurationValue('x', 'missing').read(provider) is None
    assert SubscriptionsField().read(provider) == {
        'users': {'provision': 'None', 'deprovision': 'None'},
        'services': [{'label': 'All', 'provision': 'None'}]}
