"""Built-in rules, one module each, named for what they catch."""
