"""Runs a command and prints, as the last line on stderr, what GNU time's
`-f '%e %U %S %M'` prints: wall seconds, user and system CPU seconds of the command
and its children, and their peak resident memory in KiB. For machines without
/usr/bin/time. Exits with the command's status.

Usage: python3 bench/measure.py <command> [args...]
"""
import resource
import subprocess
import sys
import time

start = time.monotonic()
status = subprocess.call(sys.argv[1:])
wall = time.monotonic() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{wall:.2f} {usage.ru_utime:.2f} {usage.ru_stime:.2f} {usage.ru_maxrss}", file=sys.stderr)
sys.exit(status)
