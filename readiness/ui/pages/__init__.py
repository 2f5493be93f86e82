"""The wizard's panels: one module per part of a page.

Questions, profile, gaps, channels, team, promotion, KPIs and the review.
"""
