package ifxtest

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/go-informix/informix/ifxtest/internal/engine"
	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// maxStatements caps the statements one session may hold prepared at
// once: ids are int16 (SQLI.md §5).
const maxStatements = math.MaxInt16 + 1

// codeTooManyStatements is the error for a session that already holds
// maxStatements prepared statements: -208, "Memory allocation failed
// during query processing", the resource error of IBM's catalogue [I: no
// source shows what a real server does when its statement ids run out].
const codeTooManyStatements = -208

// stmt is one prepared statement of a session and the cursor over it.
type stmt struct {
	id     int16
	st     *engine.Statement
	cols   []ifxtype.Column   // st.Columns with start positions filled in
	layout *ifxtype.RowLayout // row encoder; nil for statements without columns
	tuple  int32              // maximum row length (DESCRIBE tuple size)
	// keys describes the generated-key row sent after each execution: set
	// by SQ_SGKPREPARE for an INSERT into a table with a serial column,
	// nil otherwise (see describeKeys).
	keys *keyRow

	binds    []any // the values of the last SQ_BIND, in marker order
	curName  string
	hold     bool // SQ_HOLD: keep the cursor open across COMMIT
	autoFree bool // SQ_AUTOFREE: free the statement when its cursor closes
	scroll   bool // SQ_SCROLL: the cursor is scrollable (SQ_SFETCH)

	cursor *cursor // the open cursor, nil if none

	// replay is set for a statement on a replay table, which is answered
	// without the engine (replay_conn.go); st is then built by the
	// server, and has no plan.
	replay *replayStmt
}

// closeCursor closes the statement's cursor, if one is open.
func (s *stmt) closeCursor() {
	if s.cursor != nil {
		s.cursor.close()
		s.cursor = nil
	}
}

// newStatementID returns the lowest id no prepared statement holds. The
// first statement of a session gets 0 (SQLI.md §5; [W: S1, S2]), and an id
// is free again once SQ_RELEASE completes: informix-driver sends SQ_ID 0
// for every statement it runs after releasing the previous one, which
// works only because a real server hands out the lowest free id.
func (c *conn) newStatementID() (int16, bool) {
	for id := 0; id < maxStatements; id++ {
		if _, taken := c.stmts[int16(id)]; !taken {
			return int16(id), true
		}
	}
	return 0, false
}

// prepare runs SQ_PREPARE or SQ_COMMAND: it compiles the text and makes the
// statement current, so that the SQ_NDESCRIBE, SQ_EXECUTE and SQ_RELEASE
// that follow in the group apply to it (SQLI.md §6.1, §6.2).
func (c *conn) prepare(text string) error {
	c.cur = nil
	sql, err := c.decodeSQL(text)
	if err != nil {
		return c.sendError(err)
	}
	id, ok := c.newStatementID()
	if !ok {
		return c.sendError(&engine.Error{SQLCode: codeTooManyStatements})
	}
	s, replayed, err := c.prepareReplay(id, sql)
	if !replayed {
		s, err = c.prepareEngine(id, sql)
	}
	if s == nil || err != nil {
		return err
	}
	c.stmts[id] = s
	c.cur = s
	return nil
}

// prepareEngine compiles sql with the engine as statement id. An Informix
// error is sent, and the statement is then nil.
func (c *conn) prepareEngine(id int16, sql string) (*stmt, error) {
	st, err := c.sess.Prepare(sql)
	if err != nil {
		return nil, c.sendError(c.clientOffset(err, sql))
	}
	s := &stmt{id: id, st: st}
	if err := layOut(s); err != nil {
		return nil, err
	}
	return s, nil
}

// decodeSQL converts statement text from the database code set, in which
// clients send it, to the engine's UTF-8. Bytes the code set cannot hold
// are -202, an illegal character in the statement. One trailing NUL is
// dropped: S4's JDBC 4.50 bytes count a NUL in the text's length and send
// it, and a real server accepts that form as well as the plain one
// (SQLI.md §6.1).
func (c *conn) decodeSQL(text string) (string, error) {
	text = strings.TrimSuffix(text, "\x00")
	sql, err := c.codeSet().Decode([]byte(text))
	if err != nil {
		return "", &engine.Error{SQLCode: codeIllegalCharacter, Message: err.Error()}
	}
	return sql, nil
}

