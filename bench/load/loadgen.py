"""Simulated event participants over HTTP: browse agendas, send meeting requests.

Each participant is logged in (a session from ``hub.py seed``) and loops until the end of
the run: wait a think time, then open its agenda (40 %), the participant list (30 %) or
its meetings (15 %), or request a meeting with a random other participant (15 %). One
request in ten is sent twice at once, as a double click or a retry after a timeout
would send it: the pair rule must turn the second one away.

The requests carry ``X-Forwarded-Proto: https`` like those of the reverse proxy in
production, so the production settings (HTTPS redirect, secure cookies, CSRF origin
check) apply unchanged.

A response counts as an error when it is not the expected one: a page other than 200,
a meeting request other than 302 to the meeting list (acknowledged) or 200 (refused by
a rule, form shown again), a time-out or a dropped connection.
"""

from __future__ import annotations

import asyncio
import random
import secrets
import string
import time
from dataclasses import dataclass, field
from typing import Any

import httpx

WEIGHTS = {"agenda": 40, "participants": 30, "meetings": 15, "request": 15}


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    acknowledged: int = 0
    refused: int = 0
    double_sends: int = 0
    started: float = field(default_factory=time.monotonic)
    slowest: list[tuple[float, str, float]] = field(default_factory=list)

    def add(self, kind: str, seconds: float) -> None:
        self.latencies.setdefault(kind, []).append(seconds)
        # Kept to see *when* the slow responses happened (a fault, a warm-up, a lock).
        self.slowest = sorted([*self.slowest, (round(1000 * seconds, 1), kind, round(time.monotonic() - self.started, 1))],
                              reverse=True)[:10]

    def summary(self) -> dict[str, Any]:
        every = sorted(s for values in self.latencies.values() for s in values)
        by_kind = {kind: _percentiles(sorted(values)) for kind, values in sorted(self.latencies.items())}
        return {
            "requests": len(every), "errors": len(self.errors), "error_samples": self.errors[:10],
            "acknowledged_meeting_requests": self.acknowledged, "refused_meeting_requests": self.refused,
            "double_sends": self.double_sends, "all": _percentiles(every), "by_kind": by_kind,
            "slowest_ms_kind_at_s": self.slowest,
        }


def _percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {"n": 0}

    def at(q: float) -> float:
        return round(1000 * values[min(len(values) - 1, int(q * len(values)))], 1)

    return {"n": len(values), "p50_ms": at(0.50), "p95_ms": at(0.95), "p99_ms": at(0.99), "max_ms": round(1000 * values[-1], 1)}


class Participant:
    def __init__(self, client: httpx.AsyncClient, base: str, event: str, me: dict[str, Any], others: list[int],
                 stats: Stats, rng: random.Random, *, behind_https_proxy: bool = True, double_sends: float = 0.1) -> None:
        self.double_send_rate = double_sends
        self.client, self.event, self.me, self.others, self.stats, self.rng = client, event, me, others, stats, rng
        csrf = "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(32))
        scheme = "https" if behind_https_proxy else base.split("://", 1)[0]
        origin = f"{scheme}://" + base.split("://", 1)[1].rstrip("/")
        self.headers = {
            "Cookie": f"sessionid={me['session']}; csrftoken={csrf}",
            "X-CSRFToken": csrf, "Origin": origin, "Referer": f"{origin}/events/{event}/",
            "Accept-Language": rng.choice(["pl", "en"]),
        }
        if behind_https_proxy:
            self.headers["X-Forwarded-Proto"] = "https"

    async def _send(self, kind: str, method: str, url: str, **extra: Any) -> httpx.Response | None:
        started = time.perf_counter()
        try:
            response = await self.client.request(method, url, headers=self.headers, **extra)
        except httpx.HTTPError as error:
            self.stats.errors.append(f"{kind}: {error!r}")
            return None
        self.stats.add(kind, time.perf_counter() - started)
        return response

    async def page(self, kind: str, path: str) -> None:
        response = await self._send(kind, "GET", path)
        if response is not None and response.status_code != 200:
            self.stats.errors.append(f"{kind} {path}: {response.status_code}")

    async def request_meeting(self) -> None:
        recipient = self.rng.choice(self.others)
        url = f"/events/{self.event}/meetings/request/{recipient}/"
        data = {"message": "Porozmawiajmy o przewodniku AR.", "priority": "2", "session": "any"}
        copies = 2 if self.rng.random() < self.double_send_rate else 1
        self.stats.double_sends += copies - 1
        for response in await asyncio.gather(*(self._send("request", "POST", url, data=data) for _ in range(copies))):
            if response is None:
                continue
            if response.status_code == 302 and response.headers.get("location", "").endswith(f"/events/{self.event}/meetings/"):
                self.stats.acknowledged += 1
            elif response.status_code == 200:
                self.stats.refused += 1
            else:
                self.stats.errors.append(f"request {url}: {response.status_code}")

    async def run(self, deadline: float, think: tuple[float, float], *, send_requests: bool = True) -> None:
        await asyncio.sleep(self.rng.uniform(0, think[1]))  # participants arrive over the first seconds
        kinds, weights = zip(*(item for item in WEIGHTS.items() if send_requests or item[0] != "request"), strict=True)
        while time.monotonic() < deadline:
            kind = self.rng.choices(kinds, weights)[0]
            if kind == "request":
                await self.request_meeting()
            else:
                path = {"agenda": "agenda/", "participants": "participants/", "meetings": "meetings/"}[kind]
                await self.page(kind, f"/events/{self.event}/{path}")
            await asyncio.sleep(self.rng.uniform(*think))


async def run_load(base: str, seeded: dict[str, Any], *, duration: float, think: tuple[float, float] = (1.0, 2.0),
                   seed: int = 1, on_tick: Any = None, send_requests: bool = True,
                   behind_https_proxy: bool = True, double_sends: float = 0.1) -> Stats:
    """Run every seeded participant against ``base`` for ``duration`` seconds."""
    stats = Stats()
    rng = random.Random(seed)
    registrations = [user["registration"] for user in seeded["users"]]
    limits = httpx.Limits(max_connections=len(registrations) + 10, max_keepalive_connections=len(registrations) + 10)
    async with httpx.AsyncClient(base_url=base, timeout=30.0, limits=limits, follow_redirects=False) as client:
        deadline = time.monotonic() + duration
        participants = [
            Participant(client, base, seeded["event"], user, [r for r in registrations if r != user["registration"]],
                        stats, random.Random(rng.random()), behind_https_proxy=behind_https_proxy,
                        double_sends=double_sends)
            for user in seeded["users"]
        ]
        tasks = [asyncio.create_task(p.run(deadline, think, send_requests=send_requests)) for p in participants]
        if on_tick is not None:
            tasks.append(asyncio.create_task(on_tick(deadline)))
        await asyncio.gather(*tasks)
    return stats


def new_secret_key() -> str:
    return secrets.token_urlsafe(60)
