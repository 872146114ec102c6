#!/usr/bin/env python3
"""Flight-delay trainer, PyTorch edition (CUDA GPU when available, else CPU).

The twin of train.mjs: same environment contract, same features, the same
seeded holdout split (same PRNG, same shuffle) and the same output files:

  TRAINYARD_OUTPUT_DIR   required; model/, metrics.json, predictions.csv go here
  TRAINYARD_DATA_TRAIN   training CSV (default: data/train.csv next to this file)
  TRAINYARD_SEED         integer seed (default 42)
  TRAINYARD_PARAMS       JSON object overriding DEFAULT_PARAMS

Bad inputs print one line to stderr and exit with status 2.

Only torch and the standard library are used, and torch is imported inside
train_torch(), so the data, feature and metric functions can be imported and
tested on a machine without torch.
"""

import csv
import datetime
import hashlib
import json
import math
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DELAY_THRESHOLD_MINUTES = 15
MODEL_FORMAT = "trainyard-flight-delays-logreg/1"

DEFAULT_PARAMS = {
    "epochs": 8,  # passes over the training split
    "learning_rate": 0.01,  # Adam step size
    "l2": 0.0001,  # penalty (l2 / 2) * ||w||^2 on the weights (not the bias)
    "holdout": 0.2,  # fraction of rows held out for metrics
    "batch_size": 256,
    "top_airports": 30,  # origins/destinations with their own one-hot column
}
ADAM_BETAS = (0.9, 0.999)
ADAM_EPS = 1e-8
# float64 machine epsilon, the clip sklearn's log_loss uses for float64 input.
LOG_LOSS_EPS = 2.220446049250313e-16
DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
REQUIRED_COLUMNS = ["id", "date", "delay", "distance", "origin", "destination"]
DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$")
MASK32 = 0xFFFFFFFF


class UsageError(Exception):
    """An input problem: reported as one line on stderr, exit status 2."""


# ------------------------------------------------------------------ config


def parse_seed(text):
    if text is None or text == "":
        return 42
    if not re.fullmatch(r"-?\d+", text.strip()) or abs(int(text)) > 2**53 - 1:
        raise UsageError(f"TRAINYARD_SEED must be an integer, got {json.dumps(text)}")
    return int(text)


def _is_number(value):
    # bool is an int subclass in Python; JSON true is not a number here.
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def parse_params(text):
    """Merges TRAINYARD_PARAMS over the defaults; rejects unknown or bad values."""
    given = {}
    if text is not None and text.strip() != "":
        try:
            given = json.loads(text)
        except ValueError as err:
            raise UsageError(f"TRAINYARD_PARAMS is not valid JSON: {err}") from None
        if not isinstance(given, dict):
            raise UsageError("TRAINYARD_PARAMS must be a JSON object")
    params = dict(DEFAULT_PARAMS)
    for key, value in given.items():
        if key not in DEFAULT_PARAMS:
            raise UsageError(f'unknown param "{key}" (known: {", ".join(DEFAULT_PARAMS)})')
        params[key] = value
    rules = {
        "epochs": (True, lambda v: v >= 1, "an integer >= 1"),
        "learning_rate": (False, lambda v: v > 0, "a number > 0"),
        "l2": (False, lambda v: v >= 0, "a number >= 0"),
        "holdout": (False, lambda v: 0 < v < 1, "a number strictly between 0 and 1"),
        "batch_size": (True, lambda v: v >= 1, "an integer >= 1"),
        "top_airports": (True, lambda v: v >= 0, "an integer >= 0"),
    }
    for key, (integer, ok, what) in rules.items():
        value = params[key]
        if not _is_number(value) or (integer and value != int(value)) or not ok(value):
            raise UsageError(f'param "{key}" must be {what}, got {json.dumps(value)}')
        params[key] = int(value) if integer else value
    return params


