"""What the survey's routes take from the running service, besides `shared/http/deps.py`."""

from typing import Annotated

from fastapi import Depends

from services.survey.settings import SurveySettings
from services.survey.tokens import Tokens
from shared.http.deps import settings_of, state_of

SurveySettingsDep = Annotated[SurveySettings, Depends(settings_of(SurveySettings))]
TokensDep = Annotated[Tokens, Depends(state_of("tokens", Tokens))]
