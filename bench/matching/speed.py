"""Speed and memory of the matching index at 100,000 synthetic organisations.

``python bench/matching/speed.py [--orgs 100000] [--queries 200] [--encoder e5] [--threads 2]``

Synthetic organisations are drawn with a fixed seed: kind, NUTS region,
coordinates, sectors, competences, working languages and a profile of three
sentences made from templates in eight languages (so the vector cache
deduplicates repeated sentences, as it does for real profiles that share
project descriptions). Queries are short needs, each a new text, so every
query pays its own encoding. Reports: encoding texts/s, time to index,
re-index time with a warm cache (no encoding), index memory, query latency
p50/p90 for top 10 with explanations, and the delay until a changed profile
is searchable (``MatchingIndex.add`` of one organisation).
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
    args = parser.parse_args()

    orgs = synthetic_orgs(args.orgs, args.seed)
    projects_rng = random.Random(args.seed + 1)
    encoder = CachedEncoder(load_encoder(args.encoder, num_threads=args.threads), VectorCache())
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
    # The two-stage ranking (the default) and the old one-stage path
    # (``exact=True``: every feature for every row), interleaved so that both
    # see the same load; each query is a new text, so each pays its encoding.
    latencies: dict[str, list[float]] = {"two-stage": [], "one-stage (old)": []}
    encoding: list[float] = []
    agreement = []
    for i in range(args.queries):
        language = rng.choice(list(SUBJECTS))
        base = sentence(rng, language)
        asker = f"org{rng.randrange(args.orgs)}" if i % 2 else None
        for path, exact in (("two-stage", False), ("one-stage (old)", True)):
            query = MatchQuery(
                f"q{i}", texts=(LocalizedText(f"{base} ({i}, {path})", language),), org_id=asker
            )
            seconds = encoder.encoding_seconds
            started = time.perf_counter()
            index.rank(query, top=10, explain=True, exact=exact)
            latencies[path].append(1000 * (time.perf_counter() - started))
            if not exact:
                encoding.append(1000 * (encoder.encoding_seconds - seconds))
        if i < 50:
            # Same query (vector now cached) through both paths: do they agree?
            fast = {r.org_id for r in index.rank(query, top=10, explain=False)}
            slow = {r.org_id for r in index.rank(query, top=10, explain=False, exact=True)}
            agreement.append(len(fast & slow) / max(len(slow), 1))
    for path, values in latencies.items():
        values.sort()
        print(
            f"top-10 query with encoding and explanations, {path}: p50 {statistics.median(values):.1f} ms, p90 {values[int(0.9 * len(values))]:.1f} ms"
        )
    print(
        f"of which query encoding: p50 {statistics.median(encoding):.1f} ms; top-10 agreement of the two paths: {statistics.mean(agreement):.3f}"
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