def read_config(env):
    output_dir = env.get("TRAINYARD_OUTPUT_DIR")
    if not output_dir:
        raise UsageError("TRAINYARD_OUTPUT_DIR is required")
    return {
        "output_dir": output_dir,
        "data_path": env.get("TRAINYARD_DATA_TRAIN") or os.path.join(HERE, "data", "train.csv"),
        "seed": parse_seed(env.get("TRAINYARD_SEED")),
        "params": parse_params(env.get("TRAINYARD_PARAMS")),
    }


# ------------------------------------------------------------------ data


def parse_date(text):
    """(fractional hour, day of week with 0 = Sunday) of "YYYY-MM-DD HH:MM:SS", or None."""
    m = DATE_RE.match(text or "")
    if not m:
        return None
    year, month, day, hour, minute = (int(g) for g in m.groups()[:5])
    if hour > 23 or minute > 59:
        return None
    try:
        weekday = datetime.date(year, month, day).weekday()  # Monday = 0
    except ValueError:
        return None
    return hour + minute / 60, (weekday + 1) % 7


def _parse_row(record):
    """Row dict from a csv.DictReader record, or a string saying what is wrong."""
    try:
        row_id = int(record["id"])
    except (TypeError, ValueError):
        return "id is not an integer"
    if parse_date(record["date"]) is None:
        return f"bad date {json.dumps(record['date'])}"
    try:
        delay = float(record["delay"])
        distance = float(record["distance"])
    except (TypeError, ValueError):
        return "delay or distance is not a number"
    if not math.isfinite(delay):
        return "delay is not a number"
    if not distance > 0 or not math.isfinite(distance):
        return "distance is not a positive number"
    if not record["origin"] or not record["destination"]:
        return "empty origin or destination"
    return {
        "id": row_id,
        "date": record["date"],
        "delay": delay,
        "distance": distance,
        "origin": record["origin"],
        "destination": record["destination"],
        "label": 1 if delay > DELAY_THRESHOLD_MINUTES else 0,
    }


def read_csv(path):
    """Reads the training CSV into row dicts sorted by id."""
    try:
        handle = open(path, newline="", encoding="utf-8")
    except OSError as err:
        raise UsageError(f"cannot read training data {path}: {err.strerror}") from None
    with handle:
        reader = csv.DictReader(handle)
        for column in REQUIRED_COLUMNS:
            if column not in (reader.fieldnames or []):
                raise UsageError(f'{path}: missing column "{column}" in header')
        rows, seen = [], set()
        for record in reader:
            row = _parse_row(record)
            if isinstance(row, str):
                raise UsageError(f"{path}:{reader.line_num}: {row}")
            if row["id"] in seen:
                raise UsageError(f"{path}:{reader.line_num}: duplicate id {row['id']}")
            seen.add(row["id"])
            rows.append(row)
    return sorted(rows, key=lambda r: r["id"])


# ------------------------------------------------------------------ randomness


class Mulberry32:
    """mulberry32, bit-for-bit the PRNG of train.mjs (uniform in [0, 1))."""

    def __init__(self, seed):
        self.state = seed & MASK32

    def __call__(self):
        a = self.state = (self.state + 0x6D2B79F5) & MASK32
        t = ((a ^ (a >> 15)) * (1 | a)) & MASK32
        t = ((t + (((t ^ (t >> 7)) * (61 | t)) & MASK32)) & MASK32) ^ t
        return ((t ^ (t >> 14)) & MASK32) / 4294967296


def shuffle(items, rand):
    """In-place Fisher-Yates shuffle, same draws as train.mjs."""
    for i in range(len(items) - 1, 0, -1):
        j = math.floor(rand() * (i + 1))
        items[i], items[j] = items[j], items[i]
    return items


def id_bucket(identifier):
    """Where a row id falls in [0, 1): the first 8 bytes of the SHA-256 of its text
    over 2^64, as train.mjs and trainyard's evaluation split read it."""
    return int.from_bytes(hashlib.sha256(str(identifier).encode("utf-8")).digest()[:8], "big") / 2**64


