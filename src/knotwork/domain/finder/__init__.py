"""Where the pain comes from: referral scores and the ranking of sources."""
