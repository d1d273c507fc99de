# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Documentation shared by every module: the connection options (DOCUMENTATION) and the attributes.

Use in a module:
  extends_documentation_fragment:
    - atria.cortex.atria              # connection options
    - atria.cortex.atria.attributes   # writing modules (check_mode and diff_mode: full)
    - atria.cortex.atria.info_module  # or, for _info modules (check_mode: full, diff_mode: N/A)
    - atria.cortex.atria.plugin       # plugins (the inventory): the same options with env: (scripts/plugin_fragment.py)
The options must match connection_argument_spec() in plugins/module_utils/engine/connection.py.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    DOCUMENTATION = r'''
options:
  api_url:
    description:
      - URL of the CortexAPI endpoint, normally C(https://HOST/CortexAPI/Default.aspx).
      - When the URL has no path, C(/CortexAPI/Default.aspx) is appended.
      - If not set, the value of the E(ATRIA_URL) environment variable is used.
      - Required, as a task option, in E(ATRIA_URL), or in C(module_defaults) for C(group/atria.cortex.atria); the task fails
        naming all three when it is missing.
    type: str
  api_username:
    description:
      - Atria user the API requests authenticate as (HTTP Basic authentication).
      - The user needs a security role with the API Access permission for the customers it manages.
      - If not set, the value of the E(ATRIA_USERNAME) environment variable is used.
      - Required, as a task option, in E(ATRIA_USERNAME), or in C(module_defaults) for C(group/atria.cortex.atria); the task fails
        naming all three when it is missing.
    type: str
  api_password:
    description:
      - Password of O(api_username).
      - If not set, the value of the E(ATRIA_PASSWORD) environment variable is used.
      - Required, as a task option, in E(ATRIA_PASSWORD), or in C(module_defaults) for C(group/atria.cortex.atria); the task fails
        naming all three when it is missing.
    type: str
  validate_certs:
    description:
      - Whether to verify the TLS certificate of the server.
      - Set to V(false) only for test servers with self-signed certificates; prefer O(ca_path).
      - If not set, the value of the E(ATRIA_VALIDATE_CERTS) environment variable is used, and V(true) when that is unset.
    type: bool
    default: true
  ca_path:
    description:
      - PEM file (or directory prepared with C(c_rehash)) of CA certificates used to verify the server certificate.
      - When set, it replaces the system trust store for these requests.
    type: path
  timeout:
    description:
      - Seconds to wait for the server to answer one HTTP request.
    type: int
    default: 30
  retries:
    description:
      - How many times a request is sent again after a transient failure (HTTP 500, 502, 503, 504, timeouts, dropped
        connections, cut-short answers), with exponential backoff.
      - Refusals (HTTP 400, 401, 403) are never retried.
      - A SET or DELETE whose answer was lost is re-sent only after re-reading shows it was not carried out.
    type: int
    default: 3
  trace:
    description:
      - Return the request and response XML of every HTTP exchange in the C(trace) result, for bug reports.
      - Passwords are replaced by C(********); the Authorization header is never included.
    type: bool
    default: false
notes:
  - Proxies are taken from the E(HTTPS_PROXY), E(HTTP_PROXY) and E(NO_PROXY) environment variables of the host that
    runs the module.
requirements:
  - requests
  - lxml
'''

    ATTRIBUTES = r'''
options: {}
attributes:
  check_mode:
    description: Can run in check_mode and return changed status prediction without modifying the target.
    support: full
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in check_mode), when in diff mode.
    support: full
  action_group:
    description: Use C(group/atria.cortex.atria) in C(module_defaults) to set the connection options once for all modules.
    support: full
    membership:
      - atria.cortex.atria
'''

    INFO_MODULE = r'''
options: {}
attributes:
  check_mode:
    description: This module only reads; it runs the same way in check mode.
    support: full
  diff_mode:
    description: This module only reads and returns no diff.
    support: N/A
  action_group:
    description: Use C(group/atria.cortex.atria) in C(module_defaults) to set the connection options once for all modules.
    support: full
    membership:
      - atria.cortex.atria
'''

    # Writing modules whose changes start provisioning requests.
    WAIT = r'''
options:
  wait:
    description:
      - Wait until the provisioning request the change started has finished.
      - The task fails, showing the request's log lines, if provisioning fails.
      - A CPSM 10 server answers no request id; the module then polls the entity's own status.
      - The status C(Pending) (the guide's "Pending Changes", where a change held for workflow approval rests) is not
        work in flight, so the wait ends there.
    type: bool
    default: false
  wait_timeout:
    description:
      - How many seconds O(wait) waits at most.
      - Also bounds how long the read-back after a write (see the notes) re-reads an entity that is still being
        provisioned before it decides.
    type: int
    default: 300
  wait_for_approval:
    description:
      - What to do when the server holds the change for workflow approval (the guide's "Approval management"; a
        Workflow Groups group or the Workflow Managers subscribe to the change; the entity keeps its status and shows
        C(approvalpending) C(True) until approvers answer).
      - With C(false), the task returns at once, changed, with C(approval_pending=true), the approval request and its
        subscriptions in C(approval), and a warning naming who must approve. Answer it with
        M(atria.cortex.atria_approval_response).
      - With C(true), the task also waits until the approvers answer and the accepted change is provisioned, at most
        O(wait_timeout) seconds; a decline fails the task with the approvers' reason (the server has put the entity
        back as it was).
    type: bool
    default: false
notes:
  - Every write is verified. The CortexAPI silently ignores tags it does not read (a tag of another release, a
    spelling from the other guide, a field a deployment locks) and still answers success, so after a create or
    update the module reads the entity back (one request) and compares every option it sent with what the server
    holds, the way the diff compares them. An option that did not take fails the task, naming the option, its
    tag, the value sent and the value held. After a removal the entity must be gone or de-provisioned.
  - Write-only values cannot be verified, because the server never returns them - passwords above all. The module
    reports them as sent.
  - A change held for workflow approval (the entity shows C(approval_pending)) is reported as changed, with a
    warning that it takes effect when an approver accepts it and who must approve it (see O(wait_for_approval)).
  - An entity with the status C(Pending) (the guide's "Pending Changes") is at rest, not being provisioned.
    C(state=present) compares and updates its options as for any existing entity and sends no status (it is not
    provisioned again); a de-provisioning state sends C(NotProvisioned) as usual.
  - Where the Atria and CPSM 11 guides spell a tag differently, the module sends what works with either (see
    docs/spellings.md in the collection). Features CPSM 10 lacks (distribution groups, workflow approval) are
    refused before anything is sent, from one C(GET <global/>) per task.
'''

    # The connection options for plugins (the inventory), made from DOCUMENTATION by scripts/plugin_fragment.py
    # --write: edit DOCUMENTATION, never this (a unit test fails when they differ).
    PLUGIN = r'''
options:
  api_url:
    description:
      - URL of the CortexAPI endpoint, normally C(https://HOST/CortexAPI/Default.aspx).
      - When the URL has no path, C(/CortexAPI/Default.aspx) is appended.
    type: str
    required: true
    env:
      - name: ATRIA_URL
  api_username:
    description:
      - Atria user the API requests authenticate as (HTTP Basic authentication).
      - The user needs a security role with the API Access permission for the customers it manages.
    type: str
    required: true
    env:
      - name: ATRIA_USERNAME
  api_password:
    description:
      - Password of O(api_username).
    type: str
    required: true
    env:
      - name: ATRIA_PASSWORD
  validate_certs:
    description:
      - Whether to verify the TLS certificate of the server.
      - Set to V(false) only for test servers with self-signed certificates; prefer O(ca_path).
    type: bool
    default: true
    env:
      - name: ATRIA_VALIDATE_CERTS
  ca_path:
    description:
      - PEM file (or directory prepared with C(c_rehash)) of CA certificates used to verify the server certificate.
      - When set, it replaces the system trust store for these requests.
    type: path
  timeout:
    description:
      - Seconds to wait for the server to answer one HTTP request.
    type: int
    default: 30
  retries:
    description:
      - How many times a request is sent again after a transient failure (HTTP 500, 502, 503, 504, timeouts, dropped
        connections, cut-short answers), with exponential backoff.
      - Refusals (HTTP 400, 401, 403) are never retried.
      - A SET or DELETE whose answer was lost is re-sent only after re-reading shows it was not carried out.
    type: int
    default: 3
'''
