"""The peer of bench/monitor.ts: what a NannyML user's stack (pandas + scikit-learn +
scipy) computes per weekly chunk: realized metrics over labelled rows, CBPE estimates
(IsotonicRegression fitted on the reference, expected confusion matrix, expected ROC AUC
as roc_auc_score over the rows taken twice with weights p and 1 - p), latency percentiles,
and Evidently's default drift test of each feature (normed Wasserstein, threshold 0.1),
with the reference bands (mean +- 3 population std). Prints the chunks as JSON.

Usage: /usr/bin/python3 bench/monitor_peer.py <folder of .npy columns>
"""
import json
import sys

import numpy as np
import pandas as pd
from scipy.stats import wasserstein_distance
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import accuracy_score, f1_score, log_loss, precision_score, recall_score, roc_auc_score

folder = sys.argv[1]
FEATURES = [f'f{i}' for i in range(10)]
THRESHOLD = 0.5


def load(prefix, columns):
    return pd.DataFrame({c: np.load(f'{folder}/{prefix}-{c}.npy') for c in columns})


log = load('log', ['id', 'timestamp', 'score', *FEATURES, 'latency_ms'])
labels = load('labels', ['id', 'label'])
reference = load('reference', ['id', 'timestamp', 'score', *FEATURES, 'latency_ms', 'label'])
log = log.merge(labels, on='id', how='left')
for frame in (log, reference):
    ts = pd.to_datetime(frame['timestamp'].astype('int64'), unit='us')
    frame['chunk'] = ts.dt.floor('D') - pd.to_timedelta(ts.dt.dayofweek, unit='D')

calibrator = IsotonicRegression(out_of_bounds='clip').fit(reference['score'].to_numpy(), reference['label'].to_numpy())


def none_if_nan(value):
    return None if value is None or not np.isfinite(value) else float(value)


def realized(chunk):
    chunk = chunk[chunk['label'].notna()]
    if len(chunk) == 0:
        return None
    y = chunk['label'].to_numpy().astype(int)
    s = chunk['score'].to_numpy()
    yhat = (s >= THRESHOLD).astype(int)
    return {'roc_auc': float(roc_auc_score(y, s)) if len(np.unique(y)) == 2 else None, 'accuracy': float(accuracy_score(y, yhat)),
            'precision': float(precision_score(y, yhat, zero_division=0)), 'recall': float(recall_score(y, yhat, zero_division=0)),
            'f1': float(f1_score(y, yhat, zero_division=0)), 'log_loss': float(log_loss(y, s, labels=[0, 1]))}


def estimated(chunk):
    s = chunk['score'].to_numpy()
    p = calibrator.predict(s)
    yhat = s >= THRESHOLD
    tp, fp = p[yhat].sum(), (1 - p[yhat]).sum()
    fn, tn = p[~yhat].sum(), (1 - p[~yhat]).sum()
    ratio = lambda a, b: float(a / b) if b > 0 else None
    auc = roc_auc_score(np.r_[np.ones(len(s)), np.zeros(len(s))], np.r_[s, s], sample_weight=np.r_[p, 1 - p])
    return {'roc_auc': float(auc), 'accuracy': ratio(tp + tn, tp + tn + fp + fn), 'precision': ratio(tp, tp + fp),
            'recall': ratio(tp, tp + fn), 'f1': ratio(2 * tp, 2 * tp + fp + fn)}


def latency(chunk):
    v = chunk['latency_ms'].to_numpy()
    return {'p50': float(np.percentile(v, 50)), 'p95': float(np.percentile(v, 95)), 'p99': float(np.percentile(v, 99))}


reference_std = {f: np.std(reference[f].to_numpy()) for f in FEATURES}


def drift(chunk):
    drifted = [wasserstein_distance(reference[f].to_numpy(), chunk[f].to_numpy()) / reference_std[f] >= 0.1 for f in FEATURES]
    return {'drifted': bool(sum(drifted) / len(FEATURES) >= 0.5), 'share': sum(drifted) / len(FEATURES)}


reference_realized = [realized(chunk) for _, chunk in reference.groupby('chunk', sort=True)]
bands = {}
for metric in reference_realized[0]:
    values = np.array([c[metric] for c in reference_realized if c[metric] is not None])
    bands[metric] = (values.mean() - 3 * values.std(), values.mean() + 3 * values.std())

chunks = []
for start, chunk in log.groupby('chunk', sort=True):
    r, e = realized(chunk), estimated(chunk)
    alerts = [(kind, m) for kind, values in (('realized', r), ('estimated', e)) if values for m, v in values.items()
              if v is not None and m in bands and not bands[m][0] <= v <= bands[m][1]]
    chunks.append({'start': start.strftime('%Y-%m-%dT%H:%M:%S.000Z'), 'rows': len(chunk), 'labelled': int(chunk['label'].notna().sum()),
                   'realized': r, 'estimated': e, 'latency': latency(chunk), 'drift': drift(chunk), 'alerts': len(alerts)})
print(json.dumps({'chunks': chunks}))
