"""Matchmaking events (issue 5): registration, 1:1 meeting requests, scheduling, agendas.

Layout: ``models`` (Event, Room, Table, Slot, Registration, Meeting, MeetingFeedback,
ScheduleRun, AgendaFeed); ``services/`` writes by topic (``events``, ``meetings``,
``schedule``, ``notices``); ``selectors`` reads filtered by viewer, with
``suggested_partners`` as the one place where the matching engine plugs in; ``rules``
predicates; ``adapters`` DB rows ⇄ ``sache.engine.meetings``; ``ics`` calendars; ``tasks``
(``task_compute_schedule``, ``task_send_notice``); ``signals.meeting_feedback_recorded``
for partnerships; ``demo.load_demo`` for ``sache seed-demo``.
"""
