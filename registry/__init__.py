"""The register's domain: entities, rules and use cases. Knows nothing of Qt."""
