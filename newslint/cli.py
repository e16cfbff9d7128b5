"""Command line: ``newslint [PATH ...]``, ``newslint rule CODE``, ``newslint rules``, ``newslint check-pack DIR``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from newslint import __version__

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    from newslint.config import DIALECTS
    from newslint.reporters import FORMATS

    p = argparse.ArgumentParser(prog="newslint", description="Lint news copy: typos, real-word errors, naming, tags, style.",
                                epilog="Other commands: 'newslint rules', 'newslint rule CODE', 'newslint check-pack DIR'.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (*.txt, *.md, *.markdown); '-' reads stdin")
    p.add_argument("--format", choices=FORMATS, default="text")
    p.add_argument("--select", help="comma-separated codes or prefixes to enable (replaces the default set)")
    p.add_argument("--extend-select", help="codes or prefixes to enable on top of the default set")
    p.add_argument("--ignore", help="comma-separated codes or prefixes to disable")
    p.add_argument("--dialect", choices=DIALECTS, help="spelling standard (en-GB-oxendict: British with -ize)")
    p.add_argument("--config", type=Path, help="configuration file (default: nearest newslint.toml / pyproject.toml)")
    p.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    p.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, apply unsafe fixes too")
    p.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    p.add_argument("--stdin-filename", help="the name to report for '-' (and to choose text or Markdown)")
    p.add_argument("--encoding", help="read files in this encoding instead of UTF-8 (e.g. cp1252)")
    p.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N",
                   help="lint files in N processes (0: one per CPU; default 1)")
    p.add_argument("--baseline", type=Path, metavar="FILE",
                   help="report only diagnostics not recorded in this baseline (JSON)")
    p.add_argument("--write-baseline", action="store_true",
                   help="with --baseline, record the current diagnostics in FILE (creating or updating it)")
    p.add_argument("--output-file", type=Path, help="write the report here; the terminal gets a summary")
    p.add_argument("--no-color", action="store_true", help="never colour the output")
    p.add_argument("--version", action="version", version=f"newslint {__version__}")
    return p


def _jobs(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"expected a number of processes (0 or more), got {value!r}")
    return int(value)


def _codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(c.strip().upper() for c in value.split(",") if c.strip())


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in ("rule", "rules", "check-pack"):
            from newslint import commands

            return commands.run(argv[0], argv[1:])
        return _check(_parser().parse_args(argv))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR


def _check(args: argparse.Namespace) -> int:
    from newslint.config import ConfigError
    from newslint.run import Run

    if not args.paths:
        print("newslint: no paths given (use '-' for stdin); see 'newslint --help'", file=sys.stderr)
        return EXIT_ERROR
    if args.write_baseline and not args.baseline:
        print("newslint: --write-baseline needs --baseline FILE", file=sys.stderr)
        return EXIT_ERROR
    color = _use_color(args)
    try:
        run = Run(
            config_path=args.config,
            overrides=dict(select=_codes(args.select), ignore=_codes(args.ignore),
                           extend_select=_codes(args.extend_select), dialect=args.dialect),
            encoding=args.encoding,
        )
        report = run.lint_paths(args.paths, stdin_filename=args.stdin_filename,
                                fix=args.fix, diff=args.diff, unsafe=args.unsafe_fixes, jobs=args.jobs,
                                baseline=args.baseline, write_baseline=args.write_baseline)
    except ConfigError as exc:
        print(f"newslint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    from newslint.reporters import render

    if args.diff:
        run.write_diff(sys.stdout)
    elif args.output_file:
        try:
            args.output_file.parent.mkdir(parents=True, exist_ok=True)
            with open(args.output_file, "w", encoding="utf-8", newline="\n") as handle:
                render(args.format, report, handle, color=False)
        except OSError as exc:
            print(f"newslint: {args.output_file}: cannot write report ({exc.strerror or exc})", file=sys.stderr)
            return EXIT_ERROR
        if args.format in ("text", "concise", "github"):  # these carry input errors in the report; say them here too
            for error in report.errors:
                print(f"newslint: {error}", file=sys.stderr)
        n, files = len(report.items), report.files
        print(f"newslint: {n} problem{'s' * (n != 1)} in {files} file{'s' * (files != 1)}; "
              f"{args.format} report written to {args.output_file}")
    else:
        render(args.format, report, sys.stdout, color)
    if args.diff or args.format not in ("text", "concise", "github"):  # else the report showed them
        for error in report.errors:
            print(f"newslint: {error}", file=sys.stderr)
    if args.write_baseline:
        print(f"newslint: baseline {args.baseline} updated ({run.baseline_size} known problem(s))", file=sys.stderr)
    if report.errors:
        return EXIT_ERROR
    if args.diff:
        return EXIT_FOUND if run.diff else EXIT_CLEAN
    return EXIT_FOUND if report.items else EXIT_CLEAN


def _use_color(args: argparse.Namespace) -> bool:
    if args.no_color or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"
