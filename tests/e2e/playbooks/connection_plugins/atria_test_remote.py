# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Tests only: the local connection under another name, so a task looks as if it ran on a remote host.

The collection's action plugins run a module in-process only over the local connection; over any other one they
ship and execute the module (the path a task delegated to a jump host takes). This connection executes that
module on this machine, so the e2e tests can prove the module path without an SSH server.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = """
    name: atria_test_remote
    short_description: Tests only, the local connection posing as a remote one
    description:
        - Executes on the controller like the local connection, under another transport name.
    author: atria.cortex contributors
    options:
        become_success_timeout:
            type: int
            default: 10
            description: As for the local connection.
            vars:
                - name: ansible_local_become_success_timeout
        become_strip_preamble:
            type: bool
            default: true
            description: As for the local connection.
            vars:
                - name: ansible_local_become_strip_preamble
    extends_documentation_fragment:
        - connection_pipelining
"""

from ansible.plugins.connection.local import Connection as LocalConnection  # noqa: E402  pylint: disable=wrong-import-position


class Connection(LocalConnection):
    transport = 'atria_test_remote'
