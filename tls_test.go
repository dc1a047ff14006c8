package informix

import (
	"crypto/tls"
	"database/sql"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-informix/informix/ifxtest"
	"github.com/go-informix/informix/internal/testcert"
)

// selfSigned makes a self-signed server certificate for 127.0.0.1 and
// localhost, and writes it as PEM to a file in dir.
func selfSigned(t *testing.T, dir string) (tls.Certificate, string) {
	t.Helper()
	c, err := testcert.New()
	if err != nil {
		t.Fatal(err)
	}
	file, err := c.WriteCA(dir)
	if err != nil {
		t.Fatal(err)
	}
	return c.TLS, file
}

// TestTLSPolicy checks reliability.md tier 3 item 22: a self-signed
// certificate fails unless the DSN trusts it or explicitly skips
// verification, a host-name mismatch fails in verify-full, and TLS asked of
// a plaintext server fails rather than falling back.
func TestTLSPolicy(t *testing.T) {
	cert, caFile := selfSigned(t, t.TempDir())
	tlsSrv := startServer(t, ifxtest.Config{TLS: &tls.Config{Certificates: []tls.Certificate{cert}}})
	plainSrv := startServer(t, ifxtest.Config{})
	ca := url.QueryEscape(caFile)
	tests := []struct {
		name    string
		srv     *ifxtest.Server
		options string
		ok      bool
	}{
		{"require verifies by default", tlsSrv, "tls=require", false},
		{"verify-full without the CA", tlsSrv, "tls=verify-full", false},
		{"require with skip verify", tlsSrv, "tls=require&tls_skip_verify=true", true},
		{"verify-full with the CA", tlsSrv, "tls=verify-full&tls_ca=" + ca, true},
		{"require with the CA", tlsSrv, "tls=require&tls_ca=" + ca, true},
		{"verify-full, wrong name", tlsSrv, "tls=verify-full&tls_ca=" + ca + "&tls_server_name=db.example", false},
		{"verify-ca, wrong name", tlsSrv, "tls=verify-ca&tls_ca=" + ca + "&tls_server_name=db.example", true},
		{"verify-ca without the CA", tlsSrv, "tls=verify-ca", false},
		{"plaintext server, TLS asked", plainSrv, "tls=require&tls_skip_verify=true", false},
		{"plaintext", plainSrv, "tls=disable", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, err := sql.Open("informix", tt.srv.DSN("testdb")+"&connect_timeout=1s&"+tt.options)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			var n int
			err = db.QueryRow("SELECT COUNT(*) FROM systables").Scan(&n)
			if (err == nil) != tt.ok {
				t.Errorf("query error %v; want success %v", err, tt.ok)
			}
			if err != nil && strings.Contains(err.Error(), ifxtest.DefaultPassword) {
				t.Errorf("error shows the password: %v", err)
			}
		})
	}
}

func TestTLSFilesErrors(t *testing.T) {
	dir := t.TempDir()
	notPEM := filepath.Join(dir, "not.pem")
	if err := os.WriteFile(notPEM, []byte("hello"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		cfg  Config
		want string
	}{
		{Config{Host: "h", User: "u", Password: secret, TLSMode: TLSVerifyFull, TLSCAFile: filepath.Join(dir, "missing.pem")}, "tls_ca"},
		{Config{Host: "h", User: "u", Password: secret, TLSMode: TLSVerifyFull, TLSCAFile: notPEM}, "holds no PEM certificate"},
		{Config{Host: "h", User: "u", Password: secret, TLSMode: TLSRequire, TLSCertFile: notPEM, TLSKeyFile: notPEM}, "tls_cert"},
		{Config{Host: "h", Password: secret}, "no user name"},
		{Config{User: "u", Password: secret}, "no host"},
		{Config{Host: "h", User: "u", Password: secret, Port: 70000}, "port 70000"},
		{Config{Host: "h", User: "u", Password: secret, LockWait: intp(-5)}, "lock wait -5"},
		{Config{Host: "h", User: "u", Password: secret, Isolation: "sometimes"}, `isolation "sometimes"`},
		{Config{Host: "h", User: "u", Password: secret, Env: []EnvVar{{"PATH", "/bin"}}}, `"PATH" is not an Informix environment variable`},
		{Config{Host: "h", User: "u", Password: secret, TLSMode: TLSMode(9)}, "unknown TLS mode 9"},
	}
	for _, tt := range tests {
		_, err := NewConnector(&tt.cfg)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("NewConnector(%+v): %v; want an error containing %q", tt.cfg.TLSMode, err, tt.want)
			continue
		}
		assertNoSecret(t, err)
	}
}
