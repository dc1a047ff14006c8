package ifxconn

import (
	"context"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/go-informix/informix/ifxtest"
	"github.com/go-informix/informix/sqli"
)

// optofcEnv is the login environment entry that enables OPTOFC.
var optofcEnv = []sqli.EnvVar{{Name: "OPTOFC", Value: "1"}}

// countClientCloses returns how many SQ_CLOSE messages the client sent on
// connection id of log.
func countClientCloses(t *testing.T, log *memWireLog, id uint64) int {
	t.Helper()
	n := 0
	for _, l := range log.transcriptOf(t, id) {
		if strings.HasPrefix(l, "C SQ_CLOSE ") {
			n++
		}
	}
	return n
}

// readRows reads up to limit rows of rows (all of them when limit < 0),
// closes rows, and returns the first column of each row read.
func readRows(t *testing.T, rows *Rows, limit int) []any {
	t.Helper()
	var got []any
	for limit < 0 || len(got) < limit {
		dest := make([]any, 1)
		err := rows.Next(dest)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		got = append(got, dest[0])
	}
	if err := rows.Close(); err != nil {
		t.Fatalf("Close rows: %v", err)
	}
	return got
}

// TestOPTOFCOneRowSelect runs a prepared one-row SELECT three times and
// counts the SQ_CLOSE messages the driver sends: one per result with
// OPTOFC=0, none with OPTOFC=1 (the default), where the server's SQ_CLOSE
// in the fetch answer tells the driver the cursor is already closed.
func TestOPTOFCOneRowSelect(t *testing.T) {
	tests := []struct {
		name   string
		env    []sqli.EnvVar
		closes int
	}{
		{"OPTOFC=0", []sqli.EnvVar{{Name: "OPTOFC", Value: "0"}}, 3},
		{"OPTOFC=1", optofcEnv, 0},
		{"default (on)", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log := newMemWireLog()
			srv := startServer(t, ifxtest.Config{WireLog: log})
			cfg := testConfig(srv, ifxtest.DefaultDatabase)
			cfg.Env = tt.env
			c := connect(t, cfg)
			mustExec(t, c, "create table t (id integer, v varchar(10))")
			mustExec(t, c, "insert into t values (1, 'one')")
			before := countClientCloses(t, log, 1) // the connection set-up's own
			st, err := c.Prepare(context.Background(), "select id from t where id = ?")
			if err != nil {
				t.Fatal(err)
			}
			for range 3 {
				rows, err := st.Query(context.Background(), []Param{{Type: sqli.TypeInteger, Value: int32(1)}})
				if err != nil {
					t.Fatal(err)
				}
				if got := readRows(t, rows, -1); !slices.Equal(got, []any{int64(1)}) {
					t.Fatalf("rows %v, want [1]", got)
				}
			}
			if err := st.Close(context.Background()); err != nil {
				t.Fatal(err)
			}
			if n := countClientCloses(t, log, 1) - before; n != tt.closes {
				t.Errorf("client sent %d SQ_CLOSE for the three results, want %d", n, tt.closes)
			}
		})
	}
}

// TestOPTOFCEarlyClose checks the results left before their end under
// OPTOFC=1. With 10 rows of 12-byte SQ_TUPLEs (INTEGER 4 + 8) and a
// 40-byte fetch buffer, a batch holds 3 rows, so after one row the end
// has not come and Close must send SQ_CLOSE. With the default buffer all
// 10 rows, SQ_DONE and the server's SQ_CLOSE arrive in the first answer,
// so Close, reading the rest of that answer, sees the cursor closed and
// sends none.
func TestOPTOFCEarlyClose(t *testing.T) {
	tests := []struct {
		name   string
		buf    int
		closes int
	}{
		{"end not yet received", 40, 1},
		{"end in the answer being read", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log := newMemWireLog()
			srv := startServer(t, ifxtest.Config{WireLog: log})
			cfg := testConfig(srv, ifxtest.DefaultDatabase)
			cfg.Env, cfg.FetchBufferSize = optofcEnv, tt.buf
			c := connect(t, cfg)
			mustExec(t, c, "create table t (id integer)")
			for i := range 10 {
				mustExec(t, c, "insert into t values (?)", Param{Type: sqli.TypeInteger, Value: int32(i)})
			}
			before := countClientCloses(t, log, 1) // the connection set-up's own
			rows, err := c.Query(context.Background(), "select id from t order by id", nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := readRows(t, rows, 1); !slices.Equal(got, []any{int64(0)}) {
				t.Fatalf("rows %v, want [0]", got)
			}
			if n := countClientCloses(t, log, 1) - before; n != tt.closes {
				t.Errorf("client sent %d SQ_CLOSE for the result, want %d", n, tt.closes)
			}
			if got := queryAll(t, c, "select count(*) from t"); len(got) != 1 {
				t.Errorf("connection not usable after the close: %v", got)
			}
		})
	}
}
