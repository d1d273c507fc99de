"""Seed data: the fixed customers and users (base), their services, bulk data for scale tests."""
