package ifxconn

import (
	"context"
	"errors"
	"io"
	"testing"

	"github.com/go-informix/informix/ifxtest"
	"github.com/go-informix/informix/sqli"
)

// fillTable creates table n_t with rows 0..count-1 and a VARCHAR label,
// through one INSERT … SELECT of a cross join.
func fillTable(t *testing.T, c *Conn) {
	t.Helper()
	mustExec(t, c, "CREATE TABLE d_t (d INTEGER)")
	s, err := c.Prepare(context.Background(), "INSERT INTO d_t VALUES (?)")
	if err != nil {
		t.Fatal(err)
	}
	for d := range int32(10) {
		if _, err := s.Exec(context.Background(), []Param{{Type: sqli.TypeInteger, Value: d}}); err != nil {
			t.Fatal(err)
		}
	}
	s.Close(context.Background())
}

// TestEarlyClose: closing Rows in the middle of a batch and of a result
// drains what is in flight (or drops the rows another call read ahead),
// closes the cursor, and leaves the connection usable.
func TestEarlyClose(t *testing.T) {
	srv := startServer(t, ifxtest.Config{})
	c := connect(t, testConfig(srv, "testdb"))
	fillTable(t, c)
	const q = "SELECT a.d * 100 + b.d * 10 + e.d, 'label' FROM d_t a, d_t b, d_t e"
	rows, err := c.Query(context.Background(), q, nil)
	if err != nil {
		t.Fatal(err)
	}
	dest := make([]any, 2)
	for range 3 {
		if err := rows.Next(dest); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.Exec(context.Background(), "EXECUTE PROCEDURE ifxtest_sleep(0)", nil); err != nil {
		t.Errorf("Exec while a batch is partly read: %v", err)
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	if err := rows.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if err := rows.Next(dest); err == nil {
		t.Error("Next after Close succeeded")
	}
	if got := queryAll(t, c, q); len(got) != 1000 {
		t.Errorf("after an early close the full query gives %d rows, want 1000", len(got))
	}
}

// TestManyBatches: a small fetch buffer splits a result into many batches
// and every row arrives once, in order, then io.EOF, repeatedly.
func TestManyBatches(t *testing.T) {
	srv := startServer(t, ifxtest.Config{})
	cfg := testConfig(srv, "testdb")
	cfg.FetchBufferSize = 64
	c := connect(t, cfg)
	fillTable(t, c)
	rows, err := c.Query(context.Background(), "SELECT a.d * 100 + b.d * 10 + e.d AS n FROM d_t a, d_t b, d_t e ORDER BY n", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	dest := make([]any, 1)
	for want := int64(0); want < 1000; want++ {
		if err := rows.Next(dest); err != nil || dest[0] != want {
			t.Fatalf("row %d: %v %v", want, dest[0], err)
		}
	}
	for range 2 {
		if err := rows.Next(dest); !errors.Is(err, io.EOF) {
			t.Fatalf("after the last row: %v, want io.EOF", err)
		}
	}
}

// TestErrorsKeepConnUsable: server errors at prepare, execute and open
// are *ServerErrors with the statement text, and the connection goes on.
func TestErrorsKeepConnUsable(t *testing.T) {
	srv := startServer(t, ifxtest.Config{})
	c := connect(t, testConfig(srv, "testdb"))
	mustExec(t, c, "CREATE TABLE err_t (id INTEGER, v VARCHAR(10) NOT NULL, PRIMARY KEY (id))")
	mustExec(t, c, "INSERT INTO err_t VALUES (1, 'one')")
	for sql, code := range map[string]int{
		"SELEC id FROM err_t":                   -201,
		"INSERT INTO err_t VALUES (1, 'again')": -268,
		"INSERT INTO err_t (id) VALUES (2)":     -391,
	} {
		_, err := c.Exec(context.Background(), sql, nil)
		var se *ServerError
		if !errors.As(err, &se) || se.SQLCode != code || se.SQL != sql {
			t.Errorf("%s: %v, want *ServerError %d with the statement", sql, err, code)
		}
	}
	if _, err := c.Query(context.Background(), "SELECT * FROM no_such_table", nil); serverCode(err) != -206 {
		t.Errorf("query of a missing table: %v, want -206", err)
	}
	if n := queryInt(t, c, "SELECT COUNT(*) FROM err_t"); n != 1 || c.IsClosed() {
		t.Errorf("after the errors: count %d, closed %v", n, c.IsClosed())
	}
}

// TestSerials: Result carries SERIAL from SQ_DONE and SERIAL8/BIGSERIAL
// from SQ_INSERTDONE, and the row counts.
func TestSerials(t *testing.T) {
	srv := startServer(t, ifxtest.Config{})
	c := connect(t, testConfig(srv, "testdb"))
	mustExec(t, c, "CREATE TABLE s4 (id SERIAL, g INTEGER)")
	mustExec(t, c, "CREATE TABLE s8 (id SERIAL8, g INTEGER)")
	mustExec(t, c, "CREATE TABLE sb (id BIGSERIAL, g INTEGER)")
	for _, tc := range []struct {
		sql    string
		serial int64
	}{
		{"INSERT INTO s4 (g) VALUES (1)", 1},
		{"INSERT INTO s4 (id, g) VALUES (100, 1)", 100},
		{"INSERT INTO s8 (g) VALUES (1)", 1},
		{"INSERT INTO s8 (g) VALUES (1)", 2},
		{"INSERT INTO sb (id, g) VALUES (41, 1)", 41},
		{"INSERT INTO sb (g) VALUES (1)", 42},
	} {
		res := mustExec(t, c, tc.sql)
		if !res.HasSerial || res.Serial != tc.serial || res.RowsAffected != 1 {
			t.Errorf("%s: %+v, want serial %d", tc.sql, res, tc.serial)
		}
	}
	if res := mustExec(t, c, "UPDATE s4 SET g = 2"); res.RowsAffected != 2 || res.HasSerial {
		t.Errorf("update: %+v, want 2 rows and no serial", res)
	}
}
