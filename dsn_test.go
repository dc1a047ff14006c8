package informix

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// secret is the password of every DSN in these tests, recognisable in any
// error text that leaks it.
const secret = "Pa55-s3cr3t"

func intp(n int) *int { return &n }

// clearLocaleEnv empties the variables ParseDSN falls back to.
func clearLocaleEnv(t *testing.T) {
	t.Helper()
	for _, v := range []string{"INFORMIXSERVER", "CLIENT_LOCALE", "DB_LOCALE"} {
		t.Setenv(v, "")
	}
}

func TestParseDSNURL(t *testing.T) {
	clearLocaleEnv(t)
	tests := []struct {
		dsn  string
		want Config
	}{
		{"informix://informix:in4mix@127.0.0.1:9090/testdb?server=ifxtest",
			Config{Host: "127.0.0.1", Port: 9090, User: "informix", Password: "in4mix", Database: "testdb", Server: "ifxtest"}},
		{"informix://u@dbhost/stores", Config{Host: "dbhost", User: "u", Database: "stores"}},
		{"INFORMIX://u@dbhost", Config{Host: "dbhost", User: "u"}},
		{"informix://u%40corp:p%2Fw%3Fd%40x%25@[::1]:1526/db%20one?server=ol",
			Config{Host: "::1", Port: 1526, User: "u@corp", Password: "p/w?d@x%", Database: "db one", Server: "ol"}},
		{"informix://u:p@[fe80::1%25eth0]/db", Config{Host: "fe80::1%eth0", User: "u", Password: "p", Database: "db"}},
		{"informix://u:p:q@h/db", Config{Host: "h", User: "u", Password: "p:q", Database: "db"}},
		{"informix://u@h/db?connect_timeout=10&interrupt_timeout=1m30s&app_name=my+app",
			Config{Host: "h", User: "u", Database: "db", ConnectTimeout: 10 * time.Second, InterruptTimeout: 90 * time.Second, AppName: "my app"}},
		{"informix://u@h/db?client_locale=en_US.utf8&db_locale=en_US.819&fetch_buffer_size=32767",
			Config{Host: "h", User: "u", Database: "db", ClientLocale: "en_US.utf8", DBLocale: "en_US.819", FetchBufferSize: 32767}},
		{"informix://u@h/db?lock_wait=wait", Config{Host: "h", User: "u", Database: "db", LockWait: intp(-1)}},
		{"informix://u@h/db?lock_wait=nowait", Config{Host: "h", User: "u", Database: "db", LockWait: intp(0)}},
		{"informix://u@h/db?lock_wait=15", Config{Host: "h", User: "u", Database: "db", LockWait: intp(15)}},
		{"informix://u@h/db?isolation=dirty+read", Config{Host: "h", User: "u", Database: "db", Isolation: "DIRTY READ"}},
		{"informix://u@h/db?isolation=Committed%20Read", Config{Host: "h", User: "u", Database: "db", Isolation: "COMMITTED READ"}},
		{"informix://u@h/db?isolation=last_committed", Config{Host: "h", User: "u", Database: "db", Isolation: "COMMITTED READ LAST COMMITTED"}},
		{"informix://u@h/db?isolation=committed+read+last+committed",
			Config{Host: "h", User: "u", Database: "db", Isolation: "COMMITTED READ LAST COMMITTED"}},
		{"informix://u@h/db?isolation=cursor-stability+retain+update+locks",
			Config{Host: "h", User: "u", Database: "db", Isolation: "CURSOR STABILITY RETAIN UPDATE LOCKS"}},
		{"informix://u@h/db?isolation=repeatable+read", Config{Host: "h", User: "u", Database: "db", Isolation: "REPEATABLE READ"}},
		{"informix://u@h/db?tls=require", Config{Host: "h", User: "u", Database: "db", TLSMode: TLSRequire}},
		{"informix://u@h/db?tls=require&tls_skip_verify=true",
			Config{Host: "h", User: "u", Database: "db", TLSMode: TLSRequire, TLSSkipVerify: true}},
		{"informix://u@h/db?tls=verify-ca&tls_ca=/etc/ca.pem", Config{Host: "h", User: "u", Database: "db", TLSMode: TLSVerifyCA, TLSCAFile: "/etc/ca.pem"}},
		{"informix://u@h/db?tls=VERIFY-FULL&tls_cert=c.pem&tls_key=k.pem&tls_server_name=db.example",
			Config{Host: "h", User: "u", Database: "db", TLSMode: TLSVerifyFull, TLSCertFile: "c.pem", TLSKeyFile: "k.pem", TLSServerName: "db.example"}},
		{"informix://u@h/db?OPTOFC=1&pdqpriority=50&DBDATE=DMY4%2F",
			Config{Host: "h", User: "u", Database: "db", Env: []EnvVar{{"OPTOFC", "1"}, {"PDQPRIORITY", "50"}, {"DBDATE", "DMY4/"}}}},
		{"informix://u@h/db?INFORMIXSERVER=ol&CLIENT_LOCALE=en_US.utf8&FET_BUF_SIZE=8192&IFX_LOCK_MODE_WAIT=-1&IFX_ISOLATION_LEVEL=2U",
			Config{Host: "h", User: "u", Database: "db", Server: "ol", ClientLocale: "en_US.utf8", FetchBufferSize: 8192,
				LockWait: intp(-1), Isolation: "COMMITTED READ RETAIN UPDATE LOCKS"}},
		{"informix://h/db?user=u&password=" + secret, Config{Host: "h", User: "u", Password: secret, Database: "db"}},
		{"informix://u@h/db?&&server=x&", Config{Host: "h", User: "u", Database: "db", Server: "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.dsn, func(t *testing.T) {
			got, err := ParseDSN(tt.dsn)
			if err != nil {
				t.Fatalf("ParseDSN: %v", err)
			}
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", *got, tt.want)
			}
		})
	}
}

