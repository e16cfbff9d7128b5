"""Command line: ``newslint [check] [PATH ...]``, ``newslint rule CODE``, ``newslint rules``,
``newslint check-pack DIR``."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn, TextIO

from newslint import __version__

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR = 0, 1, 2
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}
PROGRESS_AFTER = 30  # files: a shorter run ends before a progress line would help


def _parser() -> argparse.ArgumentParser:
    from newslint.engine.config import DIALECTS
    from newslint.reporters import FORMATS

    p = argparse.ArgumentParser(
        prog="newslint", formatter_class=_HelpFormatter,
        description="Lint news copy: typos, real-word errors, naming, tags, style.",
        epilog="Other commands: 'newslint rules', 'newslint rule CODE', 'newslint check-pack DIR', "
               "'newslint explain PATH:LINE:COL' "
               "(each with --help). 'newslint check PATH...' is the same as 'newslint PATH...'.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (*.txt, *.md, *.markdown); '-' reads stdin")
    p.add_argument("--format", choices=FORMATS, help="report format (default: text)")
    p.add_argument("--select", action="append", metavar="CODES",
                   help="codes or prefixes to enable, comma- or space-separated (replaces the default set; "
                        "repeat to add more)")
    p.add_argument("--extend-select", action="append", metavar="CODES",
                   help="codes or prefixes to enable on top of the default set")
    p.add_argument("--ignore", action="append", metavar="CODES", help="codes or prefixes to disable")
    p.add_argument("--dialect", type=_dialect, metavar="{" + ",".join(DIALECTS) + "}",
                   help="spelling standard (default auto: each story's own; en-GB-oxendict: British with -ize); "
                        "any letter case")
    p.add_argument("--config", type=Path, help="configuration file (default: nearest newslint.toml / pyproject.toml)")
    p.add_argument("--fix", action="store_true", help="apply safe fixes in place ('-': print the fixed text)")
    p.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, apply unsafe fixes too")
    p.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    p.add_argument("--stdin-filename", help="the name to report for '-' (and to choose text or Markdown)")
    p.add_argument("--encoding", type=_encoding, help="read files in this encoding instead of UTF-8 (e.g. cp1252)")
    p.add_argument("--jobs", "-j", type=_jobs, default=None, metavar="N",
                   help="lint files in N processes ('auto' or 0: one per CPU; default: one per CPU from 16 files "
                        "where workers are forked, as on Linux, else 1)")
    p.add_argument("--baseline", type=Path, metavar="FILE",
                   help="report only diagnostics not recorded in this baseline (JSON)")
    p.add_argument("--write-baseline", action="store_true",
                   help="with --baseline, record the current diagnostics in FILE (creating or updating it)")
    p.add_argument("--output-file", type=Path, help="write the report here; the terminal gets a summary")
    p.add_argument("--fail-on", type=_severity, metavar="{error,warning,info}",
                   help="the lowest severity that makes the exit code 1 (default: warning, or the config's fail-on)")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found")
    p.add_argument("--exit-non-zero-on-fix", action="store_true",
                   help="with --fix, exit 1 when anything was fixed, even if nothing is left")
    p.add_argument("--statistics", action="store_true", help="print how many problems each rule found, not the problems")
    p.add_argument("-q", "--quiet", action="store_true", help="print the diagnostics only: no summary or warnings")
    p.add_argument("--explain", action="store_true", help="with --format json or jsonl, give each diagnostic of a "
                   "heuristic rule its evidence (see also 'newslint explain PATH:LINE:COL')")
    p.add_argument("--no-respect-gitignore", action="store_true",
                   help="lint files that .gitignore, .git/info/exclude or the global excludes file leave out")
    p.add_argument("--force-exclude", action="store_true",
                   help="apply exclude patterns to files named on the command line too (as pre-commit names them)")
    p.add_argument("--show-settings", action="store_true", help="print the settings that apply to PATH and where "
                                                                "each came from; lint nothing")
    p.add_argument("--show-files", action="store_true", help="list the files that would be linted; lint nothing")
    p.add_argument("--no-color", action="store_true", help="never colour the output")
    p.add_argument("--version", action="version", version=f"newslint {__version__}")
    return p


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's own, given the width it would find itself: argparse imports shutil for it (2 ms of every run's
    start, since adding an option makes a formatter)."""

    def __init__(self, prog: str):
        super().__init__(prog, width=_columns() - 2)


