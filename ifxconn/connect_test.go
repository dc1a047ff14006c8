package ifxconn

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/go-informix/informix/ifxtest"
	"github.com/go-informix/informix/internal/testnet"
)

func TestConnectRefusals(t *testing.T) {
	srv := startServer(t, ifxtest.Config{})
	bad := testConfig(srv, "testdb")
	bad.Password = "secret-Wrong-pw"
	_, err := Connect(context.Background(), bad)
	if serverCode(err) != -951 {
		t.Errorf("wrong password: %v, want *ServerError -951", err)
	}
	if err != nil && strings.Contains(err.Error(), bad.Password) {
		t.Errorf("the error shows the password: %v", err)
	}
	_, err = Connect(context.Background(), testConfig(srv, "nosuchdb"))
	if serverCode(err) != -329 {
		t.Errorf("unknown database: %v, want *ServerError -329", err)
	}
}

func TestConnectDatabaseInfo(t *testing.T) {
	srv := startServer(t, ifxtest.Config{Databases: []ifxtest.Database{
		{Name: "logdb", Logging: ifxtest.UnbufferedLogging},
		{Name: "ansidb", Logging: ifxtest.ANSI},
		{Name: "utf8db", Logging: ifxtest.NoLogging, Locale: "en_US.utf8"},
	}})
	for _, tc := range []struct {
		db           string
		logged, ansi bool
		locale, cs   string
	}{
		{"logdb", true, false, "en_US.819", "8859-1"},
		{"ansidb", true, true, "en_US.819", "8859-1"},
		{"utf8db", false, false, "en_US.utf8", "utf8"},
	} {
		c := connect(t, testConfig(srv, tc.db))
		d := c.Database()
		if d.Name != tc.db || d.Logged != tc.logged || d.ANSI != tc.ansi || d.Locale != tc.locale || d.CodeSet.Name() != tc.cs {
			t.Errorf("%s: %+v", tc.db, d)
		}
		if d.ServerVersion != ifxtest.ServerVersion {
			t.Errorf("%s: server version %q", tc.db, d.ServerVersion)
		}
	}
}

// TestConnectTimeouts: a listener that never answers the login, and one
// that stalls in the TLS handshake, are bounded by ConnectTimeout and by
// ctx (reliability.md tier 3 item 17).
func TestConnectTimeouts(t *testing.T) {
	addr, _ := testnet.SilentListener(t)
	for _, tc := range []struct {
		name    string
		tls     bool
		timeout time.Duration
		ctxTime time.Duration
	}{
		{"login answer, ConnectTimeout", false, 150 * time.Millisecond, time.Minute},
		{"login answer, ctx", false, 0, 150 * time.Millisecond},
		{"TLS handshake, ConnectTimeout", true, 150 * time.Millisecond, time.Minute},
		{"TLS handshake, ctx", true, 0, 150 * time.Millisecond},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := &Config{Addr: addr, User: "u", Password: "p", ConnectTimeout: tc.timeout}
			if tc.tls {
				cfg.TLS = &tls.Config{InsecureSkipVerify: true}
			}
			ctx, cancel := context.WithTimeout(context.Background(), tc.ctxTime)
			defer cancel()
			start := time.Now()
			_, err := Connect(ctx, cfg)
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("Connect took %v", d)
			}
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("err %v, want context.DeadlineExceeded", err)
			}
		})
	}
}

// TestConnectCancelClosesSocket: a context cancelled during the login
// closes the socket the dial opened.
func TestConnectCancelClosesSocket(t *testing.T) {
	addr, conns := testnet.SilentListener(t)
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		_, err := Connect(ctx, &Config{Addr: addr, User: "u", Password: "p"})
		errc <- err
	}()
	server := <-conns
	cancel()
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Errorf("err %v, want context.Canceled", err)
	}
	server.SetReadDeadline(time.Now().Add(2 * time.Second))
	if _, err := io.Copy(io.Discard, server); err != nil {
		t.Errorf("the client's socket was not closed: %v", err)
	}
}

// TestTLS: TLS from the first byte with a self-signed certificate the
// client trusts; without that trust the connection fails, with no
// plaintext fallback (reliability.md tier 3 item 22).
func TestTLS(t *testing.T) {
	pair := testTLS(t)
	srv := startServer(t, ifxtest.Config{TLS: pair.server})
	cfg := testConfig(srv, "testdb")
	cfg.TLS = pair.client
	c := connect(t, cfg)
	if queryInt(t, c, "SELECT 1 FROM systables WHERE tabid = 1") != 1 {
		t.Error("query over TLS")
	}
	cfg.TLS = &tls.Config{}
	if _, err := Connect(context.Background(), cfg); err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Errorf("untrusted certificate: %v, want a certificate error", err)
	}
	plain := testConfig(srv, "testdb")
	plain.ConnectTimeout = time.Second
	if _, err := Connect(context.Background(), plain); err == nil {
		t.Error("a plaintext login to a TLS listener succeeded")
	}
}
