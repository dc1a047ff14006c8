package engine

import (
	"context"
	"strings"
	"sync"

	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// Execute runs a statement that returns no rows (!st.Cursor). A cancelled
// ctx is -213 with ISAM -157; the transaction stays open (SQLI.md §7.9).
func (s *Session) Execute(ctx context.Context, st *Statement, args []any) (Result, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ctx.Err() != nil {
		return Result{}, errInterrupt()
	}
	c, err := s.planFor(st)
	if err != nil {
		return Result{}, err
	}
	ep, ok := c.impl.(execPlan)
	if !ok {
		return Result{}, ifxErr(errSyntax, "")
	}
	if err := s.beginStatement(c.ast); err != nil {
		return Result{}, err
	}
	res, err := ep.exec(ctx, s, args)
	if err == nil {
		s.lastRows = res.Rows
	}
	return res, err
}

// sessionContexts maps a session id to its conversion context, for the
// SQLite functions that convert (they receive the id as an argument).
var sessionContexts sync.Map

func contextOf(id int64) *convCtx {
	if v, ok := sessionContexts.Load(id); ok {
		return v.(*convCtx)
	}
	return &convCtx{dbdate: defaultDBDate, cs: ifxtype.Latin1}
}

// bindValues converts the bound arguments to the stored forms of their
// parameters' types and appends the engine's values. A count that differs
// from the statement's parameters is -254 ("Too many or too few host
// variables given.").
func (s *Session) bindValues(args []any, params []ifxtype.Type, extras []extraValue) ([]any, error) {
	if len(args) != len(params) {
		return nil, ifxErr(-254, "")
	}
	cx := s.convCtx()
	sessionContexts.Store(s.id, cx)
	out := make([]any, 0, len(args)+len(extras))
	for i, a := range args {
		v, nat, err := argStorage(a)
		if err != nil {
			return nil, err
		}
		if params[i].Code != sqli.TypeNull && v != nil {
			if v, err = convert(v, nat, params[i], cx); err != nil {
				return nil, err
			}
		}
		out = append(out, v)
	}
	for _, x := range extras {
		v, err := s.extraValue(x, cx)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// extraValue computes TODAY, CURRENT, USER, SITENAME or a DBINFO value.
func (s *Session) extraValue(x extraValue, cx *convCtx) (any, error) {
	switch x.kind {
	case "today":
		return daysOfTime(s.e.now()), nil
	case "current":
		v, err := extendTime(cx.now, qualYearToFraction5, x.q, cx.now)
		if err != nil {
			return nil, err
		}
		return dtText(v, x.q), nil
	case "user":
		return s.user, nil
	case "sitename":
		return "ifxtest", nil
	}
	return s.dbinfoValue(x.arg)
}

// dbinfoValue answers DBINFO (IBM Guide to SQL: Syntax, DBINFO function):
// sqlca.sqlerrd1 is the last SERIAL the session inserted, sqlca.sqlerrd2
// the rows of its last statement; version parts are cut from the
// configured version string.
func (s *Session) dbinfoValue(arg string) (any, error) {
	switch arg {
	case "sqlca.sqlerrd1":
		return s.lastSerial, nil
	case "sqlca.sqlerrd2":
		return s.lastRows, nil
	case "serial8":
		return s.lastSerial8, nil
	case "bigserial":
		return s.lastBigSerial, nil
	case "sessionid":
		return s.id, nil
	case "utc_current":
		return s.e.now().Unix(), nil
	case "dbname":
		return s.db.name, nil
	case "dbhostname":
		return "localhost", nil
	}
	return versionPart(s.e.version, strings.TrimPrefix(arg, "version,")), nil
}

// versionPart cuts DBINFO('version', part) out of a version string such
// as "IBM Informix Dynamic Server Version 15.0.0.1": full is the string,
// server-type the words before "Version", major and minor the first two
// numbers, level the rest, os "U" for Unix [I: the letter IBM documents
// for 32-bit Unix; 64-bit builds report other letters].
func versionPart(full, part string) string {
	prefix, num, _ := strings.Cut(full, " Version ")
	fields := strings.SplitN(num, ".", 3)
	get := func(i int) string {
		if i < len(fields) {
			return fields[i]
		}
		return ""
	}
	switch part {
	case "server-type":
		return prefix
	case "major":
		return get(0)
	case "minor":
		return get(1)
	case "level":
		return get(2)
	case "os":
		return "U"
	}
	return full
}

// sqliteError turns an error from SQLite into the Informix error a client
// sees: errors raised by the engine's SQL functions come back as they
// were raised; a UNIQUE or NOT NULL failure becomes -239/-268 or -391
// (t, when known, is the table written to).
func (s *Session) sqliteError(err error, t *table) error {
	if e, ok := err.(*Error); ok {
		return e
	}
	if e, ok := decodeFuncError(err); ok {
		return e
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "UNIQUE constraint failed"):
		return s.uniqueError(msg, t)
	case strings.Contains(msg, "NOT NULL constraint failed"):
		return s.notNullError(msg, t)
	case strings.Contains(msg, "interrupted"):
		return errInterrupt()
	case strings.Contains(msg, "integer overflow"):
		return ifxErr(errBigintRange, "")
	case strings.Contains(msg, "misuse of aggregate"), strings.Contains(msg, "no such column"),
		strings.Contains(msg, "GROUP BY"), strings.Contains(msg, "aggregate functions are not allowed"),
		strings.Contains(msg, "too many"), strings.Contains(msg, "too large"), strings.Contains(msg, "too big"),
		strings.Contains(msg, "HAVING clause on a non-aggregate query"):
		// A statement SQLite cannot run as compiled: an aggregate where
		// none is allowed, HAVING in a query without GROUP BY or
		// aggregates, or one past SQLite's limits (terms, depth,
		// variables); Informix reports such statements as syntax errors
		// [I for HAVING: IBM's HAVING without GROUP BY makes the rows one
		// group, which SQLite does not offer for such a query].
		return ifxErr(errSyntax, "")
	}
	return internalError("run SQL", err)
}

// uniqueError reports a duplicate key: -268 ("Unique constraint (%s)
// violated") for a constraint in a logged database, -239 ("duplicate value
// in a UNIQUE INDEX column") otherwise, both with ISAM -100 (4Js:
// "the IBM Informix driver returns -268 if the database uses transaction
// logging, and -239 if the database uses no logging"; SQLI.md §8.2).
func (s *Session) uniqueError(msg string, t *table) error {
	var ix *index
	if t != nil {
		ix = indexForColumns(t, msg)
	}
	if ix == nil {
		return ifxErrISAM(errDuplicateIndex, isamDuplicate, "")
	}
	if ix.constraint != "" && s.isLogged() {
		return ifxErrISAM(errUniqueConstraint, isamDuplicate, t.owner+"."+ix.constraint)
	}
	return ifxErrISAM(errDuplicateIndex, isamDuplicate, t.owner+"."+ix.name)
}

// indexForColumns finds the unique index whose columns SQLite's message
// "UNIQUE constraint failed: t.a, t.b" lists.
func indexForColumns(t *table, msg string) *index {
	_, list, _ := strings.Cut(msg, "failed: ")
	if i := strings.Index(list, " ("); i >= 0 {
		list = list[:i]
	}
	var names []string
	for _, part := range strings.Split(list, ", ") {
		if j := strings.LastIndexByte(part, '.'); j >= 0 {
			part = part[j+1:]
		}
		names = append(names, strings.TrimSpace(part))
	}
	for _, ix := range t.indexes {
		if !ix.unique || len(ix.cols) != len(names) {
			continue
		}
		match := true
		for i, ci := range ix.cols {
			match = match && t.cols[ci].name == names[i]
		}
		if match {
			return ix
		}
	}
	return nil
}

// notNullError reports NULL in a NOT NULL column: -391 with
// table.column, or -703 for a primary-key column.
func (s *Session) notNullError(msg string, t *table) error {
	_, col, _ := strings.Cut(msg, "failed: ")
	if i := strings.Index(col, " ("); i >= 0 {
		col = col[:i]
	}
	if j := strings.LastIndexByte(col, '.'); j >= 0 {
		col = col[j+1:]
	}
	col = strings.TrimSpace(col)
	if t == nil {
		return ifxErr(errNullNotAllowed, col)
	}
	return nullColumnError(t, t.column(col))
}

// nullColumnError is the error for a NULL into column c of t.
func nullColumnError(t *table, c *column) error {
	if c == nil {
		return ifxErr(errNullNotAllowed, t.name)
	}
	for _, ix := range t.indexes {
		if ix.primary {
			for _, ci := range ix.cols {
				if t.cols[ci] == c {
					return ifxErr(errPrimaryNull, t.name)
				}
			}
		}
	}
	return ifxErr(errNullNotAllowed, t.name+"."+c.name)
}
