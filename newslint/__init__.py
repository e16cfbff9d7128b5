"""newslint: a linter for news copy."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# The public API (newslint/api.py, documented in docs/api.md), imported on first use: ``import newslint`` and the
# command line stay as quick to start as before.
__all__ = ["Config", "ConfigError", "Diagnostic", "Edit", "Fix", "InputError", "Linter", "__version__",
           "clear_caches", "fix_text", "lint_paths", "lint_text", "load_config"]

if TYPE_CHECKING:
    from newslint.api import (
        Config,
        ConfigError,
        Diagnostic,
        Edit,
        Fix,
        InputError,
        Linter,
        clear_caches,
        fix_text,
        lint_paths,
        lint_text,
        load_config,
    )


def __getattr__(name: str) -> Any:
    if name in __all__:
        from newslint import api

        return getattr(api, name)
    raise AttributeError(f"module 'newslint' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
