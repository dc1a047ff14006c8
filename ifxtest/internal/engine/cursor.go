package engine

import (
	"context"
	"database/sql"
	"io"

	"github.com/go-informix/informix/ifxtest/internal/sqlparse"
	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// selectPlan runs a query through a cursor.
type selectPlan struct {
	sql    string
	cols   []ifxtype.Column
	params []ifxtype.Type
	extras []extraValue
	reads  readSet
}

func (c *compiler) compileSelectStmt(cp *compiled, st *sqlparse.SelectStmt) (described, error) {
	q, err := c.selectStmt(nil, st)
	if err != nil {
		return described{}, err
	}
	if st.IntoTemp != nil {
		p := &intoTempPlan{name: st.IntoTemp.Name, query: q, params: c.params, extras: c.extras, reads: c.reads}
		cp.impl = p
		return described{stype: sqli.StmtSelectIntoTemp, params: c.paramTypes()}, nil
	}
	p := &selectPlan{sql: q.sql, cols: q.cols, params: c.params, extras: c.extras, reads: c.reads}
	cp.impl = p
	return described{stype: sqli.StmtSelect, cols: q.cols, params: c.paramTypes(), cursor: true}, nil
}

// Cursor is an open cursor over a statement's rows. Rows are read from
// SQLite one at a time as Next asks, so a cursor over a large table holds
// one row in memory; only a LAST COMMITTED read of rows other sessions
// hold is materialised when it opens (lastCommittedRows), and served from
// buf.
type Cursor struct {
	s      *Session
	db     *database
	rows   *sql.Rows
	buf    [][]any
	cols   []ifxtype.Column
	cx     *convCtx
	scan   []any
	done   bool
	closed bool
}

// Open opens a cursor over a statement's rows (st.Cursor). A cancelled
// ctx is -213 with ISAM -157 (SQLI.md §7.9).
func (s *Session) Open(ctx context.Context, st *Statement, args []any) (*Cursor, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ctx.Err() != nil {
		return nil, errInterrupt()
	}
	c, err := s.planFor(st)
	if err != nil {
		return nil, err
	}
	qp, ok := c.impl.(queryPlan)
	if !ok {
		return nil, ifxErr(-363, "")
	}
	if err := s.beginStatement(c.ast); err != nil {
		return nil, err
	}
	return qp.open(ctx, s, args)
}

// open runs the query under the session's isolation (awaitRead) and
// opens a cursor over its rows.
func (p *selectPlan) open(ctx context.Context, s *Session, args []any) (*Cursor, error) {
	vals, err := s.bindValues(args, p.params, p.extras)
	if err != nil {
		return nil, err
	}
	snapshot, err := s.awaitRead(ctx, &p.reads, vals)
	if err != nil {
		return nil, err
	}
	db := s.db
	cur := &Cursor{s: s, db: db, cols: p.cols, cx: s.convCtx(), scan: make([]any, len(p.cols))}
	if snapshot {
		cur.buf, err = s.lastCommittedRows(p.sql, vals, &p.reads, nil)
	} else {
		var qerr error
		if cur.rows, qerr = db.conn.QueryContext(context.Background(), p.sql, vals...); qerr != nil {
			err = s.sqliteError(qerr, nil)
		} else {
			db.cursors++
		}
	}
	db.mu.Unlock()
	if err != nil {
		return nil, err
	}
	s.cursors[cur] = struct{}{}
	if db.logging == ANSI {
		// In an ANSI database a query, too, starts the implicit
		// transaction (IBM Guide to SQL: Tutorial, ANSI-compliant
		// databases: "any SQL statement begins a transaction").
		if s.tx == nil {
			s.tx = &txn{active: true}
		}
		s.tx.work = true
	}
	return cur, nil
}

// Next returns the next row, in the Go types package ifxtype's codecs
// take for each column; io.EOF after the last row. A cancelled ctx ends
// the cursor with -213/-157.
func (c *Cursor) Next(ctx context.Context) ([]any, error) {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	if c.closed || c.done {
		return nil, io.EOF
	}
	if ctx.Err() != nil {
		c.close()
		return nil, errInterrupt()
	}
	c.db.mu.Lock()
	row, err := c.fetch()
	c.db.mu.Unlock()
	if err != nil {
		if err != io.EOF {
			c.close()
		}
		return nil, err
	}
	return row, nil
}

// fetch reads one row; the caller holds the database lock.
func (c *Cursor) fetch() ([]any, error) {
	if err := c.read(); err != nil {
		return nil, err
	}
	row := make([]any, len(c.cols))
	for i, col := range c.cols {
		v, err := toGo(c.scan[i], col.Type, c.cx)
		if err != nil {
			return nil, err
		}
		row[i] = v
	}
	return row, nil
}

// read puts the next row's stored values in c.scan: from buf for a
// materialised cursor, else from SQLite. After the last row it ends the
// cursor with io.EOF.
func (c *Cursor) read() error {
	if c.rows == nil {
		if len(c.buf) == 0 {
			c.buf, c.done = nil, true
			return io.EOF
		}
		c.scan, c.buf = c.buf[0], c.buf[1:]
		return nil
	}
	if !c.rows.Next() {
		err := c.rows.Err()
		c.release()
		c.done = true
		if err != nil {
			return c.s.sqliteError(err, nil)
		}
		return io.EOF
	}
	ptrs := make([]any, len(c.scan))
	for i := range c.scan {
		ptrs[i] = &c.scan[i]
	}
	if err := c.rows.Scan(ptrs...); err != nil {
		return internalError("scan row", err)
	}
	return nil
}

// release closes the SQLite rows; the caller holds the database lock.
func (c *Cursor) release() {
	if c.rows != nil {
		c.rows.Close()
		c.rows = nil
		c.db.cursors--
		c.db.reap()
	}
}

// Close closes the cursor; closing twice is harmless.
func (c *Cursor) Close() error {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	c.close()
	return nil
}

func (c *Cursor) close() {
	if c.closed {
		return
	}
	c.closed = true
	c.db.mu.Lock()
	c.release()
	c.db.mu.Unlock()
	delete(c.s.cursors, c)
}
