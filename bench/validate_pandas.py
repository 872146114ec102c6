"""The pandas peer of `trainyard validate` for bench/validate.ts.

Reads a CSV with the column types of the schema (what a pandas user writes), runs the
same checks and prints {"rows": n, "failed": {"<column> <check>": count}} as JSON.
Usage: /usr/bin/python3 bench/validate_pandas.py <data.csv> '<spec json>'
"""
import json
import sys

import pandas as pd

data, spec = sys.argv[1], json.loads(sys.argv[2])
dtypes = {name: rule["dtype"] for name, rule in spec.items() if rule["dtype"] != "datetime"}
dates = [name for name, rule in spec.items() if rule["dtype"] == "datetime"]
df = pd.read_csv(data, dtype=dtypes)
for name in dates:
    df[name] = pd.to_datetime(df[name], format="%Y-%m-%d %H:%M:%S", errors="coerce")

failed = {}
for name, rule in spec.items():
    column = df[name]
    nulls = int(column.isna().sum())
    if "max_null_fraction" in rule:
        if nulls / len(df) > rule["max_null_fraction"]:
            failed[f"{name} max_null_fraction"] = nulls
    elif nulls:
        failed[f"{name} nullable"] = nulls
    bound = pd.Timestamp if rule["dtype"] == "datetime" else (lambda v: v)
    checks = {
        "min": lambda: (column < bound(rule["min"])).sum(),
        "max": lambda: (column > bound(rule["max"])).sum(),
        "in": lambda: (column.notna() & ~column.isin(rule["in"])).sum(),
        "pattern": lambda: (column.notna() & ~column.str.contains(rule["pattern"], regex=True, na=False)).sum(),
        "unique": lambda: column.dropna().duplicated(keep="first").sum(),
    }
    for check, count in checks.items():
        if check in rule:
            n = int(count())
            if n:
                failed[f"{name} {check}"] = n

print(json.dumps({"rows": len(df), "failed": failed}))
