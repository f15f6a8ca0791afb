"""What the journal teaches: trends, effects, what helps, and alerts."""
