package ifxtest

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/go-informix/informix/ifxtest/internal/engine"
	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// ReplayTable is a table of replay mode, the server's benchmark mode
// (ARCHITECTURE.md, ifxtest): its rows are encoded once, and every SELECT
// from it is answered with them without running the query; every INSERT
// into it is acknowledged without storing anything. Config.Replay says
// which statements replay. BenchTables returns the built-in ones.
type ReplayTable struct {
	// Name is the table name: letters, digits, '_' and '$', not starting
	// with a digit, compared case-insensitively, as Informix compares
	// names that are not delimited. It must be unique among the replay
	// tables; a replay table hides an engine table of the same name.
	Name string
	// Columns are the table's columns in order, each a non-empty Name
	// and a Type that package ifxtype has a codec for. Start is ignored:
	// rows are laid out and described exactly as the engine's results are.
	Columns []ifxtype.Column
	// Rows is the number of rows a SELECT returns; 0 or more.
	Rows int
	// Row returns the values of row i (0 ≤ i < Rows), one per column, as
	// Go values the column type's ifxtype codec encodes (nil for NULL).
	// It must return the same values for the same i, and be safe to call
	// from several goroutines. The server calls it for every row when it
	// starts, and again for a database whose code set differs from those
	// of the configured databases (one created with CREATE DATABASE). It is required
	// when Rows > 0, and may be set when Rows is 0 to give the rows that
	// clients insert (as BenchTables does for bench_ins).
	Row func(i int) []any
}

// CreateSQL returns the CREATE TABLE statement of an ordinary table with
// t's name and columns, e.g. "CREATE TABLE bench_one (one INTEGER)", for
// filling a real server or an engine database with the same rows.
func (t ReplayTable) CreateSQL() string {
	var b strings.Builder
	b.WriteString("CREATE TABLE " + t.Name + " (")
	for i, c := range t.Columns {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(c.Name + " " + c.Type.SQLName())
		if c.Type.Code.NotNull() {
			b.WriteString(" NOT NULL")
		}
	}
	b.WriteString(")")
	return b.String()
}

// check refuses a table the server could not serve.
func (t ReplayTable) check() error {
	if !plainName(t.Name) {
		return fmt.Errorf("replay table name %q is not a plain name (letters, digits, '_', '$', not starting with a digit)", t.Name)
	}
	if len(t.Columns) == 0 {
		return fmt.Errorf("replay table %s has no columns", t.Name)
	}
	for i, c := range t.Columns {
		if c.Name == "" || strings.IndexByte(c.Name, 0) >= 0 {
			return fmt.Errorf("replay table %s: column %d has an empty name or one with a NUL byte", t.Name, i+1)
		}
		if _, err := ifxtype.CodecFor(c.Type); err != nil {
			return fmt.Errorf("replay table %s: column %s: %w", t.Name, c.Name, err)
		}
	}
	if t.Rows < 0 {
		return fmt.Errorf("replay table %s: %d rows", t.Name, t.Rows)
	}
	if t.Rows > 0 && t.Row == nil {
		return fmt.Errorf("replay table %s: %d rows and no Row function", t.Name, t.Rows)
	}
	return nil
}

