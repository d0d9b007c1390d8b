"""The case workflow: new -> in_progress -> replied -> contacted -> resolved -> followed_up.

Pure rules; the repository stores, the service decides. A reply that goes public moves a new or
in-progress case to `replied` by itself; `contacted` may be skipped when the reply settled it.
"""

from typing import Literal

CaseStatus = Literal["new", "in_progress", "replied", "contacted", "resolved", "followed_up"]
STATUSES: tuple[CaseStatus, ...] = (
    "new",
    "in_progress",
    "replied",
    "contacted",
    "resolved",
    "followed_up",
)

NEXT: dict[CaseStatus, tuple[CaseStatus, ...]] = {
    "new": ("in_progress", "replied"),
    "in_progress": ("replied",),
    "replied": ("contacted", "resolved"),
    "contacted": ("resolved",),
    "resolved": ("followed_up",),
    "followed_up": (),
}


class IllegalTransition(Exception):
    def __init__(self, current: CaseStatus, wanted: CaseStatus) -> None:
        allowed = NEXT[current]
        options = ", ".join(allowed) if allowed else "none (the case is closed)"
        super().__init__(
            f"a case in '{current}' cannot move to '{wanted}'; allowed next steps: {options}"
        )
        self.current = current
        self.wanted = wanted
        self.allowed = allowed


def check(current: CaseStatus, wanted: CaseStatus) -> None:
    if wanted not in NEXT[current]:
        raise IllegalTransition(current, wanted)


def needs_case(sentiment: str, severity: str, removal_candidate: bool) -> bool:
    """Reviews that need action get a case without anyone asking."""
    return sentiment == "negative" or severity == "high" or removal_candidate
