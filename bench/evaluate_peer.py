"""The peer of bench/evaluate.ts: scikit-learn and numpy on the same predictions.

    /usr/bin/python3 bench/evaluate_peer.py <candidate.csv> <baseline.csv> <resamples>

Prints one JSON line: seconds to read the CSV (pandas), to compute every binary metric
(sklearn.metrics), and per resample of the paired bootstrap of the ROC AUC difference
(row indices drawn once per resample, applied to both models, as trainyard does).
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from sklearn import metrics as m
from sklearn.calibration import calibration_curve


def all_metrics(y, p):
    pred = (p >= 0.5).astype(int)
    prob_true, prob_pred = calibration_curve(y, p, n_bins=10)
    return {
        "accuracy": m.accuracy_score(y, pred),
        "precision": m.precision_score(y, pred, zero_division=0),
        "recall": m.recall_score(y, pred, zero_division=0),
        "f1": m.f1_score(y, pred, zero_division=0),
        "roc_auc": m.roc_auc_score(y, p),
        "pr_auc": m.average_precision_score(y, p),
        "log_loss": m.log_loss(y, p),
        "brier": m.brier_score_loss(y, p),
        "confusion": m.confusion_matrix(y, pred).tolist(),
        "calibration_bins": len(prob_true),
    }


def main():
    candidate_path, baseline_path, resamples = sys.argv[1], sys.argv[2], int(sys.argv[3])
    start = time.perf_counter()
    candidate = pd.read_csv(candidate_path)
    baseline = pd.read_csv(baseline_path)
    read = time.perf_counter() - start
    # The files list the same ids in the same order, so the peer needs no join.
    assert (candidate["id"].to_numpy() == baseline["id"].to_numpy()).all()
    y = candidate["label"].to_numpy()
    a = candidate["score"].to_numpy()
    b = baseline["score"].to_numpy()
    start = time.perf_counter()
    values = all_metrics(y, a)
    metrics_seconds = time.perf_counter() - start
    rng = np.random.default_rng(42)
    n = len(y)
    diffs = []
    start = time.perf_counter()
    for _ in range(resamples):
        idx = rng.integers(0, n, n)
        yy = y[idx]
        diffs.append(m.roc_auc_score(yy, a[idx]) - m.roc_auc_score(yy, b[idx]))
    per_resample = (time.perf_counter() - start) / resamples
    lo, hi = np.percentile(diffs, [2.5, 97.5])
    print(json.dumps({"rows": n, "read_seconds": read, "metrics_seconds": metrics_seconds, "per_resample_seconds": per_resample,
                      "roc_auc": values["roc_auc"], "interval": [lo, hi]}))


main()
