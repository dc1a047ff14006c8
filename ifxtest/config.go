package ifxtest

import (
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/go-informix/informix/ifxtest/internal/engine"
	"github.com/go-informix/informix/ifxtype"
)

// Logging is a database's logging mode. It decides the transaction
// behaviour (SQLI.md §7.5) and the properties SQ_DBOPEN reports (SQLI.md
// §3.9). The zero value is NoLogging.
type Logging int

// Logging modes, as CREATE DATABASE names them.
const (
	// NoLogging is a database without a transaction log: BEGIN WORK fails.
	NoLogging Logging = iota
	// BufferedLogging is a logged database (WITH BUFFERED LOG): statements
	// outside BEGIN WORK commit on their own.
	BufferedLogging
	// UnbufferedLogging is a logged database (WITH LOG); it behaves as
	// BufferedLogging.
	UnbufferedLogging
	// ANSI is an ANSI-mode database (WITH LOG MODE ANSI): a transaction is
	// always open and COMMIT WORK ends it.
	ANSI
)

// String returns the CREATE DATABASE clause of the mode.
func (l Logging) String() string {
	switch l {
	case NoLogging:
		return "no log"
	case BufferedLogging:
		return "with buffered log"
	case UnbufferedLogging:
		return "with log"
	case ANSI:
		return "with log mode ansi"
	}
	return fmt.Sprintf("Logging(%d)", int(l))
}

// engineLogging maps l to the engine's constant of the same meaning.
func (l Logging) engineLogging() (engine.Logging, error) {
	switch l {
	case NoLogging:
		return engine.NoLogging, nil
	case BufferedLogging:
		return engine.BufferedLogging, nil
	case UnbufferedLogging:
		return engine.UnbufferedLogging, nil
	case ANSI:
		return engine.ANSI, nil
	}
	return 0, fmt.Errorf("unknown logging mode %d", int(l))
}

// Database describes one database the server holds from the start.
type Database struct {
	// Name is the database name; it must be non-empty and unique
	// (compared case-insensitively, as Informix compares database names).
	Name string
	// Logging is the logging mode; the zero value is NoLogging.
	Logging Logging
	// Locale is the database locale (DB_LOCALE), e.g. "en_US.819" or
	// "en_US.utf8"; empty means DefaultLocale. Its code set is the code set
	// of character data on the wire.
	Locale string
}

// Defaults used for the fields of Config left zero.
const (
	DefaultAddr       = "127.0.0.1:0" // Config.Addr: a free loopback port
	DefaultServerName = "ifxtest"     // Config.ServerName
	DefaultUser       = "informix"    // the one user of a nil Config.Users
	DefaultPassword   = "in4mix"      // DefaultUser's password
	DefaultDatabase   = "testdb"      // the one database of a nil Config.Databases, logged
	DefaultLocale     = "en_US.819"   // Database.Locale: Informix's default locale (TYPES.md §7)
	// ServerVersion is what the server reports as its version, in the
	// login answer and through DBINFO('version','full'): the release the
	// public evidence was gathered against (SQLI.md §0.3).
	ServerVersion = "IBM Informix Dynamic Server Version 15.0.0.1"
)

// Config configures a Server. The zero Config listens on a random loopback
// port, accepts user "informix" with password "in4mix", calls itself
// "ifxtest" and holds one logged database "testdb" with locale en_US.819.
type Config struct {
	// Addr is the TCP address to listen on; empty means DefaultAddr.
	Addr string
	// ServerName is the INFORMIXSERVER name the server answers the login
	// with; empty means DefaultServerName.
	ServerName string
	// Users maps user names to passwords; nil or empty means one user,
	// DefaultUser with DefaultPassword.
	Users map[string]string
	// Databases are created when the server starts; nil or empty means one
	// database, DefaultDatabase, logged (WITH LOG) with DefaultLocale.
	Databases []Database

	// TLS, when set, makes the server speak TLS from the first byte, as an
	// Informix onsocssl listener does (SQLI.md §1.2). It must hold a
	// certificate.
	TLS *tls.Config
	// TLSCertFile and TLSKeyFile name a PEM certificate and key to serve
	// TLS with, as a convenience: set both, or neither. They may be used
	// together with TLS, whose other settings are then kept.
	TLSCertFile string
	TLSKeyFile  string

	// Replay lists the tables of replay mode, for benchmarks (see
	// ReplayTable; BenchTables returns the built-in ones). They exist in
	// every database, in front of the engine's tables. With a database
	// open, a statement that starts with SELECT, has no INTO outside
	// parentheses, and whose first FROM outside parentheses names a
	// replay table first, is answered with all the table's rows and
	// columns, whatever its select list, WHERE or ORDER BY say; a
	// statement that starts with INSERT INTO a replay table is
	// acknowledged as inserting one row per execution and stores nothing.
	// The rows are encoded when the server starts, once for each code set
	// of Databases, and sent byte for byte as an ordinary table holding
	// them would send them. Every other statement goes to the engine,
	// where replay tables do not exist (UPDATE or DELETE on one is -206).
	Replay []ReplayTable

	// WireLog, when set, receives every byte of every connection (see
	// WireLog and DirWireLog).
	WireLog WireLog
	// Now is the clock of TODAY and CURRENT; nil means time.Now.
	Now func() time.Time
	// Logf, when set, receives the server's diagnostics: connections
	// opened and closed, and the reason a connection was dropped.
	Logf func(format string, args ...any)
}

