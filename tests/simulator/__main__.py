"""python -m tests.simulator: run the CortexAPI simulator until SIGTERM or SIGINT (see README.md)."""

import argparse
import json
import os
import signal
import sys
import threading

from .server import SimServer
from .dialect.releases import VERSIONS


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="python -m tests.simulator", description="CortexAPI simulator")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8480, help="0 picks a free port")
    parser.add_argument("--tls", action="store_true", help="serve https with a generated self-signed certificate")
    parser.add_argument("--release", default="atria12", choices=sorted(VERSIONS))
    parser.add_argument("--state-file", help="JSON state, loaded on start when present, saved after every change")
    parser.add_argument("--ready-file", help="written with {url, admin, pid, cafile} once listening")
    parser.add_argument("--provisioning-delay", type=float, default=0.3, help="seconds from Requested to final")
    parser.add_argument("--seed-customers", type=int, default=0, help="bulk customers added to the seed data")
    parser.add_argument("--fail-rate", type=float, default=0.0, help="fraction of provisioning requests that fail")
    parser.add_argument("--seed", type=int, default=0, help="seed for the fail_rate randomness")
    parser.add_argument("--request-log", help="also append every request log entry to this file (JSON lines); "
                                              "kept across /_sim/reset")
    return parser.parse_args(argv)


def write_ready(path, sim):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump({"url": sim.url, "admin": sim.admin_url, "pid": os.getpid(), "cafile": sim.cafile}, handle)
    os.replace(tmp, path)


def main(argv=None):
    args = parse_args(argv)
    sim = SimServer(host=args.host, port=args.port, release=args.release, state_file=args.state_file,
                    provisioning_delay=args.provisioning_delay, fail_rate=args.fail_rate, seed_value=args.seed,
                    use_tls=args.tls, seed_customers=args.seed_customers, request_log=args.request_log)
    stopping = threading.Event()

    def _stop(_signum, _frame):
        # shutdown() waits for serve_forever to return, so it must run outside the serving thread
        if not stopping.is_set():
            stopping.set()
            threading.Thread(target=sim.httpd.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    sys.stdout.write("CortexAPI simulator listening on %s\n" % sim.url)
    sys.stdout.flush()
    if args.ready_file:
        write_ready(args.ready_file, sim)
    try:
        sim.serve_forever()
    finally:
        sim.httpd.server_close()
        with sim.store.lock:
            sim.store.save()
        if args.ready_file and os.path.exists(args.ready_file):
            os.unlink(args.ready_file)
    return 0


if __name__ == "__main__":
    sys.exit(main())