def _columns() -> int:
    """shutil.get_terminal_size().columns: COLUMNS when set, else standard output's terminal, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def _jobs(value: str) -> int:
    if value.lower() == "auto":
        return 0
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"expected a number of processes (0 or more, or auto), got {value!r}")
    return int(value)


def _dialect(value: str) -> str:
    from newslint.engine.config import DIALECTS, canonical_dialect

    if (found := canonical_dialect(value)) is None:
        raise argparse.ArgumentTypeError(f"{value!r} is not one of {', '.join(DIALECTS)}")
    return found


def _encoding(value: str) -> str:
    from newslint.document.source import text_codec

    try:
        text_codec(value)
    except LookupError as exc:  # base64, zlib, rot13 ...: no story is read through them
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value


def _severity(value: str) -> str:
    from newslint.engine.config import canonical_severity

    if (found := canonical_severity(value)) not in ("error", "warning", "info"):
        raise argparse.ArgumentTypeError(f"{value!r} is not one of error, warning, info")
    return found


def _codes(values: list[str] | None) -> tuple[str, ...] | None:
    """Codes from every use of a flag, each separated by commas or spaces."""
    if values is None:
        return None
    return tuple(c.upper() for value in values for c in re.split(r"[,\s]+", value) if c)


def command() -> NoReturn:
    """main() as this process's last act (the console script, ``python -m newslint``): once the output is flushed,
    the process ends at once, as mypy's does, rather than have the interpreter take down every module and object and
    collect the loaded data on the way out (37 million instructions, 6% of a one-story run; callgrind, December 2026).
    Every file newslint writes is closed by then and its worker processes shut down. Under a profiler or a tracer
    (python -m cProfile, coverage) the process exits the usual way, so that the tool can write what it gathered."""
    code = main()
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None and not stream.closed:  # the language server closes stdout as it exits
                stream.flush()
    except BrokenPipeError:  # the reader went away before the last of the output, as in main
        code = EXIT_ERROR
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # No garbage collection while the modules and the data load and the first file is linted: a one-story run never
    # needs it (it spent 10-20 ms of a 120 ms start collecting). A longer run collects once after its first file,
    # then freezes what it has loaded, so that later collections (and forked workers) leave it alone.
    _collect_later()
    # newslint's own process does no linear algebra: numpy's library (OpenBLAS), imported for NL201's batches,
    # starts one thread rather than one a core (some 0.04 s of CPU, half the import). Set here, not on importing
    # numpy, so that a program using newslint as a library keeps its own threads.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    try:
        if argv and argv[0] in ("rule", "rules", "check-pack", "explain"):
            from newslint import commands

            return commands.run(argv[0], argv[1:])
        if argv and argv[0] == "server":
            from newslint import server

            return server.main(argv[1:])
        if argv and argv[0] == "check":
            argv = argv[1:]
        return _check(_parser().parse_args(argv))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    finally:
        _collect_as_before()


_GC = {"was_enabled": False, "frozen": False}


def _collect_later() -> None:
    import gc

    _GC["was_enabled"] = gc.isenabled()
    gc.disable()


def _collect_now() -> None:
    """Once, after the first file: what the start made frozen (never looked at again by the collector), and
    collection back on as it was. No full collection first: in a long-lived process that calls main (a test run,
    an editor) it would sweep the whole heap at every call."""
    if _GC["was_enabled"]:
        import gc

        _GC["was_enabled"] = False
        _GC["frozen"] = True
        gc.freeze()
        gc.enable()


def _collect_as_before() -> None:
    """At the end of main: collection as it was before, nothing left frozen (main may run again in one process)."""
    import gc

    if _GC["frozen"]:
        gc.unfreeze()
    if _GC["was_enabled"] or _GC["frozen"]:
        gc.enable()
    _GC["was_enabled"] = _GC["frozen"] = False


def _showing(a: argparse.Namespace) -> bool:
    return bool(a.show_settings or a.show_files)


def _no_codes(flag: str) -> Callable[[argparse.Namespace], bool]:
    return lambda a: getattr(a, flag) is not None and not _codes(getattr(a, flag))


# Option combinations that cannot do what they say, each with the reason given, in the order they are checked.
CONFLICTS: tuple[tuple[Callable[[argparse.Namespace], bool], Callable[[argparse.Namespace], str]], ...] = (
    (lambda a: not a.paths, lambda a: "no paths given (use '-' for stdin); see 'newslint --help'"),
    (lambda a: a.paths.count("-") > 1, lambda a: "standard input can be read once: give '-' once"),
    *((_no_codes(flag), lambda a, flag=flag: f"--{flag.replace('_', '-')}: no rule code given")
      for flag in ("select", "extend_select", "ignore")),
    (lambda a: a.write_baseline and not a.baseline, lambda a: "--write-baseline needs --baseline FILE"),
    (lambda a: a.explain and (a.format not in ("json", "jsonl") or a.statistics),
     lambda a: "--explain adds evidence to the JSON formats: use it with --format json or jsonl (and no --statistics)"),
    (lambda a: a.unsafe_fixes and not (a.fix or a.diff), lambda a: "--unsafe-fixes applies only with --fix or --diff"),
    (lambda a: a.fix and a.diff, lambda a: "--fix writes the fixes and --diff only shows them: choose one"),
    (lambda a: a.diff and (a.format or a.statistics),
     lambda a: f"--diff prints a unified diff; {'--format' if a.format else '--statistics'} does not apply to it"),
    (lambda a: a.statistics and a.format not in (None, "text", "json"),
     lambda a: f"--statistics prints a table (text) or JSON, not --format {a.format}"),
    (lambda a: a.exit_non_zero_on_fix and not a.fix, lambda a: "--exit-non-zero-on-fix applies only with --fix"),
    (lambda a: a.exit_zero and a.exit_non_zero_on_fix,
     lambda a: "--exit-zero and --exit-non-zero-on-fix contradict each other: choose one"),
    (lambda a: a.stdin_filename and "-" not in a.paths,
     lambda a: "--stdin-filename names standard input: add '-' to the paths"),
    (lambda a: a.fix and "-" in a.paths and len(a.paths) > 1,
     lambda a: "--fix on standard input prints the fixed text: give '-' alone"),
    (lambda a: a.show_settings and (len(a.paths) != 1 or "-" in a.paths),
     lambda a: "--show-settings takes exactly one file or folder"),
    (lambda a: a.show_settings and a.show_files, lambda a: "--show-settings and --show-files: choose one"),
    (lambda a: _showing(a) and (a.fix or a.diff or a.statistics or a.write_baseline),
     lambda a: "--show-settings and --show-files lint nothing: drop --fix, --diff, --statistics and --write-baseline"),
    (lambda a: _showing(a) and a.format,
     lambda a: "--show-settings and --show-files print plain text; --format does not apply to them"),
)


def conflicts(args: argparse.Namespace) -> str | None:
    """Why this combination of options cannot do what it says, or None."""
    return next((reason(args) for applies, reason in CONFLICTS if applies(args)), None)


def _check(args: argparse.Namespace) -> int:
    from newslint.engine.config import ConfigError
    from newslint.engine.run import Run

    if args.show_settings and not args.paths:
        args.paths = ["."]
    if problem := conflicts(args):
        _say(problem)
        return EXIT_ERROR
    try:
        run = Run(
            config_path=args.config,
            overrides=dict(select=_codes(args.select), ignore=_codes(args.ignore),
                           extend_select=_codes(args.extend_select), dialect=args.dialect, fail_on=args.fail_on,
                           respect_gitignore=False if args.no_respect_gitignore else None,
                           force_exclude=True if args.force_exclude else None,
                           explain=True if args.explain else None),
            encoding=args.encoding,
        )
        if args.show_settings or args.show_files:
            return _show(run, args)
        return _lint(run, args)
    except ConfigError as exc:
        _say(str(exc))
        return EXIT_ERROR


def _show(run, args: argparse.Namespace) -> int:
    with _output(args) as out:
        if args.show_settings:
            from newslint.engine.config import settings_text

            out.write(settings_text(run.config_for(Path(args.paths[0]))))
            return EXIT_CLEAN
        from newslint.engine.report import readable

        files, errors = run.files(args.paths)
        out.write("".join(f"{readable(name)}\n" for name in files))
    for error in errors:
        _say(error)
    if not args.quiet:  # this is how a desk checks its patterns: say which matched nothing
        for warning in run.discovery.warnings():
            _say(f"warning: {warning}")
    return EXIT_ERROR if errors else EXIT_CLEAN


class _output:
    """Where the report goes: stdout, or --output-file (UTF-8, \n line ends), opened at the first write, so that
    a report file inside a linted folder is not itself linted."""

    def __init__(self, args: argparse.Namespace, default: TextIO | None = None):
        self.path: Path | None = args.output_file
        self.default = default or sys.stdout
        self.handle: TextIO | None = None

    def __enter__(self) -> TextIO:
        return self.default if self.path is None else self  # type: ignore[return-value]

    def write(self, text: str) -> int:
        return self._open().write(text)

    def flush(self) -> None:
        self._open().flush()

    @property
    def buffer(self):  # bytes as they are: a diff of a cp1252 file stays cp1252
        return self._open().buffer

    def _open(self) -> TextIO:
        if self.handle is None:
            assert self.path is not None
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.handle = open(self.path, "w", encoding="utf-8", newline="\n")
            except OSError as exc:
                from newslint.engine.config import ConfigError

                raise ConfigError(f"{self.path}: cannot write report ({exc.strerror or exc})") from None
        return self.handle

    def __exit__(self, exc_type, *exc_info) -> None:
        if self.path is not None and exc_type is None:
            self._open()  # an empty report is still written
        if self.handle is not None:
            self.handle.close()


def _lint(run, args: argparse.Namespace) -> int:
    stdin_fix = args.fix and args.paths == ["-"]
    to_terminal = args.output_file is None
    # Fixing stdin prints the fixed text on stdout, so the report goes to stderr, as editor plug-ins expect.
    report, shown, failing = _report(run, args, sys.stderr if stdin_fix else sys.stdout, to_terminal)
    if stdin_fix and run.stdin_fixed is not None:
        _write_bytes(sys.stdout, run.stdin_fixed)
    if not to_terminal and not args.quiet:
        _say(_written(args, report), sys.stdout)
    # A report on the terminal that shows input errors has shown them in place; elsewhere they go to stderr.
    if shown is None or not shown.shows_errors or not to_terminal:
        for error in report.errors:
            _say(error)
    if not args.quiet:
        for warning in _run_warnings(args, report):
            _say(f"warning: {warning}")
        if args.write_baseline:
            _say(f"baseline {args.baseline} updated ({run.baseline_size} known problem(s))")
    return _exit_code(args, report, failing, bool(run.diff))


def _report(run, args: argparse.Namespace, default_stream: TextIO, to_terminal: bool):
    """Lint, showing each file's problems as it is done; the report, the reporter (None for a diff or statistics)
    and whether a problem met its file's fail-on severity."""
    from newslint.reporters import Options, reporter

    fmt = args.format or "text"
    color = to_terminal and _use_color(args, default_stream)
    options = Options(color=color, width=_terminal_width(default_stream) if to_terminal else 80, quiet=args.quiet)
    failing = False
    progress = _Progress(enabled=not args.quiet and sys.stderr.isatty() and to_terminal)
    with _output(args, default_stream) as out:
        shown = None if args.diff or args.statistics else reporter(fmt, out, options)

        def on_file(path: str, items: list, error: str) -> None:
            nonlocal failing
            _collect_now()
            threshold = SEVERITY_RANK[run.config_for(Path(path), is_file=True).fail_on] if items else 0
            failing = failing or any(SEVERITY_RANK[i.diagnostic.severity.value] >= threshold for i in items)
            if shown is not None and (items or error):
                progress.clear()
                shown.file_done(items, error)
            progress.step()

        report = run.lint_paths(args.paths, stdin_filename=args.stdin_filename, fix=args.fix, diff=args.diff,
                                unsafe=args.unsafe_fixes, jobs=args.jobs, baseline=args.baseline,
                                write_baseline=args.write_baseline, on_file=on_file,
                                keep_items=False)
        progress.clear()
        if args.diff:
            _write_bytes(out, run.diff)
        elif args.statistics:
            from newslint.reporters import statistics

            statistics.render(report, out, as_json=fmt == "json")
        else:
            shown.finish(report)
    return report, shown, failing