func TestParseDSNJDBC(t *testing.T) {
	clearLocaleEnv(t)
	tests := []struct {
		dsn  string
		want Config
	}{
		{"jdbc:informix-sqli://dbhost:9088/stores:INFORMIXSERVER=ol_informix;user=informix;password=" + secret,
			Config{Host: "dbhost", Port: 9088, Database: "stores", Server: "ol_informix", User: "informix", Password: secret}},
		// IBM's documentation shows a URL without a database, and lower-case names.
		{"jdbc:informix-sqli://123.45.67.89:1533:informixserver=myserver;user=rdtest;password=test;",
			Config{Host: "123.45.67.89", Port: 1533, Server: "myserver", User: "rdtest", Password: "test"}},
		{"jdbc:informix-sqli://[2001:db8::7]:9088/db:INFORMIXSERVER=s;user=u",
			Config{Host: "2001:db8::7", Port: 9088, Database: "db", Server: "s", User: "u"}},
		{"JDBC:INFORMIX-SQLI://h/db:user=u", Config{Host: "h", Database: "db", User: "u"}},
		{"jdbc:informix-sqli://h:1/db:user=u;CLIENT_LOCALE=en_US.utf8;DB_LOCALE=en_US.819;FET_BUF_SIZE=16384;" +
			"IFX_LOCK_MODE_WAIT=30;IFX_ISOLATION_LEVEL=5;LOGINTIMEOUT=2500;SSLCONNECTION=true;OPTOFC=1",
			Config{Host: "h", Port: 1, Database: "db", User: "u", ClientLocale: "en_US.utf8", DBLocale: "en_US.819",
				FetchBufferSize: 16384, LockWait: intp(30), Isolation: "COMMITTED READ LAST COMMITTED",
				ConnectTimeout: 2500 * time.Millisecond, TLSMode: TLSVerifyFull, Env: []EnvVar{{"OPTOFC", "1"}}}},
		{"jdbc:informix-sqli://h:1/db:user=u;IFX_ISOLATION_LEVEL=1;IFX_LOCK_MODE_WAIT=0;encrypt=false;password=a=b",
			Config{Host: "h", Port: 1, Database: "db", User: "u", Isolation: "DIRTY READ", LockWait: intp(0), Password: "a=b"}},
		{"jdbc:informix-sqli://h:1/db:user=u;IFX_ISOLATION_LEVEL=3u;tls=verify-ca",
			Config{Host: "h", Port: 1, Database: "db", User: "u", Isolation: "CURSOR STABILITY RETAIN UPDATE LOCKS", TLSMode: TLSVerifyCA}},
		{"jdbc:informix-sqli://h:1/db:user=u;IFX_ISOLATION_LEVEL=4",
			Config{Host: "h", Port: 1, Database: "db", User: "u", Isolation: "REPEATABLE READ"}},
	}
	for _, tt := range tests {
		t.Run(tt.dsn, func(t *testing.T) {
			got, err := ParseDSN(tt.dsn)
			if err != nil {
				t.Fatalf("ParseDSN: %v", err)
			}
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", *got, tt.want)
			}
		})
	}
}

