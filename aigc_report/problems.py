"""Problems found in data files, reported as ``path:line: field: message``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one data file.

    >>> str(Problem("aigc_report/data/rulings/x.yaml", 3, "court", "unknown court id 'foo'"))
    "aigc_report/data/rulings/x.yaml:3: court: unknown court id 'foo'"
    """

    path: str
    line: int
    field: str
    message: str
    #: Short machine-readable kind, used as the Sphinx warning subtype.
    kind: str = "data"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


class DataError(Exception):
    """Raised once, after every problem of the data set has been collected.

    >>> err = DataError([Problem("a.yaml", 1, "slug", "missing")])
    >>> print(err)
    1 problem in the data:
    a.yaml:1: slug: missing
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        noun = "problem" if len(self.problems) == 1 else "problems"
        lines = [f"{len(self.problems)} {noun} in the data:"]
        lines += [str(p) for p in self.problems]
        super().__init__("\n".join(lines))
