#!/usr/bin/python3
"""Codes a JSON Lines corpus in pieces on a Dask distributed cluster and adds
up the pieces' counts: each task pipes one piece into
`verbatim code - --format jsonl -o - --stdout-format counts` (the map), and
the driver pipes the pieces' counts into `verbatim counts merge -` (the
reduce). The counts.csv written is byte for byte that of one `verbatim code`
run over the whole corpus. See docs/scaling.md.

Usage:
  scripts/code-on-dask.py --input answers.jsonl --codebook CODEBOOK \\
      --out counts.csv [--workers N] [--pieces K] [--verbatim PATH] \\
      [--threads T] [--column text] [--id-column id] [--scheduler ADDRESS] \
      [--shared-input]

Without --scheduler, a local cluster of N worker processes (one thread each)
is started on 127.0.0.1 with ports chosen by the system and no dashboard, and
closed at the end, whatever happens. Each piece's `verbatim code` runs T
threads (default 1: a worker process is one core's worth of work). With --scheduler, the tasks go to that
cluster: the verbatim binary and the codebook must then be at the same paths
on every worker and on the driver (which checks them and runs the merge).

The input is cut into K pieces of about the same size at line ends (JSON Lines
only: a CSV field may hold a line end). The driver reads each piece and sends
it to the cluster; with --shared-input the tasks read their byte range of the
input themselves, which must then be at the same path on every worker.

Exit status: 0; 1 when a piece failed (its `verbatim code` exited non-zero,
for a bad codebook or for rows that could not be read: its error is shown,
with the piece's byte range) or the merge failed, and then no counts.csv is
written; 2 on wrong usage. counts.csv is written by `counts merge -o`, through
a temporary file renamed at the end.

Needs Debian's python3-distributed, importable by /usr/bin/python3.
"""
import argparse
import os
import shutil
import subprocess
import sys

PROG = "code-on-dask.py"


def fail(message, status):
    print(f"{PROG}: {message}", file=sys.stderr)
    sys.exit(status)


def piece_bounds(path, pieces):
    """[(start, end)] byte ranges of about size/pieces bytes, each ending at a
    line end (or at the end of the file); empty ranges are left out."""
    size = os.path.getsize(path)
    cuts = [0]
    with open(path, "rb") as f:
        for k in range(1, pieces):
            target = size * k // pieces
            if target <= cuts[-1]:
                continue
            # Reading on from the byte before the target to the end of its
            # line gives the start of the first line at or after the target.
            f.seek(target - 1)
            f.readline()
            cuts.append(f.tell())
    cuts.append(size)
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def read_range(path, start, end):
    with open(path, "rb") as f:
        f.seek(start)
        return f.read(end - start)


def code_piece(command, piece):
    """Runs `command` on the piece's bytes; (exit code, stdout, stderr).
    Runs on a worker. Never raises for the command's own failure, so that a
    failed piece does not make the worker log its arguments (the piece)."""
    try:
        run = subprocess.run(command, input=piece, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, check=False)
    except OSError as error:
        return 127, b"", f"cannot run {command[0]}: {error}".encode()
    return run.returncode, run.stdout, run.stderr


def code_shared_piece(command, path, start, end):
    """code_piece on the byte range [start, end) of `path`, read by the
    worker itself."""
    try:
        piece = read_range(path, start, end)
    except OSError as error:
        return 127, b"", f"cannot read {path}: {error}".encode()
    return code_piece(command, piece)


def default_verbatim():
    on_path = shutil.which("verbatim")
    if on_path:
        return on_path
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "build", "verbatim")