func TestParseDSNEnvironment(t *testing.T) {
	t.Setenv("INFORMIXSERVER", "envserver")
	t.Setenv("CLIENT_LOCALE", "en_US.utf8")
	t.Setenv("DB_LOCALE", "de_DE.8859-1")
	got, err := ParseDSN("informix://u@h/db")
	if err != nil {
		t.Fatal(err)
	}
	if got.Server != "envserver" || got.ClientLocale != "en_US.utf8" || got.DBLocale != "de_DE.8859-1" {
		t.Errorf("silent DSN: server %q, client locale %q, db locale %q; want the environment's", got.Server, got.ClientLocale, got.DBLocale)
	}
	got, err = ParseDSN("jdbc:informix-sqli://h:1/db:user=u;INFORMIXSERVER=dsn;CLIENT_LOCALE=C;DB_LOCALE=D")
	if err != nil {
		t.Fatal(err)
	}
	if got.Server != "dsn" || got.ClientLocale != "C" || got.DBLocale != "D" {
		t.Errorf("DSN values: server %q, client locale %q, db locale %q; the DSN should win", got.Server, got.ClientLocale, got.DBLocale)
	}
}

// TestParseDSNErrors checks that each malformed DSN fails with an error
// naming the bad part, and that no rendering of the error holds the
// password.
func TestParseDSNErrors(t *testing.T) {
	clearLocaleEnv(t)
	p := secret
	tests := []struct{ dsn, want string }{
		{"postgres://u:" + p + "@h/db", "want informix://"},
		{"informix://u:" + p + "@/db", "no host"},
		{"informix://u:" + p + "@h:/db", "empty port"},
		{"informix://u:" + p + "@h:99999/db", "port"},
		{"informix://u:" + p + "@h:0/db", "port"},
		{"informix://u:" + p + "@h:x9/db", "port"},
		{"informix://u:" + p + "@h:+9/db", "port"},
		{"informix://u:" + p + "@::1/db", "brackets"},
		{"informix://u:" + p + "@[::1/db", "closing ']'"},
		{"informix://u:" + p + "@[::1]x/db", "':PORT'"},
		{"informix://u:" + p + "@[::1]:/db", "empty port"},
		{"informix://u:" + p + "@h%zz/db", "host has a malformed percent-encoding"},
		{"informix://u%zz:" + p + "@h/db", "user name has a malformed percent-encoding"},
		{"informix://u:" + p + "%@h/db", "password has a malformed percent-encoding"},
		{"informix://u:pa/" + p + "@h/db", "'@' after the host"},
		{"informix://u:pa?" + p + "@h/db", "'@' after the host"},
		{"informix://u:" + p + "/db", "port"},
		{"informix://:" + p + "@h/db", "no user name"},
		{"informix://u:" + p + "@h/db/x", "database name"},
		{"informix://u:" + p + "@h/d%zz", "database name"},
		{"informix://u:" + p + "@h/db?server", "no '='"},
		{"informix://u:" + p + "@h/db?server=%zz", "malformed percent-encoding"},
		{"informix://u:" + p + "@h/db?conect_timeout=5", `unknown option "conect_timeout"`},
		{"informix://u:" + p + "@h/db?IFX_TRIMTRAILINGSPACES=1", `unknown option "IFX_TRIMTRAILINGSPACES"`},
		{"informix://u:" + p + "@h/db?server=a&server=b", `option "server" given twice`},
		{"informix://u:" + p + "@h/db?server=a&INFORMIXSERVER=b", `"INFORMIXSERVER" given twice`},
		{"informix://u:" + p + "@h/db?password=x", `"password" given twice`},
		{"informix://u:" + p + "@h/db?connect_timeout=soon", `timeout "soon"`},
		{"informix://u:" + p + "@h/db?connect_timeout=-5s", `timeout "-5s"`},
		{"informix://u:" + p + "@h/db?connect_timeout=-5", `timeout "-5"`},
		{"informix://u:" + p + "@h/db?fetch_buffer_size=0", `fetch buffer size "0"`},
		{"informix://u:" + p + "@h/db?fetch_buffer_size=2147483648", `fetch buffer size "2147483648"`},
		{"informix://u:" + p + "@h/db?lock_wait=-2", `lock wait "-2"`},
		{"informix://u:" + p + "@h/db?lock_wait=sometimes", `lock wait "sometimes"`},
		{"informix://u:" + p + "@h/db?isolation=serializable", `isolation "serializable"`},
		{"informix://u:" + p + "@h/db?isolation=repeatable+read+retain+update+locks", "isolation"},
		{"informix://u:" + p + "@h/db?tls=maybe", `tls "maybe"`},
		{"informix://u:" + p + "@h/db?tls_skip_verify=yes", `tls_skip_verify "yes"`},
		{"informix://u:" + p + "@h/db?tls=verify-full&tls_skip_verify=true", "tls_skip_verify needs tls=require"},
		{"informix://u:" + p + "@h/db?tls_skip_verify=true", "tls_skip_verify needs tls=require"},
		{"informix://u:" + p + "@h/db?tls=require&tls_cert=c.pem", "tls_cert and tls_key go together"},
		{"informix://u:" + p + "@h/db?bad%2Fname=1", "option name"},
		{"jdbc:informix-sqli://h:1/db:user=u;password=" + p + ";IFX_ISOLATION_LEVEL=6", "IFX_ISOLATION_LEVEL \"6\""},
		{"jdbc:informix-sqli://h:1/db:user=u;password=" + p + ";IFX_ISOLATION_LEVEL=4U", "IFX_ISOLATION_LEVEL \"4U\""},
		{"jdbc:informix-sqli://h:1/db:user=u;password=" + p + ";SSLCONNECTION=sure", `SSLCONNECTION/encrypt "sure"`},
		{"jdbc:informix-sqli://h:1/db:user=u;password=" + p + ";LOGINTIMEOUT=x", `timeout "x"`},
		{"jdbc:informix-sqli://h:1/db:user=u;password=" + p + ";NOSUCH=1", `unknown option "NOSUCH"`},
		{"jdbc:informix-sqli://h:1/db:user=u;password=pa;" + p + ";server=s", "no '='"},
		{"jdbc:informix-sqli://h:1/db:user=u;password=" + p + ";user=v", `"user" given twice`},
		{"jdbc:informix-sqli://h:x/db:user=u;password=" + p, "port"},
		{"jdbc:informix-sqli://[::1:9088/db:user=u;password=" + p, "closing ']'"},
		{"jdbc:informix-sqli://:9088/db:user=u;password=" + p, "no host"},
		{"jdbc:informix-sqli://h:1/db:password=" + p, "no user name"},
	}
	for _, tt := range tests {
		t.Run(tt.dsn, func(t *testing.T) {
			_, err := ParseDSN(tt.dsn)
			if err == nil {
				t.Fatal("ParseDSN succeeded; want an error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not name %q", err, tt.want)
			}
			assertNoSecret(t, err)
		})
	}
}

