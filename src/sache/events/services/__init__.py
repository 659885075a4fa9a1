"""Writes of events, by topic: ``events`` (events, grid, registrations), ``meetings``
(requests and overrides), ``schedule`` (solver runs, publication, feeds), ``notices`` (mail)."""
