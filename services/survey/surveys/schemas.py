from datetime import datetime

from pydantic import BaseModel


class SurveyOut(BaseModel):
    id: int
    shop_id: str
    order_id: str
    status: str
    placed_at: datetime
    due_at: datetime
    created_at: datetime
