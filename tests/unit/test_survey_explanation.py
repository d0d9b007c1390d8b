"""Every skip reason the scheduler, the dispatcher or the follow-up rules can record has a
sentence in the explanation's table (services/survey/decisions/explain.py)."""

from typing import get_args

from services.survey.decisions.explain import REASONS
from services.survey.follow_ups.rules import FollowUpSkipReason
from services.survey.scheduling.eligibility import SkipReason


def test_every_skip_reason_has_a_sentence() -> None:
    reasons = set(get_args(SkipReason)) | set(get_args(FollowUpSkipReason))
    assert reasons <= set(REASONS), reasons - set(REASONS)
    assert {"no_consent", "marketing_opt_out"} <= set(REASONS)
    assert all(text.endswith(".") for text in REASONS.values())