def _written(args: argparse.Namespace, report) -> str:
    """The terminal's one line when the report went to --output-file."""
    n, with_problems = report.tally.problems, report.tally.files_with_problems
    files = f"{report.files} file{'s' * (report.files != 1)}"
    found = "" if args.diff else f"{n} problem{'s' * (n != 1)} in {with_problems} of {files}; "
    what = "diff" if args.diff else "statistics" if args.statistics else f"{args.format or 'text'} report"
    return f"{found}{what} written to {args.output_file}"


def _say(message: str, stream: TextIO | None = None) -> None:
    """One line of newslint's own, on stderr unless told otherwise; file names that are not UTF-8 readable."""
    from newslint.engine.report import readable

    print(f"newslint: {readable(message)}", file=stream or sys.stderr)


def _run_warnings(args: argparse.Namespace, report) -> list[str]:
    """What the run itself should tell the user: patterns that matched nothing, a run that checked nothing,
    fixes that --diff left out."""
    out = list(report.warnings)
    if report.files == 0 and not report.errors:
        out.append("no file was checked: the paths hold no *.txt, *.md or *.markdown file that is not excluded "
                   "or ignored by git (see --show-files)")
    unsafe = report.tally.unsafe
    if args.diff and not args.unsafe_fixes and unsafe:
        out.append(f"{unsafe} more fix{'es' * (unsafe != 1)} with --unsafe-fixes")
    return out


