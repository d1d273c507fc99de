"""Request builders and answer helpers for the services, distribution-group and approval tests.

Requests are built with lxml's ElementMaker (never by formatting strings) and sent through the core's `sim`
fixture: sim.call(xml, user=...) -> (http_status, response root).
"""

import time

from lxml import etree
from lxml.builder import E

ADMIN = "admin_Gsp"


def request(action, entity):
    return etree.tostring(E.request(entity, version="1.0", action=action), xml_declaration=True, encoding="utf-8")


def customer(code, *children):
    return E.customer(E.name(code), *children)


def user(name, *children):
    return E.user(E.name(name), *children)


def service(name, *children):
    return E.service(E.name(name), *children)


def plan(tag, name, enabled=None, userlimit=None, key="name"):
    """<userplan>/<userpackage>/<package> naming a plan by key ("name" or "fullname")."""
    children = [E(key, name)]
    if enabled is not None:
        children.append(E.enabled(enabled))
    if userlimit is not None:
        children.append(E.userlimit(userlimit))
    return E(tag, *children)


def properties(**values):
    return E.properties(*[E.property(E.name(name), E.value(value)) for name, value in values.items()])


def call(sim, action, entity, who=ADMIN):
    return sim.call(request(action, entity), user=who)


def ok(sim, action, entity, who=ADMIN):
    status, root = call(sim, action, entity, who)
    assert status == 200, etree.tostring(root)
    assert root.find("error") is None, etree.tostring(root)
    return root


def error(sim, action, entity, who=ADMIN):
    """(error id, message, http status) of a request that must fail."""
    status, root = call(sim, action, entity, who)
    err = root.find("error")
    assert err is not None, "expected an error, got %s" % etree.tostring(root)
    return int(err.findtext("id")), err.findtext("message"), status


def new_customer(sim, fullname="Service Test Customer", domain="svctest.local"):
    """Create a customer under Gsp with one user ('User1'); returns its generated code."""
    entity = E.customer(E.fullname(fullname), E.contactname("Tester"), E.contactemail("t@" + domain),
                        E.primarydomain(domain), E.user(E.name("User1")))
    root = ok(sim, "SET", entity)
    assert root.find("request/id") is not None
    found = ok(sim, "FIND", E.customer(E.fullname(fullname)))
    return found.findtext("customer/name")


def get_service(sim, code, name, *children):
    return ok(sim, "GET", customer(code, service(name, *children))).find("customer/service")


def get_user_service(sim, code, login, name, *children):
    return ok(sim, "GET", customer(code, user(login, service(name, *children)))).find("customer/user/service")


def plans_of(service_el, tag):
    """{plan name: {field: text}} of the plans listed in a service answer."""
    return {el.findtext("name"): {child.tag: child.text for child in el} for el in service_el.findall(tag)}


def wait_status(sim, fetch, wanted, timeout=5.0):
    """Poll fetch() -> status text until it equals wanted (statuses move on a timer)."""
    deadline = time.time() + timeout
    status = fetch()
    while status != wanted and time.time() < deadline:
        time.sleep(0.02)
        status = fetch()
    return status