def parse_args():
    parser = argparse.ArgumentParser(
        prog=PROG, description="Code a JSON Lines corpus in pieces on a Dask cluster; "
        "write the merged counts.csv (docs/scaling.md).")
    parser.add_argument("--input", required=True, help="JSON Lines answers, one per line")
    parser.add_argument("--codebook", required=True, help="YAML codebook")
    parser.add_argument("--out", required=True, help="counts.csv to write")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="worker processes of the local cluster (default: CPU cores)")
    parser.add_argument("--pieces", type=int, default=None,
                        help="pieces the input is cut into (default: 4 per worker)")
    parser.add_argument("--verbatim", default=None,
                        help="the binary (default: verbatim on PATH, else build/verbatim)")
    parser.add_argument("--threads", type=int, default=1,
                        help="threads of each piece's `verbatim code` (default: 1)")
    parser.add_argument("--column", default="text", help="JSON key of the answer's text")
    parser.add_argument("--id-column", default="id", help="JSON key of the answer's id")
    parser.add_argument("--scheduler", default=None,
                        help="address of a running scheduler (tcp://host:8786) instead "
                        "of a local cluster")
    parser.add_argument("--shared-input", action="store_true",
                        help="tasks read their piece of --input themselves (same path "
                        "on every worker) instead of receiving it from the driver")
    args = parser.parse_args()
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    if args.pieces is None:
        args.pieces = 4 * args.workers
    if args.pieces < 1:
        parser.error("--pieces must be at least 1")
    if args.threads < 1:
        parser.error("--threads must be at least 1")
    for name in ("input", "codebook"):
        if not os.path.isfile(getattr(args, name)):
            fail(f"no such file: {getattr(args, name)}", 2)
    if os.path.getsize(args.input) == 0:
        fail(f"{args.input}: empty file, nothing to code", 1)  # as one run: exit 1
    args.verbatim = args.verbatim or default_verbatim()
    if not (os.path.isfile(args.verbatim) and os.access(args.verbatim, os.X_OK)):
        fail(f"cannot run {args.verbatim} (give --verbatim)", 2)
    if args.scheduler is None:
        # Local workers run from the driver's folder; absolute paths spare
        # them the question. A remote cluster's paths are its own.
        args.verbatim = os.path.abspath(args.verbatim)
        args.codebook = os.path.abspath(args.codebook)
        args.input = os.path.abspath(args.input)
    return args


def run_pieces(client, args):
    """The pieces' counts.csv, concatenated in input order; exits 1 at the
    first piece that failed, naming it."""
    from distributed import as_completed

    command = [args.verbatim, "code", "-", "--format", "jsonl", "--column", args.column,
               "--id-column", args.id_column, "-c", args.codebook, "-o", "-",
               "--stdout-format", "counts", "--allow-empty", "-q", "-j", str(args.threads)]
    bounds = piece_bounds(args.input, args.pieces)
    futures = []
    for start, end in bounds:
        if args.shared_input:
            futures.append(client.submit(code_shared_piece, command, args.input, start, end,
                                         pure=False))
        else:
            # Scattered first: a piece is data on a worker, not a large
            # argument inside the task.
            [piece] = client.scatter([read_range(args.input, start, end)])
            futures.append(client.submit(code_piece, command, piece, pure=False))
    number = {future.key: n for n, future in enumerate(futures)}
    counts = [None] * len(futures)
    for future in as_completed(futures):
        n = number[future.key]
        status, out, err = future.result()
        if status != 0:
            client.cancel(futures)
            start, end = bounds[n]
            hint = ""
            if out:
                # It printed its counts: the run went through but rows could
                # not be read. With -o - there is no coded table naming them.
                hint = (f"\n(one `verbatim code {args.input} --format jsonl -o DIR` "
                        "names them in DIR/coded.csv)")
            fail(f"piece {n + 1} of {len(bounds)} (bytes {start} to {end - 1} of {args.input}) "
                 f"failed: `verbatim code` exited {status}:\n"
                 f"{err.decode('utf-8', 'replace').rstrip()}{hint}\nno counts written", 1)
        counts[n] = out
    return b"".join(counts)


def merge(args, counts):
    # `counts merge -` starts a new part at each header line, and its -o
    # writes through a temporary file renamed at the end.
    run = subprocess.run([args.verbatim, "counts", "merge", "-", "-o", args.out], input=counts,
                         check=False)
    if run.returncode != 0:
        fail(f"`verbatim counts merge` exited {run.returncode}; no counts written", 1)


def main():
    args = parse_args()
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        fail(f"cannot import Dask distributed ({error}); Debian: apt-get install "
             "python3-distributed, and run this script with /usr/bin/python3", 2)

    try:
        if args.scheduler:
            with Client(args.scheduler) as client:
                counts = run_pieces(client, args)
        else:
            # dashboard_address=None turns the dashboard off, but the scheduler
            # still serves its HTTP routes on 8787 by default, and warns when
            # that port is taken (another cluster, or two runs at once): the
            # scheduler's own dashboard_address gives it a port of the system's.
            with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                              host="127.0.0.1", dashboard_address=None,
                              scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}) as cluster, \
                    Client(cluster) as client:
                counts = run_pieces(client, args)
    except SystemExit:
        raise
    except KeyboardInterrupt:  # the cluster is closed by then
        fail("interrupted; no counts written", 130)
    except Exception as error:  # the cluster's own failures: a worker lost, no scheduler
        fail(f"the Dask job failed: {type(error).__name__}: {error}; no counts written", 1)
    merge(args, counts)


if __name__ == "__main__":
    main()
