"""Entry point for ``python -m newslint``."""

import sys

from newslint.cli import command

sys.exit(command())
