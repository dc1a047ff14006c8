package e2e

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/go-informix/informix"
	"github.com/go-informix/informix/internal/testnet"
	"github.com/go-informix/informix/sqli"
)

// jdbcDSN writes cfg in IBM's JDBC URL form, whose values are literal.
func jdbcDSN(cfg *informix.Config) string {
	host := cfg.Host
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	port := cfg.Port
	if port == 0 {
		port = informix.DefaultPort
	}
	return fmt.Sprintf("jdbc:informix-sqli://%s:%d/%s:INFORMIXSERVER=%s;user=%s;password=%s",
		host, port, cfg.Database, cfg.Server, cfg.User, cfg.Password)
}

// TestDSNForms connects with the URL form, IBM's JDBC form and a Config
// given to NewConnector, and runs a query on each.
func TestDSNForms(t *testing.T) {
	cfg := configFor(t, logged)
	dsns := map[string]string{"url": cfg.FormatDSN(), "jdbc": jdbcDSN(cfg)}
	for name, dsn := range dsns {
		t.Run(name, func(t *testing.T) {
			db, err := sql.Open("informix", dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if n := queryInt(t, db, "SELECT COUNT(*) FROM systables WHERE tabid = 1"); n != 1 {
				t.Errorf("systables tabid 1: %d rows, want 1", n)
			}
		})
	}
	t.Run("connector", func(t *testing.T) {
		db := openConfig(t, configFor(t, logged))
		if err := db.Ping(); err != nil {
			t.Fatal(err)
		}
	})
}

// TestEnvironmentFallback leaves the server name and the client locale
// out of the DSN: INFORMIXSERVER and CLIENT_LOCALE supply them, and the
// login packet carries them (SQLI.md §3.2 fields 23 and 26).
func TestEnvironmentFallback(t *testing.T) {
	base := configFor(t, logged)
	server := base.Server
	base.Server, base.ClientLocale = "", ""
	t.Setenv("INFORMIXSERVER", server)
	t.Setenv("CLIENT_LOCALE", "en_US.819")
	cfg, err := informix.ParseDSN(base.FormatDSN())
	if err != nil {
		t.Fatal(err)
	}
	w := &wire{}
	db := openConfig(t, w.config(cfg))
	if err := db.Ping(); err != nil {
		t.Fatalf("Ping: %v", err)
	}
	req := w.conn(t, 0).login(t)
	if req.ServerName != server {
		t.Errorf("login server name %q, want %q from INFORMIXSERVER", req.ServerName, server)
	}
	var locale string
	for _, e := range req.Env {
		if e.Name == "CLIENT_LOCALE" {
			locale = e.Value
		}
	}
	if locale != "en_US.819" {
		t.Errorf("login CLIENT_LOCALE %q, want en_US.819 from the environment", locale)
	}
}

// TestConnectTimeout points the driver at a listener that accepts and
// never answers, with the timeout in each form a user can give it (and in
// the TLS handshake): the connect fails within a bound with an error
// matching context.DeadlineExceeded, and the socket is closed
// (reliability.md tier 3 item 17).
func TestConnectTimeout(t *testing.T) {
	addr, accepted := testnet.SilentListener(t)
	host, port, _ := net.SplitHostPort(addr)
	url := "informix://u:secret@" + addr + "/testdb?server=x"
	jdbc := "jdbc:informix-sqli://" + host + ":" + port + "/testdb:INFORMIXSERVER=x;user=u;password=secret"
	tests := []struct {
		name, dsn string
		ctx       time.Duration
	}{
		{"connect_timeout", url + "&connect_timeout=300ms", time.Minute},
		{"connect_timeout in seconds", url + "&connect_timeout=1", time.Minute},
		{"JDBC LOGINTIMEOUT in ms", jdbc + ";LOGINTIMEOUT=300", time.Minute},
		{"context deadline", url, 300 * time.Millisecond},
		{"TLS handshake", url + "&connect_timeout=300ms&tls=require&tls_skip_verify=true", time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, err := sql.Open("informix", tt.dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			ctx, cancel := context.WithTimeout(context.Background(), tt.ctx)
			defer cancel()
			within(t, "Ping of a silent server", 3*time.Second, func() { err = db.PingContext(ctx) })
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("Ping: %v, want an error matching context.DeadlineExceeded", err)
			}
			if err != nil && strings.Contains(err.Error(), "secret") {
				t.Errorf("the error shows the password: %v", err)
			}
			expectClosed(t, accepted)
		})
	}
}

