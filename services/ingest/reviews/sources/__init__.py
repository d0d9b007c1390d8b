"""Review sources: each maps its platform's payload to `ReviewFact`s."""
