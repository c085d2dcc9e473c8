"""Can a ranker learned from click logs lift For You past the hand-set weights? (research)

Run: .venv/bin/pip install -e '.[research]' && .venv/bin/python bench/foryou_learned.py

Builds 27 label-free features per (impression, candidate) — category and subcategory shares of
the history, USE sentence-embedding similarities (centroid, nearest, soft-max over the
history, top-3, each raw and centred on the pool mean), TF-IDF, clicks and click-through before
the impression, history length, the candidate's category, within-impression z-scores and the
candidate's centrality among the other candidates — and fits a LightGBM LambdaRank model three
ways, each scored on the dev samples by the MIND protocol:

1. ``train-log``: fitted on the MIND train sample (9-14 Nov, before every dev impression),
   candidates and history limited to articles with text. This is what a newsroom could do
   with its own logs, and the only one of the three that may be reported as Warta's score.
2. ``histories``: fitted on pseudo-impressions made from reading histories alone (one held-out
   read against 20 reads of other readers), no impression labels at all.
3. ``dev-cv``: five-fold cross-validation on the dev samples, folds by reader. No impression
   is scored by a model that saw its labels, but the model learns from other readers' clicks
   on the same day, which no "clicks before the impression" rule allows: an upper bound, not
   a result.

MIND is non-commercial research data: read in place, nothing stored, no model kept.
"""

from __future__ import annotations

import argparse
import bisect
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from warta.cli.foryou import _cache_dir, cached_use_embedder
from warta.engines.foryou.index import article_text
from warta.engines.foryou.metrics import auc
from warta.engines.foryou.mind import Impression, load_articles, load_impressions

try:
    import lightgbm
    from sklearn.feature_extraction.text import TfidfVectorizer
except ImportError:  # pragma: no cover - research extra
    sys.exit("Install the research extra first: .venv/bin/pip install -e '.[research]'")

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
TRAIN = DATA / "mind-small-train-sample5k"
DEV = DATA / "mind-small-dev-samples"
SUBSETS = ("random1000_titles", "random100_titles", "recprompt_full", "recprompt_subsampled")
PARAMS = {
    "objective": "lambdarank",
    "learning_rate": 0.03,
    "num_leaves": 7,
    "min_data_in_leaf": 100,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "verbose": -1,
    "seed": 0,
}
ROUNDS = 100


class FeatureBuilder:
    """Label-free features for every candidate of an impression."""

    def __init__(self, train_log: Sequence[Impression]) -> None:
        articles = {a.id: a for a in load_articles(TRAIN / "articles.jsonl")}
        articles.update({a.id: a for a in load_articles(DEV / "articles.jsonl")})
        self.ids = sorted(articles)
        self.row = {a: i for i, a in enumerate(self.ids)}
        pool = [articles[a] for a in self.ids]
        self.section = [a.section for a in pool]
        self.topic = [a.topics[0] if a.topics else "" for a in pool]
        sections = sorted(set(self.section))
        self.section_code = [float(sections.index(s)) for s in self.section]
        vectors = cached_use_embedder(_cache_dir())([article_text(a) for a in pool])
        self.use = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
        centred = self.use - self.use.mean(axis=0)
        self.centred = centred / np.linalg.norm(centred, axis=1, keepdims=True)
        texts = [f"{a.title} {a.title} {a.text}" for a in pool]
        self.tfidf = TfidfVectorizer(sublinear_tf=True, min_df=2, stop_words="english")
        self.tfidf_rows = self.tfidf.fit_transform(texts)
        self.clicks: dict[str, list[float]] = defaultdict(list)
        self.shown: dict[str, list[float]] = defaultdict(list)
        for impression in train_log:
            assert impression.time is not None
            for article_id, label in zip(impression.candidates, impression.labels, strict=True):
                self.shown[article_id].append(impression.time)
                if label:
                    self.clicks[article_id].append(impression.time)
        for times in (*self.clicks.values(), *self.shown.values()):
            times.sort()

    def rows(self, impression: Impression) -> tuple[np.ndarray, list[int]] | None:
        """Return (features, labels) over the candidates with text, or None if not rankable."""
        kept = [(c, y) for c, y in zip(impression.candidates, impression.labels, strict=True)]
        kept = [(c, y) for c, y in kept if c in self.row]
        history = [self.row[h] for h in impression.history if h in self.row]
        labels = [y for _, y in kept]
        if not history or len(set(labels)) < 2:
            return None
        cand = [self.row[c] for c, _ in kept]
        features: dict[str, np.ndarray] = {}
        sections, topics, n = Counter(self.section[h] for h in history), Counter(), len(history)
        topics.update(self.topic[h] for h in history)
        features["section_share"] = np.array([sections[self.section[c]] / n for c in cand])
        features["topic_share"] = np.array([topics[self.topic[c]] / n for c in cand])
        features["section_count"] = np.log1p([sections[self.section[c]] for c in cand])
        features["topic_count"] = np.log1p([topics[self.topic[c]] for c in cand])
        for name, vectors in (("use", self.use), ("use_centred", self.centred)):
            sims = vectors[cand] @ vectors[history].T
            features[f"{name}_centroid"] = vectors[cand] @ vectors[history].mean(axis=0)
            features[f"{name}_max"] = sims.max(axis=1)
            for temperature in (0.05, 0.1):
                soft = temperature * np.log(np.exp(sims / temperature).mean(axis=1))
                features[f"{name}_softmax{temperature}"] = soft
            features[f"{name}_top3"] = np.sort(sims, axis=1)[:, -3:].mean(axis=1)
        profile = np.asarray(self.tfidf_rows[history].mean(axis=0)).ravel()
        features["tfidf"] = self.tfidf_rows[cand] @ profile
        pairwise = self.tfidf_rows[cand] @ self.tfidf_rows[history].T
        features["tfidf_max"] = pairwise.max(axis=1).toarray().ravel()
        moment = impression.time or 0.0
        clicks = [bisect.bisect_left(self.clicks.get(c, []), moment) for c, _ in kept]
        shown = [bisect.bisect_left(self.shown.get(c, []), moment) for c, _ in kept]
        features["clicks_before"] = np.log1p(clicks)
        features["ctr_before"] = np.array(
            [(k + 0.05) / (s + 1) for k, s in zip(clicks, shown, strict=True)]
        )
        features["history_length"] = np.full(len(cand), np.log1p(n))
        features["candidate_section"] = np.array([self.section_code[c] for c in cand])
        for name in ("use_centred_softmax0.1", "section_share", "topic_share", "tfidf"):
            values = features[name]
            features[f"{name}_z"] = (values - values.mean()) / (values.std() + 1e-6)
        among = self.centred[cand] @ self.centred[cand].T
        features["centrality"] = (among.sum(axis=1) - 1) / max(len(cand) - 1, 1)
        return np.stack(list(features.values()), axis=1), labels


