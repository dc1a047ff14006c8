package main

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"time"

	"github.com/go-informix/informix"
	"github.com/go-informix/informix/ifxconn"
	"github.com/go-informix/informix/ifxtest"
	"github.com/go-informix/informix/sqli"
)

// target is the server every client connects to, with ifxtest's default
// login and database (ifxtestd without -user or -db).
type target struct{ addr string }

// driverConfig returns the database/sql driver's configuration for t.
func (t target) driverConfig() (*informix.Config, error) {
	host, port, err := net.SplitHostPort(t.addr)
	if err != nil {
		return nil, fmt.Errorf("server address %q: %w", t.addr, err)
	}
	p, err := strconv.Atoi(port)
	if err != nil {
		return nil, fmt.Errorf("server address %q: port: %w", t.addr, err)
	}
	return &informix.Config{Host: host, Port: p, User: ifxtest.DefaultUser, Password: ifxtest.DefaultPassword,
		Database: ifxtest.DefaultDatabase, Server: ifxtest.DefaultServerName}, nil
}

// connConfig returns ifxconn's configuration for t.
func (t target) connConfig() ifxconn.Config {
	return ifxconn.Config{Addr: t.addr, User: ifxtest.DefaultUser, Password: ifxtest.DefaultPassword,
		Database: ifxtest.DefaultDatabase, Server: ifxtest.DefaultServerName}
}

// timePasses runs pass n times and returns the rows and checksums they
// report, and the time all of them took.
func timePasses(n int, pass func() (rows, sum int64, err error)) (result, error) {
	var r result
	start := time.Now()
	for range n {
		rows, sum, err := pass()
		if err != nil {
			return result{}, err
		}
		r.count += rows
		r.checksum += sum
	}
	r.elapsed = time.Since(start)
	return r, nil
}

// timeOps runs op n times, timing each run when samples is true; the
// checksum is the sum of what op returns.
func timeOps(n int, samples bool, op func() (int64, error)) (result, error) {
	r := result{count: int64(n)}
	if samples {
		r.samples = make([]time.Duration, n)
	}
	start := time.Now()
	for i := range n {
		t0 := time.Now()
		v, err := op()
		if err != nil {
			return result{}, fmt.Errorf("operation %d: %w", i+1, err)
		}
		if samples {
			r.samples[i] = time.Since(t0)
		}
		r.checksum += v
	}
	r.elapsed = time.Since(start)
	return r, nil
}

// makeInsertRows returns rows 0 … n-1 of ifxtest.BenchRow, the rows every
// client inserts, with each id as int32 so that it binds as INTEGER, the
// column's type, as JDBC's setInt binds it (an int64 would bind as
// BIGINT).
func makeInsertRows(n int) [][]any {
	rows := make([][]any, n)
	for i := range rows {
		v := ifxtest.BenchRow(i)
		v[0] = int32(v[0].(int64))
		rows[i] = v
	}
	return rows
}

// sqlClient is go-informix through database/sql, as applications use it:
// queries with QueryContext and Scan into typed variables, the one-row
// SELECT through a prepared *sql.Stmt reused, inserts as one
// informix.Batch in a transaction, connects through sql.OpenDB.
type sqlClient struct {
	connector driver.Connector
	db        *sql.DB
	one       *sql.Stmt // the prepared select_one statement, once used
	oneSQL    string
	rows      [][]any // insert rows, generated on first use
	sums      []int64 // idSums of rows
}

// newSQLClient opens a *sql.DB on t; its first connection opens with the
// first command. A non-nil dial opens its TCP connections.
func newSQLClient(t target, dial dialFunc) (*sqlClient, error) {
	cfg, err := t.driverConfig()
	if err != nil {
		return nil, err
	}
	cfg.Dial = dial
	k, err := informix.NewConnector(cfg)
	if err != nil {
		return nil, err
	}
	return &sqlClient{connector: k, db: sql.OpenDB(k)}, nil
}

// run runs one command.
func (c *sqlClient) run(ctx context.Context, cmd command) (result, error) {
	switch cmd.w {
	case fetchRows, fetchWide, fetchLOB:
		return timePasses(cmd.n, func() (int64, int64, error) { return c.fetch(ctx, cmd.w, cmd.sql) })
	case selectOne:
		if err := c.prepareOne(ctx, cmd.sql); err != nil {
			return result{}, err
		}
		return timeOps(cmd.n, true, func() (int64, error) {
			var v int64
			err := c.one.QueryRowContext(ctx).Scan(&v)
			return v, err
		})
	case insertRows:
		return c.insert(ctx, cmd.n, cmd.sql)
	case connectOp:
		return timeOps(cmd.n, false, func() (int64, error) { return 0, c.connect(ctx) })
	}
	return result{}, fmt.Errorf("workload %s is not implemented", cmd.w)
}

