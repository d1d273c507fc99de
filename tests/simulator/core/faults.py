"""Fault injection for client robustness tests (POST /_sim/faults).

Each API request draws once per fault kind from a seeded random.Random, in a fixed order, so a given seed gives
the same sequence of faults every run. Faults "before" (drop, http500, html, unauthorized) leave the state
untouched; faults "after" (drop_after, truncate) happen once the request was carried out: the answer is lost.
"""

import random
import threading

RATES = (("drop", "drop_rate"), ("http500", "http500_rate"), ("html", "html_rate"),
         ("drop_after", "drop_after_rate"), ("truncate", "truncate_rate"))
KEYS = frozenset(key for _kind, key in RATES) | frozenset(("latency", "unauthorized_after", "only_actions", "seed",
                                                           "html_status", "max_faults"))
BEFORE = frozenset(("drop", "http500", "html", "unauthorized"))

_IIS_PAGES = {
    500: b"<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
         b"\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\r\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"
         b"<head><title>500 - Internal server error.</title></head><body><div id=\"header\"><h1>Server Error</h1>"
         b"</div><div id=\"content\"><fieldset><h2>500 - Internal server error.</h2><h3>There is a problem with the "
         b"resource you are looking for, and it cannot be displayed.</h3></fieldset></div></body></html>\r\n",
    503: b"<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"\"http://www.w3.org/TR/html4/strict.dtd\">\r\n"
         b"<HTML><HEAD><TITLE>Service Unavailable</TITLE>\r\n<META HTTP-EQUIV=\"Content-Type\" "
         b"Content-Type=\"text/html; charset=us-ascii\"></HEAD>\r\n<BODY><h2>Service Unavailable</h2>\r\n<hr><p>HTTP "
         b"Error 503. The service is unavailable.</p>\r\n</BODY></HTML>\r\n",
}


def html_page(status):
    return _IIS_PAGES.get(status, _IIS_PAGES[500])


class Faults(object):
    def __init__(self):
        self.lock = threading.Lock()
        self.clear()

    def clear(self):
        self.settings = {}
        self.rng = random.Random(0)
        self.count = 0
        self.injected = 0

    def configure(self, settings):
        """Replace the settings; ValueError for unknown keys or bad values."""
        unknown = sorted(set(settings) - KEYS)
        if unknown:
            raise ValueError("unknown fault settings: %s" % ", ".join(unknown))
        clean = {}
        for key, value in settings.items():
            if value is None:
                continue
            if key == "only_actions":
                clean[key] = [str(item).upper() for item in value]
            elif key in ("unauthorized_after", "seed", "html_status", "max_faults"):
                clean[key] = int(value)
            else:
                clean[key] = float(value)
        with self.lock:
            self.settings = clean
            self.rng = random.Random(clean.get("seed", 0))
            self.count = 0
            self.injected = 0

    def plan(self, action):
        """{"latency": seconds, "fault": kind or None, "html_status": int} for one API request."""
        with self.lock:
            settings = self.settings
            only = settings.get("only_actions")
            if not settings or (only and (action or "") not in only):
                return {"latency": 0.0, "fault": None}
            self.count += 1
            plan = {"latency": settings.get("latency", 0.0), "fault": None}
            limit = settings.get("unauthorized_after")
            if limit is not None and self.count > limit:
                plan["fault"] = "unauthorized"
                return plan
            for kind, key in RATES:
                draw = self.rng.random()
                if plan["fault"] is None and draw < settings.get(key, 0.0):
                    plan["fault"] = kind
            if plan["fault"] == "html":
                plan["html_status"] = settings.get("html_status") or self.rng.choice((500, 503))
            # max_faults: a transient fault (e.g. 1 = only the first matching request fails, then all is well)
            limit = settings.get("max_faults")
            if plan["fault"] is not None or plan["latency"]:
                if limit is not None and self.injected >= limit:
                    return {"latency": 0.0, "fault": None}
                self.injected += 1
            return plan
