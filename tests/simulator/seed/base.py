"""The seed data every test relies on (as docs/architecture.md fixes it): customers, users, one location.

Deterministic: the same ids, names and passwords every time, so tests and other engineers can rely on them.
"""

import time

from ..core.context import optional_module
from ..customers import record as customer_record
from ..users import record as user_record
from ..users import roles

LOCATION = customer_record.DEFAULT_LOCATION
API_USERS = (
    # (user id, customer code, base name, password, api access, roles)
    (1, "Gsp", "admin", "Adm1n!Gsp", True, [roles.CUSTOMER_ADMINISTRATOR]),
    (2, "Gsp", "noapi", "NoApi!Gsp", False, []),
    (60, "DA", "admin", "Adm1n!DA", True, [roles.CUSTOMER_ADMINISTRATOR, "Reseller Full Administrator"]),
    (61, "OC", "admin", "Adm1n!OC", False, [roles.CUSTOMER_ADMINISTRATOR]),
)


def seed_core(store, now=None):
    """Replace the whole state with the seed data (customers Gsp, DA, OC, their users, one location)."""
    now = time.time() if now is None else now
    store.clear()
    store.counters = {"customer": 34, "user": 113, "request": 45666, "location": 2}
    store.locations = [{"id": 1, "name": LOCATION, "services": None, "customer_properties": {},
                        "user_properties": {}}]
    gsp = customer_record.new_customer(1, "Gsp", "Globalsp", None, primarydomain="pp-exchange.local",
                                       contactname="Service Provider", contactemail="admin@pp-exchange.local",
                                       address="1 Provider Street")
    gsp["password_policy"]["allowneverexpires"] = True
    store.add_customer(gsp)
    store.add_customer(customer_record.new_customer(
        23, "DA", "Demo Also", 1, primarydomain="nervogrid.com", contactname="Aleksandrs Selickis",
        contactemail="aleksandrs.selickis@nervogrid.com", address="Liliju iela 29",
        properties={"City": "Riga", "Country": "Latvia", "ZipCode": "LV-1010"}))
    store.add_customer(customer_record.new_customer(
        24, "OC", "Other Customer", 1, primarydomain="other.local", contactname="Olga Other",
        contactemail="olga@other.local", address="2 Other Road"))
    by_code = dict((rec["name"], rec) for rec in store.customers.values())
    for uid, code, base, password, api, role_names in API_USERS:
        customer = by_code[code]
        store.add_user(user_record.new_user(uid, customer, base, now, password=password, api_access=api,
                                            roles=list(role_names), fullname="%s %s" % (base.title(), code),
                                            lastname=code))
    services = optional_module("services.customer")
    if services is not None:
        services.seed(store)
