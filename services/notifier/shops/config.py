"""A shop's notification settings: what only the notifier uses (digest, alarm thresholds).
Who is alerted and escalated to, the contact address and the reply SLA are the shop registry's
and reach the notifier in `shop.updated` (docs/configuration.md): one copy, one owner."""

from typing import Any

from pydantic import BaseModel, ConfigDict, EmailStr, Field


class NotificationSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    digest_enabled: bool = True
    digest_hour: int = Field(default=8, ge=0, le=23)
    # Empty: the digest goes to the shop's alert recipients (from the registry).
    digest_recipients: list[EmailStr] = Field(default_factory=list, max_length=20)
    negative_share_threshold: float = Field(default=0.10, gt=0, le=1)
    negative_share_window_days: int = Field(default=7, ge=1, le=90)
    negative_share_min_reviews: int = Field(default=20, ge=1, le=100_000)
    topic_spike_min_reviews: int = Field(default=5, ge=1, le=100_000)
    # Reviews the window before must hold for a spike to be judged: a new shop has no baseline.
    topic_spike_min_baseline: int = Field(default=20, ge=1, le=100_000)

    @classmethod
    def stored(cls, raw: dict[str, Any] | None) -> "NotificationSettings":
        """Settings as stored, including rows written before the recipients and the SLA moved
        to the registry: members the model no longer has are dropped (the registry's values
        are the ones), so an old row never stops a shop's alerts."""
        return cls.model_validate({k: v for k, v in (raw or {}).items() if k in cls.model_fields})


# Members these settings once had, now the registry's, with their name there.
MOVED = {
    "support_email": "alert_recipients",
    "escalation_emails": "escalation_recipients",
    "sla_hours": "sla.hours",
    "business_hours_only": "sla.business_hours_only",
    "business_start_hour": "sla.business_start_hour",
    "business_end_hour": "sla.business_end_hour",
}
