"""One API call: authenticate, parse, make the request what this server reads, dispatch under the store lock.

One API call = one store lock held from authentication to the built response, so concurrent clients never lose
updates. The answer (or the <error>) and what the request log says about the call are collected in an Outcome.
"""

import sys
import time
import traceback

from . import dispatch, xmlio
from .auth import authenticate, basic_username
from .context import RequestContext
from .errors import SimError


class Outcome(object):
    """What to send for one API request, and what to log about it."""

    def __init__(self):
        self.status = 200
        self.body = b""
        self.content_type = "text/xml; charset=utf-8"
        self.error_id = None
        self.changed = False
        self.request_id = None
        self.fault = None
        self.action = None
        self.path = ""
        self.caller = None
        self.ignored = []           # paths of the tags this server did not read (ignore_tags, release, spellings)

    def error(self, exc, bom=False):
        self.status = exc.http_status
        self.error_id = exc.code
        self.body = xmlio.serialize(xmlio.error_response(exc.code, exc.message), bom)


def run_api_call(sim, header, body):
    """Authenticate, parse, dispatch under the store lock; fill an Outcome (faults are applied by the caller)."""
    out = Outcome()
    out.caller = basic_username(header)
    store = sim.store
    with store.lock:
        now = time.time()
        store.refresh(now)
        bom = bool(store.config.get("bom"))
        ctx = None
        try:
            caller = authenticate(store, header)
            root = xmlio.parse_request(body)
            out.action = dispatch.envelope(root)
            out.path = dispatch.log_path(root)
            out.ignored = dispatch.prepare(root, store.config, out.action)
            ctx = RequestContext(store, caller, out.action, store.config.get("release", "atria12"), now)
            answer = dispatch.execute(ctx, root)
            out.body = xmlio.serialize(answer, bom)
            out.request_id = ctx.top_request_id
        except SimError as exc:
            out.error(exc, bom)
        except Exception as exc:  # pylint: disable=broad-except
            traceback.print_exc(file=sys.stderr)
            out.error(SimError(0, "Internal simulator error: %s: %s" % (type(exc).__name__, exc), 500), bom)
        if ctx is not None:
            out.path = ctx.path or out.path
            out.changed = ctx.changed
            if ctx.changed:
                store.save()
    return out
