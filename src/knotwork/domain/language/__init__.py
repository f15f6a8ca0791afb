"""Reading what a person types: tokens, phrases, who/when/whether, regions."""
