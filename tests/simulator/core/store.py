"""The simulator's state: customers, users and provisioning requests as plain JSON-serialisable dicts.

One RLock guards everything; the server holds it for the whole of each API call. With a state file, the state is
written atomically (temporary file + rename) after every call that changed it and read back on start, so a
restarted simulator keeps its customers, users, requests and id counters.

Customer record keys: id, name, fullname, parent_id, location, billingid, primarydomain, contactname,
contactemail, address, phone, fax, domains (list), properties (dict name -> value), enabled, status,
approvalpending, roles (allowed role names), locations, departments, password_policy (dict), plus the keys owned by
services/, approvals/ and groups/: services (dict code -> record), approval (dict), distgroups (list).
User record keys: id, customer_id, name, fullname, upn, firstname, lastname, externalemail, location, department,
phone, enabled, locked, status, approvalpending, roles (list), password (never returned by the API),
changeatnextlogon, password_expires, expires, customfield1, customfield2, properties (dict), api_access, plus
services (dict, owned by services/).
A record driven by a provisioning request carries ``_request`` (the child request id).
"""

import copy
import json
import os
import random
import tempfile
import threading
from collections import defaultdict

from . import provisioning

FORMAT = 1
DEFAULT_CONFIG = {"provisioning_delay": 0.3, "fail_rate": 0.0, "release": "atria12", "bom": False, "seed": 0,
                  "ignore_tags": [], "spellings": {}, "customer_rules": None, "refuse_user_list_get": False,
                  "global_version": None, "keep_user_plans_on_deprovision": False,
                  "exchange_version_required": False, "report_query_ms": 0}


