"""A draft as rules read it: its source bytes and text, regions, markup, tokens and sentences."""
