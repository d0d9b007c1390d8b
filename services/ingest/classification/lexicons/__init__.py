"""Hand-written term lists in en, de, sl, lv, ro, in folded form (see `terms.py` for the syntax).

Written by the project for Reviewloop. A change to any list changes what the classifier
outputs: bump `LEXICON_VERSION` in `version.py` so stored classifications can be replayed.
"""