// clientOffset converts the offset of an engine error, a byte position in
// the UTF-8 text sql, into a byte position in the text as the client sent
// it.
func (c *conn) clientOffset(err error, sql string) error {
	var e *engine.Error
	if !errors.As(err, &e) || e.Offset <= 0 || e.Offset > len(sql) || !utf8.ValidString(sql[:e.Offset]) {
		return err
	}
	prefix, aerr := c.codeSet().Append(nil, sql[:e.Offset])
	if aerr != nil {
		return err
	}
	out := *e
	out.Offset = len(prefix)
	return &out
}

// describe answers SQ_NDESCRIBE with the SQ_DESCRIBE of the current
// statement (SQLI.md §6.4). A SELECT from a replay table sends its
// description as encoded once (describeReplay).
func (c *conn) describe(s *stmt) error {
	if s.replay != nil && !s.replay.insert {
		return c.describeReplay(s)
	}
	c.w.Send(describeOf(s.st.Type, s.id, s.cols, s.tuple, c.features, c.codeSet()))
	return nil
}

// describeOf builds the SQ_DESCRIBE of a statement of type typ and id id
// whose rows have the laid-out columns cols and the tuple size tuple, for
// a client with features f whose character data is in code set cs.
func describeOf(typ sqli.StmtType, id int16, cols []ifxtype.Column, tuple int32, f sqli.Features, cs ifxtype.CodeSet) *sqli.Describe {
	d := &sqli.Describe{
		StatementType: typ,
		StatementID:   id,
		TupleSize:     tuple,
		Columns:       make([]sqli.DescribeColumn, len(cols)),
	}
	if !f.BigTuple && d.TupleSize > math.MaxInt16 {
		// Without feature 69 the tuple size is an i16 (SQLI.md §6.4);
		// informix-driver, which does not offer 69, does not use it.
		d.TupleSize = math.MaxInt16
	}
	for i, col := range cols {
		d.Columns[i] = sqli.DescribeColumn{
			Name:     wireTextIn(cs, col.Name, math.MaxInt32),
			Start:    col.Start,
			Type:     col.Type.Code,
			XID:      col.Type.XID,
			Owner:    col.Type.Owner,
			TypeName: col.Type.Name,
			Length:   col.Type.Length,
		}
	}
	return d
}

// wantDone answers SQ_WANTDONE: SQ_DONE and SQ_COST for the statement just
// prepared, with nothing processed yet (SQLI.md §6.2, §6.3).
func (c *conn) wantDone() {
	c.w.Send(&sqli.Done{})
	c.w.Send(&sqli.Cost{})
}

// describeInput answers SQ_CIDESCRIBE with SQ_IDESCRIBE, the types of the
// statement's '?' parameters as far as the engine knows them (SQLI.md
// §6.17; [B: S4]; the layout JDBC reads, sqli.IDescribe). JDBC 15.0.0.1.1
// sends SQ_CIDESCRIBE after preparing a statement with parameters.
func (c *conn) describeInput(s *stmt) {
	m := &sqli.IDescribe{Params: make([]sqli.IDescribeParam, len(s.st.Params))}
	for i, t := range s.st.Params {
		m.Params[i] = sqli.IDescribeParam{Type: t.Code, XID: t.XID, Length: t.Length}
	}
	c.w.Send(m)
}

