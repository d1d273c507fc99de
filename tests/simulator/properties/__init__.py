"""Customer and user <properties>: the published definitions (data/*.json), validation, rendering."""
