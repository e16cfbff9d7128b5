"""NL901: an inline suppression that suppresses nothing, or an enable with no disable to close."""

from __future__ import annotations

from newslint.diagnostic import Applicability, Severity
from newslint.rule import Rule


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

    def check(self, doc, res):
        return ()
