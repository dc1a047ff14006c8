package ifxconn

import (
	"context"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/go-informix/informix/ifxtest"
	"github.com/go-informix/informix/sqli"
)

// startServer starts an ifxtest server with cfg and closes it at the end
// of the test.
func startServer(t *testing.T, cfg ifxtest.Config) *ifxtest.Server {
	t.Helper()
	srv, err := ifxtest.Start(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv
}

// testConfig returns a Config for database db on srv.
func testConfig(srv *ifxtest.Server, db string) *Config {
	return &Config{Addr: srv.Addr(), User: ifxtest.DefaultUser, Password: ifxtest.DefaultPassword,
		Server: ifxtest.DefaultServerName, Database: db}
}

// jdbcConfig is testConfig with JDBC's defaults where the driver's
// differ: a 4096-byte fetch buffer (ours is DefaultFetchBufferSize) and
// OPTOFC off (ours is on), for the tests that compare the bytes sent with
// JDBC's golden transcripts, which JDBC recorded at its defaults.
func jdbcConfig(srv *ifxtest.Server, db string) *Config {
	cfg := testConfig(srv, db)
	cfg.FetchBufferSize = 4096
	cfg.Env = []sqli.EnvVar{{Name: "OPTOFC", Value: "0"}}
	return cfg
}

// connect connects with cfg and closes the connection at the end of the test.
func connect(t *testing.T, cfg *Config) *Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	c, err := Connect(ctx, cfg)
	if err != nil {
		t.Fatalf("Connect: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// mustExec runs sql and fails the test on an error.
func mustExec(t *testing.T, c *Conn, sql string, args ...Param) Result {
	t.Helper()
	res, err := c.Exec(context.Background(), sql, args)
	if err != nil {
		t.Fatalf("Exec %q: %v", sql, err)
	}
	return res
}

// queryAll runs sql and returns every row.
func queryAll(t *testing.T, c *Conn, sql string, args ...Param) [][]any {
	t.Helper()
	rows, err := c.Query(context.Background(), sql, args)
	if err != nil {
		t.Fatalf("Query %q: %v", sql, err)
	}
	defer rows.Close()
	var out [][]any
	for {
		dest := make([]any, len(rows.Columns()))
		err := rows.Next(dest)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("Next of %q: %v", sql, err)
		}
		out = append(out, dest)
	}
	if err := rows.Close(); err != nil {
		t.Fatalf("Close rows of %q: %v", sql, err)
	}
	return out
}

// serverCode returns the SQLCode of err's *ServerError, or 0.
func serverCode(err error) int {
	var se *ServerError
	if errors.As(err, &se) {
		return se.SQLCode
	}
	return 0
}