// fetch reads every row of one query, scanning each into typed variables.
func (c *sqlClient) fetch(ctx context.Context, w workload, query string) (rows, sum int64, err error) {
	dest, first := scanTargets(w)
	rs, err := c.db.QueryContext(ctx, query)
	if err != nil {
		return 0, 0, err
	}
	for rs.Next() {
		if err := rs.Scan(dest...); err != nil {
			rs.Close()
			return 0, 0, err
		}
		rows++
		sum += *first
	}
	return rows, sum, errors.Join(rs.Err(), rs.Close())
}

// scanTargets returns the typed destinations of one row of w's table and
// the first column's destination.
func scanTargets(w workload) (dest []any, first *int64) {
	switch w {
	case fetchWide:
		vals := make([]int64, 100)
		dest = make([]any, len(vals))
		for i := range vals {
			dest[i] = &vals[i]
		}
		return dest, &vals[0]
	case fetchLOB:
		var id int64
		var doc string
		return []any{&id, &doc}, &id
	}
	var (
		id     int64
		name   string
		amount informix.Decimal
		ts     time.Time
		ratio  float64
	)
	return []any{&id, &name, &amount, &ts, &ratio}, &id
}

// prepareOne prepares the select_one statement on first use, and again
// if the statement text changes.
func (c *sqlClient) prepareOne(ctx context.Context, query string) error {
	if c.one != nil && c.oneSQL == query {
		return nil
	}
	if c.one != nil {
		if err := c.one.Close(); err != nil {
			return err
		}
	}
	st, err := c.db.PrepareContext(ctx, query)
	if err != nil {
		return err
	}
	c.one, c.oneSQL = st, query
	return nil
}

// insert inserts the first n rows as one Batch in one transaction.
func (c *sqlClient) insert(ctx context.Context, n int, stmt string) (result, error) {
	if len(c.rows) < n {
		c.rows = makeInsertRows(n)
		c.sums = idSums(n, func(i int) int64 { return int64(c.rows[i][0].(int32)) })
	}
	start := time.Now()
	tx, err := c.db.BeginTx(ctx, nil)
	if err != nil {
		return result{}, err
	}
	res, err := tx.ExecContext(ctx, stmt, informix.Batch(c.rows[:n]))
	if err != nil {
		return result{}, errors.Join(err, tx.Rollback())
	}
	if err := tx.Commit(); err != nil {
		return result{}, err
	}
	elapsed := time.Since(start)
	affected, err := res.RowsAffected()
	if err != nil {
		return result{}, err
	}
	return result{count: affected, checksum: c.sums[n], elapsed: elapsed}, nil
}

// idSums returns the running sums of n ids, id(i) being the i-th:
// sums[k] is the sum of the first k, the checksum of inserting k rows
// (computed before any timing).
func idSums(n int, id func(i int) int64) []int64 {
	sums := make([]int64, n+1)
	for i := range n {
		sums[i+1] = sums[i] + id(i)
	}
	return sums
}

// connect opens a *sql.DB, takes one connection (which logs in) and
// closes both, as a program that starts, runs and ends does.
func (c *sqlClient) connect(ctx context.Context) error {
	db := sql.OpenDB(c.connector)
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return err
	}
	return errors.Join(conn.Close(), db.Close())
}

// close closes the prepared statement and the pool.
func (c *sqlClient) close() error {
	var err error
	if c.one != nil {
		err = c.one.Close()
	}
	return errors.Join(err, c.db.Close())
}

// connClient is go-informix through package ifxconn directly, without
// database/sql: Rows.Next into []any, a prepared ifxconn.Stmt for the
// one-row SELECT, Conn.ExecBatch for inserts.
type connClient struct {
	cfg    ifxconn.Config
	conn   *ifxconn.Conn
	one    *ifxconn.Stmt
	oneSQL string
	rows   ifxconn.ParamRows // insert rows, generated on first use
	sums   []int64           // idSums of rows
}

// newConnClient returns a client that connects with cfg on its first
// command.
func newConnClient(cfg ifxconn.Config) *connClient { return &connClient{cfg: cfg} }

