"""The second pass's shop head: a logistic regression on e5's sentence embedding, trained on
shop reviews in de, sl, lv and ro (`train_shop.py`), many of them sarcastic or polite
complaints and satisfied reviews naming a drawback.

The general e5 head learnt sentiment from English sentences; "Super, spet pokvarjeno. Že drugi
opekač kruha zapored..." under 5 stars it reads as praise, sure enough for an automatic answer.
This head reads the same embedding the way shoppers in those languages write: where it gives
"negative" weight under 4-5 stars, the review is doubtful and a person answers it; where it is
nearly sure and the text's own reading leans negative at all, stars and text contradict each
other (combine.py; docs/classification.md, "The shop head"). It reads English shop reviews too,
which it never learnt from, with thresholds of their own (release 2026.12.38)."""

from pathlib import Path

from services.ingest.classification.sentiment import ARTIFACTS
from services.ingest.classification.terse_head import TerseHead

HEAD_NAME = "sentiment-e5-shop-head"


class ShopHead(TerseHead):
    def __init__(self, directory: Path = ARTIFACTS) -> None:
        super().__init__(directory, HEAD_NAME)
