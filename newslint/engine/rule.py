"""The Rule base type: a code, a name, a default severity, fix safety and one detector."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, ClassVar

from newslint.engine.diagnostic import Applicability, Diagnostic, Fix, Severity, Span, replacement_fix

if TYPE_CHECKING:
    from newslint.document.document import Document
    from newslint.engine.resources import Resources
    from newslint.engine.suppression import Directive


class Rule:
    """Subclasses set the class attributes and implement ``check``; the docstring is the rule's documentation
    (what it does, why it matters in news copy, example, fix safety)."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.ERROR
    fix_safety: ClassVar[Applicability | None] = None
    enabled_by_default: ClassVar[bool] = True
    reads_suppressions: ClassVar[bool] = False  # True: check_suppressions runs once the suppressions are applied

    def check(self, doc: Document, res: Resources) -> Iterator[Diagnostic]:
        raise NotImplementedError

    def before_workers(self, res: Resources, files: int) -> None:
        """Called before worker processes are forked to lint about `files` more files: build here what every worker
        would otherwise build for itself (by default, what the rule builds ahead of the files)."""
        self.ahead(res, files)

    def ahead(self, res: Resources, files: int) -> None:
        """Called once the first file of a run is linted, with about `files` more to lint, in this process or in
        workers forked from it (before_workers): prepare for them what the first file did not tell the rule to."""

    def check_suppressions(self, doc: Document, directives: list[Directive]) -> Iterator[Diagnostic]:
        """What the inline directives say once applied (each knows whether it suppressed anything)."""
        return iter(())

    @classmethod
    def documentation(cls) -> str:
        import inspect  # only for documentation, not on the linting path

        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        return cls.documentation().splitlines()[0] if cls.__doc__ else cls.name

    def report(
        self,
        span: Span,
        message: str,
        suggestions: Iterable[str] = (),
        fix: Fix | None = None,
        severity: Severity | None = None,
        applicability: Applicability | None = None,
    ) -> Diagnostic:
        """A diagnostic from this rule; with suggestions and no explicit fix, the first suggestion becomes the fix."""
        suggestions = tuple(suggestions)
        applicability = applicability or self.fix_safety
        if fix is None and suggestions and applicability is not None:
            fix = replacement_fix(span, suggestions[0], applicability)
        return Diagnostic(self.code, self.name, message, span, severity or self.severity, suggestions, fix)
