"""NL901: an inline suppression that suppresses nothing, or an enable with no disable to close."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from newslint.engine.diagnostic import Applicability, Severity, replacement_fix
from newslint.engine.rule import Rule

if TYPE_CHECKING:
    from newslint.document.document import Document
    from newslint.engine.diagnostic import Diagnostic
    from newslint.engine.resources import Resources
    from newslint.engine.suppression import Directive


class UnusedSuppression(Rule):
    """A newslint-disable / -enable directive that does nothing.

    What it does: after the other rules have run and the inline suppressions have been applied, reports
    every `<!-- newslint-disable ... -->`, `-disable-line` or `-disable-next-line` comment that suppressed
    no diagnostic, and every `<!-- newslint-enable ... -->` that closes no open disable. This rule's check
    finds nothing by itself: the linter reports it, and only when NL901 is selected.

    Why it matters: a stale suppression hides the next real error on that line, and an unmatched enable
    usually means a disable was deleted or mistyped; both rot quietly in a newsroom's templates.

    Example: `<!-- newslint-disable-next-line NL501 -->` above a line with no repeated word -> delete the
    comment.

    Fix safety: safe; the comment is removed.
    """

    code = "NL901"
    name = "unused-suppression"
    severity = Severity.WARNING
    fix_safety = Applicability.SAFE
    reads_suppressions = True

    def check(self, doc: Document, res: Resources) -> Iterator[Diagnostic]:
        return iter(())  # it reports in check_suppressions, once the suppressions are applied

    def check_suppressions(self, doc: Document, directives: list[Directive]) -> Iterator[Diagnostic]:
        for d in directives:
            if d.used or d.continues is not None:
                continue
            what = "closes no open disable" if d.kind == "enable" else "suppresses nothing"
            fix = replacement_fix(d.span, "", Applicability.SAFE, "Remove the directive")
            yield self.report(d.span, f"Suppression '{doc.text[d.span.start:d.span.end]}' {what}", ("",), fix=fix)
