"""Audit a simulator request log (JSON lines, `--request-log`) for writes sent in check mode.

    python scripts/check_mode_audit.py [--expect-check-mode] REQUEST_LOG

Modules announce check mode in their User-Agent (`atria.cortex/<version> (check_mode)`); the simulator records
the header with every request. A SET or DELETE carrying that mark means a module wrote while it was asked only to
predict. Exit status 1 lists them; 0 prints how many check-mode requests were seen (all reads). Running it after
the whole integration suite covers every target, present and future, with no work in any target.
--expect-check-mode (the whole suite) also fails when no request carried the mark at all: then the mark is not
reaching the server and the audit would prove nothing.
"""

from __future__ import annotations

import json
import sys

CHECK_MODE_MARK = '(check_mode)'
WRITES = ('SET', 'DELETE')


def audit(entries):
    """(check-mode requests, the writes among them)."""
    marked = [entry for entry in entries if CHECK_MODE_MARK in (entry.get('user_agent') or '')]
    return marked, [entry for entry in marked if entry.get('action') in WRITES]


def read_log(path):
    with open(path, encoding='utf-8') as handle:
        return [json.loads(line) for line in handle if line.strip()]


def main(argv):
    expect = '--expect-check-mode' in argv
    argv = [arg for arg in argv if arg != '--expect-check-mode']
    if len(argv) != 1:
        sys.stderr.write(__doc__)
        return 2
    try:
        entries = read_log(argv[0])
    except FileNotFoundError:
        entries = []
    marked, writes = audit(entries)
    if writes:
        sys.stderr.write('check-mode audit: %d write(s) were sent by modules running in check mode:\n' % len(writes))
        for entry in writes:
            sys.stderr.write('  %s %s (caller %s, HTTP %s)\n' % (entry['action'], entry.get('path'), entry.get('caller'),
                                                                 entry.get('http_status')))
        return 1
    if not marked and expect:
        sys.stderr.write('check-mode audit: no request carried the check-mode mark among %d; is the User-Agent '
                         'logged?\n' % len(entries))
        return 1
    print('check-mode audit: %d check-mode request(s) among %d, none of them a SET or DELETE' % (len(marked), len(entries)))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