// assertNoSecret fails if any rendering of err shows the test password or
// a long piece of it.
func assertNoSecret(t *testing.T, err error) {
	t.Helper()
	for _, verb := range []string{"%s", "%v", "%+v", "%#v", "%q"} {
		s := fmt.Sprintf(verb, err)
		for _, piece := range []string{secret, secret[:5], secret[5:]} {
			if strings.Contains(s, piece) {
				t.Errorf("%s of the error shows the password piece %q: %s", verb, piece, s)
			}
		}
	}
}

// TestFormatDSNRoundTrip checks FormatDSN against a hand-written URL for
// one Config, and that ParseDSN reads it back equal.
func TestFormatDSNRoundTrip(t *testing.T) {
	clearLocaleEnv(t)
	c := Config{
		Host: "::1", Port: 1526, User: "u@corp", Password: "p/w?d&x", Database: "db one", Server: "ol",
		TLSMode: TLSVerifyCA, TLSCAFile: "/ca dir/ca.pem", ConnectTimeout: 2500 * time.Millisecond,
		LockWait: intp(-1), Isolation: "COMMITTED READ LAST COMMITTED", FetchBufferSize: 8192,
		Env: []EnvVar{{"OPTOFC", "1"}, {"DBDATE", "DMY4/"}},
	}
	want := "informix://u%40corp:p%2Fw%3Fd%26x@[%3A%3A1]:1526/db%20one?server=ol&connect_timeout=2.5s&fetch_buffer_size=8192" +
		"&lock_wait=wait&isolation=COMMITTED+READ+LAST+COMMITTED&tls=verify-ca&tls_ca=%2Fca+dir%2Fca.pem&OPTOFC=1&DBDATE=DMY4%2F"
	if got := c.FormatDSN(); got != want {
		t.Errorf("FormatDSN\n got %s\nwant %s", got, want)
	}
	back, err := ParseDSN(c.FormatDSN())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*back, c) {
		t.Errorf("round trip\n got %+v\nwant %+v", *back, c)
	}
}

