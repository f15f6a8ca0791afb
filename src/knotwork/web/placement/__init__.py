"""Draw where the ball goes for each technique: a pose, the ball, keep-offs.

A handful of drawn poses (standing at a wall, lying on the back, front or
side, seated, handheld) are composed with a ball placed from the knowledge:
the technique's position picks the pose, the muscle's first region picks the
spot, and the technique's keep-off areas are marked with a crossed red ring.
"""
