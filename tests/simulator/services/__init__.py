"""Customer and user services: catalogue, plans, properties, instances, Hosted Exchange settings."""
