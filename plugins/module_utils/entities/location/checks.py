# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Checks before a location is written (``Resource(checks=...)``), run in check mode too.

- The services travel as ``<service>`` items directly under ``<location>`` (the GET answer's shape, resource.py):
  a SET without any leaves the list as it is, so "no services at all" cannot be sent. Refused before the write.
- The property defaults (``<customerproperties>``, ``<additionalproperties>``) are missing from the CPSM 10 guide:
  a CPSM 10 server would ignore them (api/release.py, one GET ``<global/>``).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CortexError


class LocationCheckError(CortexError):
    """A location write that cannot do what the task asks, found before anything was sent."""

    name = 'InvalidLocation'

    def __init__(self, message):
        super(LocationCheckError, self).__init__(message + ' Nothing was sent.')


def services_not_emptied(plan, context, describe):
    """The task would leave the location without any service, which the SET cannot express."""
    sent = plan.sent('services')
    if sent is not None and not sent:
        raise LocationCheckError(
            '%s would offer no service at all (it offers %s now): a location SET lists the services it offers as '
            '<service> items, and one without any leaves the list unchanged. Keep at least one service, or delete '
            'the location (state: absent).'
            % (describe()[0].upper() + describe()[1:], ', '.join(plan.before.get('services') or []) or 'none'))


def properties_need_release(plan, context, describe):
    """Property defaults on a release that does not read them (CPSM 10): refused, naming the release."""
    options = [option for option in ('customer_properties', 'user_properties') if plan.sent(option)]
    if options:
        context.release.require('additional_properties', '%s (%s)' % (describe(), ', '.join(options)))
