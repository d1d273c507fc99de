"""Workflow approval: approval providers, the gate that holds changes, responses and their outcomes."""
