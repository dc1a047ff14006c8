// Command ifxsql is an interactive SQL client for IBM Informix on the
// go-informix driver: one static binary, no Informix client SDK.
//
// Usage:
//
//	ifxsql [flags] [DSN]
//
// The DSN (informix://USER:PASSWORD@HOST:PORT/DATABASE?server=NAME or
// jdbc:informix-sqli://HOST:PORT/DATABASE:INFORMIXSERVER=NAME;user=…;password=…)
// is the first argument, else -d, else $INFORMIX_DSN. With none, ifxsql
// starts an embedded ifxtest server holding a sample database (tables
// customers, orders and items) and says so on standard error.
//
// With -c or -f, or when standard input is not a terminal, ifxsql runs
// the statements given and exits: 0 when all succeeded, 1 at the first
// that failed (the message carries Informix's SQLCODE and ISAM code), 2 on
// a usage error. On a terminal it prompts for statements, which end with
// ';' and may span lines, with line editing and history (kept in
// ~/.ifxsql_history unless -history says otherwise); Ctrl-C cancels the
// running statement on the server and the session goes on. \? lists the
// backslash commands (\d, \d NAME, \timing, \x, \q).
//
// Results are written as aligned columns (-o table, the default), CSV or
// JSON, to standard output or to -out FILE. A password is never printed:
// a DSN ifxsql shows has it replaced by ****.
package main

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/go-informix/informix"
	"golang.org/x/term"
)

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1 // an SQL statement, the connection or the output failed
	exitUsage = 2 // the command line is wrong
)

// main runs the command with the process's arguments, environment and
// standard streams, and exits with its status.
func main() {
	os.Exit(run(os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr))
}

// run is the command: it parses args, connects and runs the statements
// of -c, -f or standard input, or the interactive loop, and returns the
// exit status. getenv reads the environment.
func run(args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) int {
	opts, err := parseArgs(args, getenv, stderr)
	if errors.Is(err, errHelp) {
		return exitOK
	}
	if err != nil {
		fmt.Fprintln(stderr, "ifxsql:", err)
		return exitUsage
	}
	var cfg *informix.Config
	if opts.dsn != "" {
		if cfg, err = informix.ParseDSN(opts.dsn); err != nil {
			fmt.Fprintf(stderr, "ifxsql: the DSN from %s: %v\n", opts.dsnSource, err)
			return exitUsage
		}
	}
	if err := runWith(context.Background(), opts, cfg, stdin, stdout, stderr); err != nil {
		if !errors.Is(err, errReported) {
			fmt.Fprintln(stderr, "ifxsql:", describeError(err))
		}
		return exitError
	}
	return exitOK
}

// errReported is returned when the error has been written to standard
// error already.
var errReported = errors.New("error reported")

// describeError returns the message of err for the user: "statement
// cancelled" for a statement Ctrl-C cancelled, the error's own text (an
// *informix.Error writes its SQLCODE and ISAM code) otherwise.
func describeError(err error) string {
	if errors.Is(err, context.Canceled) {
		return "statement cancelled"
	}
	return err.Error()
}

// runWith opens the output and the connection (starting the embedded
// server when cfg is nil) and runs what opts asks for.
func runWith(ctx context.Context, opts options, cfg *informix.Config, stdin io.Reader, stdout, stderr io.Writer) (err error) {
	out, closeOut, err := openOutput(opts.outFile, stdout)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := closeOut(); err == nil && cerr != nil {
			err = fmt.Errorf("-out: %w", cerr)
		}
	}()
	db, shown, closeDB, err := openDB(ctx, opts, cfg, stderr)
	if err != nil {
		return err
	}
	defer closeDB()
	s := &session{
		db: db, out: bufio.NewWriter(out), errOut: stderr, format: opts.format, null: opts.null,
		vertical: opts.vertical, timing: opts.timing, now: time.Now,
	}
	s.progress = progressFor(stderr, out, isTerminal)
	defer s.close()
	if _, err := s.connection(ctx); err != nil {
		return fmt.Errorf("%s: %w", shown, err)
	}
	return runMode(ctx, s, opts, stdin, stdout, stderr, shown)
}

