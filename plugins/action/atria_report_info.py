# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""atria.cortex.atria_report_info: in-process on the controller, the module elsewhere (plugin_utils/action/base.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.plugin_utils.action.base import AtriaAction


class ActionModule(AtriaAction):
    pass
