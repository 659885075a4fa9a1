"""Social golfer schedules from design theory: round robin, affine geometries, truncated affine planes."""

from __future__ import annotations

from collections.abc import Sequence

from .metrics import Schedule

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
