"""The /_sim/ test hooks: plain JSON over HTTP, loopback clients only, no authentication.

Each hook takes the SimServer and the parsed JSON body and returns (HTTP status, JSON-serialisable answer).
"""

import json
import threading
import time

from ..customers import rules as customer_rules
from ..dialect import spellings, tagfilter
from ..dialect.releases import VERSIONS
from ..properties import definitions
from ..seed import bulk
from .errors import SimError


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
            entry.setdefault("start", entry["time"])
            entry.setdefault("end", entry["time"])
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


def _check_release(value):
    if value not in VERSIONS:
        raise ValueError("release must be one of %s" % ", ".join(sorted(VERSIONS)))
    return value


def _check_ignore_tags(value):
    tagfilter.parse_rules(value)
    return list(value)


def _check_spellings(value):
    spellings.check_config(value)
    return dict(value)


def _check_customer_rules(value):
    if value is not None:
        customer_rules.check_config(value, definitions.translate)
    return value


def _check_version(value):
    if value is not None and not isinstance(value, str):
        raise ValueError("global_version must be a string such as \"12.0.0.0\" or null")
    return value


# config key -> value check (raises ValueError) returning what is stored; see README.md "Test hooks"
CONFIG = {
    "provisioning_delay": lambda value: max(0.0, float(value)),
    "fail_rate": lambda value: min(1.0, max(0.0, float(value))),
    "release": _check_release,
    "bom": bool,
    "seed": int,
    "ignore_tags": _check_ignore_tags,
    "spellings": _check_spellings,
    "customer_rules": _check_customer_rules,
    "refuse_user_list_get": bool,
    "global_version": _check_version,
    "keep_user_plans_on_deprovision": bool,
    "exchange_version_required": bool,
    "report_query_ms": lambda value: max(0, int(value)),
}
CONFIG_KEYS = tuple(CONFIG)


def _config(sim, body):
    store = sim.store
    if body is None:
        return 200, dict(store.config)
    unknown = sorted(set(body) - set(CONFIG_KEYS))
    if unknown:
        return 400, {"error": "unknown config keys: %s (known: %s)" % (", ".join(unknown), ", ".join(CONFIG_KEYS))}
    try:
        checked = dict((key, CONFIG[key](value)) for key, value in body.items())
    except (TypeError, ValueError) as exc:
        return 400, {"error": str(exc)}
    with store.lock:       # all or nothing: nothing is stored unless every value is valid
        store.config.update(checked)
        if "seed" in checked:
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
            result = bulk.bulk_seed(sim.store, body or {})
        except SimError as exc:
            return 400, {"error": exc.message}
        sim.store.save()
    return 200, result


def _lock(sim, body):
    """POST /_sim/lock {"user": "Name_CODE"}: lock an account as failed logons would (the API can only unlock)."""
    with sim.store.lock:
        user = sim.store.user_by_login((body or {}).get("user"))
        if user is None:
            return 404, {"error": "no user %r (give the stored name, e.g. admin_DA)" % (body or {}).get("user")}
        user["locked"] = True
        sim.store.save()
        return 200, {"user": user["name"], "locked": True}


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
    ("POST", "/_sim/lock"): _lock,
}


def dispatch(sim, method, path, body, query):
    path = path.rstrip("/")
    if method == "GET" and path == "/_sim/log":
        return _log(sim, body, query)
    handler = ROUTES.get((method, path))
    if handler is None:
        return 404, {"error": "no such hook: %s %s" % (method, path)}
    return handler(sim, body)
