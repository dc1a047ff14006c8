package informix

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// option applies one DSN option's value to a Config. Its errors name the
// option and, except for secrets, the value.
type option func(c *Config, v string) error

// options maps every option name, lower case, to its handler.
// LOGINTIMEOUT is read in milliseconds. Open question: that is the unit
// IBM's JDBC guide gives as we know it, but no page consulted for this
// package states it; connect_timeout, in seconds or as a duration, is
// unambiguous. Names are
// matched case-insensitively in both DSN forms; the JDBC property names
// IBM documents (INFORMIXSERVER, CLIENT_LOCALE, DB_LOCALE, FET_BUF_SIZE,
// IFX_LOCK_MODE_WAIT, IFX_ISOLATION_LEVEL, LOGINTIMEOUT, SSLCONNECTION,
// user, password) sit beside this package's own names.
var options = map[string]option{
	"server":              setString(func(c *Config) *string { return &c.Server }),
	"informixserver":      setString(func(c *Config) *string { return &c.Server }),
	"user":                setString(func(c *Config) *string { return &c.User }),
	"password":            func(c *Config, v string) error { c.Password = v; return nil },
	"client_locale":       setString(func(c *Config) *string { return &c.ClientLocale }),
	"db_locale":           setString(func(c *Config) *string { return &c.DBLocale }),
	"app_name":            setString(func(c *Config) *string { return &c.AppName }),
	"connect_timeout":     setDuration(func(c *Config) *time.Duration { return &c.ConnectTimeout }, time.Second),
	"logintimeout":        setDuration(func(c *Config) *time.Duration { return &c.ConnectTimeout }, time.Millisecond),
	"interrupt_timeout":   setDuration(func(c *Config) *time.Duration { return &c.InterruptTimeout }, time.Second),
	"fetch_buffer_size":   setFetchBufferSize,
	"fet_buf_size":        setFetchBufferSize,
	"lock_wait":           setLockWait,
	"ifx_lock_mode_wait":  setLockWait,
	"isolation":           setIsolation,
	"ifx_isolation_level": setJDBCIsolation,
	"tls":                 setTLSMode,
	"sslconnection":       setTLSOn,
	"encrypt":             setTLSOn,
	"tls_ca":              setString(func(c *Config) *string { return &c.TLSCAFile }),
	"tls_cert":            setString(func(c *Config) *string { return &c.TLSCertFile }),
	"tls_key":             setString(func(c *Config) *string { return &c.TLSKeyFile }),
	"tls_server_name":     setString(func(c *Config) *string { return &c.TLSServerName }),
	"tls_skip_verify":     setSkipVerify,
}

// aliases maps each other spelling of an option to the name FormatDSN
// writes, so that one setting given under two names is caught as given
// twice.
var aliases = map[string]string{
	"informixserver": "server", "logintimeout": "connect_timeout",
	"fet_buf_size": "fetch_buffer_size", "ifx_lock_mode_wait": "lock_wait",
	"ifx_isolation_level": "isolation", "sslconnection": "tls", "encrypt": "tls",
}

// envNames are the Informix environment variables a DSN may pass to the
// server at login, from IBM's lists of the variables its JDBC driver
// forwards and of the session environment (IBM Informix JDBC Driver
// Programmer's Guide, "Informix environment variables with the Informix JDBC
// Driver"; Guide to SQL: Reference, "Environment variables"). Options
// with other names are refused, so a misspelt option is an error rather
// than silently sent to a server that ignores it.
var envNames = map[string]bool{
	"DBANSIWARN": true, "DBCENTURY": true, "DBDATE": true, "DBLANG": true,
	"DBSPACETEMP": true, "DBTEMP": true, "DBTIME": true, "DBUPSPACE": true,
	"DELIMIDENT": true, "GL_DATE": true, "GL_DATETIME": true,
	"IFX_AUTOFREE": true, "IFX_DIRECTIVES": true, "IFX_EXTDIRECTIVES": true,
	"IFX_UPDDESC": true, "INFORMIXCONRETRY": true, "INFORMIXCONTIME": true,
	"INFORMIXOPCACHE": true, "INFORMIXSTACKSIZE": true, "NODEFDAC": true,
	"OPTCOMPIND": true, "OPTOFC": true, "OPT_GOAL": true, "PDQPRIORITY": true,
	"PSORT_DBTEMP": true, "PSORT_NPROCS": true, "STMT_CACHE": true,
	"USELASTCOMMITTED": true,
}

// checkEnvName reports whether name is an environment variable a Config
// may send.
func checkEnvName(name string) error {
	if !envNames[name] {
		return fmt.Errorf("informix: config: %q is not an Informix environment variable this driver passes at login", name)
	}
	return nil
}

// applyOption applies name=value to c. seen records the options already
// given, so that an option given twice is an error.
func applyOption(c *Config, name, value string, seen map[string]bool) error {
	key := strings.ToLower(name)
	if !validName(key) {
		return errors.New("informix: DSN: an option name holds characters other than letters, digits and '_' " +
			"(percent-encode '/', '?', '@' and '&' in the password)")
	}
	field := key
	if a, ok := aliases[key]; ok {
		field = a
	}
	if seen[field] {
		return fmt.Errorf("informix: DSN: option %q given twice (or under two names)", name)
	}
	seen[field] = true
	if o, ok := options[key]; ok {
		return o(c, value)
	}
	env := strings.ToUpper(name)
	if envNames[env] {
		c.Env = append(c.Env, EnvVar{Name: env, Value: value})
		return nil
	}
	return fmt.Errorf("informix: DSN: unknown option %q", name)
}

// validName reports whether s is a plausible option name.
func validName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

