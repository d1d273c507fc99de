"""Reseller scope: admin_DA sees and changes DA and the customers below it, nothing else."""

from .simhelp import E, error_of, req


def new_customer(fullname, domain, *extra):
    return E.customer(E.fullname(fullname), E.contactname("Admin"), E.contactemail("a@" + domain),
                      E.primarydomain(domain), *extra)


def test_reseller_find_sees_only_its_subtree(sim):
    sim.call(req("SET", new_customer("Test Customer 1", "test2.local")), user="admin_DA")
    sim.call(req("SET", new_customer("Gsp Child", "gc.local")))
    _status, root = sim.call(req("FIND", E.customer()), user="admin_DA")
    assert [c.findtext("name") for c in root] == ["DA", "TC"]
    _status, root = sim.call(req("FIND", E.customer(E.name("OC"))), user="admin_DA")
    assert len(root) == 0


def test_reseller_creates_below_itself_by_default(sim):
    sim.call(req("SET", new_customer("Test Customer 1", "test2.local")), user="admin_DA")
    _status, root = sim.call(req("GET", E.customer(E.name("TC"))), user="admin_DA")
    assert root.findtext("customer/parent/name") == "DA"
    status, root = sim.call(req("SET", new_customer("Sneaky", "s.local", E.parent(E.name("Gsp")))), user="admin_DA")
    assert (status, error_of(root)[0]) == (400, 34)


def test_reseller_get_and_delete_out_of_scope_is_34(sim):
    status, root = sim.call(req("GET", E.customer(E.name("OC"))), user="admin_DA")
    assert (status, error_of(root)) == (400, (34, "Customer 'OC' not found."))
    status, root = sim.call(req("GET", E.customer(E.name("Gsp"))), user="admin_DA")
    assert error_of(root)[0] == 34
    status, root = sim.call(req("DELETE", E.customer(E.name("OC"))), user="admin_DA")
    assert (status, error_of(root)[0]) == (400, 34)


def test_reseller_set_out_of_scope_is_12_and_changes_nothing(sim):
    status, root = sim.call(req("SET", E.customer(E.name("OC"), E.contactname("Hijacked"))), user="admin_DA")
    assert (status, error_of(root)[0]) == (401, 12)
    status, root = sim.call(req("SET", E.customer(E.fullname("Other Customer"), E.user(E.name("x")))), user="admin_DA")
    assert (status, error_of(root)[0]) == (401, 12)
    _status, root = sim.call(req("GET", E.customer(E.name("OC"))))
    assert root.findtext("customer/contactname") == "Olga Other"


def test_nobody_deletes_their_own_customer(sim):
    status, root = sim.call(req("DELETE", E.customer(E.name("DA"))), user="admin_DA")
    assert (status, error_of(root)[0]) == (401, 12)


def test_reseller_cannot_read_requests_of_others(sim):
    _status, root = sim.call(req("SET", E.customer(E.name("OC"), E.contactname("New"))))
    rid = root.findtext("request/id")
    _status, root = sim.call(req("GET", E.request(E.id(rid))), user="admin_DA")
    assert error_of(root)[0] == 18