// resolved is a Config with its defaults applied and its TLS loaded.
type resolved struct {
	Config
	tls *tls.Config
}

// resolve applies the defaults and checks the configuration.
func (c Config) resolve() (*resolved, error) {
	r := &resolved{Config: c}
	if r.Addr == "" {
		r.Addr = DefaultAddr
	}
	if r.ServerName == "" {
		r.ServerName = DefaultServerName
	}
	if len(r.Users) == 0 {
		r.Users = map[string]string{DefaultUser: DefaultPassword}
	}
	for name := range r.Users {
		if name == "" {
			return nil, errors.New("ifxtest: config: a user has an empty name")
		}
	}
	if len(r.Databases) == 0 {
		r.Databases = []Database{{Name: DefaultDatabase, Logging: UnbufferedLogging}}
	}
	if err := checkDatabases(r.Databases); err != nil {
		return nil, err
	}
	t, err := loadTLS(c.TLS, c.TLSCertFile, c.TLSKeyFile)
	if err != nil {
		return nil, err
	}
	r.tls = t
	return r, nil
}

// checkDatabases refuses empty and duplicate names and unknown locales
// and logging modes.
func checkDatabases(dbs []Database) error {
	seen := make(map[string]bool, len(dbs))
	for i, db := range dbs {
		if db.Name == "" {
			return fmt.Errorf("ifxtest: config: database %d has an empty name", i+1)
		}
		key := strings.ToLower(db.Name)
		if seen[key] {
			return fmt.Errorf("ifxtest: config: database %q is configured twice", db.Name)
		}
		seen[key] = true
		if _, err := db.Logging.engineLogging(); err != nil {
			return fmt.Errorf("ifxtest: config: database %q: %w", db.Name, err)
		}
		if db.Locale != "" {
			if _, err := ifxtype.LookupCodeSet(db.Locale); err != nil {
				return fmt.Errorf("ifxtest: config: database %q: %w", db.Name, err)
			}
		}
	}
	return nil
}

// loadTLS returns the TLS configuration to serve with, or nil for plain
// TCP. The key pair in certFile/keyFile is added to a clone of base.
func loadTLS(base *tls.Config, certFile, keyFile string) (*tls.Config, error) {
	if (certFile == "") != (keyFile == "") {
		return nil, errors.New("ifxtest: config: TLSCertFile and TLSKeyFile must be set together")
	}
	if base == nil && certFile == "" {
		return nil, nil
	}
	cfg := &tls.Config{}
	if base != nil {
		cfg = base.Clone()
	}
	if certFile != "" {
		pair, err := tls.LoadX509KeyPair(certFile, keyFile)
		if err != nil {
			return nil, fmt.Errorf("ifxtest: config: load TLS key pair: %w", err)
		}
		cfg.Certificates = append(cfg.Certificates, pair)
	}
	if len(cfg.Certificates) == 0 && cfg.GetCertificate == nil && cfg.GetConfigForClient == nil {
		return nil, errors.New("ifxtest: config: TLS is set but holds no certificate")
	}
	return cfg, nil
}

// codeSets returns the distinct code sets of the configured databases.
func (r *resolved) codeSets() []ifxtype.CodeSet {
	var out []ifxtype.CodeSet
	seen := make(map[string]bool)
	for _, db := range r.Databases {
		locale := db.Locale
		if locale == "" {
			locale = DefaultLocale
		}
		cs, err := ifxtype.LookupCodeSet(locale)
		if err != nil || seen[cs.Name()] {
			continue // checked by resolve
		}
		seen[cs.Name()] = true
		out = append(out, cs)
	}
	return out
}

// engineConfig returns the engine's configuration for r.
func (r *resolved) engineConfig() engine.Config {
	dbs := make([]engine.DatabaseConfig, len(r.Databases))
	for i, db := range r.Databases {
		mode, _ := db.Logging.engineLogging() // checked by resolve
		locale := db.Locale
		if locale == "" {
			locale = DefaultLocale
		}
		dbs[i] = engine.DatabaseConfig{Name: db.Name, Logging: mode, Locale: locale}
	}
	return engine.Config{Databases: dbs, Now: r.Now, ServerVersion: ServerVersion}
}

// firstUser returns the user DSN puts in its URLs: the smallest name in
// byte order, since a map has no order of its own.
func (r *resolved) firstUser() (string, string) {
	names := make([]string, 0, len(r.Users))
	for name := range r.Users {
		names = append(names, name)
	}
	slices.Sort(names)
	return names[0], r.Users[names[0]]
}

// dsn builds the informix:// URL for addr and database.
func (r *resolved) dsn(addr net.Addr, database string) string {
	user, password := r.firstUser()
	u := url.URL{
		Scheme:   "informix",
		User:     url.UserPassword(user, password),
		Host:     addr.String(),
		Path:     "/" + database,
		RawQuery: url.Values{"server": {r.ServerName}}.Encode(),
	}
	return u.String()
}
