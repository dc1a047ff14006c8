package informix

import (
	"context"
	"database/sql"
	"testing"

	"github.com/go-informix/informix/ifxtest"
)

// startServer starts an ifxtest server holding a logged database testdb,
// an unlogged nologdb, an ANSI ansidb and a logged utf8db in en_US.utf8,
// and stops it when the test ends.
func startServer(t testing.TB, cfg ifxtest.Config) *ifxtest.Server {
	t.Helper()
	if cfg.Databases == nil {
		cfg.Databases = []ifxtest.Database{
			{Name: "testdb", Logging: ifxtest.UnbufferedLogging},
			{Name: "nologdb", Logging: ifxtest.NoLogging},
			{Name: "ansidb", Logging: ifxtest.ANSI},
			{Name: "utf8db", Logging: ifxtest.UnbufferedLogging, Locale: "en_US.utf8"},
		}
	}
	srv, err := ifxtest.Start(cfg)
	if err != nil {
		t.Fatalf("ifxtest.Start: %v", err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv
}

// openDB opens a *sql.DB on database of a new ifxtest server.
func openDB(t testing.TB, database string) *sql.DB {
	t.Helper()
	srv := startServer(t, ifxtest.Config{})
	db, err := sql.Open("informix", srv.DSN(database))
	if err != nil {
		t.Fatalf("sql.Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// openConn opens one driver connection to database on srv.
func openConn(t testing.TB, srv *ifxtest.Server, database string) *conn {
	t.Helper()
	cfg, err := ParseDSN(srv.DSN(database))
	if err != nil {
		t.Fatal(err)
	}
	k, err := NewConnector(cfg)
	if err != nil {
		t.Fatal(err)
	}
	dc, err := k.Connect(context.Background())
	if err != nil {
		t.Fatalf("Connect: %v", err)
	}
	c := dc.(*conn)
	t.Cleanup(func() { c.Close() })
	return c
}
