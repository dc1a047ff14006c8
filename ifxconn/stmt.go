package ifxconn

import (
	"context"
	"fmt"

	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// Result is what an Exec reports: the rows it affected (SQ_DONE) and the
// serial value an INSERT generated: SERIAL from SQ_DONE, SERIAL8 or
// BIGSERIAL from SQ_INSERTDONE (SQLI.md §6.9, §7.3). HasSerial is false
// when the statement generated none.
type Result struct {
	RowsAffected int64
	Serial       int64
	HasSerial    bool
}

// Stmt is a statement prepared on the server (SQ_PREPARE). It stays
// prepared, under its server-assigned id, until Close sends SQ_RELEASE.
// Its methods use the Conn's entry lock like the Conn's own.
type Stmt struct {
	c         *Conn
	sql       string
	id        int16
	typ       sqli.StmtType
	desc      []sqli.DescribeColumn // the result columns as described
	cols      []ifxtype.Column
	layout    *ifxtype.RowLayout
	numParams int
	nullTypes []sqli.TypeCode // from SQ_IDESCRIBE, once asked
	described bool            // SQ_CIDESCRIBE was answered
	closed    bool
	open      *Rows // the Rows over this statement's cursor until it closes, or nil
}

// Columns returns the result columns; it is empty for statements that
// return no rows.
func (s *Stmt) Columns() []ifxtype.Column { return s.cols }

// NumParams returns the number of '?' markers in the text, counted as JDBC
// counts them (outside literals and comments).
func (s *Stmt) NumParams() int { return s.numParams }

// Type returns the statement type the server described (SQLI.md §5).
func (s *Stmt) Type() sqli.StmtType { return s.typ }

// returnsRows reports whether the statement runs through a cursor.
func (s *Stmt) returnsRows() bool { return describesRows(s.typ, len(s.desc)) }

// describesRows reports whether a statement of type typ described with
// ncols columns runs through a cursor: a SELECT, or a routine call that
// describes result columns (SQLI.md §5: decide by statement type, not by
// column count, since an INSERT with parameters describes columns too).
func describesRows(typ sqli.StmtType, ncols int) bool {
	return typ == sqli.StmtSelect || typ == sqli.StmtExecuteProcedure && ncols > 0
}

// Prepare prepares sql in one round trip: SQ_PREPARE (with the '?' count),
// SQ_NDESCRIBE, SQ_WANTDONE, SQ_EOT, as JDBC sends it (SQLI.md §6.2;
// conformance/testdata/jdbc: the text without a trailing NUL, padded when
// its length is odd). A statement the server refuses is a *ServerError
// and the connection stays usable.
func (c *Conn) Prepare(ctx context.Context, sql string) (*Stmt, error) {
	o, err := c.begin(ctx, "prepare", nil)
	if err != nil {
		return nil, err
	}
	defer o.end()
	return o.prepare(sql)
}

func (o *op) prepare(sql string) (*Stmt, error) {
	n := countParams(sql)
	if n > 1<<15-1 {
		return nil, o.fail(fmt.Errorf("%d parameter markers do not fit SQ_PREPARE's int16 count", n))
	}
	text, err := o.c.wireSQL(sql)
	if err != nil {
		return nil, o.fail(err)
	}
	a := answer{what: "SQ_PREPARE"}
	if err := o.roundTrip(&a, &sqli.Prepare{ParamCount: int16(n), SQL: text}, &sqli.NDescribe{}, &sqli.WantDone{}); err != nil {
		return nil, err
	}
	if a.err != nil {
		a.err.SQL = sql
		return nil, a.err
	}
	if a.describe == nil {
		err := fmt.Errorf("%w: no SQ_DESCRIBE in the answer to SQ_PREPARE", errProtocol)
		o.c.poison(err)
		return nil, o.fail(err)
	}
	s := &Stmt{c: o.c, sql: sql, id: a.describe.StatementID, typ: a.describe.StatementType, numParams: n}
	if err := s.setColumns(a.describe.Columns); err != nil {
		o.releaseQuietly(s.id)
		return nil, o.fail(err)
	}
	return s, nil
}

// setColumns keeps the description of a statement that returns rows.
func (s *Stmt) setColumns(desc []sqli.DescribeColumn) error {
	s.desc = desc
	if !s.returnsRows() {
		return nil
	}
	s.cols = make([]ifxtype.Column, len(desc))
	for i, d := range desc {
		s.cols[i] = ifxtype.Column{Name: d.Name, Start: d.Start,
			Type: ifxtype.Type{Code: d.Type, XID: d.XID, Owner: d.Owner, Name: d.TypeName, Length: d.Length}}
	}
	l, err := ifxtype.NewRowLayout(s.cols)
	if err != nil {
		return fmt.Errorf("describe the result of %q: %w", clipSQL(s.sql), err)
	}
	s.layout = l
	return nil
}

// releaseQuietly frees statement id after a failure that left the
// connection usable; its own failure poisons the connection and is
// otherwise ignored, since the first failure is the one to report.
func (o *op) releaseQuietly(id int16) {
	if o.c.IsClosed() {
		return
	}
	var a answer
	_ = o.roundTrip(&a, &sqli.ID{StatementID: id}, &sqli.Release{})
}

// check refuses a call on a closed statement or with the wrong number of
// arguments, before anything is sent.
func (s *Stmt) check(op string, args []Param) error {
	switch {
	case s.closed:
		return errorf(op, true, "statement %q is closed", clipSQL(s.sql))
	case len(args) != s.numParams:
		return errorf(op, true, "statement %q has %d parameter markers, got %d arguments", clipSQL(s.sql), s.numParams, len(args))
	}
	return nil
}

// Close frees the statement on the server (SQ_ID, SQ_RELEASE, SQ_EOT, as
// JDBC does). A second Close does nothing.
func (s *Stmt) Close(ctx context.Context) error {
	if s.closed {
		return nil
	}
	o, err := s.c.begin(ctx, "close statement", nil)
	if err != nil {
		return err
	}
	defer o.end()
	return o.release(s)
}

// release sends SQ_RELEASE for s.
func (o *op) release(s *Stmt) error {
	s.closed = true
	var a answer
	if err := o.roundTrip(&a, &sqli.ID{StatementID: s.id}, &sqli.Release{}); err != nil {
		return err
	}
	if a.err != nil {
		a.err.SQL = s.sql
		return a.err
	}
	return nil
}

// describeParams asks, once per statement with parameters, for their
// types (SQ_ID, SQ_CIDESCRIBE, SQ_EOT), as JDBC does before the first
// execution (conformance/testdata/jdbc: big_select, dml_counts, types).
// The types are those of NULL binds.
func (o *op) describeParams(s *Stmt) error {
	if s.described || s.numParams == 0 {
		return nil
	}
	a := answer{what: "SQ_CIDESCRIBE"}
	if err := o.roundTrip(&a, &sqli.ID{StatementID: s.id}, &sqli.CIDescribe{}); err != nil {
		return err
	}
	if a.err != nil {
		a.err.SQL = s.sql
		return a.err
	}
	s.described = true
	if len(a.params) == s.numParams {
		s.nullTypes = paramTypes(a.params)
	}
	return nil
}

// bind encodes args for s, then describes its parameters (once) to give
// NULLs their column's type. Values are encoded first so that a value the
// codec refuses fails before anything is sent.
func (o *op) bind(s *Stmt, args []Param) (*sqli.Bind, error) {
	if len(args) == 0 {
		return nil, nil
	}
	vals, err := new(bindEncoder).encode(args, nil, o.c.db.CodeSet)
	if err != nil {
		return nil, o.fail(err)
	}
	if err := o.describeParams(s); err != nil {
		return nil, err
	}
	for i := range vals {
		if vals[i].Indicator == sqli.IndicatorNull && i < len(s.nullTypes) {
			vals[i].Type = s.nullTypes[i]
		}
	}
	return &sqli.Bind{Values: vals}, nil
}
