"""Helpers for the simulator's tests: request builders (lxml's ElementMaker, never string formatting), answer
helpers (ok, error, error_of) and shape comparison. Requests go through the `sim` fixture:
sim.call(xml, user=...) -> (http_status, response root)."""

import re
import time

from lxml import etree
from lxml.builder import ElementMaker

E = ElementMaker()
PASSWORDS = {"admin_Gsp": "Adm1n!Gsp", "admin_DA": "Adm1n!DA", "noapi_Gsp": "NoApi!Gsp"}


def parser():
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def parse(data):
    return etree.fromstring(data, parser())


def req(action, *entities):
    """A <request version="1.0" action=...> document as bytes."""
    root = E.request(*entities, version="1.0", action=action)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def paths(root, skip_below=()):
    """Set of /a/b/c element paths; elements below a tag in skip_below are left out."""
    found = set()
    for el in root.iter(tag=etree.Element):
        steps = [anc.tag for anc in reversed(list(el.iterancestors()))] + [el.tag]
        if any(tag in steps[:-1] for tag in skip_below):
            continue
        found.add("/" + "/".join(steps))
    return found


def error_of(root):
    """(id, message) of an <error> answer, or None."""
    err = root.find("error")
    if err is None:
        return None
    return int(err.findtext("id")), err.findtext("message")


def request_id(root):
    text = root.findtext("request/id")
    return int(text) if text else None


def strip_ids(text):
    return re.sub(r"\d+", "N", text)


# --------------------------------------------------------------------- entity builders and answers
ADMIN = "admin_Gsp"


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
    return sim.call(req(action, entity), user=who)


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
