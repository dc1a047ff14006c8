package main

import (
	"bufio"
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"time"
)

// stmtKind is how a statement is run: through Query when it may return
// rows, through Exec otherwise (for its count of rows affected).
type stmtKind int

// The kinds of stmtKind.
const (
	kindExec  stmtKind = iota // INSERT, UPDATE, DDL, SELECT … INTO TEMP, …
	kindQuery                 // SELECT, EXECUTE FUNCTION, EXECUTE PROCEDURE
)

// classify decides the kind of statement text from its words outside
// strings and comments. database/sql cannot say whether a statement
// returns rows before running it, and running it through Query loses the
// count of rows an INSERT affected, so the first words decide: SELECT returns rows
// unless it is SELECT … INTO TEMP/SCRATCH/EXTERNAL, which fills a table
// (IBM Guide to SQL: Syntax, "INTO Table Clauses"); EXECUTE FUNCTION and
// EXECUTE PROCEDURE may return rows (a routine that returns none gives a
// result without columns, reported as "routine executed").
func classify(text string) stmtKind {
	w := words(text, 0)
	switch {
	case len(w) == 0:
		return kindExec
	case w[0] == "SELECT":
		for i := 1; i+1 < len(w); i++ {
			if w[i] == "INTO" && (w[i+1] == "TEMP" || w[i+1] == "SCRATCH" || w[i+1] == "EXTERNAL") {
				return kindExec
			}
		}
		return kindQuery
	case w[0] == "EXECUTE" && len(w) > 1 && (w[1] == "FUNCTION" || w[1] == "PROCEDURE"):
		return kindQuery
	}
	return kindExec
}

// session runs statements on one connection of db, so that a transaction
// begun with BEGIN WORK spans the statements that follow, and writes
// their results. Results go to out in the output format; messages
// ("N rows affected", timings in csv and json) and errors to errOut.
type session struct {
	db       *sql.DB
	conn     *sql.Conn // nil until the first statement, and after a connection is lost
	out      *bufio.Writer
	errOut   io.Writer
	format   string
	null     string
	vertical bool
	timing   bool
	progress *progress // nil: no progress line
	now      func() time.Time
}

// connection returns the session's connection, opening it when there is
// none.
func (s *session) connection(ctx context.Context) (*sql.Conn, error) {
	if s.conn != nil {
		return s.conn, nil
	}
	c, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	s.conn = c
	return c, nil
}

// run executes one statement, text, and writes its result. The returned error is
// the statement's; it has been reported to no one yet.
func (s *session) run(ctx context.Context, text string) error {
	start := s.now()
	err := s.runOn(ctx, text)
	if errors.Is(err, driver.ErrBadConn) || errors.Is(err, sql.ErrConnDone) {
		s.dropConnection()
	}
	if s.timing {
		s.message(true, fmt.Sprintf("Time: %.3f ms", float64(s.now().Sub(start).Microseconds())/1000))
	}
	if ferr := s.out.Flush(); err == nil && ferr != nil {
		err = fmt.Errorf("write results: %w", ferr)
	}
	return err
}

// runOn runs text on the session's connection according to its kind.
func (s *session) runOn(ctx context.Context, text string) error {
	conn, err := s.connection(ctx)
	if err != nil {
		return err
	}
	if classify(text) == kindExec {
		res, err := conn.ExecContext(ctx, text)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return err
		}
		s.message(false, affected(n))
		return nil
	}
	rows, err := conn.QueryContext(ctx, text)
	if err != nil {
		return err
	}
	defer rows.Close()
	return s.writeRows(rows)
}

// affected returns "1 row affected" or "N rows affected".
func affected(n int64) string {
	if n == 1 {
		return "1 row affected"
	}
	return fmt.Sprintf("%d rows affected", n)
}

// dropConnection forgets a connection the driver found unusable; the next
// statement opens a new one. An open transaction is lost with it (the
// server rolls it back), which the user is told.
func (s *session) dropConnection() {
	_ = s.conn.Close() // already broken: its error says nothing new
	s.conn = nil
	fmt.Fprintln(s.errOut, "the connection was lost (an open transaction was rolled back); the next statement opens a new one")
}

// message writes a status line: to the results in table output, and in
// csv and json output (where it would spoil the data) to errOut when
// always is set, or nowhere.
func (s *session) message(always bool, msg string) {
	switch {
	case s.format == formatTable:
		fmt.Fprintln(s.out, msg)
	case always:
		fmt.Fprintln(s.errOut, msg)
	}
}

// writeRows writes a result: each row scanned into values of the driver's
// own Go types (doc.go, "Types") and handed to the output writer.
func (s *session) writeRows(rows *sql.Rows) error {
	types, err := rows.ColumnTypes()
	if err != nil {
		return err
	}
	if len(types) == 0 {
		s.message(false, "routine executed")
		return rows.Err()
	}
	w, err := newResultWriter(s.format, s.out, s.null, s.vertical)
	if err != nil {
		return err
	}
	if err := w.begin(columnsOf(types)); err != nil {
		return err
	}
	n, err := s.copyRows(rows, w, len(types))
	if err != nil {
		if aerr := w.abort(); aerr != nil {
			return errors.Join(err, fmt.Errorf("write results: %w", aerr))
		}
		return err
	}
	return w.end(n)
}

// copyRows scans each row of rows into cols values and writes it to w,
// counting the rows on the progress line. It returns the number of rows.
func (s *session) copyRows(rows *sql.Rows, w resultWriter, cols int) (int64, error) {
	vals := make([]any, cols)
	ptrs := make([]any, cols)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	s.progress.begin()
	defer s.progress.done()
	var n int64
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return n, err
		}
		if err := w.row(vals); err != nil {
			return n, fmt.Errorf("write results: %w", err)
		}
		n++
		s.progress.add()
	}
	return n, rows.Err()
}

// close closes the session's connection, if open.
func (s *session) close() error {
	if s.conn == nil {
		return nil
	}
	return s.conn.Close()
}
