"""Signals other apps listen to; events never decides anything in a receiver."""

from django.dispatch import Signal

meeting_feedback_recorded = Signal()
"""Sent after commit when one side of a meeting gives feedback.

Sender: ``MeetingFeedback``. Keyword arguments: ``feedback`` (the saved MeetingFeedback,
with ``meeting``, ``registration`` and ``wants_to_continue``) and ``actor`` (the user).
Receivers' exceptions propagate to the caller of the view, so a receiver that may
fail should catch its own errors. The partnerships app opens a partnership here.
"""
