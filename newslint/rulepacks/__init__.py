"""Declarative rule packs: TOML files of rules of a few kinds, with their own tests."""
