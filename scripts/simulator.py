"""Start and stop the CortexAPI simulator (tests/simulator) in the background, for the demo and integration runs.

    python scripts/simulator.py start RUN_DIR [-- SIMULATOR_ARGS...]   # waits until it listens; prints the API URL
    python scripts/simulator.py stop RUN_DIR

RUN_DIR receives ready.json (the simulator's ready file), state.json (its state file), simulator.log,
simulator.pid and env.sh (export lines: ATRIA_URL, ATRIA_SIM_ADMIN, ATRIA_SIM_CAFILE). `stop` only ends
the process that `start` recorded, and only if it still is a simulator.
"""

from __future__ import annotations

import json
import os
import shlex
import signal
import subprocess
import sys
import time
from urllib.parse import urlsplit

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
START_TIMEOUT = 60.0
STOP_TIMEOUT = 10.0


def start(run_dir: str, extra_args: list[str]) -> int:
    """Launch the simulator detached from our process group and wait for its ready file."""
    os.makedirs(run_dir, exist_ok=True)
    ready = os.path.join(run_dir, 'ready.json')
    if os.path.exists(ready):
        os.remove(ready)
    command = [sys.executable, '-m', 'tests.simulator', '--host', '127.0.0.1', '--port', '0',
               '--ready-file', ready, '--state-file', os.path.join(run_dir, 'state.json')] + extra_args
    with open(os.path.join(run_dir, 'simulator.log'), 'ab') as log:
        # A session of its own: Ctrl-C in make reaches us, and the stop helper (run from a trap) ends the simulator.
        process = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)  # pylint: disable=consider-using-with
    with open(os.path.join(run_dir, 'simulator.pid'), 'w', encoding='utf-8') as pid_file:
        pid_file.write('%d\n' % process.pid)

    info = _wait_ready(process, ready)
    if info is None:
        if process.poll() is None:
            _terminate(process.pid)
            sys.stderr.write('simulator not ready after %ds; its log (%s):\n' % (START_TIMEOUT, run_dir))
        else:
            sys.stderr.write('simulator exited with status %d; its log (%s):\n' % (process.returncode, run_dir))
        with open(os.path.join(run_dir, 'simulator.log'), encoding='utf-8', errors='replace') as log:
            sys.stderr.write(log.read()[-4000:])
        return 1

    url = info['url']
    admin = _admin_base(info)
    with open(os.path.join(run_dir, 'env.sh'), 'w', encoding='utf-8') as env:
        env.write('export ATRIA_URL=%s\n' % shlex.quote(url))
        env.write('export ATRIA_SIM_ADMIN=%s\n' % shlex.quote(admin))
        env.write('export ATRIA_SIM_CAFILE=%s\n' % shlex.quote(info.get('cafile') or ''))
    print(url)
    return 0


def _wait_ready(process: subprocess.Popen, ready: str) -> dict | None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return None
        try:
            with open(ready, encoding='utf-8') as ready_file:
                info = json.load(ready_file)
            if info.get('url'):
                return info
        except (OSError, ValueError):
            pass  # not there yet, or half written
        time.sleep(0.1)
    return None


def _admin_base(info: dict) -> str:
    """Base URL for the /_sim/ hooks, without the /_sim suffix (callers append /_sim/...)."""
    admin = (info.get('admin') or '').rstrip('/')
    if admin.endswith('/_sim'):
        admin = admin[:-len('/_sim')]
    if not admin:
        parts = urlsplit(info['url'])
        admin = '%s://%s' % (parts.scheme, parts.netloc)
    return admin


def stop(run_dir: str) -> int:
    """End the recorded simulator process, if it is still running."""
    pid_path = os.path.join(run_dir, 'simulator.pid')
    try:
        with open(pid_path, encoding='utf-8') as pid_file:
            pid = int(pid_file.read().strip())
    except (OSError, ValueError):
        return 0
    if _is_simulator(pid):
        _terminate(pid)
    os.remove(pid_path)
    return 0


def _is_simulator(pid: int) -> bool:
    """Guard against a recycled pid: only touch a process whose command line runs tests.simulator."""
    try:
        with open('/proc/%d/cmdline' % pid, 'rb') as cmdline:
            return b'tests.simulator' in cmdline.read()
    except OSError:
        return False


def _terminate(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + STOP_TIMEOUT
    while time.monotonic() < deadline:
        try:
            finished, _status = os.waitpid(pid, os.WNOHANG)
            if finished:
                return
        except ChildProcessError:
            # not our child (stop runs in another process): poll for existence instead
            if not _alive(pid):
                return
        time.sleep(0.1)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _alive(pid: int) -> bool:
    try:
        with open('/proc/%d/stat' % pid, encoding='utf-8') as stat:
            return stat.read().split(') ', 1)[1][:1] != 'Z'
    except (OSError, IndexError):
        return False


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == 'start':
        extra = argv[2:]
        if extra[:1] == ['--']:
            extra = extra[1:]
        return start(argv[1], extra)
    if len(argv) == 2 and argv[0] == 'stop':
        return stop(argv[1])
    sys.stderr.write(__doc__)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
