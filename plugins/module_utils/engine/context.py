# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What one run knows beyond the entity itself, handed to the fields: a field never talks to the server.

Some values are only known with the server's help: a reseller named by full name is sent by its code, a user
plan named by display name is sent by the code the customer service lists, a member list names users that must
exist. The engine creates one RunContext per run (one for all the items of a bulk task) and hands it to the fields;
a field asks the context, and the context (or a lookup it holds) sends the request, once for the whole run.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api.release import release_of


class RunContext:
    """client   -- the CortexClient of the task
    customer -- the customer the entity belongs to (an entities.customer.locator.CustomerRef), or None
    service  -- the service the entity belongs to (an entities.service.locator.ServiceLocator), or None
    warnings -- what lookups have to tell the user; the engine adds them to the task's warnings
    check_mode -- the run only previews: a lookup may meet what an earlier task of the same run would have created
    """

    def __init__(self, client, customer=None, service=None, check_mode=False):
        self.client = client
        self.customer = customer
        self.service = service
        self.check_mode = check_mode
        self.warnings = []
        self._lookups = {}

    @classmethod
    def of(cls, client, locator, check_mode=False):
        """The context of the entity a locator names: its customer and service, where the locator has them."""
        return cls(client, customer=getattr(locator, 'customer', None), service=getattr(locator, 'service', None),
                   check_mode=check_mode)

    def warn(self, message):
        """A warning for the task, once (the read-back after a write plans again and may say it twice)."""
        if message not in self.warnings:
            self.warnings.append(message)

    def refuse(self, error):
        """Raise ``error``, a refusal because something the write needs does not exist (a group, a member). In check
        mode, warn instead: an earlier task of the same run may be the one that creates it; a real run refuses."""
        if not self.check_mode:
            raise error
        self.warn('Check mode preview: %s In check mode an earlier task of the run may create what is missing; a real '
                  'run refuses this.' % str(error).replace(' Nothing was sent.', ''))

    @property
    def release(self):
        """The server's release (api/release.py): read with one GET of <global/> the first time it is asked."""
        return release_of(self.client)

    def lookup(self, kind):
        """The run's one ``kind(context)``, created when a field first asks for it and shared by every field.

        ``kind`` is a class of the entities layer that reads for the fields, e.g. the UserDirectory that turns the
        user names of every member list of a task into stored names and addresses with one read.
        """
        if kind not in self._lookups:
            self._lookups[kind] = kind(self)
        return self._lookups[kind]