func setString(field func(*Config) *string) func(*Config, string) error {
	return func(c *Config, v string) error { *field(c) = v; return nil }
}

// setDuration parses a Go duration ("1m30s") or a bare count of unit.
func setDuration(field func(*Config) *time.Duration, unit time.Duration) func(*Config, string) error {
	return func(c *Config, v string) error {
		d, err := parseDuration(v, unit)
		if err != nil {
			return err
		}
		*field(c) = d
		return nil
	}
}

func parseDuration(v string, unit time.Duration) (time.Duration, error) {
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 || n > int64(time.Duration(1<<62)/unit) {
			return 0, fmt.Errorf("informix: DSN: timeout %q is negative or too large", v)
		}
		return time.Duration(n) * unit, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("informix: DSN: timeout %q is neither a duration such as 10s nor a whole number of %v units", v, unit)
	}
	return d, nil
}

func setFetchBufferSize(c *Config, v string) error {
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 || n > 1<<31-1 {
		return fmt.Errorf("informix: DSN: fetch buffer size %q; want a number of bytes from 1 to 2147483647", v)
	}
	c.FetchBufferSize = n
	return nil
}

// setLockWait reads lock_wait (and JDBC's IFX_LOCK_MODE_WAIT, whose -1 and
// 0 mean the same): wait, nowait, -1 (wait forever), 0 (no wait) or a
// number of seconds.
func setLockWait(c *Config, v string) error {
	var w int
	switch strings.ToLower(strings.Join(strings.Fields(v), " ")) {
	case "wait":
		w = -1
	case "nowait", "no wait", "not wait":
		w = 0
	default:
		n, err := strconv.Atoi(v)
		if err != nil || n < -1 {
			return fmt.Errorf("informix: DSN: lock wait %q; want wait, nowait, -1, 0 or a number of seconds", v)
		}
		w = n
	}
	c.LockWait = &w
	return nil
}

func setIsolation(c *Config, v string) error {
	level, err := parseIsolation(v)
	if err != nil {
		return err
	}
	c.Isolation = level
	return nil
}

// isolationLevels are the levels SET ISOLATION accepts (IBM Guide to SQL:
// Syntax, SET ISOLATION), and the short name "last committed".
var isolationLevels = map[string]string{
	"dirty read":                    "DIRTY READ",
	"committed read":                "COMMITTED READ",
	"last committed":                "COMMITTED READ LAST COMMITTED",
	"committed read last committed": "COMMITTED READ LAST COMMITTED",
	"cursor stability":              "CURSOR STABILITY",
	"repeatable read":               "REPEATABLE READ",
}

// parseIsolation returns the canonical words of an isolation level, case
// and spacing ('_', '-' and '+' read as spaces) ignored, optionally
// followed by RETAIN UPDATE LOCKS, which SET ISOLATION allows with every
// level but REPEATABLE READ.
func parseIsolation(v string) (string, error) {
	words := strings.Fields(strings.ToLower(strings.NewReplacer("_", " ", "-", " ", "+", " ").Replace(v)))
	s := strings.Join(words, " ")
	retain := strings.HasSuffix(s, " retain update locks")
	s = strings.TrimSuffix(s, " retain update locks")
	level, ok := isolationLevels[s]
	if !ok || (retain && level == "REPEATABLE READ") {
		return "", fmt.Errorf("informix: isolation %q; want dirty read, committed read, last committed, "+
			"cursor stability or repeatable read (the first four optionally with retain update locks)", v)
	}
	if retain {
		level += " RETAIN UPDATE LOCKS"
	}
	return level, nil
}

// jdbcIsolation maps IFX_ISOLATION_LEVEL's numbers (IBM's JDBC values:
// 1 dirty read … 5 committed read last committed; a trailing U adds
// RETAIN UPDATE LOCKS) to SET ISOLATION words.
var jdbcIsolation = map[string]string{
	"1": "DIRTY READ", "2": "COMMITTED READ", "3": "CURSOR STABILITY",
	"4": "REPEATABLE READ", "5": "COMMITTED READ LAST COMMITTED",
}

func setJDBCIsolation(c *Config, v string) error {
	n, retain := strings.CutSuffix(strings.ToUpper(v), "U")
	level, ok := jdbcIsolation[n]
	if !ok || (retain && n == "4") {
		return fmt.Errorf("informix: DSN: IFX_ISOLATION_LEVEL %q; want 1 to 5, 1U to 3U or 5U", v)
	}
	if retain {
		level += " RETAIN UPDATE LOCKS"
	}
	c.Isolation = level
	return nil
}

func setTLSMode(c *Config, v string) error {
	for i, name := range tlsModeNames {
		if strings.EqualFold(v, name) {
			c.TLSMode = TLSMode(i)
			return nil
		}
	}
	return fmt.Errorf("informix: DSN: tls %q; want disable, require, verify-ca or verify-full", v)
}

// setTLSOn reads JDBC's SSLCONNECTION (and encrypt): true is verify-full,
// as IBM's driver verifies against its trust store.
func setTLSOn(c *Config, v string) error {
	on, err := strconv.ParseBool(v)
	if err != nil {
		return fmt.Errorf("informix: DSN: SSLCONNECTION/encrypt %q; want true or false", v)
	}
	c.TLSMode = TLSDisable
	if on {
		c.TLSMode = TLSVerifyFull
	}
	return nil
}

func setSkipVerify(c *Config, v string) error {
	b, err := strconv.ParseBool(v)
	if err != nil {
		return fmt.Errorf("informix: DSN: tls_skip_verify %q; want true or false", v)
	}
	c.TLSSkipVerify = b
	return nil
}
