package e2e

import (
	"bytes"
	"crypto/tls"
	"net/url"
	"strings"
	"testing"

	"github.com/go-informix/informix"
	"github.com/go-informix/informix/ifxtest"
	"github.com/go-informix/informix/internal/testcert"
)

// testCertificate makes a self-signed certificate for 127.0.0.1 and
// localhost and writes it as PEM to a file.
func testCertificate(t *testing.T) (tls.Certificate, string) {
	t.Helper()
	c, err := testcert.New()
	if err != nil {
		t.Fatal(err)
	}
	file, err := c.WriteCA(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return c.TLS, file
}

// TestTLS connects to an ifxtest server speaking TLS with a self-signed
// certificate, and to a plaintext one, in each TLS mode (reliability.md
// tier 3 item 22). It always uses servers of its own, whatever the
// target, since it needs a certificate it made. Besides the outcome it
// checks the bytes the driver put on the socket: every TLS connection
// starts with a TLS handshake record (content type 22) and never carries
// the login packet in the clear, even when the server does not speak TLS
// (no plaintext fallback).
func TestTLS(t *testing.T) {
	cert, caFile := testCertificate(t)
	tlsSrv, err := startIfxtest(ifxtest.Config{TLS: &tls.Config{Certificates: []tls.Certificate{cert}}})
	if err != nil {
		t.Fatal(err)
	}
	defer tlsSrv.Close()
	plainSrv, err := startIfxtest(ifxtest.Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer plainSrv.Close()
	ca := "tls_ca=" + url.QueryEscape(caFile)
	tests := []struct {
		name    string
		srv     *ifxtest.Server
		options []string
		ok      bool
	}{
		{"require verifies by default", tlsSrv, []string{"tls=require"}, false},
		{"verify-full without the CA", tlsSrv, []string{"tls=verify-full"}, false},
		{"verify-full with the CA", tlsSrv, []string{"tls=verify-full", ca}, true},
		{"require with the CA", tlsSrv, []string{"tls=require", ca}, true},
		{"SSLCONNECTION=true with the CA", tlsSrv, []string{"SSLCONNECTION=true", ca}, true},
		{"verify-full, host name mismatch", tlsSrv, []string{"tls=verify-full", ca, "tls_server_name=db.example.com"}, false},
		{"verify-ca ignores the host name", tlsSrv, []string{"tls=verify-ca", ca, "tls_server_name=db.example.com"}, true},
		{"require, verification skipped explicitly", tlsSrv, []string{"tls=require", "tls_skip_verify=true"}, true},
		{"plaintext server, TLS asked", plainSrv, []string{"tls=require", "tls_skip_verify=true"}, false},
		{"plaintext server, verify-full asked", plainSrv, []string{"tls=verify-full", ca}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := informix.ParseDSN(withOptions(tt.srv.DSN("testdb"), append(tt.options, "connect_timeout=1s")...))
			if err != nil {
				t.Fatal(err)
			}
			w := &wire{}
			db := openConfig(t, w.config(cfg))
			err = db.Ping()
			if (err == nil) != tt.ok {
				t.Errorf("Ping: %v; want success %v", err, tt.ok)
			}
			if err != nil && strings.Contains(err.Error(), ifxtest.DefaultPassword) {
				t.Errorf("the error shows the password: %v", err)
			}
			for i := range w.dials() {
				checkEncrypted(t, w.conn(t, i))
			}
		})
	}
}

// checkEncrypted requires the bytes a connection wrote to be TLS records:
// the first is a handshake record (type 22, version 3.x), and neither the
// user name nor the login's product name "sqlexec" (SQLI.md §3.2 field 6)
// appears in the clear.
func checkEncrypted(t *testing.T, c *wireConn) {
	t.Helper()
	out := c.stream(ifxtest.FromClient)
	if len(out) < 3 || out[0] != 22 || out[1] != 3 {
		t.Errorf("the connection did not start with a TLS handshake record: % x", out[:min(len(out), 8)])
	}
	for _, clear := range []string{"sqlexec", ifxtest.DefaultUser, ifxtest.DefaultPassword} {
		if bytes.Contains(out, []byte(clear)) {
			t.Errorf("%q went over the wire in the clear", clear)
		}
	}
}
