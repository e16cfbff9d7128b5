"""The engine: configuration, rule discovery, linting, suppressions, fixes, baselines and reports."""
