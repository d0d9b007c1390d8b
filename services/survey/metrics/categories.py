"""Typical survey response rates by product category, to compare a shop's own rates with."""

from shared.categories import starts_a_word

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

# Words in platform categories that place a product in one of the categories above, matched at
# the start of a word ("table" is no longer in "Vegetables"); compounds are listed whole. The
# first category with a matching word wins: electronics before furniture ("Tablets").
_KEYWORDS: dict[str, tuple[str, ...]] = {
    "cosmetics": ("cosmetic", "beauty", "skin", "makeup"),
    "electronics": (
        "electronic", "computer", "phone", "smartphone", "headphone", "earphone", "audio",
        "laptop", "tablet",
    ),
    "furniture": ("furniture", "sofa", "chair", "armchair", "table", "desk", "wardrobe"),
    "clothes": (
        "cloth", "apparel", "fashion", "shoe", "wear", "footwear", "sportswear", "underwear",
        "swimwear", "outerwear", "knitwear", "nightwear",
    ),
    "pet goods": ("pet", "dog", "cat"),
    "food": ("food", "grocery", "groceries", "beverage", "drink", "tea", "coffee"),
    "toys": ("toy", "game"),
    "plumbing": ("plumbing", "bathroom", "sanitary"),
}  # fmt: skip


def canonical_category(category: str | None) -> str:
    if category:
        for name, words in _KEYWORDS.items():
            if any(starts_a_word(word, category) for word in words):
                return name
    return "other"