def _exit_code(args: argparse.Namespace, report, failing: bool, has_diff: bool) -> int:
    if report.errors:
        return EXIT_ERROR
    if args.diff:
        return EXIT_FOUND if has_diff else EXIT_CLEAN
    if args.exit_non_zero_on_fix and report.fixed:
        return EXIT_FOUND
    if args.exit_zero:
        return EXIT_CLEAN
    return EXIT_FOUND if failing else EXIT_CLEAN


def _write_bytes(stream: TextIO, data: bytes) -> None:
    """Bytes as they are (each file's own encoding), so that ``patch`` applies a diff and an editor gets its
    text back unchanged."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(data.decode("utf-8", "replace"))
        return
    stream.flush()
    buffer.write(data)
    buffer.flush()


class _Progress:
    """'N files checked' on a terminal's stderr once a run passes a few dozen files; cleared before any
    report line is written, so it never mixes with the report."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.done = 0
        self.showing = False

    def step(self) -> None:
        self.done += 1
        if self.enabled and self.done >= PROGRESS_AFTER:
            sys.stderr.write(f"\rnewslint: {self.done} files checked…")
            sys.stderr.flush()
            self.showing = True

    def clear(self) -> None:
        if self.showing:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()
            self.showing = False


def _terminal_width(stream: TextIO) -> int:
    """COLUMNS when set, else the terminal's width; 80 in a pipe."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(stream.fileno()).columns if stream.isatty() else 80
    except (OSError, ValueError, AttributeError):
        return 80


def _use_color(args: argparse.Namespace, stream: TextIO) -> bool:
    if args.no_color or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty() and os.environ.get("TERM") != "dumb"
