from services.survey.metrics.categories import canonical_category
from services.survey.metrics.nps import nps, preferred_variant


def test_standard_and_european_bands_differ_by_one_point() -> None:
    counts = {10: 2, 9: 1, 8: 3, 7: 1, 6: 2, 5: 1}  # 10 answers
    standard = nps(counts, "standard")
    assert (standard.promoters, standard.passives, standard.detractors) == (3, 4, 3)
    assert standard.score == 0.0
    european = nps(counts, "european")
    assert (european.promoters, european.passives, european.detractors) == (6, 3, 1)
    assert european.score == 50.0


def test_no_answers_no_score_and_region_picks_the_variant() -> None:
    assert nps({}, "standard").score is None
    assert preferred_variant("SI") == "european" and preferred_variant("US") == "standard"
    assert preferred_variant(None) == "standard"


def test_categories_map_platform_names_to_typical_rate_buckets() -> None:
    assert canonical_category("Health & Beauty > Skin care") == "cosmetics"
    assert canonical_category("Home > Furniture > Sofas") == "furniture"
    assert canonical_category(None) == "other"


def test_category_words_match_at_the_start_of_a_word() -> None:
    # A substring test put rugs and delicatessen among pet goods, vegetables among furniture.
    assert canonical_category("Home & Garden > Carpets & Rugs") == "other"
    assert canonical_category("Delicatessen") == "other"
    assert canonical_category("Fresh vegetables") == "other"
    assert canonical_category("Pets > Cat litter") == "pet goods"
    assert canonical_category("Sportswear") == "clothes"
    assert canonical_category("Audio > Headphones") == "electronics"
    assert canonical_category("Tablets & e-readers") == "electronics"
    assert canonical_category("Garden tables") == "furniture"
