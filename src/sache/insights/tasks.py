"""Background work of the insights app."""

from __future__ import annotations

from sache.core.tasks import task
from sache.insights.models import PendingRefresh, RefreshState


@task()
def task_refresh_insights() -> None:
    """Rebuild the aggregate tables, unless a refresh since the request has already done it."""
    from sache.insights.refresh import refresh_insights

    state = RefreshState.objects.order_by("pk").first()
    if state is not None and state.dirty_since is None and state.refreshed_at is not None:
        return
    # Only the parts the writes asked for (everything before the first refresh, or when
    # the figures are stale and nobody said why).
    refresh_insights(only=set(PendingRefresh.objects.values_list("part", flat=True)) or None)
