"""Tuned numbers that carry their record: what the number means and how it was measured.

A heuristic's threshold is written ``THRESHOLD = tuned(2.5, means="...", bench="...", result="...", date="...")``:
the value behaves as the plain int or float it is, and the record stays with it, for ``newslint explain``, the docs
and the test that fails on a number in a heuristic module without one (tests/test_tuning.py)."""

from __future__ import annotations

from typing import Any


class _Record:
    means: str
    bench: str
    result: str
    date: str

    def record(self) -> dict[str, Any]:
        return {"value": self.value, "means": self.means, "bench": self.bench, "result": self.result,
                "date": self.date}


class TunedFloat(float, _Record):
    @property
    def value(self) -> float:
        return float(self)


class TunedInt(int, _Record):
    @property
    def value(self) -> int:
        return int(self)


def tuned(value: float, *, means: str, bench: str, result: str, date: str) -> Any:
    """value as an int or float that also holds its record. bench: what it was measured on (or "none: " and why
    no measurement applies, such as a limit of the data); result: what the measurement showed; date: when."""
    number = TunedInt(value) if isinstance(value, int) else TunedFloat(value)
    for key, text in (("means", means), ("bench", bench), ("result", result), ("date", date)):
        if not text.strip():
            raise ValueError(f"a tuned number needs its {key}")
        setattr(number, key, text)
    return number
