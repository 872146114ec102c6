"""The peer of bench/drift.ts: pandas + scipy computing what Evidently computes for
dataset drift (its default test per column), on the same CSV files.

    /usr/bin/python3 bench/drift_peer.py reference.csv current.csv

Prints {"column": statistic, ...} as JSON. Datetime columns are parsed and skipped, as
Evidently skips them.
"""
import json
import sys

import numpy as np
import pandas as pd
from scipy import stats
from scipy.spatial import distance


def read(path):
    frame = pd.read_csv(path)
    for column in frame.columns:
        if frame[column].dtype == object and column == "date":
            frame[column] = pd.to_datetime(frame[column])
    return frame


def shares(ref, cur):
    keys = list(set(ref.unique()) | set(cur.unique()))
    r = ref.value_counts().reindex(keys, fill_value=0).to_numpy() / len(ref)
    c = cur.value_counts().reindex(keys, fill_value=0).to_numpy() / len(cur)
    return r, c


def main(reference, current):
    ref_frame, cur_frame = read(reference), read(current)
    out = {}
    for column in ref_frame.columns:
        ref = ref_frame[column].replace([np.inf, -np.inf], np.nan).dropna()
        cur = cur_frame[column].replace([np.inf, -np.inf], np.nan).dropna()
        if pd.api.types.is_datetime64_any_dtype(ref):
            continue
        numerical = pd.api.types.is_numeric_dtype(ref)
        distinct = pd.concat([ref, cur]).nunique()
        if len(ref) <= 1000:
            raise SystemExit("the benchmark expects large references")
        if numerical and distinct > 5:
            out[column] = float(stats.wasserstein_distance(ref, cur) / max(np.std(ref), 0.001))
        else:
            r, c = shares(ref, cur)
            out[column] = float(distance.jensenshannon(r, c))
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