// runMode runs the interactive loop (standard input a terminal, no -c or
// -f), or else -c, -f or the script on standard input. A script's
// statements run under a context that the first SIGINT (Ctrl-C) cancels:
// the running statement is interrupted on the server and the script
// stops; a second SIGINT ends the process as usual.
func runMode(ctx context.Context, s *session, opts options, stdin io.Reader, stdout, stderr io.Writer, shown string) error {
	if f, ok := stdin.(*os.File); ok && !opts.hasCommand && opts.file == "" && term.IsTerminal(int(f.Fd())) {
		return interactive(ctx, s, opts, f, stdout, stderr, shown)
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()
	context.AfterFunc(ctx, stop)
	switch {
	case opts.hasCommand:
		return s.script(ctx, strings.NewReader(opts.command), "-c")
	case opts.file != "" && opts.file != "-":
		f, err := os.Open(opts.file)
		if err != nil {
			return err
		}
		defer f.Close()
		return s.script(ctx, f, opts.file)
	}
	return s.script(ctx, stdin, "stdin")
}

// interactive greets the user and runs the interactive loop.
func interactive(ctx context.Context, s *session, opts options, stdin *os.File, stdout, stderr io.Writer, shown string) error {
	hist, err := openHistory(opts.history)
	if err != nil {
		fmt.Fprintln(stderr, "ifxsql:", err, "(history kept in memory only)")
	}
	defer hist.close()
	fmt.Fprintf(stdout, "ifxsql: connected to %s\ntype \\? for help, \\q to quit\n", shown)
	return runREPL(ctx, s, stdin, stdout, hist)
}

// openOutput returns where results go: file, created (truncated), or
// stdout when file is empty; and a function that closes it.
func openOutput(file string, stdout io.Writer) (io.Writer, func() error, error) {
	if file == "" {
		return stdout, func() error { return nil }, nil
	}
	f, err := os.Create(file)
	if err != nil {
		return nil, nil, fmt.Errorf("-out: %w", err)
	}
	return f, f.Close, nil
}

// openDB returns a database handle for cfg, or, when cfg is nil, for the
// sample database of an embedded server it starts, with the DSN to show
// the user (its password masked) and a function that closes both.
func openDB(ctx context.Context, opts options, cfg *informix.Config, stderr io.Writer) (*sql.DB, string, func(), error) {
	closeSrv := func() {}
	dsn := opts.dsn
	if cfg == nil {
		srv, sampleDSN, err := startSample(ctx)
		if err != nil {
			return nil, "", nil, err
		}
		fmt.Fprintln(stderr, sampleNotice)
		closeSrv = func() { srv.Close() }
		dsn = sampleDSN
		if cfg, err = informix.ParseDSN(dsn); err != nil {
			closeSrv()
			return nil, "", nil, err
		}
	}
	connector, err := informix.NewConnector(cfg)
	if err != nil {
		closeSrv()
		return nil, "", nil, fmt.Errorf("%s: %w", maskDSN(dsn), err)
	}
	db := sql.OpenDB(connector)
	return db, maskDSN(dsn), func() { db.Close(); closeSrv() }, nil
}

// isTerminal reports whether w is a terminal.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// options is the command line, parsed.
type options struct {
	dsn, dsnSource string // the DSN and where it came from; empty: none given
	command        string // -c
	hasCommand     bool   // -c was given (even empty)
	file           string // -f; "-" is standard input
	format         string // -o
	outFile        string // -out
	null           string // -null
	vertical       bool   // -x
	timing         bool   // -timing
	history        string // -history
}

// errHelp is returned by parseArgs for -h and -help, after the usage has
// been written.
var errHelp = errors.New("help requested")

// usageText heads the flag list of -h.
const usageText = `usage: ifxsql [flags] [DSN]

DSN is informix://USER:PASSWORD@HOST:PORT/DATABASE?server=NAME or
jdbc:informix-sqli://HOST:PORT/DATABASE:INFORMIXSERVER=NAME;user=USER;password=PASSWORD.
It is taken from the argument, else -d, else $INFORMIX_DSN; with none,
ifxsql starts an embedded ifxtest server with a sample database.

Flags:
`

// parseArgs parses the command line. Flags and the DSN argument may come
// in any order; "--" ends the flags. Errors are usage errors.
func parseArgs(args []string, getenv func(string) string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("ifxsql", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are returned, and written once, by run
	fs.Usage = func() {}
	dsnFlag := fs.String("d", "", "the DSN to connect with (default $"+dsnEnv+")")
	fs.Func("c", "run these `statements` (separated by ';') and exit", func(v string) error {
		o.command, o.hasCommand = v, true
		return nil
	})
	fs.StringVar(&o.file, "f", "", "run the statements in `FILE` ('-': standard input) and exit")
	fs.StringVar(&o.format, "o", formatTable, "output `format`: table, csv or json")
	fs.StringVar(&o.outFile, "out", "", "write results to `FILE` instead of standard output")
	fs.StringVar(&o.null, "null", "", "the `text` that stands for NULL in table and csv output")
	fs.BoolVar(&o.vertical, "x", false, "vertical table output: one line per column (as \\x)")
	fs.BoolVar(&o.timing, "timing", false, "print each statement's elapsed time (as \\timing)")
	fs.StringVar(&o.history, "history", defaultHistory(getenv), "interactive history `file` (empty: none)")
	positional, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stderr, usageText)
		fs.SetOutput(stderr)
		fs.PrintDefaults()
		return o, errHelp
	}
	if err != nil {
		return o, fmt.Errorf("%w (ifxsql -h lists the flags)", err)
	}
	if err := o.check(positional); err != nil {
		return o, err
	}
	arg := ""
	if len(positional) == 1 {
		arg = positional[0]
	}
	o.dsn, o.dsnSource = chooseDSN(arg, *dsnFlag, getenv(dsnEnv))
	return o, nil
}

// parseInterspersed parses args with fs, letting flags follow the
// positional arguments, which it returns.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(positional, rest...), nil
		}
		if len(rest) == 0 {
			return positional, nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// check refuses combinations of flags and arguments that make no sense.
func (o *options) check(positional []string) error {
	switch {
	case len(positional) > 1:
		return fmt.Errorf("one DSN argument at most, got %d arguments (quote a DSN holding ';' or '&')", len(positional))
	case o.hasCommand && o.file != "":
		return errors.New("-c and -f cannot be used together")
	case o.format != formatTable && o.format != formatCSV && o.format != formatJSON:
		return fmt.Errorf("-o %q: the output format is table, csv or json", o.format)
	}
	return nil
}

// defaultHistory returns ~/.ifxsql_history, or "" when there is no home
// directory.
func defaultHistory(getenv func(string) string) string {
	home := getenv("HOME")
	if home == "" {
		home = getenv("USERPROFILE")
	}
	if home == "" {
		return ""
	}
	return filepath.Join(home, ".ifxsql_history")
}
