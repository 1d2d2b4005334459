#!/usr/bin/python3
"""Converts a corpus with ortaq on a Dask cluster: every file of a directory, or one column
of a table, with the same bytes as `ortaq convert`.

    # every file of corpus/ into out/ (same names), on a local cluster of 2 worker processes
    python3 dask_convert.py --from kk-Cyrl --to cta-2024 corpus/ out/
    # the column "text" of a CSV file into a new column "text_cta-2024"
    python3 dask_convert.py --from kk-Cyrl --to cta-2024 --csv data.csv --column text out.csv
    # the same on a real cluster: give the scheduler instead of starting a local one
    python3 dask_convert.py --scheduler tcp://scheduler:8786 --from kk-Cyrl --to cta-2024 corpus/ out/

Each file is one task: it is read and converted as a stream (memory stays small) and written
to a temporary name, renamed when whole. A file is never cut, so context across lines is read
exactly as the CLI reads it. Options: --set KEY=VALUE and --invalid, as in `ortaq convert`.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile

import distributed
import ortaq

CHUNK_BYTES = 1 << 16


def convert_file(transliterator: ortaq.Transliterator, source: str, target: str) -> int:
    """Converts one file (bytes in, bytes out, as the CLI) into `target`, written whole or not
    at all. Runs on a worker: the Transliterator arrives pickled and is compiled once per
    process. Returns the number of bytes written."""
    os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
    stream = transliterator.new_stream()
    fd, temporary = tempfile.mkstemp(dir=os.path.dirname(target) or ".", prefix=".ortaq-")
    written = 0
    try:
        with open(source, "rb") as src, os.fdopen(fd, "wb") as out:
            while chunk := src.read(CHUNK_BYTES):
                written += out.write(stream.write(chunk))
            written += out.write(stream.finish())
        os.replace(temporary, target)
    except BaseException as e:
        os.unlink(temporary)
        if isinstance(e, ortaq.Error) and e.file == "<input>":
            e.file = source  # the worker knows which file; the client would only see "<input>"
            e.message = f"{source}: {e.message}"
            e.args = (e.message,)
        raise
    return written


def files_under(directory: str) -> list[str]:
    """Every regular file under `directory`, as paths relative to it, sorted."""
    found = []
    for root, _, names in os.walk(directory):
        for name in names:
            path = os.path.join(root, name)
            if os.path.isfile(path):
                found.append(os.path.relpath(path, directory))
    return sorted(found)


def convert_directory(client: distributed.Client, transliterator: ortaq.Transliterator, source_dir: str,
                      target_dir: str) -> list[str]:
    """Converts every file under source_dir into the same name under target_dir, one task per
    file. The paths must be readable from every worker (a shared file system on a cluster)."""
    names = files_under(source_dir)
    futures = client.map(convert_file, [transliterator] * len(names),
                         [os.path.join(source_dir, n) for n in names],
                         [os.path.join(target_dir, n) for n in names], pure=False)
    client.gather(futures)  # raises the first task's error (an ortaq.Error names file and line)
    return names


def convert_column(series, transliterator: ortaq.Transliterator, partitions: int):
    """Converts a pandas Series (or a Dask one) of str on the cluster, one value at a time:
    each value is converted as `ortaq convert` converts a file holding that value."""
    import dask.dataframe as dd
    column = series if isinstance(series, dd.Series) else dd.from_pandas(series, npartitions=partitions)
    # na_action: missing values stay missing (a table with holes is common in notebooks).
    return column.map_partitions(lambda part: part.map(transliterator, na_action="ignore"),
                                 meta=(series.name, "object"))


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from", dest="from_", required=True, help="source alphabet id, e.g. kk-Cyrl")
    parser.add_argument("--to", required=True, help="target alphabet id, or a .tbl file")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="a table option")
    parser.add_argument("--invalid", choices=["error", "replace", "skip"], default="error",
                        help="what to do with invalid UTF-8 (as the CLI's --invalid)")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler (else a LocalCluster)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes of the LocalCluster")
    parser.add_argument("--csv", help="convert a column of this CSV file instead of a directory")
    parser.add_argument("--column", help="with --csv: the column to convert")
    parser.add_argument("source", nargs="?", help="directory to convert (without --csv)")
    parser.add_argument("target", help="output directory (or CSV file with --csv)")
    args = parser.parse_args(argv)
    if bool(args.csv) != bool(args.column) or bool(args.csv) == bool(args.source):
        parser.error("give SOURCE_DIR TARGET_DIR, or --csv FILE --column NAME TARGET_CSV")
    if any("=" not in s for s in args.set):
        parser.error("--set takes KEY=VALUE")
    return args


def main(argv: list[str]) -> int:
    args = parse_arguments(argv)
    settings = dict(s.split("=", 1) for s in args.set)
    transliterator = ortaq.Transliterator(args.from_, args.to, invalid=args.invalid, settings=settings)
    with contextlib.ExitStack() as stack:
        if args.scheduler:
            client = stack.enter_context(distributed.Client(args.scheduler))
        else:
            cluster = stack.enter_context(distributed.LocalCluster(
                n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None))
            client = stack.enter_context(distributed.Client(cluster))
        if args.csv:
            import pandas as pd
            frame = pd.read_csv(args.csv, dtype=str, keep_default_na=False)
            converted = convert_column(frame[args.column], transliterator, partitions=args.workers * 2)
            frame[f"{args.column}_{args.to}"] = converted.compute()
            frame.to_csv(args.target, index=False)
        else:
            names = convert_directory(client, transliterator, args.source, args.target)
            print(f"converted {len(names)} files into {args.target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except ortaq.Error as e:
        print(f"dask_convert: {e}", file=sys.stderr)
        sys.exit(1)
