"""Hosted Exchange objects of a customer: distribution groups, contacts, and the directory they name."""
