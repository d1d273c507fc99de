"""State file: a restarted simulator keeps customers, users, requests and id counters."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests

from tests.simulator.server import SimServer

from .simhelp import E, parse, req

AUTH = ("admin_Gsp", "Adm1n!Gsp")
REPO = Path(__file__).resolve().parents[3]


def post(server, body, verify=True):
    answer = requests.post(server.url, data=body, auth=AUTH, timeout=30, verify=verify)
    return answer.status_code, parse(answer.content)


def test_restart_on_the_same_state_file_keeps_everything(tmp_path):
    state = str(tmp_path / "state.json")
    first = SimServer(port=0, state_file=state, provisioning_delay=0.4).start()
    try:
        post(first, req("SET", E.customer(E.fullname("Kept Customer"), E.contactname("A"), E.contactemail("a@k.local"),
                                          E.primarydomain("k.local"), E.user(E.name("keeper")))))
    finally:
        first.stop()
    assert json.loads(Path(state).read_text(encoding="utf-8"))["customers"][-1]["name"] == "KC"
    second = SimServer(port=0, state_file=state, provisioning_delay=0.4).start()
    try:
        _status, root = post(second, req("GET", E.customer(E.name("KC"), E.user(E.name("keeper")))))
        assert root.findtext("customer/user/name") == "keeper_KC"
        assert root.findtext("customer/status") in ("Requested", "InProgress", "Provisioned")
        time.sleep(0.45)
        _status, root = post(second, req("GET", E.customer(E.name("KC"))))
        assert root.findtext("customer/status") == "Provisioned"     # the timer survived the restart
        _status, root = post(second, req("GET", E.request(E.id("45666"))))
        assert root.findtext("request/object/name") == "KC"
        _status, root = post(second, req("SET", E.customer(E.fullname("Next Customer"), E.contactname("A"),
                                                           E.contactemail("a@n.local"), E.primarydomain("n.local"))))
        assert int(root.findtext("request/id")) > 45667
        _status, root = post(second, req("FIND", E.customer(E.name("NC"))))
        assert root.findtext("customer/id") == "35"
    finally:
        second.stop()


def test_state_file_is_written_atomically(tmp_path):
    state = tmp_path / "state.json"
    server = SimServer(port=0, state_file=str(state)).start()
    try:
        post(server, req("SET", E.customer(E.name("OC"), E.contactname("Atomic"))))
        leftovers = [p.name for p in tmp_path.iterdir() if p.name != "state.json"]
        assert leftovers == []
        assert "Atomic" in state.read_text(encoding="utf-8")
    finally:
        server.stop()


def _start_cli(tmp_path, *extra):
    ready = tmp_path / "ready.json"
    proc = subprocess.Popen([sys.executable, "-m", "tests.simulator", "--port", "0", "--ready-file", str(ready),
                             "--provisioning-delay", "0"] + list(extra), cwd=str(REPO),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    deadline = time.time() + 20
    while not ready.exists() and time.time() < deadline:
        time.sleep(0.05)
    return proc, line, ready


def test_cli_prints_listening_line_writes_ready_file_and_stops_on_sigterm(tmp_path):
    proc, line, ready = _start_cli(tmp_path, "--state-file", str(tmp_path / "s.json"), "--release", "cpsm11")
    try:
        info = json.loads(ready.read_text(encoding="utf-8"))
        assert line.strip() == "CortexAPI simulator listening on %s" % info["url"]
        assert info["url"].startswith("http://127.0.0.1:") and info["pid"] == proc.pid and info["cafile"] is None
        answer = requests.post(info["url"], data=req("GET", E("global")), auth=AUTH, timeout=10)
        assert parse(answer.content).findtext("global/version/api") == "11.0.0.0"
        assert requests.get(info["admin"] + "/config", timeout=10).json()["release"] == "cpsm11"
    finally:
        proc.send_signal(signal.SIGTERM)
        out, _err = proc.communicate(timeout=20)
    assert proc.returncode == 0
    assert out == ""          # nothing but the listening line on stdout
    assert os.path.exists(tmp_path / "s.json")


def test_cli_tls_serves_https_with_the_generated_certificate(tmp_path):
    proc, _line, ready = _start_cli(tmp_path, "--tls")
    try:
        info = json.loads(ready.read_text(encoding="utf-8"))
        assert info["url"].startswith("https://") and os.path.exists(info["cafile"])
        answer = requests.post(info["url"], data=req("GET", E.identity()), auth=AUTH, timeout=10, verify=info["cafile"])
        assert parse(answer.content).findtext("identity/customer/name") == "Gsp"
        try:
            requests.post(info["url"], data=b"", auth=AUTH, timeout=10)
            verified_without_ca = True
        except requests.exceptions.SSLError:
            verified_without_ca = False
        assert not verified_without_ca
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=20)
    assert proc.returncode == 0
