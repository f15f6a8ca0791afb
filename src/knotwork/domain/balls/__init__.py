"""Which ball suits a person, and when a ball needs replacing."""
