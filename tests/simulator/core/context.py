"""RequestContext: what every handler gets for one API call.

A handler runs with the store lock held (one lock per API call, so no lost updates) and with statuses already
brought up to date: before dispatching, the server calls ``store.refresh(now)``, which moves every record that a
provisioning request drives to the status that request has reached by now. ``record["status"]`` is therefore
always current inside a handler; ``status_of(record)`` is kept for readability and returns exactly that.

Records are plain JSON-serialisable dicts living in the store (see store.py for the keys). Handlers mutate them in
place, call ``start_request`` for every entity whose provisioning state they touch, and ``mark_changed`` when they
modified anything, so the request log can say whether a call wrote.
"""

import importlib
import time

from .errors import SimError
from . import provisioning


class RequestContext(object):
    """State and helpers for one API call (FIND/GET/SET/DELETE)."""

    def __init__(self, store, caller, action, release, now=None):
        self.store = store
        self.caller = caller                    # the API user's user record (dict)
        self.action = action                    # "FIND" | "GET" | "SET" | "DELETE" (upper case)
        self.release = release                  # "atria12" | "cpsm11" | "cpsm10"
        self.now = time.time() if now is None else now
        self.changed = False
        self.path = None                        # log path override; None = derived from the request tree
        self.top_request_id = None              # created lazily by the first start_request
        self.child_request_ids = []
        self._visible = None

    # ----------------------------------------------------------------- scope
    @property
    def caller_customer(self):
        return self.store.customers.get(self.caller["customer_id"])

    def visible_ids(self):
        """Ids of the caller's customer and every customer below it (computed once per call)."""
        if self._visible is None:
            self._visible = self.store.descendant_ids(self.caller["customer_id"])
        return self._visible

    def visible_customers(self):
        """Customer records the caller may see, ordered by id."""
        ids = self.visible_ids()
        return [rec for cid, rec in sorted(self.store.customers.items()) if cid in ids]

    def can_access(self, customer):
        return customer is not None and customer["id"] in self.visible_ids()

    def forget_scope(self):
        """Call after creating or re-parenting customers so visible_ids() is recomputed."""
        self._visible = None

    # ----------------------------------------------------------------- lookups
    def users_of(self, customer):
        """User records of a customer, ordered by id."""
        return self.store.users_of(customer["id"])

    def customer_of(self, user):
        return self.store.customers.get(user["customer_id"])

    def lookup_user(self, customer, name=None, upn=None, user_id=None, fullname=None):
        """The customer's user matching the first given key, or None.

        name matches with or without the customer's _CODE suffix, case-insensitively; upn and fullname
        case-insensitively; user_id exactly (int or digit string).
        """
        return self.store.lookup_user(customer, name=name, upn=upn, user_id=user_id, fullname=fullname)

    # ----------------------------------------------------------------- writes
    def mark_changed(self):
        """Record that this call modified state (the request log shows changed=true; the state file is saved)."""
        self.changed = True

    def start_request(self, description, object_type, object_name, records, final_status="Provisioned",
                      request_type=None, object_description=None, resting=False):
        """Create a provisioning request for one entity and return its id.

        The request is a child of this call's top-level request (created on first use; its id is what the
        SET/DELETE answer returns). Each dict in ``records`` gets ``status`` = "Requested" (or the final status at
        once when the provisioning delay is 0) and is driven by the timer: Requested -> InProgress -> final_status,
        or Failed when the configured fail_rate says so. Pass ``records=[]`` for an entity that no longer exists
        (DELETE). ``request_type`` defaults to "Object Provision", "Object Deprovision" when final_status is
        NotProvisioned. ``object_description`` defaults to ``description``. ``resting``: final at once, never
        Requested/InProgress (a change held for approval: nothing is in flight).
        """
        self.mark_changed()
        return provisioning.start_child(self, description, object_type, object_name, records, final_status,
                                        request_type, object_description, resting)

    def status_of(self, record):
        """The record's provisioning status now (statuses are refreshed before every handler)."""
        return record.get("status")

    def settled_status(self, record):
        """The status the record will have once its pending request (if any) is finished.

        Use it as final_status for plain attribute updates; a Failed record is retried, so it settles Provisioned.
        """
        return provisioning.settled_status(self.store, record, self.now)

    # ----------------------------------------------------------------- values
    @staticmethod
    def parse_bool(value, what):
        """true/yes/1/-1 and false/no/0, case-insensitive; error 32 otherwise."""
        word = (value or "").strip().lower()
        if word in ("true", "yes", "1", "-1"):
            return True
        if word in ("false", "no", "0"):
            return False
        raise SimError(32, "%s: '%s' is not a Boolean value (use true, yes, 1, -1, 0, no or false)." % (what, value))

    @staticmethod
    def parse_status(value, what):
        """A provisioning status compared case-insensitively (the guide writes 'Notprovisioned'); error 17."""
        canonical = provisioning.canonical_status(value)
        if canonical is None:
            raise SimError(17, "%s: '%s' is not a valid status. Use one of Provisioned, Failed, Pending, Requested, "
                               "InProgress, NotProvisioned." % (what, value))
        return canonical


def optional_module(name):
    """Import tests.simulator.<name> (e.g. "services.customer") if it exists, else None.

    Only a missing module itself yields None: an ImportError raised inside an existing module propagates,
    so a broken extension is not mistaken for an absent one.
    """
    full = "%s.%s" % (__package__.rsplit(".", 1)[0], name)     # names are below tests.simulator
    try:
        return importlib.import_module(full)
    except ModuleNotFoundError as exc:
        if exc.name == full:
            return None
        raise
