"""``newslint server``: the Language Server Protocol over stdio, for editors (docs/editors.md)."""

from __future__ import annotations

import argparse
import sys


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newslint server", description="Run the newslint language server on stdin and "
                                "stdout, for an editor to start (see docs/editors.md). Needs the lsp extra: "
                                "pip install 'newslint[lsp]'.")
    p.add_argument("--stdio", action="store_true", help="talk over stdin and stdout (the default and only way; "
                                                        "accepted because some editors pass it)")
    p.add_argument("--docs-url", metavar="URL", help="base address of the rule pages: a diagnostic's link is URL "
                   "followed by CODE.md (default: the docs/rules pages of a newslint checkout, as file: links; "
                   "none when newslint is installed from a wheel). The client's initializationOptions.docsUrl "
                   "wins over it")
    p.add_argument("--debounce", type=int, default=30, metavar="MS",
                   help="a change that follows another by less than MS milliseconds waits MS for the next one "
                        "before it is linted; one after a longer pause is linted at once (default 30; the "
                        "client's initializationOptions.debounceMs wins over it)")
    p.add_argument("--log-file", metavar="FILE", help="write the server's log here (stdout is the protocol's)")
    return p


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError as exc:
        print(f"newslint: server: {exc.name} is not installed; install the lsp extra: "
              "pip install 'newslint[lsp]'", file=sys.stderr)
        return 2
    import logging

    if args.log_file:
        logging.basicConfig(filename=args.log_file, level=logging.INFO,
                            format="%(asctime)s %(name)s %(levelname)s %(message)s")
    else:  # stderr, which editors keep in a log panel: newslint's own one-line warnings, not pygls' tracebacks of
        # each malformed request (the client already has its error response)
        logging.basicConfig(level=logging.WARNING, format="newslint server: %(levelname)s: %(message)s")
        logging.getLogger("pygls").setLevel(logging.CRITICAL)
    from newslint.server.core import Settings
    from newslint.server.lsp import build

    server = build(Settings(docs_url=args.docs_url, debounce=max(0, args.debounce) / 1000))
    server.start_io()
    server.worker.shutdown(wait=False, cancel_futures=True)
    return 0 if server.shut_down else 1  # the protocol's rule: exit without shutdown is an error