// run runs one command.
func (c *connClient) run(ctx context.Context, cmd command) (result, error) {
	if cmd.w == connectOp {
		return timeOps(cmd.n, false, func() (int64, error) { return 0, c.connect(ctx) })
	}
	if c.conn == nil {
		conn, err := ifxconn.Connect(ctx, &c.cfg)
		if err != nil {
			return result{}, err
		}
		c.conn = conn
	}
	switch cmd.w {
	case fetchRows, fetchWide, fetchLOB:
		return timePasses(cmd.n, func() (int64, int64, error) { return c.fetch(ctx, cmd.sql) })
	case selectOne:
		if err := c.prepareOne(ctx, cmd.sql); err != nil {
			return result{}, err
		}
		return timeOps(cmd.n, true, func() (int64, error) { return c.queryOne(ctx) })
	case insertRows:
		return c.insert(ctx, cmd.n, cmd.sql)
	}
	return result{}, fmt.Errorf("workload %s is not implemented", cmd.w)
}

// fetch reads every row of one query into []any.
func (c *connClient) fetch(ctx context.Context, query string) (rows, sum int64, err error) {
	rs, err := c.conn.Query(ctx, query, nil)
	if err != nil {
		return 0, 0, err
	}
	dest := make([]any, len(rs.Columns()))
	for {
		err = rs.Next(dest)
		if err != nil {
			break
		}
		id, ok := dest[0].(int64)
		if !ok {
			rs.Close()
			return 0, 0, fmt.Errorf("first column is %T, want int64", dest[0])
		}
		rows++
		sum += id
	}
	if !errors.Is(err, io.EOF) {
		rs.Close()
		return 0, 0, err
	}
	return rows, sum, rs.Close()
}

// prepareOne prepares the select_one statement on first use, and again
// if the statement text changes.
func (c *connClient) prepareOne(ctx context.Context, query string) error {
	if c.one != nil && c.oneSQL == query {
		return nil
	}
	if c.one != nil {
		if err := c.one.Close(ctx); err != nil {
			return err
		}
	}
	st, err := c.conn.Prepare(ctx, query)
	if err != nil {
		return err
	}
	c.one, c.oneSQL = st, query
	return nil
}

// queryOne runs the prepared select_one statement, reads its one row and
// closes the cursor.
func (c *connClient) queryOne(ctx context.Context) (int64, error) {
	rs, err := c.one.Query(ctx, nil)
	if err != nil {
		return 0, err
	}
	var dest [1]any
	if err := rs.Next(dest[:]); err != nil {
		rs.Close()
		return 0, err
	}
	v, _ := dest[0].(int64)
	return v, rs.Close()
}

// insert inserts the first n rows with ExecBatch in one transaction.
func (c *connClient) insert(ctx context.Context, n int, stmt string) (result, error) {
	if len(c.rows) < n {
		c.rows = paramRows(n)
		c.sums = idSums(n, func(i int) int64 { return c.rows[i][0].Value.(int64) })
	}
	start := time.Now()
	if err := c.conn.Begin(ctx); err != nil {
		return result{}, err
	}
	res, err := c.conn.ExecBatch(ctx, stmt, c.rows[:n])
	if err != nil {
		return result{}, errors.Join(err, c.conn.Rollback(ctx))
	}
	if err := c.conn.Commit(ctx); err != nil {
		return result{}, err
	}
	return result{count: res.RowsAffected, checksum: c.sums[n], elapsed: time.Since(start)}, nil
}

// paramRows returns makeInsertRows(n) as ifxconn parameters, typed as the
// root package types the same Go values (convert.go): int32 as INTEGER,
// string as CHAR, Decimal as DECIMAL, DateTime as DATETIME, float64 as
// FLOAT.
func paramRows(n int) ifxconn.ParamRows {
	rows := makeInsertRows(n)
	types := []sqli.TypeCode{sqli.TypeInteger, sqli.TypeChar, sqli.TypeDecimal, sqli.TypeDateTime, sqli.TypeFloat}
	out := make(ifxconn.ParamRows, n)
	for i, r := range rows {
		out[i] = make([]ifxconn.Param, len(r))
		for j, v := range r {
			if id, ok := v.(int32); ok {
				v = int64(id)
			}
			out[i][j] = ifxconn.Param{Type: types[j], Value: v}
		}
	}
	return out
}

// connect opens a connection and closes it.
func (c *connClient) connect(ctx context.Context) error {
	conn, err := ifxconn.Connect(ctx, &c.cfg)
	if err != nil {
		return err
	}
	return conn.Close()
}

// close closes the prepared statement and the connection.
func (c *connClient) close() error {
	if c.conn == nil {
		return nil
	}
	var err error
	if c.one != nil {
		err = c.one.Close(context.Background())
	}
	return errors.Join(err, c.conn.Close())
}
