"""Provisioning requests: ids, parent/child structure, the status timer, logs, times, failures, CPSM 10."""

import time

from .simhelp import E, error_of, req, request_id

NEW_CUSTOMER = E.customer(E.fullname("Timer Customer"), E.contactname("Admin"), E.contactemail("a@timer.local"),
                          E.primarydomain("timer.local"))


def customer_status(sim, name="TC"):
    _status, root = sim.call(req("GET", E.customer(E.name(name))))
    return root.findtext("customer/status")


def get_request(sim, rid, *extra):
    _status, root = sim.call(req("GET", E.request(E.id(str(rid)), *extra)))
    return root.find("request")


def test_request_ids_start_at_45666_and_children_hang_below_the_top_request(sim):
    _status, root = sim.call(req("SET", NEW_CUSTOMER))
    top = request_id(root)
    assert top == 45666
    _status, root = sim.call(req("SET", E.customer(E.name("TC"), E.user(E.name("a")), E.user(E.name("b")))))
    second = request_id(root)
    assert second == 45668
    _status, root = sim.call(req("GET", E.request(E.parentid(str(second)))))
    children = root.findall("request")
    assert [int(c.findtext("id")) for c in children] == [45669, 45670]
    assert all(c.findtext("parentid") == str(second) for c in children)


def test_get_request_has_the_capture_shape(sim):
    _status, root = sim.call(req("SET", NEW_CUSTOMER))
    request = get_request(sim, request_id(root))
    assert [c.tag for c in request] == ["id", "type", "name", "description", "status", "object"]
    assert [c.tag for c in request.find("object")] == ["type", "name", "description", "status"]
    assert request.findtext("type") == "Object Provision"
    assert request.findtext("object/type") == "Customer" and request.findtext("object/name") == "TC"


def test_statuses_move_requested_inprogress_provisioned_on_the_timer(sim):
    sim.config({"provisioning_delay": 0.6})
    _status, root = sim.call(req("SET", NEW_CUSTOMER))
    rid = request_id(root)
    seen = []
    deadline = time.time() + 5
    while time.time() < deadline:
        status = customer_status(sim)
        if not seen or seen[-1] != status:
            seen.append(status)
        if status == "Provisioned":
            break
        time.sleep(0.03)
    assert seen == ["Requested", "InProgress", "Provisioned"]
    assert get_request(sim, rid).findtext("status") == "Provisioned"


def test_log_and_times_follow_the_request(sim):
    sim.config({"provisioning_delay": 0.2})
    _status, root = sim.call(req("SET", NEW_CUSTOMER))
    rid = request_id(root)
    early = get_request(sim, rid, E.log(), E.times())
    assert len(early.findall("log/entry")) == 1
    assert early.findtext("times/requested") and not early.findtext("times/completed")
    time.sleep(0.3)
    late = get_request(sim, rid, E.log(), E.times())
    messages = [e.findtext("message") for e in late.findall("log/entry")]
    assert len(messages) >= 3 and messages[-1].endswith("finished with status Provisioned.")
    assert late.findtext("times/started") and late.findtext("times/completed")


def test_fail_rate_makes_requests_fail_with_an_explanation(sim):
    sim.config({"fail_rate": 1.0})
    _status, root = sim.call(req("SET", NEW_CUSTOMER))
    request = get_request(sim, request_id(root), E.log())
    assert request.findtext("status") == "Failed"
    assert any(e.findtext("level") == "Error" and "simulated failure" in e.findtext("message")
               for e in request.findall("log/entry"))
    assert customer_status(sim) == "Failed"
    # re-provisioning a failed customer resubmits it
    sim.config({"fail_rate": 0.0})
    sim.call(req("SET", E.customer(E.name("TC"), E.status("Provisioned"))))
    assert customer_status(sim) == "Provisioned"


def test_deprovisioning_requests_end_notprovisioned_and_updates_keep_the_settled_status(sim):
    sim.call(req("SET", NEW_CUSTOMER))
    _status, root = sim.call(req("SET", E.customer(E.name("TC"), E.status("NotProvisioned"))))
    assert get_request(sim, request_id(root)).findtext("type") == "Object Deprovision"
    _status, root = sim.call(req("SET", E.customer(E.name("TC"), E.contactname("Other"))))
    request = get_request(sim, request_id(root))
    assert (request.findtext("type"), request.findtext("status")) == ("Object Update", "NotProvisioned")
    assert customer_status(sim) == "NotProvisioned"


def test_unchanged_set_still_answers_a_request_id_but_logs_no_change(sim):
    sim.clear_log()
    status, root = sim.call(req("SET", E.customer(E.name("DA"), E.contactname("Aleksandrs Selickis"))))
    assert status == 200 and request_id(root)
    assert sim.log()[-1]["changed"] is False


def test_unknown_request_is_error_18_and_bad_id_is_error_38(sim):
    _status, root = sim.call(req("GET", E.request(E.id("1"))))
    assert error_of(root)[0] == 18
    _status, root = sim.call(req("GET", E.request(E.id("abc"))))
    assert error_of(root)[0] == 38


def test_requests_are_read_only(sim):
    status, root = sim.call(req("SET", E.request(E.id("45666"))))
    assert (status, error_of(root)[0]) == (400, 5)


def test_cpsm10_answers_writes_with_an_empty_response_and_still_provisions(sim):
    sim.config({"release": "cpsm10", "provisioning_delay": 0.1})
    status, root = sim.call(req("SET", NEW_CUSTOMER))
    assert status == 200 and root.tag == "response" and len(root) == 0
    assert customer_status(sim) == "Requested"
    time.sleep(0.15)
    assert customer_status(sim) == "Provisioned"
    status, root = sim.call(req("DELETE", E.customer(E.name("TC"))))
    assert status == 200 and len(root) == 0