// expectClosed takes the next accepted connection and requires the
// client to have closed it.
func expectClosed(t *testing.T, accepted <-chan net.Conn) {
	t.Helper()
	var c net.Conn
	select {
	case c = <-accepted:
	case <-time.After(5 * time.Second):
		t.Fatal("the driver never connected")
	}
	defer c.Close()
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	buf := make([]byte, 4096)
	for {
		_, err := c.Read(buf)
		if err == nil {
			continue
		}
		if !errors.Is(err, io.EOF) && !strings.Contains(err.Error(), "reset") {
			t.Errorf("the driver's socket was not closed after the timeout: %v", err)
		}
		return
	}
}

// TestFetchBufferSize reads 10 000 rows of 104 bytes (INTEGER and
// CHAR(100)) with fetch buffers of 4096 and 32 768 bytes and counts the
// SQ_NFETCH requests on the wire. A batch holds at most a buffer of rows,
// so 4096 needs at least ceil(10000·104/4096) = 254 requests and 32 768 at
// least ceil(10000·104/32768) = 32; the larger buffer must need at most a
// quarter as many as the smaller.
func TestFetchBufferSize(t *testing.T) {
	name := table(t, logged, "fetch", "n INTEGER, pad CHAR(100)")
	digits := digitsTable(t, logged)
	mustExec(t, admin(t, logged), "INSERT INTO "+name+" SELECT a.d * 1000 + b.d * 100 + c.d * 10 + e.d, 'x' FROM "+
		digits+" a, "+digits+" b, "+digits+" c, "+digits+" e")
	fetches := map[int]int{}
	for _, tt := range []struct {
		option string
		size   int
	}{{"fetch_buffer_size=4096", 4096}, {"FET_BUF_SIZE=32768", 32768}} {
		w := &wire{}
		db := openConfig(t, w.config(configFor(t, logged, tt.option)))
		rows, err := db.Query("SELECT n, pad FROM " + name)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for ; rows.Next(); n++ {
		}
		if err := rows.Err(); err != nil || n != 10000 {
			t.Fatalf("%s: %d rows, %v; want 10000", tt.option, n, err)
		}
		rows.Close()
		db.Close()
		fetches[tt.size] = count(w.conn(t, 0).clientTags(t), sqli.TagNFetch)
	}
	small, large := fetches[4096], fetches[32768]
	t.Logf("SQ_NFETCH requests: %d with 4096 bytes, %d with 32768", small, large)
	if small < 254 || large < 32 || large > small/4 {
		t.Errorf("SQ_NFETCH requests: %d with 4096 bytes (want ≥ 254), %d with 32768 (want ≥ 32 and ≤ %d)",
			small, large, small/4)
	}
}

// digitsTable creates a table holding d = 0…9, from which cross joins
// make larger tables.
func digitsTable(t testing.TB, role string) string {
	t.Helper()
	name := table(t, role, "digits", "d INTEGER")
	db := admin(t, role)
	ins, err := db.Prepare("INSERT INTO " + name + " VALUES (?)")
	if err != nil {
		t.Fatal(err)
	}
	defer ins.Close()
	for d := range int32(10) {
		if _, err := ins.Exec(d); err != nil {
			t.Fatal(err)
		}
	}
	return name
}

// lockedRow creates a table with one row (id 1, v 'old') and an open
// transaction that has updated it to 'new': the row is locked until the
// returned function commits the transaction.
func lockedRow(t *testing.T) (name string, commit func()) {
	t.Helper()
	name = table(t, logged, "locked", "id INTEGER, v CHAR(3)")
	mustExec(t, admin(t, logged), "INSERT INTO "+name+" VALUES (1, 'old')")
	holder := open(t, logged)
	tx, err := holder.Begin()
	if err != nil {
		t.Fatal(err)
	}
	mustExec(t, tx, "UPDATE "+name+" SET v = 'new' WHERE id = 1")
	done := false
	commit = func() {
		if !done {
			done = true
			if err := tx.Commit(); err != nil {
				t.Errorf("commit of the lock holder: %v", err)
			}
		}
	}
	t.Cleanup(commit)
	return name, commit
}