class Store(object):
    """All simulator state plus the lock that serialises API calls."""

    def __init__(self, state_file=None, config=None):
        self.lock = threading.RLock()
        self.state_file = state_file
        self.base_config = dict(DEFAULT_CONFIG)
        self.base_config.update(config or {})
        self.config = copy.deepcopy(self.base_config)
        self.rng = random.Random(self.config.get("seed", 0))
        self.clear()

    # ----------------------------------------------------------------- life cycle
    def clear(self):
        self.customers = {}
        self.users = {}
        self.requests = {}
        self.locations = []       # [{"id", "name", "services", "customer_properties", "user_properties"}]
        self.counters = {}
        self.ext = {}             # global state of extension modules (services, approvals, ...); JSON only
        self.pending = {}         # child request id -> records it drives (rebuilt on load, not persisted)
        self._by_customer = defaultdict(dict)
        self._by_login = {}       # user name (casefolded) -> id; user names never change once created

    def reset_config(self):
        self.config = copy.deepcopy(self.base_config)
        self.rng = random.Random(self.config.get("seed", 0))

    def next_id(self, counter, start=1):
        """Next value of a named counter (customer, user, request, or any name an extension picks)."""
        value = self.counters.get(counter, start)
        self.counters[counter] = value + 1
        return value

    # ----------------------------------------------------------------- customers
    def add_customer(self, rec):
        self.customers[rec["id"]] = rec
        return rec

    def remove_customer(self, customer_id):
        for uid in list(self._by_customer.get(customer_id, {})):
            self.remove_user(uid)
        self._by_customer.pop(customer_id, None)
        return self.customers.pop(customer_id, None)

    def children_map(self):
        kids = defaultdict(list)
        for rec in self.customers.values():
            kids[rec.get("parent_id")].append(rec["id"])
        return kids

    def descendant_ids(self, customer_id, include_self=True):
        """The customer's id and the ids of every customer below it."""
        kids = self.children_map()
        found = set([customer_id]) if include_self else set()
        todo = list(kids.get(customer_id, []))
        while todo:
            cid = todo.pop()
            if cid not in found:
                found.add(cid)
                todo.extend(kids.get(cid, []))
        return found

    def find_customer(self, key, value, within=None):
        """First customer (lowest id) whose key matches value; names compare case-insensitively."""
        if value is None:
            return None
        if key == "id":
            try:
                rec = self.customers.get(int(str(value).strip()))
            except ValueError:
                return None
            return rec if rec is not None and (within is None or rec["id"] in within) else None
        wanted = str(value).strip().casefold()
        for cid in sorted(self.customers):
            rec = self.customers[cid]
            if (within is None or cid in within) and (rec.get(key) or "").casefold() == wanted:
                return rec
        return None

    # ----------------------------------------------------------------- users
    def add_user(self, rec):
        self.users[rec["id"]] = rec
        self._by_customer[rec["customer_id"]][rec["id"]] = rec
        self._by_login[rec["name"].casefold()] = rec["id"]
        return rec

    def remove_user(self, user_id):
        rec = self.users.pop(user_id, None)
        if rec is not None:
            self._by_customer.get(rec["customer_id"], {}).pop(user_id, None)
            self._by_login.pop(rec["name"].casefold(), None)
        return rec

    def users_of(self, customer_id):
        return [rec for _uid, rec in sorted(self._by_customer.get(customer_id, {}).items())]

    def lookup_user(self, customer, name=None, upn=None, user_id=None, fullname=None):
        users = self.users_of(customer["id"])
        if user_id is not None:
            try:
                uid = int(str(user_id).strip())
            except ValueError:
                return None
            return next((u for u in users if u["id"] == uid), None)
        if name is not None:
            wanted = name.strip().casefold()
            suffixed = wanted if wanted.endswith(("_" + customer["name"]).casefold()) else \
                (wanted + "_" + customer["name"]).casefold()
            return next((u for u in users if u["name"].casefold() in (wanted, suffixed)), None)
        if upn is not None:
            return next((u for u in users if (u.get("upn") or "").casefold() == upn.strip().casefold()), None)
        if fullname is not None:
            return next((u for u in users if (u.get("fullname") or "").casefold() == fullname.strip().casefold()), None)
        return None

    def user_by_login(self, login):
        """The user whose (suffixed) name is login, case-insensitively: authentication and name uniqueness."""
        return self.users.get(self._by_login.get((login or "").casefold()))

    def upn_in_use(self, upn, except_id=None):
        wanted = (upn or "").casefold()
        return any((u.get("upn") or "").casefold() == wanted and u["id"] != except_id for u in self.users.values())

    # ----------------------------------------------------------------- provisioning timers
    def refresh(self, now):
        provisioning.refresh(self, now)

    def fail_draw(self):
        rate = float(self.config.get("fail_rate") or 0.0)
        return rate > 0 and self.rng.random() < rate

    # ----------------------------------------------------------------- persistence
    def snapshot(self):
        return {
            "format": FORMAT,
            "counters": self.counters,
            "customers": [self.customers[k] for k in sorted(self.customers)],
            "users": [self.users[k] for k in sorted(self.users)],
            "requests": [self.requests[k] for k in sorted(self.requests)],
            "locations": self.locations,
            "ext": self.ext,
        }

    def restore(self, data):
        self.clear()
        self.counters = dict(data.get("counters", {}))
        for rec in data.get("customers", []):
            self.add_customer(rec)
        for rec in data.get("users", []):
            self.add_user(rec)
        for rec in data.get("requests", []):
            self.requests[rec["id"]] = rec
        self.locations = data.get("locations", [])
        self.ext = data.get("ext", {})
        provisioning.rebuild_pending(self)

    def save(self):
        """Write the state file atomically; a crash mid-write leaves the previous file intact."""
        if not self.state_file:
            return
        directory = os.path.dirname(os.path.abspath(self.state_file))
        fd, tmp = tempfile.mkstemp(prefix=".sim-state-", dir=directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(self.snapshot(), handle, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, self.state_file)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise

    def load(self):
        """Load the state file; False when there is none (the caller then seeds)."""
        if not self.state_file or not os.path.exists(self.state_file):
            return False
        with open(self.state_file, encoding="utf-8") as handle:
            self.restore(json.load(handle))
        return True