// bind decodes SQ_BIND's values into Go values for the engine (SQLI.md
// §6.7). A value whose bytes do not decode is -1213, the conversion error.
//
// The values bound to a statement on a replay table are not decoded:
// sqli.Bind has framed them, which keeps the stream in step, and nothing
// uses them.
func (c *conn) bind(s *stmt, m *sqli.Bind) error {
	if s.replay != nil {
		s.binds = nil
		return nil
	}
	vals := make([]any, len(m.Values))
	for i, v := range m.Values {
		val, err := c.bindValue(v)
		if err != nil {
			return c.sendError(&engine.Error{SQLCode: codeConversion, Message: fmt.Sprintf("parameter %d: %v", i+1, err)})
		}
		vals[i] = val
	}
	s.binds = vals
	return nil
}

// bindValue decodes one bind value. NULL is nil.
//
// The column-default indicator (-2) is passed on as NULL: the engine's
// arguments have no way to say "default" (engine contract), and neither
// client this server is tested with sends it.
//
// A fixed-width value whose bytes are the type's NULL form (INTEGER
// -2147483648, all-FF floats, …) is NULL, as a real server reads it:
// Informix has no other representation for those values (TYPES.md §6).
// ifxtype's DecodeBind refuses them, so they are decoded as row bytes.
func (c *conn) bindValue(v sqli.BindValue) (any, error) {
	if v.Indicator != sqli.IndicatorValue {
		return nil, nil
	}
	t := ifxtype.Type{Code: v.Type, Owner: v.Owner, Name: v.TypeName}
	codec, err := ifxtype.CodecFor(t)
	if err != nil {
		return nil, err
	}
	val, err := codec.DecodeBind(v.Prec, v.Data, c.codeSet())
	if err == nil {
		return val, nil
	}
	if fixedBindType(t.Base()) {
		if rv, rerr := codec.DecodeRow(t, v.Data, false, c.codeSet()); rerr == nil && rv == nil {
			return nil, nil
		}
	}
	return nil, err
}

// fixedBindType reports whether a bind value of base type b has the same
// bytes as the type's column in a row (TYPES.md §4).
func fixedBindType(b sqli.TypeCode) bool {
	switch b {
	case sqli.TypeSmallInt, sqli.TypeInteger, sqli.TypeSerial, sqli.TypeDate,
		sqli.TypeSmallFloat, sqli.TypeFloat, sqli.TypeBigInt, sqli.TypeBigSerial,
		sqli.TypeInt8, sqli.TypeSerial8:
		return true
	}
	return false
}

// execute runs SQ_EXECUTE on a statement that returns no rows and answers
// [SQ_INSERTDONE] SQ_DONE SQ_COST (SQLI.md §6.9, §7.3).
func (c *conn) execute(s *stmt) error {
	if s.st.Cursor {
		// A statement returning rows runs through a cursor; ESQL's
		// EXECUTE of a SELECT without INTO has nowhere to put them.
		return c.sendError(&engine.Error{SQLCode: codeNotAvailable, Message: "statement returns rows; open a cursor"})
	}
	if s.replay != nil {
		c.executeReplay(s)
		return nil
	}
	var res engine.Result
	err := c.interruptible(func(ctx context.Context) error {
		var err error
		res, err = c.sess.Execute(ctx, s.st, s.binds)
		return err
	})
	if err != nil {
		return c.sendError(c.clientOffset(err, s.st.SQL))
	}
	if err := c.sendKeys(s, res); err != nil {
		return err
	}
	if res.InsertDone {
		c.w.Send(&sqli.InsertDone{Serial8: res.Serial8, BigSerial: res.BigSerial})
	}
	c.w.Send(&sqli.Done{Rows: res.Rows, RowID: res.RowID, Serial: res.Serial})
	c.w.Send(&sqli.Cost{})
	return nil
}

// releaseStatement runs SQ_RELEASE: it closes the statement's cursor and
// frees the statement, whose id is then free again (SQLI.md §6.14). A
// release with no statement does nothing.
func (c *conn) releaseStatement(s *stmt) {
	if s == nil {
		return
	}
	s.closeCursor()
	if c.stmts[s.id] == s {
		delete(c.stmts, s.id)
	}
	if c.cur == s {
		c.cur = nil
	}
}
