"""Typical survey response rates by product category, to compare a shop's own rates with."""

# Share of invited customers who answer a post-purchase survey, by category (industry
# figures; midpoints where a range is quoted).
TYPICAL_RESPONSE_RATES: dict[str, float] = {
    "cosmetics": 0.20,
    "furniture": 0.15,
    "electronics": 0.11,
    "clothes": 0.095,
    "pet goods": 0.085,
    "food": 0.085,
    "toys": 0.075,
    "plumbing": 0.065,
}

# Words in platform categories that place a product in one of the categories above.
_KEYWORDS: dict[str, tuple[str, ...]] = {
    "cosmetics": ("cosmetic", "beauty", "skin", "makeup"),
    "furniture": ("furniture", "sofa", "chair", "table"),
    "electronics": ("electronic", "computer", "phone", "audio"),
    "clothes": ("cloth", "apparel", "fashion", "shoe", "wear"),
    "pet goods": ("pet", "dog", "cat"),
    "food": ("food", "grocery", "beverage", "drink", "tea", "coffee"),
    "toys": ("toy", "game"),
    "plumbing": ("plumbing", "bathroom", "sanitary"),
}


def canonical_category(category: str | None) -> str:
    if category:
        lowered = category.lower()
        for name, words in _KEYWORDS.items():
            if any(word in lowered for word in words):
                return name
    return "other"
