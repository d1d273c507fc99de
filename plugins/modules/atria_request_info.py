#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: atria_request_info
short_description: Read an Atria provisioning request, its children, its log and its times
version_added: 0.1.0
description:
  - Every change to a customer, user or service starts a provisioning request in Atria (formerly Citrix
    CloudPortal Services Manager); writing modules of this collection return its id as C(request_id). This
    module reads that request through the CortexAPI.
  - A top-level request has children, one per entity the change touched; O(children=true) reads them too.
  - One GET request, and a second one for O(children).
author:
  - atria.cortex contributors (@atria-cortex)
extends_documentation_fragment:
  - atria.cortex.atria
  - atria.cortex.atria.info_module
options:
  id:
    description: The id of the provisioning request, as returned in C(request_id).
    type: int
    required: true
  children:
    description: Also read the requests this one started (the guide's C(parentid) query).
    type: bool
    default: false
  log:
    description: Include the request's log (and the children's) as a list of lines.
    type: bool
    default: false
  times:
    description: Include when the request (and each child) was requested, started and completed.
    type: bool
    default: false
seealso:
  - module: atria.cortex.atria_service
  - module: atria.cortex.atria_customer
  - module: atria.cortex.atria_user
"""

EXAMPLES = r"""
- name: Provision a service and remember the request
  atria.cortex.atria_service:
    customer: ACME
    name: HE
  register: provisioned

- name: Read the request with its children and log
  atria.cortex.atria_request_info:
    id: "{{ provisioned.request_id }}"
    children: true
    log: true
    times: true
  register: request

- name: Show why it failed
  ansible.builtin.debug:
    var: request.request.log
  when: request.request.status == 'Failed'
"""

RETURN = r"""
request:
  description:
    - The request. C(parent_id) is set for a child request; C(object) is what it provisions.
    - C(log) (with O(log)) is a list of lines; C(times) (with O(times)) has C(requested), C(started) and
      C(completed) (null until reached).
  returned: always
  type: dict
  sample:
    id: "46009"
    type: Object Provision
    description: Provision HE to Test Customer 1
    status: Provisioned
    object: {type: Customer Service, name: HE, description: Hosted Exchange - Test Customer 1, status: Provisioned}
    log:
      - 2026-01-05T10:00:00.00Z Info Request 46009 queued by admin_Gsp
    times: {requested: "2026-01-05T10:00:00.00Z", started: "2026-01-05T10:00:01.00Z", completed: null}
children:
  description: The requests this one started, in the same shape as RV(request), with O(children).
  returned: when O(children=true)
  type: list
  elements: dict
"""

from ansible_collections.atria.cortex.plugins.module_utils.engine.connection import connection_argument_spec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import INVALID_REFERENCE, ValidationError, with_hint
from ansible_collections.atria.cortex.plugins.module_utils.engine.runner import run, start_task
from ansible_collections.atria.cortex.plugins.module_utils.engine.waiter import read_children, read_request


def unknown_request(error):
    # The server answers an unknown request id with InvalidReference, whose general hint is about plans and members.
    if error.code != INVALID_REFERENCE:
        return error
    return with_hint(error, 'Check the id: writing modules return it as request_id. An API user sees only the requests '
                            'of its own customer and the customers below it.')


def argument_spec():
    spec = connection_argument_spec()
    spec.update(
        id=dict(type='int', required=True),
        children=dict(type='bool', default=False),
        log=dict(type='bool', default=False),
        times=dict(type='bool', default=False),
    )
    return spec


def main():
    task = start_task(argument_spec(), supports_check_mode=True)
    params = task.params

    def query(client):
        details = dict(with_log=params['log'], with_times=params['times'])
        try:
            result = {'changed': False, 'request': read_request(client, params['id'], **details)}
        except ValidationError as error:
            raise unknown_request(error)
        if params['children']:
            result['children'] = read_children(client, params['id'], **details)
        return result

    run(task, query)


if __name__ == '__main__':
    main()
