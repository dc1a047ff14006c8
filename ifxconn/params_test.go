package ifxconn

import (
	"reflect"
	"testing"

	"github.com/go-informix/informix/sqli"
)

func TestCountParams(t *testing.T) {
	for sql, want := range map[string]int{
		"SELECT 1 FROM t":                       0,
		"INSERT INTO t VALUES (?, ?)":           2,
		"SELECT '?' FROM t WHERE a = ?":         1,
		`SELECT "a?b" FROM t WHERE a = ?`:       1,
		"SELECT 'it''s ?' FROM t WHERE a = ?":   1,
		"SELECT a -- why?\nFROM t WHERE a = ?":  1,
		"SELECT a /* ? */ FROM t WHERE a = ? ":  1,
		"SELECT a { ? } FROM t WHERE a = ?":     1,
		"SELECT '?":                             0,
		"UPDATE t SET a = ?, b = ? WHERE c = ?": 3,
	} {
		if got := countParams(sql); got != want {
			t.Errorf("countParams(%q) = %d, want %d", sql, got, want)
		}
	}
}

// TestLoginEnv holds loginEnv to the environment blocks IBM JDBC
// 15.0.0.1.1 sent to ifxtest: connect.golden (no locale), types.golden's
// utf8db connections (both locales en_US.utf8), and JDBC runs with only
// CLIENT_LOCALE, only DB_LOCALE and a DBDATE, whose LOGIN_REQUEST blocks
// were decoded by hand into the lists below.
func TestLoginEnv(t *testing.T) {
	e := func(kv ...string) []sqli.EnvVar {
		var out []sqli.EnvVar
		for i := 0; i < len(kv); i += 2 {
			out = append(out, sqli.EnvVar{Name: kv[i], Value: kv[i+1]})
		}
		return out
	}
	for name, tc := range map[string]struct {
		cfg  Config
		want []sqli.EnvVar
	}{
		"no locale": {Config{}, e("DBPATH", ".", "CLIENT_LOCALE", "en_US.8859-1", "CLNT_PAM_CAPABLE", "1",
			"DBDATE", "Y4MD-", "IFX_UPDDESC", "1", "NODEFDAC", "no")},
		"both locales": {Config{ClientLocale: "en_US.utf8", DBLocale: "en_US.utf8"}, e("DBPATH", ".",
			"CLIENT_LOCALE", "en_US.utf8", "CLNT_PAM_CAPABLE", "1", "IFX_UPDDESC", "1", "DB_LOCALE", "en_US.utf8", "NODEFDAC", "no")},
		"client locale": {Config{ClientLocale: "en_US.utf8"}, e("DBPATH", ".", "CLIENT_LOCALE", "en_US.utf8",
			"CLNT_PAM_CAPABLE", "1", "IFX_UPDDESC", "1", "NODEFDAC", "no")},
		"db locale": {Config{DBLocale: "en_US.819"}, e("DBPATH", ".", "CLNT_PAM_CAPABLE", "1", "IFX_UPDDESC", "1",
			"DB_LOCALE", "en_US.819", "NODEFDAC", "no")},
		"dbdate and more, OPTOFC left for SQ_INFO": {Config{Env: e("DBDATE", "DMY4", "OPTOFC", "1", "PDQPRIORITY", "50")},
			e("DBPATH", ".", "CLIENT_LOCALE", "en_US.8859-1", "CLNT_PAM_CAPABLE", "1", "DBDATE", "DMY4", "IFX_UPDDESC", "1",
				"NODEFDAC", "no", "PDQPRIORITY", "50")},
	} {
		if got := loginEnv(&tc.cfg); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\ngot  %v\nwant %v", name, got, tc.want)
		}
	}
}

// TestSessionInfo: SQ_INFO carries JDBC's DBTEMP and SUBQCACHESZ, with
// OPTOFC between them as JDBC puts it when its URL sets OPTOFC=1 ([J]:
// ifxtest's wire log of JDBC 15.0.0.1.1): on by default, the value given
// in Env, and absent for an explicit OPTOFC=0 (JDBC's default bytes).
func TestSessionInfo(t *testing.T) {
	e := func(kv ...string) []sqli.EnvVar {
		var out []sqli.EnvVar
		for i := 0; i < len(kv); i += 2 {
			out = append(out, sqli.EnvVar{Name: kv[i], Value: kv[i+1]})
		}
		return out
	}
	for name, tc := range map[string]struct {
		env  []sqli.EnvVar
		want []sqli.EnvVar
	}{
		"default":  {nil, e("DBTEMP", "/tmp", "OPTOFC", "1", "SUBQCACHESZ", "10")},
		"optofc=1": {e("optofc", "1"), e("DBTEMP", "/tmp", "OPTOFC", "1", "SUBQCACHESZ", "10")},
		"OPTOFC=0": {e("OPTOFC", "0", "PDQPRIORITY", "5"), e("DBTEMP", "/tmp", "SUBQCACHESZ", "10")},
	} {
		if got := sessionInfo(&Config{Env: tc.env}).Env; !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\ngot  %v\nwant %v", name, got, tc.want)
		}
	}
}

// TestCursorNames: JDBC's cursor names, "_ifxc" and the counter in 13
// digits (connect.golden: _ifxc0000000000000), longer only when the
// counter needs more digits.
func TestCursorNames(t *testing.T) {
	for _, tc := range []struct {
		seq  int64
		want string
	}{
		{0, "_ifxc0000000000000"},
		{12345, "_ifxc0000000012345"},
		{9999999999999, "_ifxc9999999999999"},
		{10000000000000, "_ifxc10000000000000"},
	} {
		c := &Conn{cursorSeq: tc.seq}
		if got := c.nextCursorName(); got != tc.want || c.cursorSeq != tc.seq+1 {
			t.Errorf("cursor %d: %q (next %d), want %q", tc.seq, got, c.cursorSeq, tc.want)
		}
	}
}
