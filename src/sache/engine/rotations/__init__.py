"""World Café rotation planning: the social golfer problem and its workshop variant.

Problem
-------
*Social golfer* (CSPLib prob010, W. Harvey): ``v = g·s`` players play ``w``
rounds; in every round they are split into ``g`` groups (tables) of ``s``
players.  Constraint: no two players share a group in more than one round.
Objective: for given ``g, s, w`` find such a schedule, or when none is found
one with as few *repeated pairs* as possible (a pair sharing a table ``k > 1``
times counts ``k - 1`` repeats).  Counting bound: ``w <= (v - 1) // (s - 1)``
because every round a player meets ``s - 1`` new people.

*Workshop* (World Café): tables have a thematic area, a capacity (tables may
differ) and an optional host who stays at the table in every round.
Participants have a sector and optional preferred areas.  For ``R`` rounds the
planner seats every participant once per round without exceeding capacities
and minimises, in this order of weight, (a) repeated pairs, (b) repeated
visits to the same area, (c) tables with fewer than 3 sectors (or fewer than
the table's size or the workshop's number of sectors), (d) uneven sector mix
at a table (sum over tables and rounds of the squared sector counts, which is
smallest for an even spread) and (e) preferred areas left unvisited.

Method
------
1. **Constructions from design theory**, exact and instant where they apply:
   round robin (1-factorisation of ``K_2g``) for ``s = 2``; lines of the affine
   geometry ``AG(n, q)`` over ``GF(q)`` (``q`` a prime power) grouped by
   direction, ``g = q^(n-1)``, ``s = q``, ``w <= (q^n - 1)/(q - 1)`` (affine
   planes, Kirkman triple systems of order ``3^n``); truncated affine planes
   for ``g = q`` prime power, ``s <= q``, ``w <= q``; and *doubled affine
   planes* for ``g = 2q``, ``w <= 2q + 2`` (8-4-10, 6-3-8): players are
   ``q²`` couples on the points of two affine planes of order ``q`` whose
   lines meet in at most two points, each line splits into two groups by a
   0/1 sign per couple, and the signs solve a linear system over GF(2) that
   makes every two couples' four cross pairs meet exactly once
   (:func:`.constructions.doubled_affine_plane_schedule`).
2. **Symmetric search** (the classic difference method for resolvable
   designs): players are ``Z_n × {0..m-1}`` plus ``f`` fixed points,
   ``n·t = w``.  Only ``t`` base rounds are searched; every round is a base
   round shifted by an element of ``Z_n``.  Two players ``(x, c), (y, d)``
   meet in the developed schedule once per base pair with the same
   *difference* ``(c, d, y - x)``, so the ``v(v-1)/2`` pair constraints shrink
   to one constraint per difference class and the search space to ``t``
   rounds.  More generally the schedule is the image of the base rounds
   under the powers of a permutation ``σ`` of the players; pairs are
   grouped into their orbits under ``σ``.  For complete designs
   (``g·s - 1 = w·(s - 1)``) a 1-rotational variant on ``Z_n ∪ {∞}`` with a
   base round fixed by ``+w`` is tried as well.  This finds Kirkman and
   nearly Kirkman triple systems and resolvable 4- and 5-designs such as
   6-4-7, 7-4-9 and 6-5-6 in seconds.
3. **Tabu search** on swaps of conflicting players (Dotú & Van Hentenryck),
   used for the base rounds of step 2 and, with the trivial group, for any
   instance; it minimises repeats when zero is out of reach.

Workshops that are golfer instances in disguise are first seated exactly
(:mod:`.seeding`): without hosts, by routes through distinct areas (for 60
people and 5 areas the even permutations of the areas) and a SAT model that
splits each area-round between the area's tables with no pair meeting twice
and at least three sectors per table; with hosts, from a golfer schedule
whose hosts are the players of one block of a spare round.  Otherwise the
workshop planner starts from routes given by random Latin squares (each
block of ``A`` participants visits every area once, one per area per round),
anneals with moves that keep those routes (swaps within an area, exchanges
of two people's tables in two rounds whose areas they swap, moves to a free
seat), then runs a tabu repair on the people still in a conflict, in the
spirit of step 3.  Hosts never move.  When the first run leaves a repeat or
a revisit a second, unrestricted run is made and the cheaper plan is kept.

Complexity: constructions are ``O(w·v)``; one tabu iteration evaluates
``O(c·v·s)`` swaps (``c`` conflicting players), each in ``O(s)``.

Package layout
--------------
``metrics`` (repeated pairs, counting bound), ``constructions`` (design
theory), ``search`` (tabu and symmetric searches), ``golfer`` (the social
golfer entry point), ``seeding`` (exact workshop seatings from routes and
golfer schedules), ``workshop`` (the World Café planner) and ``cli``
(``python -m sache.engine.rotations``).

References
----------
.. [1] W. Harvey, "Problem 010: Social Golfers Problem", CSPLib.
.. [2] I. Dotú, P. Van Hentenryck, "Scheduling social golfers locally",
   CPAIOR 2005, LNCS 3524, 155-167.
.. [3] M. Triska, N. Musliu, "An effective greedy heuristic for the social
   golfer problem", Annals of Operations Research 194 (2012) 413-425.
.. [4] D. K. Ray-Chaudhuri, R. M. Wilson, "Solution of Kirkman's schoolgirl
   problem", Proc. Symp. Pure Math. 19 (1971) 187-203.
.. [5] C. J. Colbourn, J. H. Dinitz (eds.), Handbook of Combinatorial Designs,
   2nd ed., CRC 2007 (resolvable designs, difference families, 1-rotational
   designs, affine geometries).
.. [6] M. Buratti, "1-rotational Steiner triple systems over arbitrary
   groups", J. Combin. Designs 9 (2001) 215-226.
"""

from __future__ import annotations

from .cli import main
from .constructions import (
    affine_geometry_schedule,
    round_robin_schedule,
    truncated_affine_plane_schedule,
)
from .golfer import GolferSchedule, social_golfer_schedule
from .metrics import Schedule, count_repeated_pairs, counting_bound
from .search import (
    cyclic_search_schedule,
    tabu_golfer_schedule,
)
from .workshop import (
    Participant,
    RotationPlan,
    Table,
    Workshop,
    WorkshopError,
    plan_rotations,
    workshop_from_dict,
)

__all__ = [
    "GolferSchedule",
    "Participant",
    "RotationPlan",
    "Schedule",
    "Table",
    "Workshop",
    "WorkshopError",
    "affine_geometry_schedule",
    "counting_bound",
    "count_repeated_pairs",
    "cyclic_search_schedule",
    "main",
    "plan_rotations",
    "round_robin_schedule",
    "social_golfer_schedule",
    "tabu_golfer_schedule",
    "truncated_affine_plane_schedule",
    "workshop_from_dict",
]
