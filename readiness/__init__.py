"""Readiness: assess readiness for customer messaging and plan the rollout."""

__version__ = "0.1.0"
