"""NL302: placeholder."""
