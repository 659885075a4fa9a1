"""Load and fault benchmark: gunicorn + production settings + PostgreSQL or SQLite, on loopback.

    python bench/load/run.py --db postgres --users 200 --duration 120
    python bench/load/run.py --db sqlite --users 50 --duration 120

Creates a fresh database (``createdb`` on 127.0.0.1 for PostgreSQL, a file for SQLite),
migrates, collects static files, seeds the event (``hub.py seed``), starts gunicorn with
``sache.config.settings.production`` and a task worker (``sache worker``), and runs the
simulated participants (``loadgen.py``). Half-way through it kills the worker with
SIGKILL (mid-job: the seeded jobs keep it busy) and starts a new one. After the run it
stops the worker, drains the queue with ``sache worker --batch`` and checks the database
(``hub.py check``). Prints one JSON document; exits 1 when a target is missed.

Targets: zero errors; p95 <= 300 ms; meeting requests in the database == requests
acknowledged, no pair with two live meetings; every task finished successfully once;
every queued job recorded exactly once; no "database is locked" in the server's log.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from bench.load.loadgen import new_secret_key, run_load  # noqa: E402

BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _environment(args: argparse.Namespace, workdir: Path, database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "DJANGO_SETTINGS_MODULE": "sache.config.settings.production",
        "SECRET_KEY": new_secret_key(),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "TASKS_BACKEND": "database",
        "EMAIL_URL": "dummy://",  # notices are queued and sent by the worker, to nowhere
        "SACHE_VAR_DIR": str(workdir / "var"),
        "STATIC_ROOT": str(workdir / "static"),
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]),  # the worker imports bench.load.jobs
    })
    return env


def _run(command: list[str], env: dict[str, str]) -> str:
    return subprocess.run(command, env=env, check=True, capture_output=True, text=True, cwd=ROOT).stdout


def _start_worker(env: dict[str, str], log: Path) -> subprocess.Popen:
    return subprocess.Popen([str(BIN / "sache"), "worker", "--interval", "0.2"], env=env, cwd=ROOT,
                            stdout=log.open("a"), stderr=subprocess.STDOUT)


def main() -> None:  # noqa: PLR0915 - one linear script
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--duration", type=float, default=120.0)
    parser.add_argument("--jobs", type=int, default=200, help="queued jobs the worker is busy with when it is killed")
    parser.add_argument("--job-ms", type=int, default=500, help="time each job takes (jobs x job-ms > duration / 2)")
    parser.add_argument("--gunicorn-workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--think", type=float, nargs=2, default=(1.0, 2.0), metavar=("MIN", "MAX"))
    parser.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--no-kill", action="store_true", help="leave the worker alone (baseline for the fault)")
    parser.add_argument("--keep", action="store_true", help="keep the database and the work folder")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="sache-load-"))
    (workdir / "var").mkdir()
    dbname = f"sache_load_{os.getpid()}"
    if args.db == "postgres":
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", dbname], check=True)
        database_url = f"{args.pg}/{dbname}"
    else:
        database_url = f"sqlite:///{workdir / 'var' / 'load.sqlite3'}"
    env = _environment(args, workdir, database_url)
    server = worker = None
    try:
        _run([str(BIN / "sache"), "migrate", "--noinput"], env)
        _run([str(BIN / "sache"), "collectstatic", "--noinput"], env)
        seed_file = workdir / "seed.json"
        _run([sys.executable, str(HERE / "hub.py"), "seed", "--users", str(args.users), "--out", str(seed_file)], env)
        # New organisations queue a refresh of their matching profiles; done before the clock
        # starts, or every server process would rebuild its matching index during the run.
        _run([str(BIN / "sache"), "worker", "--batch", "--interval", "0.1"], env)
        _run([sys.executable, str(HERE / "hub.py"), "enqueue", "--jobs", str(args.jobs), "--job-ms", str(args.job_ms),
              "--seed", str(seed_file)], env)
        seeded = json.loads(seed_file.read_text())

        port = _free_port()
        server_log = workdir / "gunicorn.log"
        server = subprocess.Popen(
            [str(BIN / "gunicorn"), "sache.config.wsgi:application", "--config", str(HERE / "gunicorn.conf.py"),
             "--bind", f"127.0.0.1:{port}",
             "--workers", str(args.gunicorn_workers), "--worker-class", "gthread", "--threads", str(args.threads),
             "--timeout", "60", "--error-logfile", str(server_log), "--log-level", "warning"],
            env=env, cwd=ROOT, stdout=server_log.open("a"), stderr=subprocess.STDOUT)
        worker_log = workdir / "worker.log"
        worker = _start_worker(env, worker_log)
        base = f"http://127.0.0.1:{port}"
        for _ in range(120):  # wait for gunicorn to answer
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.5)

        # Warm-up, not measured: every gunicorn process imports its views, fills its caches
        # and opens its database connections before the clock starts.
        # Twenty participants are enough to reach every process without piling up a backlog.
        asyncio.run(run_load(base, {**seeded, "users": seeded["users"][:20]}, duration=min(15.0, args.duration / 4),
                             think=(0.5, 1.0), seed=99, send_requests=False))

        # Baseline in the same run: one participant alone for 15 s, same server, same machine.
        baseline = asyncio.run(run_load(base, {**seeded, "users": seeded["users"][:1]}, duration=15.0, think=tuple(args.think),
                                        seed=7, send_requests=False)).summary()

        faults: dict[str, float] = {}

        async def kill_and_restart_worker(deadline: float) -> None:
            nonlocal worker
            await asyncio.sleep(max(0.0, (deadline - time.monotonic()) / 2))
            worker.send_signal(signal.SIGKILL)
            worker.wait()
            faults["worker_killed_at_s"] = round(args.duration / 2, 1)
            await asyncio.sleep(2)
            worker = _start_worker(env, worker_log)

        load_average_before = os.getloadavg()
        started = time.monotonic()
        stats = asyncio.run(run_load(base, seeded, duration=args.duration, think=tuple(args.think),
                                     on_tick=None if args.no_kill else kill_and_restart_worker))
        elapsed = time.monotonic() - started
        load_average_after = os.getloadavg()

        worker.send_signal(signal.SIGTERM)  # finishes its current task, then exits
        worker.wait(timeout=120)
        worker = None
        _run([str(BIN / "sache"), "worker", "--batch", "--interval", "0.1"], env)  # drain what is left
        database = json.loads(_run([sys.executable, str(HERE / "hub.py"), "check", "--seed", str(seed_file)], env))
        locked = sum(line.count("database is locked") for line in server_log.read_text().splitlines())
        locked += sum(line.count("database is locked") for line in worker_log.read_text().splitlines())

        summary = stats.summary()
        tasks_total = sum(sum(counts.values()) for counts in database["tasks"].values())
        tasks_ok = sum(counts.get("SUCCESSFUL", 0) for counts in database["tasks"].values())
        checks = {
            "zero errors": summary["errors"] == 0,
            "p95 <= 300 ms": summary["all"].get("p95_ms", 1e9) <= 300,
            "meeting requests stored == acknowledged": database["meetings"] == summary["acknowledged_meeting_requests"],
            "no pair with two live meetings": database["pairs_with_two_live_meetings"] == 0,
            "every task finished successfully": tasks_ok == tasks_total,
            "every job recorded exactly once": database["job_rows"] == database["job_distinct_keys"] == database["jobs_queued"],
            'no "database is locked"': locked == 0,
        }
        report = {
            "db": args.db, "users": args.users, "duration_s": round(elapsed, 1), "think_s": list(args.think),
            "gunicorn": {"workers": args.gunicorn_workers, "threads": args.threads, "worker_class": "gthread"},
            "load_average_before": [round(x, 2) for x in load_average_before],
            "load_average_after": [round(x, 2) for x in load_average_after],
            "baseline_one_participant": baseline["all"], "http": summary, "database": database, "faults": faults, "database_is_locked": locked,
            "checks": checks, "passed": all(checks.values()),
        }
        print(json.dumps(report, indent=2))  # noqa: T201
        sys.exit(0 if report["passed"] else 1)
    finally:
        for process in (worker, server):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
        if args.db == "postgres" and not args.keep:
            subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", dbname], check=False)
        if not args.keep:
            subprocess.run(["rm", "-rf", str(workdir)], check=False)
        else:
            print(f"kept {workdir}", file=sys.stderr)  # noqa: T201


if __name__ == "__main__":
    main()
