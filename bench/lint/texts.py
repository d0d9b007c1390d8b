"""The texts one agent lints: 5,000 characters each (the most a reply may be), one realistic and
two shaped like the inputs that used to cost the linter quadratic time."""

from services.responder.replies.library import PHRASES

MAX_CHARS = 5000


def _prose() -> str:
    sentences = [
        s
        for p in PHRASES.values()
        for s in (p.apology, p.remedy["damaged_packaging"], p.invitation, p.positive, p.neutral)
    ]
    text = " ".join(sentences)
    return (text + " ") * (MAX_CHARS // len(text) + 1)


TEXTS: dict[str, str] = {
    # The built-in library's sentences in all five languages, repeated.
    "prose": _prose()[:MAX_CHARS],
    # One long run of word characters: an e-mail address pattern tried at every position of
    # the run scanned to its end from each one.
    "letters": "a" * MAX_CHARS,
    # Digits and dashes: the same for phone and e-mail patterns.
    "digits": ("1-" * MAX_CHARS)[:MAX_CHARS],
}
