"""`python -m bench.peak REPORT -- COMMAND...`: run COMMAND, then write its peak RSS (KiB) to REPORT.

Linux gives a child the parent's memory high-water mark across fork and exec, so a child
started straight from the (large) benchmark process would report at least the benchmark's
own size. Started from this small process instead, that floor is this process's size (about
10 MB, stated in the report). Standard library only, so that it stays small.
"""

import os
import subprocess
import sys


def main() -> None:
    report, separator, *command = sys.argv[1:]
    if separator != "--" or not command:
        raise SystemExit("usage: python -m bench.peak REPORT -- COMMAND...")
    process = subprocess.Popen(command)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    with open(report, "w") as out:
        out.write(f"{usage.ru_maxrss}\n")
    sys.exit(process.returncode)


if __name__ == "__main__":
    main()
