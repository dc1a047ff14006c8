"""The informix-driver client of go-informix's benchmark harness.

Usage: python bench.py HOST:PORT ROWS_TSV CHUNK

It uses informix-driver (module informix_db) through its public DB-API the
way an application would: cursor.execute and iteration for queries,
executemany for inserts, connect and close. ROWS_TSV holds the rows to insert
(id, name, amount, ts, ratio, tab-separated; written by the harness from
ifxtest.BenchRow); CHUNK is the number of rows per executemany call. Commands
arrive on standard input, one a line ("run WORKLOAD N [SQL]"), and each gets
one line on standard output (bench/protocol.go describes the protocol).
"""

from __future__ import annotations

import datetime
import decimal
import platform
import sys
import time

import informix_db

USER = "informix"
PASSWORD = "in4mix"
SERVER = "ifxtest"
DATABASE = "testdb"


class Bench:
    """Holds the connections and the insert rows, and runs workloads."""

    def __init__(self, addr: str, rows_file: str, chunk: int):
        host, port = addr.rsplit(":", 1)
        self.host, self.port = host, int(port)
        self.rows_file = rows_file
        self.chunk = chunk
        self.rows: list[tuple] | None = None
        # Queries run on a connection in autocommit mode, as the driver
        # would otherwise open a transaction for every SELECT; inserts on
        # one with autocommit off (the DB-API default), so that a run is
        # one transaction ended by commit.
        self.reader = self.connect(autocommit=True)
        self.writer = self.connect(autocommit=False)

    def connect(self, autocommit: bool = True) -> informix_db.Connection:
        return informix_db.connect(self.host, self.port, user=USER, password=PASSWORD,
                                   database=DATABASE, server=SERVER, autocommit=autocommit)

    def run(self, workload: str, n: int, sql: str) -> str:
        """Returns "COUNT CHECKSUM ELAPSED_NS [SAMPLES]" for n of the workload."""
        if workload in ("fetch_rows", "fetch_wide", "fetch_lob"):
            return self.fetch(n, sql)
        if workload == "select_one":
            return self.select_one(n, sql)
        if workload == "insert":
            return self.insert(n, sql)
        if workload == "connect":
            return self.connects(n)
        raise ValueError(f"unknown workload {workload}")

    def fetch(self, passes: int, sql: str) -> str:
        rows = total = 0
        start = time.perf_counter_ns()
        for _ in range(passes):
            cur = self.reader.cursor()
            cur.execute(sql)
            for row in cur:
                total += row[0]
                rows += 1
            cur.close()
        return f"{rows} {total} {time.perf_counter_ns() - start}"

    def select_one(self, n: int, sql: str) -> str:
        cur = self.reader.cursor()
        samples = [0] * n
        total = 0
        clock = time.perf_counter_ns
        start = clock()
        for i in range(n):
            t0 = clock()
            cur.execute(sql)
            total += cur.fetchone()[0]
            samples[i] = clock() - t0
        elapsed = clock() - start
        cur.close()
        return f"{n} {total} {elapsed} " + " ".join(map(str, samples))

    def load_rows(self) -> list[tuple]:
        rows = []
        with open(self.rows_file, encoding="utf-8") as f:
            for line in f:
                i, name, amount, ts, ratio = line.rstrip("\n").split("\t")
                rows.append((int(i), name, decimal.Decimal(amount),
                             datetime.datetime.fromisoformat(ts), float(ratio)))
        return rows

    def insert(self, n: int, sql: str) -> str:
        if self.rows is None:
            self.rows = self.load_rows()
        if n > len(self.rows):
            raise ValueError(f"insert {n}: the rows file has {len(self.rows)} rows")
        rows = self.rows[:n]
        id_sum = sum(r[0] for r in rows)
        affected = 0
        start = time.perf_counter_ns()
        cur = self.writer.cursor()
        for k in range(0, n, self.chunk):
            cur.executemany(sql, rows[k:k + self.chunk])
            affected += cur.rowcount
        cur.close()
        self.writer.commit()
        return f"{affected} {id_sum} {time.perf_counter_ns() - start}"

    def connects(self, n: int) -> str:
        start = time.perf_counter_ns()
        for _ in range(n):
            self.connect().close()
        return f"{n} 0 {time.perf_counter_ns() - start}"

    def close(self) -> None:
        self.reader.close()
        self.writer.close()


def answer(b: Bench, line: str) -> str:
    parts = line.split(" ", 3)
    if len(parts) < 3 or parts[0] != "run":
        return f"error bench.py: not a run command: {line}"
    try:
        sql = parts[3] if len(parts) > 3 else ""
        return f"result {parts[1]} " + b.run(parts[1], int(parts[2]), sql)
    except Exception as e:  # noqa: BLE001 - every failure goes back to the harness
        return "error " + f"{type(e).__name__}: {e}".replace("\n", " ")


def main() -> int:
    if len(sys.argv) != 4:
        print("usage: bench.py HOST:PORT ROWS_TSV CHUNK", file=sys.stderr)
        return 64
    b = Bench(sys.argv[1], sys.argv[2], int(sys.argv[3]))
    print(f"info driver informix-driver {informix_db.__version__}")
    print(f"info runtime {platform.python_implementation()} {platform.python_version()}")
    print("ready", flush=True)
    for line in sys.stdin:
        line = line.rstrip("\n")
        if line == "quit":
            break
        print(answer(b, line), flush=True)
    b.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
