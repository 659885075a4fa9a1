"""Schedule every requested meeting with as few breaks as possible (SAT search).

The B2B meeting scheduling problem (Bofill et al. 2022): give every meeting a
slot so that a participant has at most one meeting per slot, at most
``tables`` meetings share a slot, sessions, fixed and forbidden slots and
precedences hold, and the most and fewest breaks of any two participants differ
by at most ``fairness_d``. Minimise the total number of breaks.

Encoding (CNF, after the paper's MaxSAT models): ``x[m,s]`` meeting ``m`` in
slot ``s``, over domains filtered exactly first (:func:`reduced_domains`);
``y[p,s]`` participant ``p`` busy in ``s`` (``y <-> OR x``); ``seen[p,s]`` busy
in some slot ``<= s``; ``brk[p,s] <-> y[p,s] & ~y[p,s-1] & seen[p,s-2]``, a break
that ends at ``s``. Implied constraints: ``p`` is busy in exactly as many slots
as it has meetings; tables are counted on busy participants (at most ``2T`` of
them, an even number); without a break a participant's meetings fill one block
(``start[p,t]`` literals), which also gives a per-participant lower bound when
no block fits. Cardinality constraints use the sequential counter, fairness
and the objective totalizers.

Search: one incremental SAT solver (Glucose) and a totalizer over all break
literals. Steps alternate between the lower end (``breaks <= LB``: UNSAT raises
the proven bound, with a conflict budget that doubles), the same question put
to a second solver, CaDiCaL (:mod:`.target`; yes is an optimal schedule, no
raises the bound; its budget doubles too), and the upper end: SAT-based repair
moves on Glucose (:mod:`.lns`: the meetings of a set of participants grown from
one with breaks, of a window of slots around a break, or both, are freed, the
rest stay, fewer breaks are asked for) for 1.5 times as long as the Glucose
bound steps took. When the first "no breaks" call gets no answer within its
budget, a second encoding (tables counted on meetings, not on busy participants)
searches the lower end in a child process (:mod:`.lower_bound`) on the other
core; its bounds and its optimal schedule are taken between steps, and it is
stopped when this search ends. The problem is NP-hard; the encoding has
O(M S + P S^2) clauses.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections import defaultdict

from sache.engine.meetings.problem import (
    MIN_BREAKS,
    MeetingProblem,
    MeetingSchedule,
    allowed_slots,
    breaks_per_participant,
)

__all__ = ["sat_min_breaks_schedule"]

_SAT_SOLVER = "g4"
_REPAIR_SHARE = 1.5  # repair seconds per bound-step second (see the search loop)
_TARGET_BUDGET = 20000  # CaDiCaL conflicts of the first "<= LB" call (doubles, like Glucose's)
_DEBUG = bool(__import__("os").environ.get("SACHE_MEETINGS_DEBUG"))


def _augment(meeting, domains, owner, slot_of, seen) -> bool:
    for slot in domains[meeting]:
        if slot in seen:
            continue
        seen.add(slot)
        holder = owner.get(slot)
        if holder is None or _augment(holder, domains, owner, slot_of, seen):
            owner[slot] = meeting
            slot_of[meeting] = slot
            return True
    return False


def reduced_domains(problem: MeetingProblem) -> dict[object, list[int]]:
    """Slots left to every meeting after exact filtering (no schedule is lost).

    Starts from :func:`allowed_slots` and repeats until nothing changes: a
    participant's meetings take distinct slots, so a slot is removed from a
    meeting when no matching of the participant's other meetings to the other
    slots exists (Hall's theorem, checked by one augmenting path per value);
    ``before`` ends before the latest slot of ``after`` and ``after`` starts
    after the earliest slot of ``before``; slots filled by meetings with a single
    slot are closed to the others. SAT unit propagation sees none of this.
    An empty list means the event is infeasible.
    """
    domains = {m.id: allowed_slots(problem, m) for m in problem.meetings}
    by_person: dict[int, list[object]] = defaultdict(list)
    for meeting in problem.meetings:
        by_person[meeting.a].append(meeting.id)
        by_person[meeting.b].append(meeting.id)
    changed = True
    while changed:
        changed = False
        for before, after in problem.precedences:
            if not domains.get(before) or not domains.get(after):
                continue
            latest = domains[after][-1] - 1
            kept = [slot for slot in domains[before] if slot <= latest]
            if kept != domains[before]:
                domains[before], changed = kept, True
            if not kept:
                return domains
            earliest = kept[0] + 1
            kept = [slot for slot in domains[after] if slot >= earliest]
            if kept != domains[after]:
                domains[after], changed = kept, True
        forced: dict[int, int] = defaultdict(int)
        for slots in domains.values():
            if len(slots) == 1:
                forced[slots[0]] += 1
        for slot, count in forced.items():
            if count >= problem.tables_in(slot):
                for meeting_id, slots in domains.items():
                    if len(slots) > 1 and slot in slots:
                        domains[meeting_id] = [s for s in slots if s != slot]
                        changed = True
        for meetings in by_person.values():
            if len(meetings) <= 1:
                continue
            owner: dict[int, object] = {}
            slot_of: dict[object, int] = {}
            for meeting_id in meetings:
                if not _augment(meeting_id, domains, owner, slot_of, set()):
                    domains[meeting_id] = []
                    return domains
            for meeting_id in meetings:
                kept = []
                for slot in domains[meeting_id]:
                    holder = owner.get(slot)
                    if slot_of[meeting_id] == slot or holder is None:
                        kept.append(slot)
                        continue
                    # Put meeting_id at slot: its old slot frees up, the holder moves.
                    trial_owner = dict(owner)
                    trial_slot_of = dict(slot_of)
                    del trial_owner[slot_of[meeting_id]]
                    trial_owner[slot] = meeting_id
                    trial_slot_of[meeting_id] = slot
                    if _augment(holder, domains, trial_owner, trial_slot_of, {slot}):
                        kept.append(slot)
                if kept != domains[meeting_id]:
                    domains[meeting_id], changed = kept, True
                    if not kept:
                        return domains
    return domains


class BreaksEncoding:
    """CNF of the problem; keeps the variables needed to read schedules and bounds."""

    def __init__(
        self, problem: MeetingProblem, *, fairness: bool = True, tables_on: str = "busy"
    ) -> None:
        """Encode ``problem``; ``tables_on`` counts tables on ``"busy"`` participants
        (at most 2T, even) or on ``"meetings"`` (at most T); :mod:`.lower_bound` says
        why both are used."""
        from pysat.card import CardEnc, EncType
        from pysat.formula import IDPool

        self.problem = problem
        self.pool = IDPool()
        self._fresh = itertools.count()
        self.clauses: list[list[int]] = []
        self._card = CardEnc
        self._enc = EncType
        self.slot_var: dict[tuple[object, int], int] = {}
        self.empty_meetings = []
        by_person: dict[int, list[object]] = defaultdict(list)
        self.allowed = {}
        domains = reduced_domains(problem)
        for meeting in problem.meetings:
            slots = domains[meeting.id]
            self.allowed[meeting.id] = slots
            if not slots:
                self.empty_meetings.append(meeting.id)
            lits = [self._new(("x", meeting.id, slot)) for slot in slots]
            for slot, lit in zip(slots, lits, strict=True):
                self.slot_var[meeting.id, slot] = lit
            self.clauses.append(lits)
            self._at_most(lits, 1)
            by_person[meeting.a].append(meeting.id)
            by_person[meeting.b].append(meeting.id)
        self.busy: dict[tuple[int, int], int] = {}
        self.break_lits: dict[int, list[int]] = {}
        for person in range(problem.participants):
            self.break_lits[person] = self._encode_person(person, by_person[person])
        for slot in range(problem.slots):
            # Tables counted on the busy participants: every meeting makes exactly two of
            # them busy, so "meetings <= T" is "busy participants <= 2T". Equivalent, but
            # over far fewer literals (participants with a full agenda are always busy),
            # and it propagates from the agendas (with the block constraint below, the
            # zero-break call on tic-14crafc.original went from no answer in 40 s to 0.1 s).
            # On ticf-13crafc and forum-13crafc it is the other way round (lower_bound.py).
            if tables_on == "busy":
                lits = [
                    self.busy[person, slot]
                    for person in range(problem.participants)
                    if (person, slot) in self.busy
                ]
                self._at_most(lits, 2 * problem.tables_in(slot))
                self._even(lits)
            else:
                lits = [
                    self.slot_var[m.id, slot]
                    for m in problem.meetings
                    if (m.id, slot) in self.slot_var
                ]
                self._at_most(lits, problem.tables_in(slot))
        self.meeting_counts = {p: len(by_person[p]) for p in range(problem.participants)}
        if fairness and problem.fairness_d is not None:
            self._encode_fairness(problem.fairness_d)
        self._encode_precedences()

    def _even(self, lits: list[int]) -> None:
        """Implied: an even number of ``lits`` hold (two participants per meeting)."""
        if not lits:
            return
        parity = lits[0]
        for lit in lits[1:]:
            odd = self._new(("odd", next(self._fresh)))
            # odd <-> parity XOR lit
            self.clauses += [
                [-odd, parity, lit],
                [-odd, -parity, -lit],
                [odd, -parity, lit],
                [odd, parity, -lit],
            ]
            parity = odd
        self.clauses.append([-parity])

    def _new(self, key: object) -> int:
        return self.pool.id(key)

    def _at_most(self, lits: list[int], bound: int) -> None:
        if len(lits) <= bound:
            return
        encoding = self._enc.pairwise if bound == 1 and len(lits) <= 5 else self._enc.seqcounter
        self.clauses.extend(
            self._card.atmost(lits, bound, vpool=self.pool, encoding=encoding).clauses
        )

    def _encode_person(self, person: int, meeting_ids: list[object]) -> list[int]:
        busy: list[int | None] = []
        for slot in range(self.problem.slots):
            lits = [self.slot_var[m, slot] for m in meeting_ids if (m, slot) in self.slot_var]
            if not lits:
                busy.append(None)
                continue
            var = self._new(("y", person, slot))
            self.busy[person, slot] = var
            self._at_most(lits, 1)
            self.clauses.append([-var, *lits])
            self.clauses.extend([-lit, var] for lit in lits)
            busy.append(var)
        busy_lits = [v for v in busy if v is not None]
        if meeting_ids and len(busy_lits) > len(meeting_ids):
            # Implied: busy slots == meetings; makes gaps visible to unit propagation.
            self.clauses.extend(
                self._card.atleast(
                    busy_lits, len(meeting_ids), vpool=self.pool, encoding=self._enc.seqcounter
                ).clauses
            )
        seen: list[int | None] = []
        previous: int | None = None
        for slot in range(self.problem.slots):
            current = busy[slot]
            if current is not None:
                if previous is None:
                    previous = current
                else:
                    var = self._new(("seen", person, slot))
                    self.clauses += [[-var, previous, current], [-previous, var], [-current, var]]
                    previous = var
            seen.append(previous)
        breaks = []
        for slot in range(1, self.problem.slots):
            current = busy[slot]
            if current is None:
                continue
            before = (
                seen[slot - 1]
                if busy[slot - 1] is None
                else (seen[slot - 2] if slot >= 2 else None)
            )
            if before is None:
                continue
            var = self._new(("brk", person, slot))
            self.clauses += [[-var, current], [-var, before]]
            if busy[slot - 1] is not None:
                self.clauses.append([-var, -busy[slot - 1]])
                self.clauses.append([-current, busy[slot - 1], -before, var])
            else:
                self.clauses.append([-current, -before, var])
            breaks.append(var)
        self._encode_block(person, busy, len(meeting_ids), breaks)
        return breaks

    def _encode_block(
        self, person: int, busy: list[int | None], count: int, breaks: list[int]
    ) -> None:
        """Implied: without a break, ``person``'s meetings fill one block of ``count`` slots.

        ``z`` (no break) holds exactly when no break literal does; ``start[t]`` says
        the block is ``t .. t+count-1``. The block must avoid slots where the person
        cannot meet (a gap there is a break too). Nothing new is allowed, but unit
        propagation now sees the agenda's shape: a busy slot far from another rules
        out ``z``, the slots common to all feasible blocks are busy, and a person
        without a feasible block has a break (a per-participant lower bound).
        """
        if count <= 1:
            return
        slots = self.problem.slots
        no_break = self._new(("nobreak", person))
        self.clauses.append([no_break, *breaks])
        self.clauses.extend([-no_break, -lit] for lit in breaks)
        starts = {
            t: self._new(("start", person, t))
            for t in range(slots - count + 1)
            if all(busy[s] is not None for s in range(t, t + count))
        }
        if not starts:
            self.clauses.append([-no_break])
            return
        self.clauses.append([-no_break, *starts.values()])
        self._at_most(list(starts.values()), 1)
        for t, start in starts.items():
            self.clauses.append([-start, no_break])
            for slot in range(slots):
                if busy[slot] is None:
                    continue
                inside = t <= slot < t + count
                self.clauses.append([-start, busy[slot] if inside else -busy[slot]])
        for slot in range(slots):
            if busy[slot] is None:
                continue
            covering = [start for t, start in starts.items() if t <= slot < t + count]
            # Busy and no break: the block covers this slot.
            self.clauses.append([-busy[slot], -no_break, *covering])

    def _encode_fairness(self, spread: int) -> None:
        if any(count <= 1 for count in self.meeting_counts.values()):
            # Someone has no break at all, so the fewest breaks is 0.
            for lits in self.break_lits.values():
                self._at_most(lits, spread)
            return
        longest = max((len(lits) for lits in self.break_lits.values()), default=0)
        at_least: dict[int, list[int | None]] = {}
        for person, lits in self.break_lits.items():
            counts = self._unary_count(lits)
            at_least[person] = counts + [None] * (longest - len(counts))
        # at_least[p][j]: p has >= j+1 breaks. Someone with >= k+d+1 forces all to >= k+1.
        for k in range(longest - spread):
            trigger = self._new(("fair", k))
            for counts in at_least.values():
                if counts[k + spread] is not None:
                    self.clauses.append([-counts[k + spread], trigger])
                if counts[k] is None:
                    self.clauses.append([-trigger])
                else:
                    self.clauses.append([-trigger, counts[k]])

    def _unary_count(self, lits: list[int]) -> list[int]:
        """Outputs ``o[j] <-> at least j+1 of lits`` (totalizer with both directions)."""
        if len(lits) <= 1:
            return list(lits)
        left = self._unary_count(lits[: len(lits) // 2])
        right = self._unary_count(lits[len(lits) // 2 :])
        merged = [self._new(("count", next(self._fresh))) for _ in range(len(lits))]

        def at(side: list[int], i: int) -> int | None:
            return side[i - 1] if 1 <= i <= len(side) else None

        for i in range(len(left) + 1):
            for j in range(len(right) + 1):
                if i + j >= 1:
                    self.clauses.append(
                        [-lit for lit in (at(left, i), at(right, j)) if lit] + [merged[i + j - 1]]
                    )
                if i + j + 1 <= len(merged):
                    self.clauses.append(
                        [lit for lit in (at(left, i + 1), at(right, j + 1)) if lit]
                        + [-merged[i + j]]
                    )
        return merged

    def _encode_precedences(self) -> None:
        earliest: dict[tuple[object, int], int | None] = {}
        needed = {before for before, _ in self.problem.precedences}
        for meeting_id in needed:
            previous = None
            for slot in range(self.problem.slots):
                lit = self.slot_var.get((meeting_id, slot))
                if lit is not None:
                    if previous is None:
                        previous = lit
                    else:
                        var = self._new(("le", meeting_id, slot))
                        self.clauses += [[-var, previous, lit], [-previous, var], [-lit, var]]
                        previous = var
                earliest[meeting_id, slot] = previous
        for before, after in self.problem.precedences:
            for slot in self.allowed.get(after, ()):
                done_before = earliest.get((before, slot - 1)) if slot >= 1 else None
                self.clauses.append(
                    [-self.slot_var[after, slot]] + ([done_before] if done_before else [])
                )

    def read_slots(self, model: list[int]) -> dict[object, int]:
        true = {lit for lit in model if lit > 0}
        return {
            meeting_id: slot for (meeting_id, slot), lit in self.slot_var.items() if lit in true
        }


def sat_min_breaks_schedule(
    problem: MeetingProblem,
    *,
    time_limit: float = 60.0,
    seed: int = 0,
    bound_worker: bool = True,
) -> MeetingSchedule:
    """Schedule all meetings with the fewest breaks, proving optimality when time allows.

    Parameters
    ----------
    problem
        The event; ``problem.mode`` is ignored (every meeting must be scheduled).
    time_limit
        Seconds for the whole search.
    seed
        Seed of the neighbourhood choice of the repair moves (deterministic for a seed,
        except that the time limit decides how many moves are made).
    bound_worker
        Run the exact bound search of :mod:`.lower_bound` (a second encoding, in a
        child process on the other core) once the no-break call here runs out of budget.

    Returns
    -------
    MeetingSchedule
        ``status`` is ``optimal`` (objective == bound), ``feasible``, ``infeasible``
        (with an ``explanation``) or ``unknown`` (no schedule found in time).
        Tables are not assigned here (see :func:`assign_tables`).

    Notes
    -----
    Locked meetings are honoured as fixed slots by the caller
    (:func:`schedule_meetings`). Anytime: the best schedule found so far is
    returned at the time limit, with the best proven lower bound.

    References
    ----------
    .. [1] M. Bofill, J. Coll, M. Garcia, J. Giráldez-Cru, G. Pesant, J. Suy,
       M. Villaret, "Constraint Solving Approaches to the Business-to-Business
       Meeting Scheduling Problem", JAIR 74 (2022) 263-301.
    .. [2] O. Bailleux, Y. Boufkhad, "Efficient CNF encoding of Boolean cardinality
       constraints", CP 2003 (totalizer).

    Examples
    --------
    >>> from sache.engine.meetings.problem import Meeting
    >>> p = MeetingProblem(participants=3, slots=3, tables=1,
    ...     meetings=(Meeting(0, 0, 1), Meeting(1, 0, 2)), fairness_d=2)
    >>> result = sat_min_breaks_schedule(p, time_limit=5)
    >>> result.status, result.objective
    ('optimal', 0)
    """
    from pysat.card import ITotalizer
    from pysat.solvers import Solver

    started = time.monotonic()
    deadline = started + time_limit
    workers: list = []  # the bound worker, once started; finish() stops it

    def finish(
        status: str, slots: dict | None, bound: int | None, explanation: str = ""
    ) -> MeetingSchedule:
        for worker in workers:
            worker.stop()
        slots = slots or {}
        breaks = breaks_per_participant(problem, slots) if slots else {}
        return MeetingSchedule(
            status=status,
            mode=MIN_BREAKS,
            slots=slots,
            tables={},
            objective=sum(breaks.values()) if slots else None,
            bound=bound,
            breaks=breaks,
            unscheduled={}
            if slots or status != "infeasible"
            else {m.id: explanation for m in problem.meetings},
            explanation=explanation,
            seconds=time.monotonic() - started,
        )

    from sache.engine.meetings.explain import counting_reasons

    reasons = counting_reasons(problem)
    if reasons:
        return finish("infeasible", None, None, " ".join(reasons))
    encoding = BreaksEncoding(problem)
    with Solver(name=_SAT_SOLVER, bootstrap_with=encoding.clauses) as solver:
        all_breaks = [lit for lits in encoding.break_lits.values() for lit in lits]
        # Prefer no breaks and, in incremental mode with moves allowed, the published slots.
        published = [
            encoding.slot_var[lock.meeting, lock.slot]
            for lock in problem.locked
            if (lock.meeting, lock.slot) in encoding.slot_var
        ]
        solver.set_phases([-lit for lit in all_breaks] + published)
        # "<= k breaks" is assumed through a totalizer; it counts up to ``ceiling`` so
        # that it stays small (the first schedules can have hundreds of breaks).
        ceiling = min(len(all_breaks), max(32, problem.participants))
        totalizer = ITotalizer(lits=all_breaks, ubound=ceiling, top_id=encoding.pool.top)
        solver.append_formula(totalizer.cnf.clauses)

        def at_most(k: int) -> list[int]:
            return [-totalizer.rhs[k]] if k < len(totalizer.rhs) else []

        lower = 0
        # Most events have a schedule without breaks: ask for one first, with a budget
        # (the phases saved by an arbitrary first schedule slow this call down:
        # ticf-14crafa.original, 27k conflicts from scratch, 80k after one). Then any
        # schedule (usually fast; proves infeasibility otherwise) and the bound search.
        outcome = solve_until(solver, at_most(0), deadline, budget=10000)
        if outcome is True:
            return finish("optimal", encoding.read_slots(solver.get_model()), 0)
        if outcome is False:
            lower = 1
        elif bound_worker:
            # No answer within the budget: a hard instance. The other encoding starts
            # on the lower end in a child process (lower_bound.py), this one goes on.
            from sache.engine.meetings.lower_bound import BoundWorker

            workers.append(BoundWorker(problem, first=lower).start())
            if _DEBUG:
                print("bound worker started", round(time.monotonic() - started, 1))
        outcome = solve_until(solver, [], deadline, budget=None)
        if outcome is False:
            from sache.engine.meetings.explain import explain_infeasibility

            remaining = max(0.0, deadline - time.monotonic())
            return finish(
                "infeasible", None, None, explain_infeasibility(problem, time_limit=remaining)
            )
        if outcome is None:
            if workers and workers[0].poll() and workers[0].slots is not None:
                # The child found an optimal schedule before this search found any.
                return finish("optimal", workers[0].slots, workers[0].lower)
            return finish("unknown", None, lower)
        best = encoding.read_slots(solver.get_model())
        upper = sum(breaks_per_participant(problem, best).values())
        if _DEBUG:
            print("first", upper, lower, round(time.monotonic() - started, 1))
        if upper > len(totalizer.rhs):
            # The first schedule has more breaks than the totalizer counts: "<= upper - 1"
            # would otherwise be the unreachable "<= ceiling - 1" for every repair move
            # (ticf-14crafa.forb0003: 117 breaks, 78 counted, no move could succeed).
            totalizer.increase(ubound=min(upper, len(all_breaks)), top_id=totalizer.top_id)
            if totalizer.nof_new:
                solver.append_formula(totalizer.cnf.clauses[-totalizer.nof_new :])
        from sache.engine.meetings.lns import BreakRepair

        repair = BreakRepair(problem, encoding, solver, at_most, seed)
        repair.ceiling = len(totalizer.rhs)
        repair.set_incumbent(best)
        budget = 5000
        bound_seconds = 0.0
        target = None
        target_budget = _TARGET_BUDGET
        while lower < upper:
            if workers and workers[0].poll():
                # The child's answers: a higher proven bound, or an optimal schedule.
                lower = max(lower, workers[0].lower)
                if workers[0].slots is not None:
                    found = sum(breaks_per_participant(problem, workers[0].slots).values())
                    if found < upper:
                        best, upper = workers[0].slots, found
                if _DEBUG:
                    print("worker", lower, upper, round(time.monotonic() - started, 1))
                continue
            if time.monotonic() >= deadline:
                break
            # Lower end: a schedule with ``lower`` breaks is optimal; UNSAT raises the bound.
            step_started = time.monotonic()
            outcome = solve_until(solver, at_most(lower), deadline, budget)
            bound_seconds += time.monotonic() - step_started
            if _DEBUG:
                print("bound", lower, budget, outcome, upper, round(time.monotonic() - started, 1))
            model = solver.get_model
            if outcome is None:
                # The same question to CaDiCaL, which finds the "<= optimum" schedules that
                # Glucose and the repair moves do not (forum-14.prec15: 2 breaks in 19 s,
                # ticf-14crafa.prec15: 0 in 5 s; before, 8-31 and 3-17 after 60 s). Its time
                # is not counted in the repair share, so it takes about a third of the time.
                if target is None:
                    from sache.engine.meetings.target import TargetSolver

                    target = TargetSolver(encoding.clauses, all_breaks, totalizer.top_id)
                outcome = target.solve(lower, target_budget, deadline)
                model = target.model
                if _DEBUG:
                    print(
                        "target",
                        lower,
                        target_budget,
                        outcome,
                        upper,
                        round(time.monotonic() - started, 1),
                    )
                target_budget *= 2
            if outcome is True:
                best = encoding.read_slots(model())
                upper = sum(breaks_per_participant(problem, best).values())
                break
            if outcome is False:
                lower += 1
                if workers:
                    workers[0].tell(lower)
                continue
            # Upper end: repair moves for 1.5 times as long as the Glucose bound steps
            # took so far. A global "<= UB - 1" step was dropped: the moves improve
            # faster (and a global "<= UB - 1" call with 1,000 conflicts and the
            # incumbent as phases succeeded 2 times in 59 on forum-14.prec15).
            best, upper = repair.improve(
                best,
                upper,
                lower,
                min(deadline, time.monotonic() + max(1.0, _REPAIR_SHARE * bound_seconds)),
            )
            budget *= 2
        if target is not None:
            target.close()
        return finish("optimal" if lower >= upper else "feasible", best, lower)


def solve_until(solver, assumptions: list[int], deadline: float, budget: int | None) -> bool | None:
    """SAT call stopped at ``deadline`` (and after ``budget`` conflicts); None when stopped."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        return None
    timer = threading.Timer(remaining, solver.interrupt)
    timer.start()
    try:
        solver.conf_budget(budget if budget is not None else -1)
        outcome = solver.solve_limited(assumptions=assumptions, expect_interrupt=True)
    finally:
        timer.cancel()
    solver.clear_interrupt()
    return outcome