// FuzzParseDSN checks that ParseDSN never panics and that every DSN it
// accepts survives FormatDSN and a second ParseDSN unchanged.
func FuzzParseDSN(f *testing.F) {
	for _, s := range []string{
		"informix://informix:in4mix@127.0.0.1:9090/testdb?server=ifxtest",
		"informix://u%40corp:p%2Fw@[::1]:1526/db?lock_wait=15&isolation=dirty+read&OPTOFC=1",
		"informix://u@h/db?tls=require&tls_skip_verify=true&connect_timeout=10&app_name=a+b",
		"jdbc:informix-sqli://h:9088/db:INFORMIXSERVER=s;user=u;password=p;IFX_ISOLATION_LEVEL=5U;LOGINTIMEOUT=100",
		"jdbc:informix-sqli://[::1]:1/db:user=u;SSLCONNECTION=true;FET_BUF_SIZE=100;DBDATE=Y4MD-",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, dsn string) {
		c, err := ParseDSN(dsn)
		if err != nil {
			return
		}
		out := c.FormatDSN()
		back, err := ParseDSN(out)
		if err != nil {
			t.Fatalf("ParseDSN(FormatDSN) of %q: %q: %v", dsn, out, err)
		}
		if !reflect.DeepEqual(back, c) {
			t.Fatalf("round trip of %q via %q\n got %+v\nwant %+v", dsn, out, back, c)
		}
	})
}
