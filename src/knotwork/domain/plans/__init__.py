"""The week's plan around training days, and how closely it was kept."""
