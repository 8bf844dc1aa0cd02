"""What validating a graph gives: a :class:`ValidationReport` of :class:`ValidationResult`\\ s.

Both SHACL engines (diplograph's own, :mod:`diplograph.shacl`, and pyshacl, through
:mod:`diplograph.validate`) return these, so the types live apart from either: the engine
imports them, not the module that chooses the engine.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ValidationReport", "ValidationResult"]


@dataclass(frozen=True)
class ValidationResult:
    severity: str  # "Violation", "Warning" or "Info"
    focus: str
    path: str | None
    message: str
    shape: str
    value: str | None = None


@dataclass(frozen=True)
class ValidationReport:
    results: tuple[ValidationResult, ...]

    @property
    def violations(self) -> tuple[ValidationResult, ...]:
        return tuple(r for r in self.results if r.severity == "Violation")

    @property
    def warnings(self) -> tuple[ValidationResult, ...]:
        return tuple(r for r in self.results if r.severity == "Warning")

    @property
    def conforms(self) -> bool:
        """True when there is no violation (warnings are allowed)."""
        return not self.violations
