"""The suppression list (`service.py`: the rules and keys; `repository.py`: its SQL).

The package's names are the service's, so callers keep `suppressions.add(...)`."""

from services.survey.suppressions.repository import Reason
from services.survey.suppressions.service import (
    add,
    address_key,
    export_for,
    forget_email,
    normalise,
    reason_for,
)

__all__ = ["Reason", "add", "address_key", "export_for", "forget_email", "normalise", "reason_for"]
