"""The /_sim/ test hooks: plain JSON over HTTP, loopback clients only, no authentication.

Each hook takes the SimServer and the parsed JSON body and returns (HTTP status, JSON-serialisable answer).
"""

import json
import threading
import time

from . import seed
from .errors import SimError
from .system import VERSIONS

CONFIG_KEYS = ("provisioning_delay", "fail_rate", "release", "bom", "seed")


class RequestLog(object):
    """Every API request, faults included, as dicts with a growing seq (kept in memory, capped).

    With ``archive`` (a file path) every entry is also appended to that file as a JSON line, which neither
    /_sim/log/clear nor /_sim/reset empties: a whole test suite can be audited afterwards (check mode sent no write).
    """

    LIMIT = 200000

    def __init__(self, archive=None):
        self.lock = threading.Lock()
        self.entries = []
        self.seq = 0
        self.archive = archive

    def add(self, entry):
        with self.lock:
            self.seq += 1
            entry = dict(entry, seq=self.seq, time=time.time())
            self.entries.append(entry)
            if len(self.entries) > self.LIMIT:
                del self.entries[:len(self.entries) - self.LIMIT]
            if self.archive:
                with open(self.archive, "a", encoding="utf-8") as handle:
                    handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
            return entry

    def since(self, seq=0):
        with self.lock:
            return [entry for entry in self.entries if entry["seq"] > seq]

    def clear(self):
        with self.lock:
            self.entries = []


def _config(sim, body):
    store = sim.store
    if body is None:
        return 200, dict(store.config)
    unknown = sorted(set(body) - set(CONFIG_KEYS))
    if unknown:
        return 400, {"error": "unknown config keys: %s (known: %s)" % (", ".join(unknown), ", ".join(CONFIG_KEYS))}
    with store.lock:
        if "release" in body and body["release"] not in VERSIONS:
            return 400, {"error": "release must be one of %s" % ", ".join(sorted(VERSIONS))}
        if "provisioning_delay" in body:
            store.config["provisioning_delay"] = max(0.0, float(body["provisioning_delay"]))
        if "fail_rate" in body:
            store.config["fail_rate"] = min(1.0, max(0.0, float(body["fail_rate"])))
        if "release" in body:
            store.config["release"] = body["release"]
        if "bom" in body:
            store.config["bom"] = bool(body["bom"])
        if "seed" in body:
            store.config["seed"] = int(body["seed"])
            store.rng.seed(store.config["seed"])
        return 200, dict(store.config)


def _faults(sim, body):
    if body is None:
        return 200, dict(sim.faults.settings)
    try:
        sim.faults.configure(body)
    except (TypeError, ValueError) as exc:
        return 400, {"error": str(exc)}
    return 200, dict(sim.faults.settings)


def _reset(sim, _body):
    sim.reset()
    return 200, {"reset": True}


def _state(sim, _body):
    with sim.store.lock:
        sim.store.refresh(time.time())
        data = sim.store.snapshot()
        data["config"] = dict(sim.store.config)
        # copy inside the lock: the records keep changing once it is released
        return 200, _deep_copy(data)


def _deep_copy(value):
    if isinstance(value, dict):
        return dict((k, _deep_copy(v)) for k, v in value.items())
    if isinstance(value, list):
        return [_deep_copy(v) for v in value]
    return value


def _seed(sim, body):
    with sim.store.lock:
        try:
            result = seed.bulk_seed(sim.store, body or {})
        except SimError as exc:
            return 400, {"error": exc.message}
        sim.store.save()
    return 200, result


def _log(sim, _body, query):
    since = int(query.get("since", ["0"])[0] or 0)
    return 200, sim.log.since(since)


def _log_clear(sim, _body):
    sim.log.clear()
    return 200, {"cleared": True}


ROUTES = {
    ("POST", "/_sim/log/clear"): _log_clear,
    ("POST", "/_sim/reset"): _reset,
    ("GET", "/_sim/state"): _state,
    ("GET", "/_sim/faults"): lambda sim, body: _faults(sim, None),
    ("POST", "/_sim/faults"): lambda sim, body: _faults(sim, body or {}),
    ("GET", "/_sim/config"): lambda sim, body: _config(sim, None),
    ("POST", "/_sim/config"): lambda sim, body: _config(sim, body or {}),
    ("POST", "/_sim/seed"): _seed,
}


def dispatch(sim, method, path, body, query):
    path = path.rstrip("/")
    if method == "GET" and path == "/_sim/log":
        return _log(sim, body, query)
    handler = ROUTES.get((method, path))
    if handler is None:
        return 404, {"error": "no such hook: %s %s" % (method, path)}
    return handler(sim, body)