class Table:
    """Feature rows of many impressions, grouped for LambdaRank."""

    def __init__(self, builder: FeatureBuilder, impressions: Iterable[Impression]) -> None:
        blocks, labels, self.groups, self.subsets, self.users = [], [], [], [], []
        for impression in impressions:
            built = builder.rows(impression)
            if built is None:
                continue
            blocks.append(built[0])
            labels.extend(built[1])
            self.groups.append(len(built[1]))
            self.subsets.append(impression.subset)
            self.users.append(impression.user_id)
        self.x = np.concatenate(blocks)
        self.y = np.asarray(labels)
        self.offsets = np.concatenate([[0], np.cumsum(self.groups)])

    def auc_by_subset(self, scores: np.ndarray) -> dict[str, float]:
        per: dict[str, list[float]] = defaultdict(list)
        for i, subset in enumerate(self.subsets):
            start, stop = self.offsets[i], self.offsets[i + 1]
            value = auc(list(self.y[start:stop]), list(scores[start:stop]))
            per[subset].append(value)
            per["all"].append(value)
        return {k: 100 * float(np.mean(v)) for k, v in per.items()}


def fit(x: np.ndarray, y: np.ndarray, groups: Sequence[int]) -> lightgbm.Booster:
    return lightgbm.train(PARAMS, lightgbm.Dataset(x, y, group=list(groups)), ROUNDS)


def pseudo_impressions(impressions: Iterable[Impression], row: dict[str, int]) -> list[Impression]:
    """One held-out read against 20 reads of others, twice per reader: no impression labels."""
    rng = random.Random(0)
    histories: dict[str, list[str]] = {}
    for impression in impressions:
        histories.setdefault(impression.user_id, [h for h in impression.history if h in row])
    reads = [h for history in histories.values() for h in history]
    out = []
    for user, history in histories.items():
        if len(history) < 3:
            continue
        for _ in range(2):
            held = rng.choice(history)
            negatives: list[str] = []
            while len(negatives) < 20:
                pick = rng.choice(reads)
                if pick not in history and pick not in negatives:
                    negatives.append(pick)
            candidates = [held, *negatives]
            rng.shuffle(candidates)
            out.append(
                Impression(
                    id=f"pseudo-{len(out)}",
                    user_id=user,
                    time=0.0,
                    history=tuple(h for h in history if h != held),
                    candidates=tuple(candidates),
                    labels=tuple(int(c == held) for c in candidates),
                    subset="pseudo",
                )
            )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)
    if not DEV.exists() or not TRAIN.exists():
        print(f"MIND samples not found under {DATA}; nothing to do.", file=sys.stderr)
        return 1
    train_log = load_impressions(TRAIN / "impressions.jsonl")
    dev_log = load_impressions(DEV / "impressions.jsonl")
    print("building features...", file=sys.stderr)
    builder = FeatureBuilder(train_log)
    dev = Table(builder, dev_log)
    results: dict[str, dict[str, float]] = {}

    train = Table(builder, train_log)
    print(f"train-log: {len(train.groups)} impressions", file=sys.stderr)
    results["train-log"] = dev.auc_by_subset(fit(train.x, train.y, train.groups).predict(dev.x))

    pseudo = Table(builder, pseudo_impressions([*train_log, *dev_log], builder.row))
    print(f"histories: {len(pseudo.groups)} pseudo-impressions", file=sys.stderr)
    results["histories"] = dev.auc_by_subset(fit(pseudo.x, pseudo.y, pseudo.groups).predict(dev.x))

    print("dev-cv: 5 folds by reader", file=sys.stderr)
    rng = np.random.default_rng(0)
    fold_of = {user: int(rng.integers(5)) for user in sorted(set(dev.users))}
    folds = np.asarray([fold_of[u] for u in dev.users])
    row_folds = np.repeat(folds, dev.groups)
    scores = np.zeros(len(dev.y))
    for k in range(5):
        rows = row_folds != k
        groups = [g for g, f in zip(dev.groups, folds, strict=True) if f != k]
        model = fit(dev.x[rows], dev.y[rows], groups)
        scores[row_folds == k] = model.predict(dev.x[row_folds == k])
    results["dev-cv (upper bound)"] = dev.auc_by_subset(scores)

    columns = (*SUBSETS, "all")
    print(f"{'model':24}" + "".join(f"{c[:20]:>22}" for c in columns))
    for name, by_subset in results.items():
        print(f"{name:24}" + "".join(f"{by_subset.get(c, float('nan')):22.2f}" for c in columns))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
