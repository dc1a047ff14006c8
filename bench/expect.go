package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"

	"github.com/go-informix/informix/ifxtest"
)

// tableSum is what one pass over a replay table returns: its rows and the
// sum of its first column.
type tableSum struct{ rows, firstSum int64 }

// tableSums computes tableSum for every table of ifxtest.BenchTables from
// its Row function, which the server encodes its answers from; it is
// independent of every client.
func tableSums() (map[string]tableSum, error) {
	out := make(map[string]tableSum)
	for _, t := range ifxtest.BenchTables() {
		s := tableSum{rows: int64(t.Rows)}
		for i := range t.Rows {
			v, ok := t.Row(i)[0].(int64)
			if !ok {
				return nil, fmt.Errorf("replay table %s: row %d: first column is %T, not int64", t.Name, i, t.Row(i)[0])
			}
			s.firstSum += v
		}
		out[t.Name] = s
	}
	return out, nil
}

// expected returns the count and checksum a correct client reports for n
// of workload d (see the protocol comment): for a fetch n passes over
// the table, for select_one n times the one row, for insert n rows with
// ids 1 … n (ifxtest.BenchRow: id i + 1 for row i), so n(n+1)/2, and for
// connect n connections.
func expected(d workloadDef, n int, sums map[string]tableSum) (count, checksum int64, err error) {
	switch {
	case d.kind == perOp:
		return int64(n), 0, nil
	case d.name == insertRows:
		return int64(n), int64(n) * int64(n+1) / 2, nil
	}
	s, ok := sums[d.table]
	if !ok {
		return 0, 0, fmt.Errorf("workload %s reads table %q, which is not a benchmark table", d.name, d.table)
	}
	if d.kind == latency {
		return int64(n), int64(n) * s.firstSum, nil
	}
	return int64(n) * s.rows, int64(n) * s.firstSum, nil
}

// checkResult refuses a result whose count or checksum is not what a
// client that read (or wrote) every row reports.
func checkResult(client string, d workloadDef, n int, r result, sums map[string]tableSum) error {
	count, checksum, err := expected(d, n, sums)
	if err != nil {
		return err
	}
	if r.count != count || r.checksum != checksum {
		return fmt.Errorf("%s %s %d: reported %d rows or operations with checksum %d, want %d with checksum %d",
			client, d.name, n, r.count, r.checksum, count, checksum)
	}
	if d.kind == latency && len(r.samples) != n {
		return fmt.Errorf("%s %s %d: %d latency samples, want %d", client, d.name, n, len(r.samples), n)
	}
	return nil
}

// writeRowsFile writes the first n insert rows (makeInsertRows, from
// ifxtest.BenchRow) as tab-separated text for the Java and Python
// clients, one row a line: id, name, amount (DECIMAL text), ts
// ("YYYY-MM-DD hh:mm:ss") and ratio (the shortest text that reads back as
// the same float64). Names hold only letters, digits, '_' and '-'.
func writeRowsFile(path string, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("rows file: %w", err)
	}
	w := bufio.NewWriter(f)
	for _, r := range makeInsertRows(n) {
		ratio := strconv.FormatFloat(r[4].(float64), 'g', -1, 64)
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\n", r[0], r[1], r[2], r[3], ratio)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("rows file: %w", err)
	}
	return f.Close()
}
