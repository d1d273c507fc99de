# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run ``ansible-inventory`` against an atria.yml configuration; shared by the inventory tests and the benchmark.

The collection is found through .build/collections (harness.link_collection), credentials travel in ATRIA_*
only, and the run reports its wall time and the peak RSS of the ansible-inventory process (os.wait4).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os
import subprocess
import sys
import tempfile
import time

from tests.e2e.harness import ADMIN_USER, COLLECTIONS, link_collection

ANSIBLE_INVENTORY = os.path.join(os.path.dirname(sys.executable), 'ansible-inventory')


class InventoryRun:
    """returncode, stdout, stderr, seconds (wall), peak_rss_mb; json() parses stdout (for --list / --host)."""

    def __init__(self, returncode, stdout, stderr, seconds, peak_rss_mb):
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr
        self.seconds = seconds
        self.peak_rss_mb = peak_rss_mb

    def json(self):
        return json.loads(self.stdout)

    def describe(self):
        return 'ansible-inventory exited %s\nstdout:\n%s\nstderr:\n%s' % (self.returncode, self.stdout[-3000:], self.stderr[-3000:])


def write_config(directory, options, name='atria.yml'):
    """Write an inventory configuration (plugin: atria.cortex.atria plus options) and return its path."""
    lines = ['plugin: atria.cortex.atria'] + ['%s: %s' % (key, json.dumps(value)) for key, value in options.items()]
    path = os.path.join(str(directory), name)
    with open(path, 'w', encoding='utf-8') as handle:
        handle.write('\n'.join(lines) + '\n')
    return path


def run_inventory(url, config_path, args=('--list',), user=ADMIN_USER, env=None, cwd=None):
    """ansible-inventory -i CONFIG ARGS with ATRIA_URL/USERNAME/PASSWORD set; unparsed sources are fatal."""
    link_collection()
    environment = dict(os.environ)
    environment.update({
        'ATRIA_URL': url, 'ATRIA_USERNAME': user[0], 'ATRIA_PASSWORD': user[1],
        'ANSIBLE_COLLECTIONS_PATH': COLLECTIONS, 'ANSIBLE_NOCOLOR': '1',
        # Only this plugin reads the file, so a failure is reported once and ends the run with an error.
        'ANSIBLE_INVENTORY_ENABLED': 'atria.cortex.atria', 'ANSIBLE_INVENTORY_UNPARSED_FAILED': '1',
    })
    environment.update(env or {})
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        process = subprocess.Popen([ANSIBLE_INVENTORY, '-i', config_path] + list(args), stdout=out, stderr=err,  # pylint: disable=consider-using-with
                                   env=environment, cwd=cwd or os.path.dirname(config_path))
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.monotonic() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        # ru_maxrss is in KiB on Linux
        return InventoryRun(process.returncode, out.read().decode('utf-8', 'replace'), err.read().decode('utf-8', 'replace'),
                            round(seconds, 3), round(usage.ru_maxrss / 1024.0, 1))
