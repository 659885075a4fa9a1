"""Feature tensors of the train projects as leak-free pseudo-queries (issue #4).

``python bench/matching/pseudo_queries.py [DATA_DIR] --cache VECTORS.npz --out FILE.npz
[--limit N] [--seed S]``

Each of the 826 earlier projects (``train_projects.jsonl``) becomes a query:
its text is the project's paragraph in its members' profiles (profiles are
the members' earlier projects' titles and objectives, blank-line separated,
so the paragraph that starts with the project's title is that project's title
and objective, the same shape as a dev query's ``text``), its tags are its
topics, its members are the labels. Before the features are computed the
project is taken out of everything the index knows:

- the paragraph is removed from every member's profile (profile vector,
  BM25 document and statistics, paragraph units are recomputed exactly: the
  members are re-added to the index with the shortened profile; all other
  sentences come from the vector cache);
- the member's track record is lowered by one and the project's topics are
  removed from its tags unless another of its projects has them;
- the project's collaboration edges are subtracted from the graph.

Members left without any earlier project are removed from the labels and the
candidates (in the dev split every candidate has earlier work); projects
whose paragraph cannot be found in every member's profile, or with fewer than
two labels left, are skipped. Other projects, also those that started later,
stay in the index: the labels of the pseudo-query are not in it, but its
"history" is not strictly earlier, unlike the dev split's.

The index is restored after each pseudo-query. Only the features with a
fitted weight are computed (lexical, dense, track_record, text_partners and
the kind priors). The dev ``relevant`` lists are not read here.
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sache.engine.matching.cli import build_index, read_jsonl  # noqa: E402
from sache.engine.matching.records import LocalizedText, MatchQuery  # noqa: E402
from sache.engine.matching.text import guess_language  # noqa: E402

PARAGRAPH = re.compile(r"\n\s*\n")
NAMES = ["lexical", "dense", "track_record", "text_partners"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "data_dir", nargs="?", default=str(ROOT.parent / "shared" / "data" / "matching")
    )
    parser.add_argument("--encoder", default="auto")
    parser.add_argument("--cache", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--limit", type=int, default=0, help="at most this many pseudo-queries")
    parser.add_argument("--seed", type=int, default=0, help="order in which projects are taken")
    args = parser.parse_args()
    data = Path(args.data_dir)
    started = time.perf_counter()
    orgs = {str(r["id"]): r for r in read_jsonl(data / "orgs.jsonl")}
    projects = list(read_jsonl(data / "train_projects.jsonl"))
    index = build_index(orgs.values(), projects, encoder=args.encoder, cache=args.cache, threads=1)
    print(f"indexed in {time.perf_counter() - started:.0f} s", flush=True)
    topics_of: dict[str, Counter[str]] = {}
    for project in projects:
        for org_id in project["orgs"]:
            topics_of.setdefault(str(org_id), Counter()).update(set(project.get("topics", ())))

    ids = index.row_ids()
    capacity = len(ids)
    alive = np.array([i is not None for i in ids])
    kinds = sorted(f"kind:{k}" for k in index._kinds if k)
    names = NAMES + kinds
    needed = set(names)
    order = np.random.default_rng(args.seed).permutation(len(projects))
    tensors, labels, masks, kept = [], [], [], []

    def save() -> None:
        """Write what is done so far: a long run that stops keeps its pseudo-queries."""
        if index.encoder is not None:
            index.encoder.cache.save()
        np.savez(
            args.out,
            X=np.stack(tensors).astype(np.float32),
            y=np.stack(labels),
            mask=np.stack(masks),
            names=np.array(names),
            ids=np.array(kept),
        )
    skipped = Counter()
    for position in order:
        if args.limit and len(kept) >= args.limit:
            break
        project = projects[position]
        members = [str(o) for o in project["orgs"] if str(o) in orgs]
        title = project["title"].strip()
        paragraphs: dict[str, list[str]] = {}
        text = None
        for org_id in members:
            parts = [p.strip() for p in PARAGRAPH.split(orgs[org_id]["profile"] or "") if p.strip()]
            hits = [i for i, p in enumerate(parts) if p.startswith(title)]
            if len(hits) != 1:
                break
            text = text or parts[hits[0]]
            paragraphs[org_id] = parts[: hits[0]] + parts[hits[0] + 1 :]
        if len(paragraphs) != len(members) or text is None:
            skipped["paragraph not found"] += 1
            continue
        emptied = {o for o, rest in paragraphs.items() if not rest}
        wanted = set(members) - emptied
        if len(wanted) < 2:
            skipped["fewer than two labels"] += 1
            continue
        # Take the project out of the index.
        originals = [index.record(o) for o in members]
        shortened = []
        for record in originals:
            rest = "\n\n".join(paragraphs[record.id])
            topics = topics_of.get(record.id, Counter()).copy()
            topics.subtract(set(project.get("topics", ())))
            language = record.texts[0].language if record.texts else "en"
            shortened.append(
                dataclasses.replace(
                    record,
                    texts=(LocalizedText(rest, language),) if rest else (),
                    track_record=max(record.track_record - 1, 0),
                    tags=tuple(sorted(t for t, n in topics.items() if n > 0)),
                )
            )
        index.add_many(shortened)
        graph_members = sorted({str(o) for o in project["orgs"]})
        for a in graph_members:
            partners = index._partners.get(a)
            for b in graph_members:
                if b != a and partners is not None:
                    partners[b] -= 1
                    if partners[b] <= 0:
                        del partners[b]
        index._walk_matrix = None
        query = MatchQuery(
            id=str(project["id"]),
            texts=(LocalizedText(text, guess_language(text)),),
            tags=tuple(project.get("topics", ())),
        )
        rows = np.arange(capacity)
        with index._lock:
            features = index._features(query, index._text_stage(query, rows), needed)
        tensors.append(
            np.stack([features.get(n, np.zeros(capacity, np.float32)) for n in names], axis=1)
        )
        labels.append(np.array([i in wanted for i in ids]))
        masks.append(alive & np.array([i not in emptied for i in ids]))
        kept.append(project["id"])
        # Put it back.
        index.add_many(originals)
        index.add_collaboration(graph_members)
        if len(kept) % 100 == 0:
            print(f"{len(kept)} pseudo-queries, {time.perf_counter() - started:.0f} s", flush=True)
            save()
    save()
    print(
        f"{len(kept)} pseudo-queries kept, skipped {dict(skipped)}; {time.perf_counter() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