def split_holdout(rows, fraction):
    """Holdout split by a stable hash of the row id, identical to train.mjs's: the
    same rows whatever the seed or the code."""
    holdout = [row for row in rows if id_bucket(row["id"]) < fraction]
    train = [row for row in rows if id_bucket(row["id"]) >= fraction]
    if not holdout or not train:
        raise UsageError(f"holdout {fraction} of {len(rows)} rows leaves an empty split")
    return train, holdout


# ------------------------------------------------------------------ features


def _top_values(rows, key, k):
    """Most frequent values of key (ties broken alphabetically, so stable)."""
    counts = {}
    for row in rows:
        counts[row[key]] = counts.get(row[key], 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [value for value, _ in ranked[:k]]


def fit_encoding(rows, top_airports):
    """Fits the feature encoding on the training split only (never the holdout)."""
    logs = [math.log(r["distance"]) for r in rows]
    mean = sum(logs) / len(logs)
    variance = sum((v - mean) ** 2 for v in logs) / len(logs)
    return {
        "log_distance": {"mean": mean, "std": math.sqrt(variance) or 1.0},
        "origins": _top_values(rows, "origin", top_airports),
        "destinations": _top_values(rows, "destination", top_airports),
    }


def feature_names(encoding):
    return (
        ["hour_sin", "hour_cos"]
        + [f"hour={h}" for h in range(24)]
        + [f"dow={d}" for d in DAYS]
        + ["log_distance_z"]
        + [f"origin={a}" for a in encoding["origins"] + ["other"]]
        + [f"destination={a}" for a in encoding["destinations"] + ["other"]]
    )


def encode_row(row, encoding):
    """Feature vector (list of floats) of one row. Never uses delay."""
    hour, dow = parse_date(row["date"])
    origins, destinations = encoding["origins"], encoding["destinations"]
    n_origin = len(origins) + 1
    x = [0.0] * (34 + n_origin + len(destinations) + 1)
    angle = 2 * math.pi * hour / 24  # cyclic: 23:59 is next to 00:00
    x[0] = math.sin(angle)
    x[1] = math.cos(angle)
    x[2 + math.floor(hour)] = 1.0
    x[26 + dow] = 1.0
    stats = encoding["log_distance"]
    x[33] = (math.log(row["distance"]) - stats["mean"]) / stats["std"]
    o = origins.index(row["origin"]) if row["origin"] in origins else n_origin - 1
    x[34 + o] = 1.0
    d = destinations.index(row["destination"]) if row["destination"] in destinations else len(destinations)
    x[34 + n_origin + d] = 1.0
    return x


# ------------------------------------------------------------------ metrics
# Definitions follow scikit-learn so the numbers can be cross-checked.


def _log_loss_term(label, p):
    q = min(max(p, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS)
    return -(math.log(q) if label else math.log(1 - q))


def roc_auc(labels, scores):
    """ROC AUC via the rank-sum statistic with average ranks for ties
    (equal to sklearn's trapezoidal roc_auc_score)."""
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    rank_sum_pos = 0.0
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        avg_rank = (i + j) / 2 + 1  # 1-based ranks i+1..j+1
        rank_sum_pos += avg_rank * sum(labels[order[k]] for k in range(i, j + 1))
        i = j + 1
    n_pos = sum(labels)
    n_neg = len(labels) - n_pos
    return (rank_sum_pos - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def compute_metrics(labels, scores, train_positive_rate, train_rows):
    """All holdout metrics plus the "always on time" baseline (same keys as train.mjs)."""
    n = len(labels)
    n_pos = sum(labels)
    if n_pos in (0, n):
        raise UsageError("the holdout split has only one class; ROC AUC is undefined")
    tp = fp = fn = tn = 0
    for label, score in zip(labels, scores):
        predicted = 1 if score >= 0.5 else 0
        tp += predicted and label
        fp += predicted and not label
        fn += label and not predicted
        tn += not label and not predicted
    q = train_positive_rate
    return {
        "accuracy": (tp + tn) / n,
        "precision": tp / (tp + fp) if tp + fp else 0,
        "recall": tp / (tp + fn) if tp + fn else 0,
        "f1": 2 * tp / (2 * tp + fp + fn) if tp else 0,
        "roc_auc": roc_auc(labels, scores),
        "log_loss": sum(_log_loss_term(l, s) for l, s in zip(labels, scores)) / n,
        "brier": sum((s - l) ** 2 for l, s in zip(labels, scores)) / n,
        "positive_rate": n_pos / n,  # share of holdout flights that were delayed
        "holdout_rows": n,
        "train_rows": train_rows,
        "baseline_accuracy": (n - n_pos) / n,  # always predicts "on time"
        "baseline_roc_auc": 0.5,  # a constant score ranks nothing
        "baseline_log_loss": sum(_log_loss_term(l, q) for l in labels) / n,
        "baseline_brier": sum((q - l) ** 2 for l in labels) / n,
    }


# ------------------------------------------------------------------ training


def train_torch(X, y, params, rand, log=print):
    """Logistic regression by mini-batch Adam on the GPU when there is one.

    Starts from zero weights and takes its batches from the shared seeded
    shuffle, so a run is repeatable. Computes in float64: the problem is tiny,
    and it keeps the numbers comparable with train.mjs.
    Returns (state_dict, weights list, bias, device name).
    """
    # cuBLAS needs this set before CUDA starts to run deterministically.
    os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")
    try:
        import torch
    except ImportError:
        raise UsageError("PyTorch is not installed (pip install torch), or use train.mjs") from None

    torch.use_deterministic_algorithms(True, warn_only=True)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    name = torch.cuda.get_device_name(device) if device.type == "cuda" else "cpu"
    log(f"torch {torch.__version__} on {device} ({name})")

    features = torch.tensor(X, dtype=torch.float64, device=device)
    targets = torch.tensor(y, dtype=torch.float64, device=device)
    model = torch.nn.Linear(features.shape[1], 1).to(device=device, dtype=torch.float64)
    with torch.no_grad():
        model.weight.zero_()
        model.bias.zero_()
    optimizer = torch.optim.Adam(model.parameters(), lr=params["learning_rate"], betas=ADAM_BETAS, eps=ADAM_EPS)
    bce = torch.nn.BCEWithLogitsLoss()
    order = list(range(len(X)))
    for epoch in range(1, params["epochs"] + 1):
        shuffle(order, rand)
        for start in range(0, len(order), params["batch_size"]):
            batch = torch.tensor(order[start : start + params["batch_size"]], device=device)
            logits = model(features[batch]).squeeze(1)
            loss = bce(logits, targets[batch]) + params["l2"] / 2 * model.weight.pow(2).sum()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        with torch.no_grad():
            train_loss = bce(model(features).squeeze(1), targets).item()
        log(f"epoch {epoch}/{params['epochs']}  train log_loss {train_loss:.5f}")
    weights = model.weight.detach().squeeze(0).cpu().tolist()
    bias = model.bias.detach().cpu().item()
    state = {k: v.detach().cpu() for k, v in model.state_dict().items()}
    return state, weights, bias, str(device)


def sigmoid(z):
    return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


def score_row(model, row):
    """Probability that row is delayed, from a model.json dict (no torch needed)."""
    x = encode_row(row, model["encoding"])
    return sigmoid(sum(w * v for w, v in zip(model["weights"], x)) + model["bias"])


# ------------------------------------------------------------------ outputs


def model_readme(model, metrics):
    return f"""# Flight delay model

An L2-regularised logistic regression ({len(model['features'])} features plus a bias), trained with PyTorch
on {model['device']}, that gives the probability that a US domestic flight arrives more than
{DELAY_THRESHOLD_MINUTES} minutes late. The features are the scheduled departure hour (sin/cos of the time of day
and a one-hot per hour), a one-hot day of week, the standardised log distance, and one-hot origin and
destination airports (the {len(model['encoding']['origins'])} most frequent in training, the rest as "other");
the arrival delay itself is only the label. It was trained with seeded mini-batch Adam on
{model['train_rows']} flights from January–March 2001 (vega-datasets flights-3m, US DOT on-time data),
seed {model['seed']}, and reaches a holdout ROC AUC of {metrics['roc_auc']:.4f} against 0.5 for the
"always on time" baseline. `model.pt` is the `torch.nn.Linear` state_dict; `model.json` holds the same
weights with the feature encoding, so `score_row` in train.py (or train.mjs's `scoreRow`) can score new rows.
"""


def write_outputs(output_dir, model, state, metrics, holdout, scores):
    model_dir = os.path.join(output_dir, "model")
    os.makedirs(model_dir, exist_ok=True)
    if state is not None:
        import torch

        torch.save(state, os.path.join(model_dir, "model.pt"))
    with open(os.path.join(model_dir, "model.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(model, indent=2) + "\n")
    with open(os.path.join(model_dir, "README.md"), "w", encoding="utf-8") as f:
        f.write(model_readme(model, metrics))
    with open(os.path.join(output_dir, "metrics.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(metrics, indent=2) + "\n")
    with open(os.path.join(output_dir, "predictions.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("id,label,score\n")
        for row, score in zip(holdout, scores):
            f.write(f"{row['id']},{row['label']},{score!r}\n")  # repr: full precision


# ------------------------------------------------------------------ main


def run(env=os.environ, log=print, trainer=train_torch):
    config = read_config(env)
    output_dir, seed, params = config["output_dir"], config["seed"], config["params"]
    try:
        os.makedirs(output_dir, exist_ok=True)
    except OSError as err:
        raise UsageError(f"cannot create TRAINYARD_OUTPUT_DIR {output_dir}: {err.strerror}") from None
    rows = read_csv(config["data_path"])
    log(f"read {len(rows)} rows from {config['data_path']} (seed {seed})")

    rand = Mulberry32(seed)
    train, holdout = split_holdout(rows, params["holdout"])
    encoding = fit_encoding(train, params["top_airports"])
    X = [encode_row(r, encoding) for r in train]
    y = [r["label"] for r in train]
    log(f"train {len(train)} rows, holdout {len(holdout)} rows, {len(X[0])} features")

    state, weights, bias, device = trainer(X, y, params, rand, log)
    model = {
        "format": MODEL_FORMAT,
        "label": f"delay > {DELAY_THRESHOLD_MINUTES}",
        "seed": seed,
        "params": params,
        "train_rows": len(train),
        "device": device,
        "features": feature_names(encoding),
        "encoding": encoding,
        "weights": weights,
        "bias": bias,
    }
    scores = [score_row(model, r) for r in holdout]
    metrics = compute_metrics([r["label"] for r in holdout], scores, sum(y) / len(y), len(train))
    bad = [k for k, v in metrics.items() if not math.isfinite(v)]
    if bad:
        raise UsageError(f"training diverged: {', '.join(bad)} not finite; lower learning_rate")
    write_outputs(output_dir, model, state, metrics, holdout, scores)

    m = metrics
    log(f"holdout roc_auc {m['roc_auc']:.4f} (baseline 0.5)  log_loss {m['log_loss']:.4f} (baseline {m['baseline_log_loss']:.4f})")
    log(
        f"holdout brier {m['brier']:.4f} (baseline {m['baseline_brier']:.4f})  "
        f"accuracy {m['accuracy']:.4f} (baseline {m['baseline_accuracy']:.4f})  f1 {m['f1']:.4f}"
    )
    log(f"wrote {output_dir}")
    return metrics


if __name__ == "__main__":
    try:
        run()
    except UsageError as err:
        print(f"train.py: {err}", file=sys.stderr)
        sys.exit(2)
