"""How to work one muscle with a ball, within what safety allows."""
