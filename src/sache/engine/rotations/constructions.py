"""Social golfer schedules from design theory: round robin, affine geometries, truncated affine planes."""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Sequence

from .metrics import Schedule, count_repeated_pairs  # noqa: F401 (the doctests use it)

# ---------------------------------------------------------------------------
# Finite fields and constructions


def _prime_power(q: int) -> tuple[int, int] | None:
    """``(p, k)`` with ``q = p**k`` and ``p`` prime, else ``None``."""
    if q < 2:
        return None
    for p in range(2, q + 1):
        if q % p == 0:
            k = 0
            while q % p == 0:
                q //= p
                k += 1
            return (p, k) if q == 1 else None
    return None


def _poly_mod_is_zero(poly: list[int], divisor: list[int], p: int) -> bool:
    """Whether ``divisor`` (monic) divides ``poly`` over ``GF(p)``; lists are low-to-high."""
    rem = poly[:]
    deg_d = len(divisor) - 1
    for i in range(len(rem) - 1, deg_d - 1, -1):
        coef = rem[i] % p
        if coef:
            for j in range(deg_d + 1):
                rem[i - deg_d + j] = (rem[i - deg_d + j] - coef * divisor[j]) % p
    return all(c % p == 0 for c in rem[:deg_d])


def _irreducible_polynomial(p: int, k: int) -> list[int]:
    """Smallest monic irreducible polynomial of degree ``k`` over ``GF(p)`` (low-to-high)."""
    for code in range(p**k):
        poly = [(code // p**i) % p for i in range(k)] + [1]
        if poly[0] == 0 and k > 1:
            continue
        reducible = False
        for d in range(1, k // 2 + 1):
            for dcode in range(p**d):
                divisor = [(dcode // p**i) % p for i in range(d)] + [1]
                if _poly_mod_is_zero(poly, divisor, p):
                    reducible = True
                    break
            if reducible:
                break
        if not reducible:
            return poly
    raise ValueError(f"no irreducible polynomial of degree {k} over GF({p})")


def _galois_field(q: int) -> tuple[list[list[int]], list[list[int]]]:
    """Addition and multiplication tables of ``GF(q)``; elements are ``0..q-1``.

    An element is the integer whose base-``p`` digits are the coefficients of
    its polynomial residue modulo a fixed irreducible polynomial.
    """
    pk = _prime_power(q)
    if pk is None:
        raise ValueError(f"{q} is not a prime power")
    p, k = pk
    modulus = _irreducible_polynomial(p, k)

    def digits(a: int) -> list[int]:
        return [(a // p**i) % p for i in range(k)]

    def number(ds: Sequence[int]) -> int:
        return sum((d % p) * p**i for i, d in enumerate(ds))

    add = [
        [number([x + y for x, y in zip(digits(a), digits(b), strict=True)]) for b in range(q)]
        for a in range(q)
    ]
    mul = [[0] * q for _ in range(q)]
    for a in range(q):
        da = digits(a)
        for b in range(q):
            db = digits(b)
            prod = [0] * (2 * k - 1)
            for i, x in enumerate(da):
                for j, y in enumerate(db):
                    prod[i + j] += x * y
            for i in range(2 * k - 2, k - 1, -1):
                coef = prod[i] % p
                if coef:
                    for j in range(k + 1):
                        prod[i - k + j] -= coef * modulus[j]
            mul[a][b] = number(prod[:k])
    return add, mul


def round_robin_schedule(groups: int, rounds: int) -> Schedule:
    """Round robin (circle method) for ``2·groups`` players in pairs.

    Parameters
    ----------
    groups : int
        Number of pairs per round; players are ``0..2·groups-1``.
    rounds : int
        At most ``2·groups - 1``.

    Returns
    -------
    list
        ``rounds`` rounds of ``groups`` pairs; no pair repeats.

    Notes
    -----
    Player ``2g-1`` stays put; the others sit on a circle that turns by one
    seat per round, a 1-factorisation of the complete graph ``K_2g``.

    Examples
    --------
    >>> round_robin_schedule(2, 3)
    [[[3, 0], [1, 2]], [[3, 1], [2, 0]], [[3, 2], [0, 1]]]
    """
    n = 2 * groups
    if rounds > n - 1:
        raise ValueError(f"a round robin of {n} players has at most {n - 1} rounds")
    ring = n - 1
    schedule: Schedule = []
    for r in range(rounds):
        round_ = [[n - 1, r % ring]]
        for i in range(1, groups):
            round_.append([(r + i) % ring, (r - i) % ring])
        schedule.append(round_)
    return schedule


def affine_geometry_schedule(q: int, dimension: int, rounds: int) -> Schedule:
    """Parallel classes of lines of the affine geometry ``AG(dimension, q)``.

    Parameters
    ----------
    q : int
        A prime power: the group size.
    dimension : int
        ``n >= 2``; there are ``q**(n-1)`` groups per round.
    rounds : int
        At most ``(q**n - 1) / (q - 1)``, the number of directions.

    Returns
    -------
    list
        One round per direction; players are the ``q**n`` points.

    Notes
    -----
    Two points lie on exactly one line, and the lines with one direction
    partition the space, so no pair meets twice.  ``n = 2`` gives the affine
    plane (``q``-``q``-``(q+1)``), ``q = 3`` a Kirkman triple system of order
    ``3**n``.

    Examples
    --------
    >>> sched = affine_geometry_schedule(3, 2, 4)
    >>> count_repeated_pairs(sched), len(sched), sorted(map(len, sched[0]))
    (0, 4, [3, 3, 3])
    """
    add, mul = _galois_field(q)
    size = q**dimension
    directions = (size - 1) // (q - 1)
    if rounds > directions:
        raise ValueError(f"AG({dimension},{q}) has only {directions} parallel classes")

    def coords(point: int) -> list[int]:
        return [(point // q**i) % q for i in range(dimension)]

    def encode(vec: Sequence[int]) -> int:
        return sum(c * q**i for i, c in enumerate(vec))

    normalised = []
    for point in range(1, size):
        vec = coords(point)
        leading = next(c for c in reversed(vec) if c)
        if leading == 1:
            normalised.append(vec)
    schedule: Schedule = []
    for direction in normalised[:rounds]:
        covered = [False] * size
        round_ = []
        for start in range(size):
            if covered[start]:
                continue
            base = coords(start)
            line = []
            for lam in range(q):
                pt = encode([add[b][mul[lam][d]] for b, d in zip(base, direction, strict=True)])
                covered[pt] = True
                line.append(pt)
            round_.append(sorted(line))
        schedule.append(round_)
    return schedule


def truncated_affine_plane_schedule(q: int, size: int, rounds: int) -> Schedule:
    """``q`` groups of ``size <= q`` players for up to ``q`` rounds.

    Parameters
    ----------
    q : int
        A prime power, the number of groups.
    size : int
        Group size, ``size <= q``.
    rounds : int
        At most ``q``.

    Returns
    -------
    list
        Player ``i·q + y`` is the point ``(x_i, y)``; round ``m`` groups the
        points on the lines ``y = m·x + b`` restricted to ``size`` columns.

    Notes
    -----
    Equivalent to ``size - 2`` mutually orthogonal Latin squares of order
    ``q``; two lines of different slopes cross once, so no pair repeats.

    Examples
    --------
    >>> count_repeated_pairs(truncated_affine_plane_schedule(5, 3, 5))
    0
    """
    if size > q or rounds > q:
        raise ValueError("a truncated affine plane needs size <= q and rounds <= q")
    add, mul = _galois_field(q)
    schedule: Schedule = []
    for slope in range(rounds):
        round_ = []
        for intercept in range(q):
            round_.append([x * q + add[mul[slope][x]][intercept] for x in range(size)])
        schedule.append(round_)
    return schedule


def _gf2_solve(equations: list[tuple[list[int], int]], variables: int) -> list[int] | None:
    """A solution of the linear system ``sum(x[i] for i in lhs) = rhs (mod 2)``, or ``None``.

    Gaussian elimination with rows held as Python integers (bit ``i`` is
    variable ``i``); free variables are set to 0.
    """
    pivots: dict[int, tuple[int, int]] = {}
    for lhs, rhs in equations:
        row = 0
        for i in lhs:
            row ^= 1 << i
        while row:
            top = row.bit_length() - 1
            if top not in pivots:
                pivots[top] = (row, rhs)
                break
            pivot_row, pivot_rhs = pivots[top]
            row ^= pivot_row
            rhs ^= pivot_rhs
        else:
            if rhs:
                return None
    solution = [0] * variables
    for top in sorted(pivots):
        row, value = pivots[top]
        rest = row & ~(1 << top)
        while rest:
            bit = rest.bit_length() - 1
            value ^= solution[bit]
            rest &= ~(1 << bit)
        solution[top] = value
    return solution


def doubled_affine_plane_schedule(
    q: int,
    rounds: int,
    *,
    seed: int = 0,
    restarts: int = 200,
    iterations: int = 3000,
    deadline: float | None = None,
) -> Schedule | None:
    """``2q``-``q``-``(2q+2)`` schedules from two affine planes on ``q²`` couples.

    Parameters
    ----------
    q : int
        A prime power: the group size (``2q`` groups, ``2q²`` players).
    rounds : int
        At most ``2q + 2`` (the counting bound when ``q = 4``: 8-4-10).
    seed : int
        Seed of the search for the second plane.
    restarts, iterations : int
        Budget of that search (restarts of a hill climb with ``iterations``
        swaps each); the result depends on the seed only.
    deadline : float, optional
        ``time.monotonic()`` value after which no new restart begins.

    Returns
    -------
    list or None
        ``rounds`` rounds of ``2q`` groups of ``q``; player ``2c + i`` is
        member ``i`` of couple ``c``.  ``None`` when the budget runs out.

    Notes
    -----
    Players come in ``q²`` couples ``{2c, 2c+1}`` that never meet (for
    ``q = 4`` this is a resolvable 4-GDD of type ``2^16``).  The couples are
    the points of two affine planes of order ``q``: ``Π₁ = AG(2, q)`` and
    ``Π₂ = π(Π₁)`` for a permutation ``π``; together their ``2(q+1)``
    parallel classes form a resolvable 2-``(q², q, 2)`` design, so every two
    couples lie on one line of each plane.  A line ``L`` with a *sign*
    ``ε_L: L → {0, 1}`` gives two groups, ``{2c + ε_L(c)}`` and
    ``{2c + 1 - ε_L(c)}``, so a parallel class gives a round.  The two groups
    of ``L`` seat the players ``2c + i, 2d + j`` of couples ``c, d ∈ L``
    together exactly when ``i + j ≡ ε_L(c) + ε_L(d) (mod 2)``: two of the four
    pairs.  Hence no pair meets twice and every pair of different couples
    meets once iff for every two couples, on lines ``L₁ ∈ Π₁`` and
    ``L₂ ∈ Π₂``, ``ε_{L₁}(c) + ε_{L₁}(d) + ε_{L₂}(c) + ε_{L₂}(d) = 1``: a linear
    system over GF(2), solved by elimination.  Three couples collinear in
    both planes make it inconsistent (the three equations add up to
    ``0 = 1``), so ``π`` is first chosen by hill climbing until every line
    of ``Π₂`` is an arc of ``Π₁`` (no three points collinear), then the
    system is solved; the arc condition is necessary, not sufficient, and a
    failing ``π`` is replaced.  The affine 2-flats of ``AG(5, 2)`` give only
    9 rounds of 8-4 (a partial line spread of ``PG(4, 2)`` has at most 9
    lines); this doubling reaches the counting bound 10 in well under a
    second.

    Examples
    --------
    >>> sched = doubled_affine_plane_schedule(4, 10)
    >>> len(sched), sorted(map(len, sched[0])), count_repeated_pairs(sched)
    (10, [4, 4, 4, 4, 4, 4, 4, 4], 0)
    """
    if not _prime_power(q) or not 0 <= rounds <= 2 * q + 2:
        return None
    plane = affine_geometry_schedule(q, 2, q + 1)
    points = q * q
    line_of: dict[tuple[int, int], int] = {}
    lines = [line for class_ in plane for line in class_]
    for index, line in enumerate(lines):
        for a, b in itertools.combinations(line, 2):
            line_of[(a, b)] = index

    def collinear_triples(perm: list[int]) -> int:
        count = 0
        for line in lines:
            image = sorted(perm[p] for p in line)
            for a, b, c in itertools.combinations(image, 3):
                if line_of[(a, b)] == line_of[(a, c)]:
                    count += 1
        return count

    rng = random.Random(seed)
    for _ in range(restarts):
        if deadline is not None and time.monotonic() > deadline:
            return None
        perm = list(range(points))
        rng.shuffle(perm)
        cost = collinear_triples(perm)
        for _ in range(iterations):
            if cost == 0:
                break
            i, j = rng.sample(range(points), 2)
            perm[i], perm[j] = perm[j], perm[i]
            moved = collinear_triples(perm)
            # Sideways moves and rare uphill ones keep the climb off plateaus.
            if moved <= cost or rng.random() < 0.01:
                cost = moved
            else:
                perm[i], perm[j] = perm[j], perm[i]
        if cost:
            continue
        classes = plane + [[sorted(perm[p] for p in line) for line in class_] for class_ in plane]
        blocks = [line for class_ in classes for line in class_]
        sign_var_list: list[tuple[int, int]] = []
        sign_var: dict[tuple[int, int], int] = {}
        for b, line in enumerate(blocks):
            for c in line:
                sign_var[(b, c)] = len(sign_var_list)
                sign_var_list.append((b, c))
        through: dict[tuple[int, int], list[int]] = {}
        for b, line in enumerate(blocks):
            for c, d in itertools.combinations(line, 2):
                through.setdefault((c, d), []).append(b)
        equations = [
            ([sign_var[(b, c)] for b in pair_lines] + [sign_var[(b, d)] for b in pair_lines], 1)
            for (c, d), pair_lines in through.items()
        ]
        signs = _gf2_solve(equations, len(sign_var_list))
        if signs is None:
            continue
        schedule: Schedule = []
        for class_index, class_ in enumerate(classes[:rounds]):
            round_: list[list[int]] = []
            for offset, line in enumerate(class_):
                b = class_index * q + offset
                round_.append(sorted(2 * c + signs[sign_var[(b, c)]] for c in line))
                round_.append(sorted(2 * c + 1 - signs[sign_var[(b, c)]] for c in line))
            schedule.append(round_)
        return schedule
    return None
