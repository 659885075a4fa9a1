"""Aggregate tables behind the dashboards, rebuilt by :mod:`sache.insights.refresh`.

Counting 100,000 organisations and their activity on every page view is too slow, so
the dashboards read pre-computed facts instead. A fact is one number for one
metric and key (say ``org.kind`` / ``museum``) in one *area* on one *day*:

* ``area`` is a region prefix ('' for everywhere, then 2, 3, 4 and 5 characters of
  the NUTS code). A record is counted once in every prefix of every region it
  touches, so a region filter is an equality lookup and a partnership with partners
  in two regions still counts once in each, and once in the region they share;
* ``programme`` is a programme's id, or 0 for every record whatever its programme. A
  record of a programme counts under 0 and under its programme; an organisation
  counts under 0 and under every programme it took part in;
* ``grain`` says what ``day`` stands for: ``d`` that day, ``m`` the whole month
  starting on ``day``, ``a`` all time (``day`` is then 1 January 1970). A period is
  read as its whole months plus the days at either end, so no query reads more than
  about two months of daily rows.

The network view reads :class:`NetworkEdge` and :class:`NetworkNode`, the refresh's
copy of who collaborated with whom.
"""

from __future__ import annotations

from django.db import models


class Grain(models.TextChoices):
    DAY = "d", "day"
    MONTH = "m", "month"
    ALL = "a", "all time"


class InsightFact(models.Model):
    metric = models.CharField(max_length=24)
    programme = models.IntegerField(default=0)
    area = models.CharField(max_length=10)
    grain = models.CharField(max_length=1, choices=Grain.choices)
    day = models.DateField()
    key = models.CharField(max_length=40)
    value = models.FloatField()

    class Meta:
        # Covering: a page sums (key, value) without visiting the table rows.
        indexes = [models.Index(fields=["metric", "programme", "area", "grain", "day", "key", "value"], name="insights_fact_lookup")]

    def __str__(self) -> str:
        return f"{self.metric}[{self.area or '*'}/{self.grain}/{self.day}] {self.key}={self.value}"


class NetworkNode(models.Model):
    """An organisation that collaborated at least once (published organisations only)."""

    organisation_id = models.BigIntegerField(primary_key=True)
    name = models.CharField(max_length=255)
    slug = models.CharField(max_length=255)
    kind = models.CharField(max_length=32)
    region = models.CharField(max_length=10)
    degree = models.PositiveIntegerField(db_index=True)
    # Position in the picture of the whole network, laid out once per refresh; filtered
    # and focused views start from it and need only a few layout iterations.
    x = models.FloatField(null=True)
    y = models.FloatField(null=True)

    def __str__(self) -> str:
        return self.name


class NetworkEdge(models.Model):
    """One collaboration between two organisations (``source`` < ``target``) on one day.

    ``strength`` is the sum of both ends' degrees, indexed so that "the densest part
    of the network" is read in index order and stops early.
    """

    source = models.BigIntegerField(db_index=True)
    target = models.BigIntegerField(db_index=True)
    kind = models.CharField(max_length=12)  # partnership | meeting
    day = models.DateField()
    weight = models.PositiveIntegerField(default=1)
    source_region = models.CharField(max_length=10)
    target_region = models.CharField(max_length=10)
    strength = models.PositiveIntegerField()
    # The programme of the partnership or of the meeting's event (0: none).
    programme = models.IntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["strength", "id"], name="insights_edge_strength")]

    def __str__(self) -> str:
        return f"{self.source}–{self.target} ({self.kind})"


class PendingRefresh(models.Model):
    """A part of the aggregates (a source of facts, or the network) that writes since the last refresh changed."""

    part = models.CharField(max_length=24, unique=True)

    def __str__(self) -> str:
        return self.part


class RefreshState(models.Model):
    """One row: when the facts were last rebuilt and whether writes happened since."""

    refreshed_at = models.DateTimeField(null=True, blank=True)
    seconds = models.FloatField(null=True, blank=True)
    facts = models.PositiveIntegerField(default=0)
    dirty_since = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"refreshed {self.refreshed_at}"
