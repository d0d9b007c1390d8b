"""Publication and its ledger: which survey reviews shoppers see, and why not when not."""
