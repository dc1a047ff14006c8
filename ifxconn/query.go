package ifxconn

import (
	"context"
	"fmt"
	"strconv"

	"github.com/go-informix/informix/sqli"
)

// Query opens a cursor over the prepared statement with args and sends the
// first fetch, as JDBC does (SQLI.md §7.2; conformance/testdata/jdbc): for
// a result of fixed-width columns one group SQ_ID, SQ_CURNAME, [SQ_BIND,]
// SQ_OPEN, SQ_ID, SQ_NFETCH, SQ_EOT; for a result with a VARCHAR,
// NVARCHAR, LVARCHAR or BOOLEAN column SQ_OPEN goes alone and SQ_RET_TYPE
// comes with the first SQ_NFETCH. Cursors are named "_ifxc" and a 13-digit
// counter per connection, as JDBC names them (SQLI.md §6.6). An error of
// the open is returned here. A statement that returns no rows is executed
// and gives Rows without columns or rows.
//
// A statement has one cursor on the server, and opening it again would
// close it under a Rows still reading it; so while a Rows of s is open,
// Query prepares the text again and opens the cursor of that copy, which
// is released when its Rows close.
func (s *Stmt) Query(ctx context.Context, args []Param) (*Rows, error) {
	if err := s.check("query", args); err != nil {
		return nil, err
	}
	o, err := s.c.begin(ctx, "query", nil)
	if err != nil {
		return nil, err
	}
	defer o.end()
	if s.open != nil {
		return o.queryOnce(s.sql, args)
	}
	return o.query(s, args, false)
}

// Query prepares sql and opens a cursor over it like Stmt.Query; the
// statement is released when the Rows close (or at once if the open
// fails).
func (c *Conn) Query(ctx context.Context, sql string, args []Param) (*Rows, error) {
	o, err := c.begin(ctx, "query", nil)
	if err != nil {
		return nil, err
	}
	defer o.end()
	if n := countParams(sql); n != len(args) {
		return nil, o.fail(fmt.Errorf("statement %q has %d parameter markers, got %d arguments", clipSQL(sql), n, len(args)))
	}
	return o.queryOnce(sql, args)
}

// queryOnce prepares sql and opens a cursor over it; the statement is
// released when the Rows close, or at once if the open fails.
func (o *op) queryOnce(sql string, args []Param) (*Rows, error) {
	s, err := o.prepare(sql)
	if err != nil {
		return nil, err
	}
	r, err := o.query(s, args, true)
	if err != nil {
		o.unwatched(func() error { return o.release(s) })
		return nil, err
	}
	return r, nil
}

func (o *op) query(s *Stmt, args []Param, oneShot bool) (*Rows, error) {
	r := &Rows{c: o.c, s: s, ctx: o.ctx, oneShot: oneShot}
	if !s.returnsRows() {
		if _, err := o.exec(s, args); err != nil {
			return nil, err
		}
		r.end, r.eof, r.committed = true, true, true
		return r, nil
	}
	b, err := o.bind(s, args)
	if err != nil {
		return nil, err
	}
	if err := o.beginPending(); err != nil {
		return nil, err
	}
	sc := &o.c.scratch
	sc.id.StatementID, sc.cur.Name = s.id, o.c.nextCursorName()
	open := append(sc.list[:0], &sc.id, &sc.cur)
	if b != nil {
		open = append(open, b)
	}
	open = append(open, &sc.open)
	if err := o.openCursor(r, open); err != nil {
		return nil, err
	}
	s.open = r
	return r, nil
}

// openCursor sends the open and the first fetch, and reads the first
// message of the fetch answer, so that an error of the open is Query's.
func (o *op) openCursor(r *Rows, open []sqli.ClientMessage) error {
	rt := retType(r.s)
	if rt != nil {
		a := answer{what: "SQ_OPEN"}
		if err := o.roundTrip(&a, open...); err != nil {
			return err
		}
		if a.err != nil {
			a.err.SQL = r.s.sql
			return a.err
		}
		open = nil
	}
	if err := o.fetch(r, open, rt); err != nil {
		return err
	}
	r.open = true
	m, err := o.next()
	if err != nil {
		return err
	}
	if o.wasInterrupted() {
		r.peek = m
		return o.abortBatch(r)
	}
	if e, ok := m.(*sqli.ErrorResponse); ok && e.SQLCode != codeNoMoreRows {
		r.peek = m
		se, err := o.drain(r)
		if err != nil {
			return err
		}
		return se
	}
	r.peek = m
	return nil
}

// nextCursorName returns JDBC's next cursor name: "_ifxc" and a 13-digit
// counter starting at 0 (SQLI.md §6.6; connect.golden).
func (c *Conn) nextCursorName() string {
	n := c.cursorSeq
	c.cursorSeq++
	const prefix = "_ifxc"
	var b [len(prefix) + 19]byte // 19 digits hold any int64
	digits := strconv.AppendInt(b[:0], n, 10)
	pad := max(0, 13-len(digits))
	out := make([]byte, 0, len(prefix)+pad+len(digits))
	out = append(out, prefix...)
	for range pad {
		out = append(out, '0')
	}
	return string(append(out, digits...))
}

// retType returns the SQ_RET_TYPE JDBC sends with the first fetch of a
// result that has a VARCHAR, NVARCHAR, LVARCHAR or BOOLEAN column, or nil
// for any other result (docs/protocol.md, SQLI.md open question 8). Each
// column is named by its logical base type and encoded length; LVARCHAR
// goes as 43 with empty owner and type name, BOOLEAN as 45 with the owner
// and type name of its description, as JDBC sends them (types.golden).
// Open question (SQLI.md §6.8): the entries of other extended types are
// not shown by any oracle; they take their description's names here.
func retType(s *Stmt) *sqli.RetType {
	need := false
	for _, c := range s.cols {
		switch c.Type.Base() {
		case sqli.TypeVarChar, sqli.TypeNVarChar, sqli.TypeLVarChar, sqli.TypeBoolean:
			need = true
		}
	}
	if !need {
		return nil
	}
	rt := &sqli.RetType{Columns: make([]sqli.RetTypeColumn, len(s.cols))}
	for i, c := range s.cols {
		e := sqli.RetTypeColumn{Type: c.Type.Base(), Length: c.Type.Length}
		if e.Type.HasTypeNames() && e.Type != sqli.TypeLVarChar {
			e.Owner, e.TypeName = c.Type.Owner, c.Type.Name
		}
		rt.Columns[i] = e
	}
	return rt
}
