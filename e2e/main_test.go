package e2e

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-informix/informix"
	"github.com/go-informix/informix/ifxtest"
)

// Roles of the databases the suite uses. Each names an environment
// variable holding its DSN against a real server.
const (
	logged = "IFX_TEST_DSN"       // a database with a transaction log
	nolog  = "IFX_TEST_DSN_NOLOG" // a database without logging
	ansi   = "IFX_TEST_DSN_ANSI"  // an ANSI-mode database
	utf8   = "IFX_TEST_DSN_UTF8"  // a logged database whose locale is en_US.utf8
)

// roles lists the roles in the order the log names them.
var roles = []string{logged, nolog, ansi, utf8}

// target is the server the suite runs against.
var target struct {
	dsn  map[string]string // role → DSN; a role without a DSN is absent
	srv  *ifxtest.Server   // the in-process server, nil against a real one
	real bool              // IFX_TEST_DSN was set
}

// runID keeps the table names of concurrent runs against one real server
// apart; against ifxtest it is 0.
var runID int

func TestMain(m *testing.M) {
	if err := setUpTarget(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	code := m.Run()
	closeAdmins()
	if target.srv != nil {
		target.srv.Close()
	}
	os.Exit(code)
}

// setUpTarget starts ifxtest, or reads the real server's DSNs, and says
// once in the log which it is and how to choose the other.
func setUpTarget() error {
	target.dsn = map[string]string{}
	if os.Getenv(logged) == "" {
		srv, err := startIfxtest(ifxtest.Config{})
		if err != nil {
			return err
		}
		target.srv = srv
		for role, db := range map[string]string{logged: "testdb", nolog: "nologdb", ansi: "ansidb", utf8: "utf8db"} {
			target.dsn[role] = srv.DSN(db)
		}
		fmt.Fprintln(os.Stderr, "e2e: IFX_TEST_DSN is not set: running against an in-process ifxtest server "+
			"(databases testdb, nologdb, ansidb, utf8db). To run against a real Informix server instead:\n"+
			"  IFX_TEST_DSN='informix://USER:PASSWORD@HOST:9088/DB?server=NAME' "+
			"IFX_TEST_DSN_NOLOG=… IFX_TEST_DSN_ANSI=… IFX_TEST_DSN_UTF8=… go test -race ./e2e\n"+
			"  (README.md, \"Running the suite against a real server\")")
		return nil
	}
	target.real = true
	runID = os.Getpid() % 100000
	var missing []string
	for _, role := range roles {
		dsn := os.Getenv(role)
		if dsn == "" {
			missing = append(missing, role)
			continue
		}
		cfg, err := informix.ParseDSN(dsn)
		if err != nil {
			return fmt.Errorf("%s: %w", role, err)
		}
		target.dsn[role] = dsn
		fmt.Fprintf(os.Stderr, "e2e: %s: %s:%d/%s (server %q)\n", role, cfg.Host, cfg.Port, cfg.Database, cfg.Server)
	}
	if len(missing) > 0 {
		fmt.Fprintf(os.Stderr, "e2e: not given: %s; the tests that need those databases are skipped\n",
			strings.Join(missing, ", "))
	}
	return createSleepRoutine()
}

// startIfxtest starts an in-process server with the suite's four
// databases and cfg's other settings.
func startIfxtest(cfg ifxtest.Config) (*ifxtest.Server, error) {
	cfg.Databases = []ifxtest.Database{
		{Name: "testdb", Logging: ifxtest.UnbufferedLogging},
		{Name: "nologdb", Logging: ifxtest.NoLogging},
		{Name: "ansidb", Logging: ifxtest.ANSI},
		{Name: "utf8db", Logging: ifxtest.UnbufferedLogging, Locale: "en_US.utf8"},
	}
	return ifxtest.Start(cfg)
}

// sleepRoutine is the SPL procedure the cancellation tests call on a real
// server, where ifxtest's built-in ifxtest_sleep does not exist: it spins
// until secs seconds have passed by the server's clock.
const sleepRoutine = `CREATE PROCEDURE ifxtest_sleep(secs INTEGER)
	DEFINE t0 INTEGER;
	LET t0 = DBINFO('utc_current');
	WHILE DBINFO('utc_current') < t0 + secs
		LET secs = secs;
	END WHILE;
END PROCEDURE`

// createSleepRoutine creates ifxtest_sleep in the logged database of a
// real server unless it exists (-673: a routine of that name exists
// already, IBM error catalogue).
func createSleepRoutine() error {
	db, err := sql.Open("informix", target.dsn[logged])
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err = db.ExecContext(ctx, sleepRoutine)
	var ie *informix.Error
	if err != nil && !(errors.As(err, &ie) && ie.SQLCode == -673) {
		return fmt.Errorf("create procedure ifxtest_sleep: %w", err)
	}
	return nil
}

// dsnFor returns the DSN of role, with options appended in the DSN's own
// syntax. Against a real server without that role's DSN the test is
// skipped, which is the only way a test of this suite is skipped.
func dsnFor(t testing.TB, role string, options ...string) string {
	t.Helper()
	dsn, ok := target.dsn[role]
	if !ok {
		t.Skipf("%s is not set: this test needs that database", role)
	}
	return withOptions(dsn, options...)
}

// withOptions appends name=value options to a DSN of either form.
func withOptions(dsn string, options ...string) string {
	for _, o := range options {
		switch {
		case strings.HasPrefix(strings.ToLower(dsn), "jdbc:"):
			dsn += ";" + o
		case strings.Contains(dsn, "?"):
			dsn += "&" + o
		default:
			dsn += "?" + o
		}
	}
	return dsn
}

// configFor returns the Config of role's DSN with options.
func configFor(t testing.TB, role string, options ...string) *informix.Config {
	t.Helper()
	cfg, err := informix.ParseDSN(dsnFor(t, role, options...))
	if err != nil {
		t.Fatalf("ParseDSN: %v", err)
	}
	return cfg
}

// open opens a *sql.DB on role's database with the DSN options, closed
// when the test ends.
func open(t testing.TB, role string, options ...string) *sql.DB {
	t.Helper()
	db, err := sql.Open("informix", dsnFor(t, role, options...))
	if err != nil {
		t.Fatalf("sql.Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// openConfig opens a *sql.DB with a Config (informix.NewConnector and
// sql.OpenDB), closed when the test ends.
func openConfig(t testing.TB, cfg *informix.Config) *sql.DB {
	t.Helper()
	k, err := informix.NewConnector(cfg)
	if err != nil {
		t.Fatalf("NewConnector: %v", err)
	}
	db := sql.OpenDB(k)
	t.Cleanup(func() { db.Close() })
	return db
}

// admins holds one *sql.DB per role for dropping the tables tests create.
var admins struct {
	sync.Mutex
	dbs map[string]*sql.DB
}

func admin(t testing.TB, role string) *sql.DB {
	t.Helper()
	admins.Lock()
	defer admins.Unlock()
	if db := admins.dbs[role]; db != nil {
		return db
	}
	db, err := sql.Open("informix", dsnFor(t, role))
	if err != nil {
		t.Fatal(err)
	}
	if admins.dbs == nil {
		admins.dbs = map[string]*sql.DB{}
	}
	admins.dbs[role] = db
	return db
}

func closeAdmins() {
	admins.Lock()
	defer admins.Unlock()
	for _, db := range admins.dbs {
		db.Close()
	}
}

var tableSeq atomic.Int64

// table creates a table with the column definitions cols in role's
// database under a name unique to this run, and drops it when the test
// ends. LOCK MODE ROW gives a real server the row locks the lock and
// isolation tests expect (IBM Guide to SQL: Syntax, CREATE TABLE, LOCK
// MODE clause).
func table(t testing.TB, role, base, cols string) string {
	t.Helper()
	name := fmt.Sprintf("e2e_%s_%d_%d", base, runID, tableSeq.Add(1))
	db := admin(t, role)
	mustExec(t, db, "CREATE TABLE "+name+" ("+cols+") LOCK MODE ROW")
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := db.ExecContext(ctx, "DROP TABLE "+name); err != nil {
			t.Errorf("drop table %s: %v", name, err)
		}
	})
	return name
}

// execer is what mustExec and queryInt run statements on: a *sql.DB,
// *sql.Tx or *sql.Conn.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// mustExec runs query and fails the test on an error.
func mustExec(t testing.TB, db execer, query string, args ...any) sql.Result {
	t.Helper()
	res, err := db.ExecContext(context.Background(), query, args...)
	if err != nil {
		t.Fatalf("Exec %q: %v", clip(query), err)
	}
	return res
}

// queryInt returns the first column of query's one row as an int64.
func queryInt(t testing.TB, db execer, query string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := db.QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("QueryRow %q: %v", clip(query), err)
	}
	return n
}

// within fails the test when f takes longer than limit.
func within(t testing.TB, what string, limit time.Duration, f func()) time.Duration {
	t.Helper()
	start := time.Now()
	f()
	d := time.Since(start)
	if d > limit {
		t.Errorf("%s took %v, want at most %v", what, d, limit)
	}
	return d
}

func clip(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}