// plainName reports whether s is a name a statement can give without
// quotes, so that the statement scanner can find it.
func plainName(s string) bool {
	if s == "" || s[0] >= '0' && s[0] <= '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isWordByte(s[i]) || s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// replaySet holds the server's replay tables by lower-case name. It is
// shared by every connection; each table is immutable but for its
// results cache and its ROWID counter.
type replaySet map[string]*replayTable

// newReplaySet checks the tables, lays out their rows and encodes them in
// each of the given code sets. It returns nil for no tables.
func newReplaySet(tables []ReplayTable, codeSets []ifxtype.CodeSet) (replaySet, error) {
	if len(tables) == 0 {
		return nil, nil
	}
	set := make(replaySet, len(tables))
	for _, def := range tables {
		if err := def.check(); err != nil {
			return nil, fmt.Errorf("ifxtest: config: %w", err)
		}
		key := strings.ToLower(def.Name)
		if set[key] != nil {
			return nil, fmt.Errorf("ifxtest: config: replay table %q is configured twice", def.Name)
		}
		t, err := newReplayTable(def)
		if err != nil {
			return nil, err
		}
		for _, cs := range codeSets {
			if _, err := t.result(cs); err != nil {
				return nil, err
			}
		}
		set[key] = t
	}
	return set, nil
}

// replayTable is one replay table as the server serves it.
type replayTable struct {
	def    ReplayTable
	cols   []ifxtype.Column // def.Columns with start positions, as layOut sets them
	layout *ifxtype.RowLayout
	tuple  int32        // the DESCRIBE tuple size
	rowID  atomic.Int64 // the ROWID the last acknowledged INSERT reported

	mu      sync.Mutex
	results map[string]*replayResult // by code set name
}

// newReplayTable lays out def's rows with layOut, the function that lays
// out the engine's results, so that both describe the same columns alike.
func newReplayTable(def ReplayTable) (*replayTable, error) {
	s := &stmt{st: &engine.Statement{Columns: def.Columns}}
	if err := layOut(s); err != nil {
		return nil, fmt.Errorf("ifxtest: replay table %s: %w", def.Name, err)
	}
	return &replayTable{def: def, cols: s.cols, layout: s.layout, tuple: s.tuple,
		results: make(map[string]*replayResult)}, nil
}

// result returns the table's rows encoded in code set cs, encoding them
// on first use.
func (t *replayTable) result(cs ifxtype.CodeSet) (*replayResult, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if r := t.results[cs.Name()]; r != nil {
		return r, nil
	}
	r, err := t.encode(cs)
	if err != nil {
		return nil, err
	}
	t.results[cs.Name()] = r
	return r, nil
}

// encode encodes every row as a complete SQ_TUPLE message (SQLI.md
// §6.12), the rows back to back, and records where each one ends.
func (t *replayTable) encode(cs ifxtype.CodeSet) (*replayResult, error) {
	r := &replayResult{table: t, cs: cs, ends: make([]int, 0, t.def.Rows), describes: make(map[sqli.Features][]byte)}
	e := sqli.NewEncoder(nil, sqli.Features{})
	var row []byte
	for i := range t.def.Rows {
		var err error
		row, err = t.layout.AppendRow(row[:0], t.def.Row(i), cs)
		if err != nil {
			return nil, fmt.Errorf("ifxtest: replay table %s: row %d in code set %s: %w", t.def.Name, i, cs.Name(), err)
		}
		(&sqli.Tuple{Data: row}).Encode(e)
		r.ends = append(r.ends, e.Len())
	}
	if err := e.Err(); err != nil {
		return nil, fmt.Errorf("ifxtest: replay table %s: %w", t.def.Name, err)
	}
	r.tuples = bytes.Clone(e.Bytes())
	return r, nil
}

// replayResult is a replay table's rows encoded in one code set: what
// every SELECT from the table is answered with. Only describes changes
// after it is built.
type replayResult struct {
	table  *replayTable
	cs     ifxtype.CodeSet
	tuples []byte // the SQ_TUPLE messages of every row, back to back
	ends   []int  // ends[i] is the offset in tuples just past row i's message

	mu        sync.Mutex
	describes map[sqli.Features][]byte // SQ_DESCRIBE with statement id 0, by feature set
}

// describeIDOffset is where the statement id sits in an encoded
// SQ_DESCRIBE: after the tag and the statement type (sqli.Describe).
const describeIDOffset = 4

// describe returns the SELECT's SQ_DESCRIBE encoded with features f and
// statement id 0, encoding it on first use. It is built by describeOf,
// as every other description is.
func (r *replayResult) describe(f sqli.Features) ([]byte, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if b := r.describes[f]; b != nil {
		return b, nil
	}
	t := r.table
	b, err := sqli.Encode(describeOf(sqli.StmtSelect, 0, t.cols, t.tuple, f, r.cs), f)
	if err != nil {
		return nil, fmt.Errorf("replay table %s: encode SQ_DESCRIBE: %w", t.def.Name, err)
	}
	r.describes[f] = b
	return b, nil
}

// rows returns the number of rows.
func (r *replayResult) rows() int { return len(r.ends) }

// start returns the offset of row i's message in tuples.
func (r *replayResult) start(i int) int {
	if i == 0 {
		return 0
	}
	return r.ends[i-1]
}

// payload returns the row payload of row i, without its message header
// and pad; it aliases tuples and must not be modified.
func (r *replayResult) payload(i int) []byte {
	msg := r.tuples[r.start(i):r.ends[i]]
	n := binary.BigEndian.Uint32(msg[4:tupleOverhead])
	return msg[tupleOverhead : tupleOverhead+int(n)]
}
