package ifxtest

import (
	"fmt"
	"sort"
	"strings"

	"github.com/go-informix/informix/ifxtest/internal/engine"
	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// Informix error codes of replay INSERTs, as the engine raises them for
// an ordinary table (IBM's error catalogue).
const (
	codeNoColumn       = -217 // Column (%s) not found in any table in the query.
	codeInsertCount    = -236 // Number of columns in INSERT does not match number of VALUES.
	codeColumnRepeated = -328 // Column (%s) already specified in this INSERT [I: the engine's choice].
)

// untypedParam is the type SQ_IDESCRIBE gives each '?' of a replay
// SELECT, whose WHERE is not read: CHAR(255). IBM JDBC 15.0.0.1.1 needs
// one entry per marker before a PreparedStatement may bind it, and
// converts each value to the type described: told CHAR, it binds setInt,
// setBigDecimal, setTimestamp and setDouble as CHAR text. Told
// VARCHAR(255), the engine's type for a marker nothing types (engine
// paramTypes), it binds them as type 13 text with CHAR's u16 length and
// pad, which sqli.Bind reads too (docs/protocol.md, "Bind value framing";
// conformance/testdata/jdbc/varchar_params.golden).
var untypedParam = ifxtype.Type{Code: sqli.TypeChar, Length: 255}

// replayStmt is the replay side of a statement on a replay table.
type replayStmt struct {
	table  *replayTable
	insert bool          // an INSERT; otherwise a SELECT
	result *replayResult // a SELECT's rows in the connection's code set
}

// prepareReplay prepares sql as statement id when it is a SELECT from or
// an INSERT into a replay table of the server and a database is open.
// replayed is false for every other statement, which the engine prepares.
// When replayed is true and s is nil, an Informix error has been sent.
func (c *conn) prepareReplay(id int16, sql string) (s *stmt, replayed bool, err error) {
	if c.srv.replay == nil || c.db == nil {
		return nil, false, nil
	}
	rs, ok := parseReplayStatement(sql)
	if !ok {
		return nil, false, nil
	}
	t := c.srv.replay[rs.table]
	if t == nil {
		return nil, false, nil
	}
	if rs.insert {
		s, err = c.prepareReplayInsert(id, sql, t, rs)
		return s, true, err
	}
	res, err := t.result(c.codeSet())
	if err != nil {
		// A row the database's code set cannot hold (a database created
		// after the server started, with a locale no configured database
		// has).
		return nil, true, c.sendError(&engine.Error{SQLCode: codeConversion, Message: err.Error()})
	}
	st := &engine.Statement{Type: sqli.StmtSelect, Columns: t.cols, Cursor: true, SQL: sql,
		Params: make([]ifxtype.Type, rs.markers)}
	for i := range st.Params {
		st.Params[i] = untypedParam
	}
	s = &stmt{id: id, st: st, cols: t.cols, layout: t.layout, tuple: t.tuple,
		replay: &replayStmt{table: t, result: res}}
	return s, true, nil
}

// prepareReplayInsert prepares an INSERT into replay table t as the
// engine prepares one into an ordinary table (compileInsert): statement
// type 6, the target columns described when there are markers, and the
// target columns' types, NOT NULL cleared, as the parameter types of
// SQ_IDESCRIBE. Marker k is taken to fill target column k, which holds
// when the VALUES list is all markers; the list is not read.
func (c *conn) prepareReplayInsert(id int16, sql string, t *replayTable, rs replayStatement) (*stmt, error) {
	target, err := t.targetColumns(rs.columns)
	if err != nil {
		return nil, c.sendError(err)
	}
	if rs.markers > len(target) {
		return nil, c.sendError(&engine.Error{SQLCode: codeInsertCount})
	}
	st := &engine.Statement{Type: sqli.StmtInsert, SQL: sql, Params: make([]ifxtype.Type, rs.markers)}
	for i := range st.Params {
		st.Params[i] = target[i].Type
		st.Params[i].Code &^= sqli.FlagNotNull
	}
	if rs.markers > 0 {
		st.Columns = target
	}
	s := &stmt{id: id, st: st, replay: &replayStmt{table: t, insert: true}}
	if err := layOut(s); err != nil {
		return nil, err
	}
	return s, nil
}

// targetColumns returns the columns an INSERT with column list names
// fills: all of them, in order, for an empty list.
func (t *replayTable) targetColumns(names []string) ([]ifxtype.Column, error) {
	if len(names) == 0 {
		return t.def.Columns, nil
	}
	out := make([]ifxtype.Column, 0, len(names))
	seen := make(map[int]bool, len(names))
	for _, name := range names {
		i := t.columnIndex(name)
		if i < 0 {
			return nil, &engine.Error{SQLCode: codeNoColumn, Message: name}
		}
		if seen[i] {
			return nil, &engine.Error{SQLCode: codeColumnRepeated, Message: name}
		}
		seen[i] = true
		out = append(out, t.def.Columns[i])
	}
	return out, nil
}

// columnIndex returns the index of the column called name, compared as
// Informix compares undelimited names, or -1.
func (t *replayTable) columnIndex(name string) int {
	for i, c := range t.def.Columns {
		if strings.EqualFold(c.Name, name) {
			return i
		}
	}
	return -1
}

// describeReplay sends a replay SELECT's SQ_DESCRIBE: the bytes encoded
// once for the connection's features, with the statement's id written
// over the id 0 they hold.
func (c *conn) describeReplay(s *stmt) error {
	b, err := s.replay.result.describe(c.features)
	if err != nil {
		return err
	}
	c.w.SendRaw(b[:describeIDOffset])
	c.w.Encoder().Int16(s.id)
	c.w.SendRaw(b[describeIDOffset+2:])
	return nil
}

// fetchReplay runs SQ_NFETCH on a replay cursor with the batching rules of
// fetch: the next rows whose SQ_TUPLE messages fit in bufSize bytes, at
// least one, no row split, and SQ_DONE with the rows sent so far once the
// last row has gone (then SQ_CLOSE with OPTOFC, endResult). The batch is
// one slice of the pre-encoded messages, found by a binary search of the
// row ends.
func (c *conn) fetchReplay(s *stmt, bufSize int32) error {
	cu := s.cursor
	r := cu.replay
	if first := cu.next; first < r.rows() {
		start := r.start(first)
		fit := sort.Search(r.rows()-first, func(k int) bool { return r.ends[first+k]-start > int(bufSize) })
		end := first + max(fit, 1)
		if err := c.sendEncoded(r.tuples[start:r.ends[end-1]]); err != nil {
			return err
		}
		cu.fetched += int64(end - first)
		cu.next = end
	}
	if cu.next == r.rows() {
		cu.done = true
		c.endResult(s)
	}
	return nil
}

// nextReplayRow returns the payload of a replay cursor's next row and
// moves past it, or marks the cursor done and returns nil at the end.
func (cu *cursor) nextReplayRow() []byte {
	if cu.next >= cu.replay.rows() {
		cu.done = true
		return nil
	}
	cu.next++
	return cu.replay.payload(cu.next - 1)
}

// sendEncoded sends encoded messages. Up to flushThreshold bytes in all
// are copied into the answer queue; a larger block is written to the
// connection as it is, after what was queued before it, so that a long
// batch costs no copy and streams as fetch's batches do.
func (c *conn) sendEncoded(b []byte) error {
	if c.w.Buffered()+len(b) <= flushThreshold {
		c.w.SendRaw(b)
		return nil
	}
	if err := c.flush(); err != nil {
		return err
	}
	if _, err := c.nc.Write(b); err != nil {
		return fmt.Errorf("write answer: %w", err)
	}
	return nil
}

// executeReplay acknowledges an execution of an INSERT into a replay
// table: SQ_DONE with one row and SQ_COST (SQLI.md §7.3), nothing stored.
// The ROWID counts up per table from 1, as the engine's ROWIDs do in a
// new table; no SERIAL value is generated.
func (c *conn) executeReplay(s *stmt) {
	c.w.Send(&sqli.Done{Rows: 1, RowID: s.replay.table.rowID.Add(1)})
	c.w.Send(&sqli.Cost{})
}
