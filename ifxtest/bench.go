package ifxtest

import (
	"strconv"
	"strings"
	"time"

	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// Names of the built-in benchmark tables (BenchTables).
const (
	BenchRows = "bench_rows" // 100 000 rows of five typed columns
	BenchWide = "bench_wide" // 1 000 rows of 100 INTEGER columns
	BenchOne  = "bench_one"  // one row of one INTEGER
	BenchLOB  = "bench_lob"  // 1 000 rows of an INTEGER and 4 096 bytes of text
	BenchIns  = "bench_ins"  // the insert target: bench_rows's columns, no rows
)

// Column types of the benchmark tables, encoded as the engine's catalog
// describes them (TYPES.md §2.1): INTEGER's length is 4, FLOAT's 8,
// VARCHAR(m)'s m, DECIMAL(p,s)'s p<<8|s, DATETIME's the qualifier, and
// LVARCHAR(m) is the opaque type 40 with extended id 1 named lvarchar,
// length m [I: the engine's reading of TYPES.md §1.1, §5.10 (engine
// tLVarChar); IBM JDBC and informix-driver both read it].
var (
	benchInteger = ifxtype.Type{Code: sqli.TypeInteger, Length: 4}
	benchName    = ifxtype.Type{Code: sqli.TypeVarChar, Length: 32}
	benchAmount  = ifxtype.Type{Code: sqli.TypeDecimal, Length: 12<<8 | 2}
	benchTS      = ifxtype.Type{Code: sqli.TypeDateTime, Length: int32(benchYearToSecond)}
	benchRatio   = ifxtype.Type{Code: sqli.TypeFloat, Length: 8}
	benchDoc     = ifxtype.Type{Code: sqli.TypeUDTVar, XID: ifxtype.XIDLVarChar, Owner: "informix", Name: "lvarchar", Length: benchDocLen}
)

// benchYearToSecond is the qualifier of DATETIME YEAR TO SECOND: 14
// digits, start YEAR (0), end SECOND (10), as digits<<8 | start<<4 | end
// (TYPES.md §2.1).
const benchYearToSecond = ifxtype.Qualifier(14<<8 | 0<<4 | 10)

// benchDocLen is the length of every bench_lob document.
const benchDocLen = 4096

// BenchTables returns the benchmark workloads as replay tables, for
// Config.Replay (ifxtestd -replay serves them) and for benchmarks that
// build the same tables elsewhere (ReplayTable.CreateSQL, ReplayTable.Row).
// Each call returns new values; the rows are the same on every call and
// on every platform.
//
//   - bench_rows: 100 000 rows of (id INTEGER, name VARCHAR(32), amount
//     DECIMAL(12,2), ts DATETIME YEAR TO SECOND, ratio FLOAT); see
//     BenchRow for the values.
//   - bench_wide: 1 000 rows of 100 INTEGER columns c1 … c100; in row i
//     (from 0), column cj holds 100·i + j, negated when i + j is odd.
//   - bench_one: one row of one INTEGER column, one, holding 1.
//   - bench_lob: 1 000 rows of (id INTEGER, doc LVARCHAR(4096)); row i
//     holds id i + 1 and 4 096 bytes of ASCII text: a paragraph repeated,
//     starting at its character i mod its length.
//   - bench_ins: bench_rows's columns and no rows, the target of insert
//     benchmarks; its Row is BenchRow, the rows to insert.
func BenchTables() []ReplayTable {
	return []ReplayTable{
		{Name: BenchRows, Columns: benchRowsColumns(), Rows: 100_000, Row: BenchRow},
		{Name: BenchWide, Columns: benchWideColumns(), Rows: 1_000, Row: benchWideRow},
		{Name: BenchOne, Columns: []ifxtype.Column{{Name: "one", Type: benchInteger}}, Rows: 1,
			Row: func(int) []any { return []any{int64(1)} }},
		{Name: BenchLOB, Columns: []ifxtype.Column{{Name: "id", Type: benchInteger}, {Name: "doc", Type: benchDoc}},
			Rows: 1_000, Row: benchLOBRow},
		{Name: BenchIns, Columns: benchRowsColumns(), Rows: 0, Row: BenchRow},
	}
}

// benchRowsColumns returns the columns of bench_rows and bench_ins.
func benchRowsColumns() []ifxtype.Column {
	return []ifxtype.Column{
		{Name: "id", Type: benchInteger},
		{Name: "name", Type: benchName},
		{Name: "amount", Type: benchAmount},
		{Name: "ts", Type: benchTS},
		{Name: "ratio", Type: benchRatio},
	}
}

// benchAlphabet is where bench_rows's names are cut from.
const benchAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"

// benchEpoch is the ts of bench_rows's first row.
var benchEpoch = time.Date(2020, time.January, 1, 0, 0, 0, 0, time.UTC)

// BenchRow returns row i (from 0) of bench_rows, which is also the i-th
// row insert benchmarks write into bench_ins, as the values ifxtype
// encodes: int64, string, ifxtype.Decimal, ifxtype.DateTime, float64.
//
//   - id: i + 1.
//   - name: 8 + (7·i mod 25) characters (8 to 32) of
//     "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-",
//     starting at position i mod 32.
//   - amount: r / 10^(i mod 8) hundredths, r = (2 654 435 761·i mod
//     20 000 000 001) − 10 000 000 000, the division truncated: both
//     signs, from 0 up to 9 integer digits.
//   - ts: 2020-01-01 00:00:00 plus 3 607·i seconds (UTC fields), so every
//     row has its own.
//   - ratio: ((7 919·i mod 20 011) − 10 005) / 7.
func BenchRow(i int) []any {
	n := int64(i)
	start, length := i%32, 8+(7*i)%25
	r := (2_654_435_761*n)%20_000_000_001 - 10_000_000_000
	for range i % 8 {
		r /= 10
	}
	t := benchEpoch.Add(time.Duration(n) * 3607 * time.Second)
	ts := ifxtype.DateTime{Year: t.Year(), Month: int(t.Month()), Day: t.Day(),
		Hour: t.Hour(), Minute: t.Minute(), Second: t.Second(), Qualifier: benchYearToSecond}
	ratio := float64((7_919*n)%20_011-10_005) / 7
	return []any{n + 1, benchAlphabet[start : start+length], ifxtype.NewDecimal(r, -2), ts, ratio}
}

// benchWideColumns returns c1 … c100, all INTEGER.
func benchWideColumns() []ifxtype.Column {
	cols := make([]ifxtype.Column, 100)
	for j := range cols {
		cols[j] = ifxtype.Column{Name: "c" + strconv.Itoa(j+1), Type: benchInteger}
	}
	return cols
}

// benchWideRow returns row i of bench_wide.
func benchWideRow(i int) []any {
	row := make([]any, 100)
	for j := 1; j <= 100; j++ {
		v := int64(100*i + j)
		if (i+j)%2 == 1 {
			v = -v
		}
		row[j-1] = v
	}
	return row
}

// benchParagraph is the text bench_lob's documents repeat.
const benchParagraph = "Informix stores this text in an LVARCHAR column of a replay table; " +
	"every row holds four kilobytes of it, starting at its own offset, so that clients " +
	"decode long character values. "

// benchText is benchParagraph repeated to cover any document's window.
var benchText = strings.Repeat(benchParagraph, (benchDocLen+len(benchParagraph))/len(benchParagraph)+1)

// benchLOBRow returns row i of bench_lob.
func benchLOBRow(i int) []any {
	off := i % len(benchParagraph)
	return []any{int64(i + 1), benchText[off : off+benchDocLen]}
}
