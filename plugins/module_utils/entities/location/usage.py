# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Which customers use a location, and the one message for a location that cannot be deleted because of them.

A customer's ``<location>`` is chosen when it is created and cannot be changed; a location a customer still has
cannot be deleted (Appendix A, error 27 LocationError: "The <LocationName> can not be deleted as it is in use").
No request answers "the customers of location X": a customer FIND takes no location filter (the guide's list:
name, fullname, id, billingid, primarydomain, status, parent; an unknown filter tag would be ignored and match
every customer) and its answer is a summary without ``<location>`` (CustomerFind.xml). So the customers are read
with one FIND of every visible customer and one GET per customer: 1 + N requests, sent only when a location that
exists is about to be deleted (``check_usage: false`` skips them and leaves the refusal to the server, error 27,
which is then reported the same way).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import APPENDIX_A, CUSTOMER_NOT_FOUND, LOCATION_ERROR, CortexError, NotFoundError
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.finder import find_customers, get_customer


def customers_using(client, location):
    """[(code, full name)] of the visible customers whose ``<location>`` is ``location`` (case-insensitive)."""
    wanted = (location or '').strip().lower()
    found = []
    for summary in find_customers(client, [], entity='the customers (to find those at location %r)' % location):
        code = xml_codec.text_of(summary, 'name')
        if not code:
            continue
        try:
            customer = get_customer(client, code)
        except NotFoundError as error:
            if error.code != CUSTOMER_NOT_FOUND:
                raise
            continue        # deleted since the FIND: it no longer uses the location
        if customer is not None and (xml_codec.text_of(customer, 'location') or '').strip().lower() == wanted:
            found.append((code, xml_codec.text_of(customer, 'fullname') or code))
    return found


class LocationInUse(CortexError):
    """Error 27 LocationError, found before the DELETE (nothing sent) or answered by the server."""

    code = LOCATION_ERROR
    name = APPENDIX_A[LOCATION_ERROR].name
    meaning = APPENDIX_A[LOCATION_ERROR].meaning

    def __init__(self, location, customers, server_message=None, http_status=None):
        self.location = location
        self.customers = list(customers)
        self.entity = "location '%s'" % location
        self.server_message = server_message
        self.http_status = http_status
        self.hint = ("Delete those customers first (atria.cortex.atria_customer state: absent) - a customer's location "
                     "is chosen when it is created and cannot be changed - then run this task again.")
        if self.customers:
            users = 'it is in use by %d customer%s: %s' % (
                len(self.customers), '' if len(self.customers) == 1 else 's',
                ', '.join('%s (%s)' % (code, fullname) for code, fullname in self.customers))
        else:
            users = 'it is in use'
        if server_message is None:
            outcome = 'Nothing was sent.'
        else:
            outcome = 'The server refused the DELETE: %s' % server_message.strip()
        super(LocationInUse, self).__init__(
            "CortexAPI error %d (%s) for location '%s': the location cannot be deleted, %s. %s %s"
            % (self.code, self.name, location, users, outcome, self.hint))


def refuse_if_used(client, location):
    """Before the DELETE: raise LocationInUse naming the customers that still have the location."""
    customers = customers_using(client, location)
    if customers:
        raise LocationInUse(location, customers)


def explain_refusal(error, client, location):
    """A server's error 27 for the DELETE, told like the check before it (naming the customers, when a read finds
    them); other errors unchanged."""
    if getattr(error, 'code', None) != LOCATION_ERROR:
        return error
    try:
        customers = customers_using(client, location)
    except CortexError:
        customers = []
    return LocationInUse(location, customers, server_message=error.server_message or '',
                         http_status=getattr(error, 'http_status', None))
