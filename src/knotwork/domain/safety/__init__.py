"""Whether self-care is safe: red flags, conditions, the health screen, limits."""
