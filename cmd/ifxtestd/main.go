// Command ifxtestd runs an ifxtest server, an SQLI server that behaves like
// IBM Informix, as a process, for clients that cannot embed the Go package
// (IBM JDBC, informix-driver, the conformance harness).
//
// Usage:
//
//	ifxtestd [-addr 127.0.0.1:9088] [-server NAME]
//	         [-user NAME -password PASSWORD | -user NAME:PASSWORD ...]
//	         [-db NAME[:nolog|:buffered|:unbuffered|:ansi][:LOCALE] ...]
//	         [-tls-cert FILE -tls-key FILE] [-wirelog DIR] [-replay] [-v]
//
// -wirelog writes one annotated hex dump per connection into DIR (created
// if missing; see ifxtest.DirWireLog), -v logs connections to standard
// error.
//
// -replay serves the benchmark tables of ifxtest.BenchTables (bench_rows,
// bench_wide, bench_one, bench_lob, bench_ins) in replay mode, in every
// database, besides the databases' ordinary contents: a SELECT from one
// of them is answered with rows encoded once at start-up, an INSERT into
// one is acknowledged without being stored (ifxtest.Config.Replay).
// Connecting, catalog queries and transactions work as without it.
//
// The first line it prints on standard output is "listening on ADDR", with
// the address actually bound (so -addr 127.0.0.1:0 picks a free port). It
// serves until SIGINT or SIGTERM, then closes every connection and exits
// with status 0. Without -db it holds one logged database, testdb; a -db
// without a mode is logged (WITH LOG), and without a locale en_US.819.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/go-informix/informix/ifxtest"
)

func main() {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	if err := run(os.Args[1:], os.Stdout, os.Stderr, sig); err != nil {
		fmt.Fprintln(os.Stderr, "ifxtestd:", err)
		os.Exit(2)
	}
}

// listFlag collects the values of a repeatable flag.
type listFlag []string

// String returns the values given so far, comma-separated.
func (l *listFlag) String() string { return strings.Join(*l, ",") }

// Set adds one value.
func (l *listFlag) Set(v string) error {
	*l = append(*l, v)
	return nil
}

// run starts the server from args, prints its address to stdout and
// serves until a value arrives on stop.
func run(args []string, stdout, stderr io.Writer, stop <-chan os.Signal) error {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	srv, err := ifxtest.Start(cfg)
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintf(stdout, "listening on %s\n", srv.Addr()); err != nil {
		srv.Close()
		return err
	}
	<-stop
	return srv.Close()
}

// parseFlags turns the command line into a Config.
func parseFlags(args []string, stderr io.Writer) (ifxtest.Config, error) {
	fs := flag.NewFlagSet("ifxtestd", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var users, dbs listFlag
	addr := fs.String("addr", "127.0.0.1:9088", "TCP address to listen on")
	server := fs.String("server", ifxtest.DefaultServerName, "INFORMIXSERVER name the server answers with")
	password := fs.String("password", ifxtest.DefaultPassword, "password of each -user given without one")
	fs.Var(&users, "user", "user NAME or NAME:PASSWORD (repeatable; default "+ifxtest.DefaultUser+")")
	fs.Var(&dbs, "db", "database NAME[:nolog|:buffered|:unbuffered|:ansi][:LOCALE] (repeatable; default "+ifxtest.DefaultDatabase+", logged)")
	cert := fs.String("tls-cert", "", "PEM certificate file; serve TLS (with -tls-key)")
	key := fs.String("tls-key", "", "PEM key file of -tls-cert")
	wirelog := fs.String("wirelog", "", "directory to write one annotated hex dump per connection into")
	replay := fs.Bool("replay", false, "serve the benchmark tables bench_rows, bench_wide, bench_one, bench_lob and bench_ins from pre-encoded rows")
	verbose := fs.Bool("v", false, "log connections and dropped connections to standard error")
	if err := fs.Parse(args); err != nil {
		return ifxtest.Config{}, err
	}
	if fs.NArg() > 0 {
		return ifxtest.Config{}, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	cfg := ifxtest.Config{Addr: *addr, ServerName: *server, TLSCertFile: *cert, TLSKeyFile: *key}
	if *replay {
		cfg.Replay = ifxtest.BenchTables()
	}
	var err error
	if cfg.Users, err = parseUsers(users, *password); err != nil {
		return cfg, err
	}
	for _, d := range dbs {
		db, err := parseDatabase(d)
		if err != nil {
			return cfg, err
		}
		cfg.Databases = append(cfg.Databases, db)
	}
	logger := log.New(stderr, "", log.LstdFlags)
	if *verbose {
		cfg.Logf = logger.Printf
	}
	if *wirelog != "" {
		if err := os.MkdirAll(*wirelog, 0o755); err != nil {
			return cfg, fmt.Errorf("-wirelog: %w", err)
		}
		cfg.WireLog = ifxtest.DirWireLog(*wirelog, func(err error) { logger.Print(err) })
	}
	return cfg, nil
}

// parseUsers turns -user values into the Users map; a value without a
// colon takes password.
func parseUsers(values []string, password string) (map[string]string, error) {
	if len(values) == 0 {
		return nil, nil
	}
	users := make(map[string]string, len(values))
	for _, v := range values {
		name, pw, ok := strings.Cut(v, ":")
		if !ok {
			pw = password
		}
		if name == "" {
			return nil, fmt.Errorf("-user %q: empty user name", v)
		}
		if _, dup := users[name]; dup {
			return nil, fmt.Errorf("-user %q: user %s given twice", v, name)
		}
		users[name] = pw
	}
	return users, nil
}

// logModes maps the -db mode words to logging modes.
var logModes = map[string]ifxtest.Logging{
	"nolog":      ifxtest.NoLogging,
	"buffered":   ifxtest.BufferedLogging,
	"unbuffered": ifxtest.UnbufferedLogging,
	"ansi":       ifxtest.ANSI,
}

// parseDatabase reads NAME[:MODE][:LOCALE]; a part after the name that is
// not a mode word is the locale.
func parseDatabase(v string) (ifxtest.Database, error) {
	parts := strings.Split(v, ":")
	db := ifxtest.Database{Name: parts[0], Logging: ifxtest.UnbufferedLogging}
	if db.Name == "" {
		return db, fmt.Errorf("-db %q: empty database name", v)
	}
	rest := parts[1:]
	if len(rest) > 0 {
		if mode, ok := logModes[strings.ToLower(rest[0])]; ok {
			db.Logging = mode
			rest = rest[1:]
		}
	}
	switch {
	case len(rest) == 1 && rest[0] != "":
		db.Locale = rest[0]
	case len(rest) > 0:
		return db, errors.New("-db " + v + ": want NAME[:nolog|:buffered|:unbuffered|:ansi][:LOCALE]")
	}
	return db, nil
}
