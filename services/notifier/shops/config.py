"""A shop's notification settings. Defaults make a new shop safe: every negative or severe
review goes at once to the support address, escalated after 24 hours without a reply."""

from pydantic import BaseModel, ConfigDict, EmailStr, Field


class NotificationSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    support_email: EmailStr | None = None
    escalation_emails: list[EmailStr] = Field(default_factory=list, max_length=20)
    sla_hours: int = Field(default=24, ge=1, le=24 * 30)
    # Count the SLA only on working hours (Mon-Fri, start..end local time).
    business_hours_only: bool = False
    business_start_hour: int = Field(default=9, ge=0, le=23)
    business_end_hour: int = Field(default=17, ge=1, le=24)
    digest_enabled: bool = True
    digest_hour: int = Field(default=8, ge=0, le=23)
    digest_recipients: list[EmailStr] = Field(default_factory=list, max_length=20)
    negative_share_threshold: float = Field(default=0.10, gt=0, le=1)
    negative_share_window_days: int = Field(default=7, ge=1, le=90)
    negative_share_min_reviews: int = Field(default=20, ge=1, le=100_000)
    topic_spike_min_reviews: int = Field(default=5, ge=1, le=100_000)
    # Reviews the window before must hold for a spike to be judged: a new shop has no baseline.
    topic_spike_min_baseline: int = Field(default=20, ge=1, le=100_000)

    def escalation_recipients(self) -> list[str]:
        return [str(e) for e in self.escalation_emails] or (
            [str(self.support_email)] if self.support_email else []
        )

    def digest_to(self) -> list[str]:
        return [str(e) for e in self.digest_recipients] or (
            [str(self.support_email)] if self.support_email else []
        )