// TestLockWaitOption runs an UPDATE of a row another session has locked
// under each lock_wait setting: NOT WAIT fails at once, WAIT 1 after about
// a second, both with an error matching ErrLockTimeout; WAIT waits until
// the holder commits (SQLI.md §7.7).
func TestLockWaitOption(t *testing.T) {
	tests := []struct {
		option   string
		min, max time.Duration
		fails    bool
	}{
		{"lock_wait=nowait", 0, time.Second, true},
		{"IFX_LOCK_MODE_WAIT=0", 0, time.Second, true},
		{"lock_wait=1", 900 * time.Millisecond, 5 * time.Second, true},
		{"lock_wait=wait", 400 * time.Millisecond, 5 * time.Second, false},
	}
	for _, tt := range tests {
		t.Run(tt.option, func(t *testing.T) {
			name, commit := lockedRow(t)
			db := open(t, logged, tt.option)
			if err := db.Ping(); err != nil {
				t.Fatal(err)
			}
			if !tt.fails {
				time.AfterFunc(500*time.Millisecond, commit)
			}
			start := time.Now()
			_, err := db.Exec("UPDATE " + name + " SET v = 'mid' WHERE id = 1")
			d := time.Since(start)
			if tt.fails != (err != nil) || (err != nil && !errors.Is(err, informix.ErrLockTimeout)) {
				t.Errorf("UPDATE of the locked row: %v; want failure %v matching ErrLockTimeout", err, tt.fails)
			}
			if d < tt.min || d > tt.max {
				t.Errorf("UPDATE of the locked row took %v, want %v to %v", d, tt.min, tt.max)
			}
		})
	}
}

// TestIsolationOption reads a row another session has updated and not
// committed, with the isolation option in its two spellings. DIRTY READ
// sees the uncommitted value; COMMITTED READ must not (with lock_wait=0 it
// fails on the lock: IBM Guide to SQL: Syntax, SET ISOLATION, Committed
// Read); COMMITTED READ LAST COMMITTED returns the committed value
// without waiting.
func TestIsolationOption(t *testing.T) {
	tests := []struct {
		options []string
		want    string // the value read; "" for a lock error
	}{
		{[]string{"isolation=dirty+read"}, "new"},
		{[]string{"IFX_ISOLATION_LEVEL=1"}, "new"},
		{[]string{"isolation=committed+read", "lock_wait=0"}, ""},
		{[]string{"IFX_ISOLATION_LEVEL=2", "lock_wait=0"}, ""},
		{[]string{"isolation=last+committed", "lock_wait=0"}, "old"},
		{[]string{"IFX_ISOLATION_LEVEL=5", "lock_wait=0"}, "old"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.options, "&"), func(t *testing.T) {
			name, _ := lockedRow(t)
			db := open(t, logged, withJDBCValues(tt.options)...)
			var v string
			err := db.QueryRow("SELECT v FROM " + name + " WHERE id = 1").Scan(&v)
			switch {
			case tt.want == "" && !errors.Is(err, informix.ErrLockTimeout):
				t.Errorf("read of the locked row: %q, %v; want an error matching ErrLockTimeout", v, err)
			case tt.want != "" && (err != nil || v != tt.want):
				t.Errorf("read of the locked row: %q, %v; want %q", v, err, tt.want)
			}
		})
	}
}

// withJDBCValues decodes the '+' of URL option values for options that a
// JDBC-form DSN would take literally; other options pass unchanged.
func withJDBCValues(opts []string) []string {
	if d := target.dsn[logged]; !strings.HasPrefix(strings.ToLower(d), "jdbc:") {
		return opts
	}
	out := make([]string, len(opts))
	for i, o := range opts {
		out[i] = strings.ReplaceAll(o, "+", " ")
	}
	return out
}

// TestLoginEnvironment passes DBDATE at login: the server then reads and
// writes DATE text in that form. Without it the driver sends JDBC's
// DBDATE=Y4MD- (conformance/testdata/jdbc/connect.golden), so 2026-12-25
// is a date and 25/12/2026 is not (IBM Guide to SQL: Reference, DBDATE).
func TestLoginEnvironment(t *testing.T) {
	name := table(t, logged, "dbdate", "d DATE")
	dmy := open(t, logged, "DBDATE=DMY4/")
	ymd := open(t, logged)
	mustExec(t, dmy, "INSERT INTO "+name+" VALUES ('25/12/2026')")
	if _, err := ymd.Exec("INSERT INTO " + name + " VALUES ('25/12/2026')"); err == nil {
		t.Error("25/12/2026 converted to a DATE under DBDATE=Y4MD-")
	}
	var d time.Time
	if err := ymd.QueryRow("SELECT d FROM " + name).Scan(&d); err != nil || !d.Equal(time.Date(2026, 12, 25, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("the date read back: %v, %v; want 2026-12-25", d, err)
	}
	for db, want := range map[*sql.DB]string{dmy: "25/12/2026", ymd: "2026-12-25"} {
		var s string
		if err := db.QueryRow("SELECT CAST(d AS CHAR(10)) FROM " + name).Scan(&s); err != nil || s != want {
			t.Errorf("DATE as text: %q, %v; want %q", s, err, want)
		}
	}
}
