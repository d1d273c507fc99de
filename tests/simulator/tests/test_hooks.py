"""The /_sim/ hooks: log format, reset, state, config, bulk seed at scale."""

import io
import time
import types
from urllib.parse import urlsplit

import requests

from tests.simulator.core.http import Handler

from .simhelp import E, req


def test_log_entries_have_the_documented_fields(sim):
    sim.clear_log()
    sim.call(req("SET", E.customer(E.name("OC"), E.user(E.name("newbie")))))
    sim.call(req("GET", E.customer(E.name("NOPE"))), user="admin_DA")
    first, second = sim.log()
    assert set(first) == {"seq", "time", "caller", "action", "path", "http_status", "error_id", "changed", "fault",
                          "request_id", "user_agent", "ignored", "start", "end", "peer"}
    assert (first["caller"], first["action"], first["path"], first["http_status"], first["changed"]) == \
        ("admin_Gsp", "SET", "customer/user", 200, True)
    assert first["request_id"] >= 45666 and first["error_id"] is None
    assert first["ignored"] == [] and first["start"] <= first["end"] <= second["start"] <= second["end"]
    assert (second["caller"], second["action"], second["error_id"], second["changed"]) == ("admin_DA", "GET", 34, False)
    assert sim.log(since=first["seq"]) == [second]


def test_log_paths_reflect_nesting(sim):
    sim.clear_log()
    for entity in (E.customer(E.name("DA"), E.service(E.name("HE"), E.distributiongroups())),
                   E.customer(E.name("DA"), E.approvalproviders()), E.identity(), E.request(E.id("1"))):
        sim.call(req("GET", entity))
    assert [e["path"] for e in sim.log()] == ["customer/service/distributiongroups", "customer/approvalproviders",
                                              "identity", "request"]


def test_reset_restores_seed_data_config_and_faults(sim):
    sim.call(req("DELETE", E.customer(E.name("OC"))))
    sim.config({"release": "cpsm10"})
    sim.faults({"latency": 0.01})
    sim.reset()
    state = sim.state()
    assert [c["name"] for c in state["customers"]] == ["Gsp", "DA", "OC"]
    assert state["config"]["release"] == "atria12"
    assert sim.log() == []
    assert requests.get(sim.admin_url + "/faults", timeout=10).json() == {}


def test_state_dump_contains_records_and_counters(sim):
    state = sim.state()
    assert set(state) >= {"customers", "users", "requests", "counters", "config", "locations", "ext"}
    da = [c for c in state["customers"] if c["name"] == "DA"][0]
    assert da["id"] == 23 and da["parent_id"] == 1 and da["services"] is not None
    assert state["counters"]["customer"] == 34 and state["counters"]["user"] == 113


def test_config_rejects_unknown_keys(sim):
    answer = requests.post(sim.admin_url + "/config", json={"colour": "blue"}, timeout=10)
    assert answer.status_code == 400
    assert requests.post(sim.admin_url + "/nothing", json={}, timeout=10).status_code == 404


def test_seed_ten_thousand_customers_and_find_them_fast(sim):
    start = time.time()
    result = sim.seed({"customers": 10000})
    seeded = time.time() - start
    assert result["customers"] == [34, 10033]
    assert seeded < 2.0, "seeding took %.2fs" % seeded
    start = time.time()
    answer = sim.raw(req("FIND", E.customer()), auth=("admin_Gsp", "Adm1n!Gsp"))
    found = time.time() - start
    assert answer.content.count(b"<customer>") == 10003
    assert found < 1.5, "FIND of 10,000 customers took %.2fs" % found


def test_seed_resellers_with_children_and_users(sim):
    result = sim.seed({"customers": 6, "resellers": 2, "users_per_customer": 2, "parent": "DA"})
    assert result["resellers"] == ["SR1", "SR2"] and result["users"] == 16
    _status, root = sim.call(req("FIND", E.customer(E.parent(E.name("SR1")), E.user())), user="admin_DA")
    assert [c.findtext("name") for c in root.findall("customer")] == ["SC1", "SC3", "SC5"]
    assert len(root.findall("customer/user")) == 6
    _status, root = sim.call(req("GET", E.customer(E.name("SC1"), E.user(E.name("user1")))))
    assert [r.text for r in root.findall("customer/user/roles/role")] == ["Customer Administrator"]


def test_hooks_refuse_non_loopback_clients(sim_server):
    # the server only listens on 127.0.0.1, so drive the handler directly with a foreign client address
    handler = Handler.__new__(Handler)
    handler.client_address = ("192.0.2.7", 40000)
    handler.server = types.SimpleNamespace(sim=sim_server)
    handler.wfile = io.BytesIO()
    handler.request_version = "HTTP/1.1"
    handler.requestline = "GET /_sim/state HTTP/1.1"
    handler.command = "GET"
    handler.route_hook("GET", urlsplit("/_sim/state"), b"")
    assert handler.wfile.getvalue().startswith(b"HTTP/1.1 403")


def test_log_start_and_end_prove_that_requests_overlapped(sim):
    """Issue 18 item 5: start is taken at receipt, end once the answer is ready, so overlap can be shown."""
    import threading
    sim.faults({"latency": 0.3})
    sim.clear_log()
    body = req("GET", E.customer(E.name("DA")))
    workers = [threading.Thread(target=sim.raw, args=(body,), kwargs={"auth": ("admin_Gsp", "Adm1n!Gsp")})
               for _attempt in range(2)]     # sim.raw: one connection each (a requests.Session is not thread-safe)
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    first, second = sim.log()
    assert first["end"] - first["start"] >= 0.3
    assert first["start"] < second["end"] and second["start"] < first["end"]


def test_log_peer_shows_one_connection_per_keep_alive_session(sim):
    """Issue 14: "peer" is the client's ip:port, so a test can prove that requests shared one connection."""
    sim.clear_log()
    body = req("GET", E.customer(E.name("DA")))
    for _attempt in range(3):
        sim.call(body)                                      # one requests.Session: one kept-alive connection
    for _attempt in range(2):
        sim.raw(body, auth=("admin_Gsp", "Adm1n!Gsp"))     # a new connection each
    peers = [entry["peer"] for entry in sim.log()]
    assert all(peer.startswith("127.0.0.1:") and int(peer.rsplit(":", 1)[1]) > 0 for peer in peers)
    assert len(set(peers[:3])) == 1
    assert len(set(peers[2:])) == 3


def test_keep_alive_answers_do_not_wait_for_delayed_acks(sim):
    """Issue 14: headers and body are two send()s; with Nagle on, each kept-alive answer waited ~40 ms."""
    body = req("GET", E.customer(E.name("DA")))
    sim.call(body)                                          # connection open
    start = time.time()
    for _attempt in range(20):
        sim.call(body)
    took = time.time() - start
    assert took < 0.5, "20 kept-alive requests took %.2fs (Nagle / delayed ACK?)" % took
