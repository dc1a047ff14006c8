package engine

import (
	"context"
	"errors"

	"github.com/go-informix/informix/ifxtest/internal/sqlparse"
	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// execPlan is a compiled statement that returns no rows.
type execPlan interface {
	exec(ctx context.Context, s *Session, args []any) (Result, error)
}

// queryPlan is a compiled statement that returns rows through a cursor.
type queryPlan interface {
	open(ctx context.Context, s *Session, args []any) (*Cursor, error)
}

// compiled is the engine's form of a prepared statement (Statement.plan):
// the parse tree, the plan compiled from it, and the schema version it was
// compiled against, so that a plan outlived by DDL is compiled again.
type compiled struct {
	ast     sqlparse.Stmt
	text    string
	nparams int
	db      *database
	version [2]int64
	impl    any // execPlan or queryPlan
}

// Prepare compiles one statement and describes it: its statement type,
// the columns a cursor over it returns, and its parameters. Errors are
// *Error: -201 for a syntax error, with Offset the position where reading
// stopped; -202 for an illegal character; -206 for an unknown table;
// -217 for an unknown column; -349 when no database is open.
func (s *Session) Prepare(text string) (*Statement, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, err := sqlparse.Parse(text)
	if err != nil {
		return nil, syntaxError(err)
	}
	c := &compiled{ast: p.Stmt, text: text, nparams: p.Params}
	st := &Statement{SQL: text, plan: c}
	if err := s.compileInto(c, st); err != nil {
		return nil, err
	}
	return st, nil
}

// syntaxError converts a parser error to -201, or to the codes of the
// lexical errors: -202 for an illegal character, -282 for a quote without
// its match, -283 for an unclosed comment (sql_en_US.properties). The
// offset is the byte just past the token where reading stopped: the
// position a yacc-style parser has reached when it detects the error, one
// past the lookahead token. Open question: IBM documents sqlerrd[4] only
// as "the offset into the statement text where the error was detected"
// (ESQL/C sqlca page); whether it counts from 0 or 1, and whether it
// points at the token's start or end, is not settled by any capture.
func syntaxError(err error) *Error {
	var se *sqlparse.SyntaxError
	if !errors.As(err, &se) {
		return ifxErr(errSyntax, "")
	}
	code := map[sqlparse.ErrorKind]int{sqlparse.IllegalChar: errIllegalChar, sqlparse.UnmatchedQuote: -282,
		sqlparse.UnclosedComment: -283}[se.Kind]
	if code == 0 {
		code = errSyntax
	}
	return &Error{SQLCode: code, Offset: se.End}
}

// needsDatabase reports whether a statement runs only with a database
// open.
func needsDatabase(st sqlparse.Stmt) bool {
	switch st.(type) {
	case *sqlparse.DatabaseStmt, *sqlparse.CreateDatabase, *sqlparse.DropDatabase, *sqlparse.CloseDatabase,
		*sqlparse.SetOption, *sqlparse.SetLockMode, *sqlparse.SetIsolation:
		return false
	}
	return true
}

// compileInto compiles c's statement and fills in st's description.
func (s *Session) compileInto(c *compiled, st *Statement) error {
	if needsDatabase(c.ast) && s.db == nil {
		return ifxErr(errNoCurrentDB, "")
	}
	if s.db != nil {
		s.db.mu.Lock()
		defer s.db.mu.Unlock()
		c.db, c.version = s.db, s.schemaVersion()
	}
	d, err := s.compile(c)
	if err != nil {
		return err
	}
	st.Type, st.Columns, st.Params, st.Cursor = d.stype, d.cols, d.params, d.cursor
	if st.Columns != nil {
		layoutColumns(st.Columns)
	}
	return nil
}

// described is what compiling a statement yields besides its plan.
type described struct {
	stype  sqli.StmtType
	cols   []ifxtype.Column
	params []ifxtype.Type
	cursor bool
}

// layoutColumns sets each column's start position in a fixed-layout row:
// the sum of the widths before it (SQLI.md §6.4, TYPES.md §2.2).
func layoutColumns(cols []ifxtype.Column) {
	var pos int32
	for i := range cols {
		cols[i].Start = pos
		pos += int32(fixedWidth(cols[i].Type))
	}
}

// fixedWidth is a column's width in a fixed-layout row (TYPES.md §1.1,
// §2.2: the packed types by IBM's DECLEN formula, uncapped on the wire as
// JDBC and informix-driver size them; docs/protocol.md).
func fixedWidth(t ifxtype.Type) int {
	switch kindOf(t) {
	case kDec, kDateTime, kIntervalYM, kIntervalDS:
		return ifxtype.PackedWidth(t.Length)
	case kText:
		if isFixedChar(t) {
			return int(t.Length)
		}
		return textLimit(t) + 1
	}
	return int(t.Length)
}

// planFor returns st's plan, compiled again if the schema changed since.
func (s *Session) planFor(st *Statement) (*compiled, error) {
	c, ok := st.plan.(*compiled)
	if !ok || c == nil {
		return nil, internalError("execute", errors.New("statement was not prepared by this engine"))
	}
	if c.db != nil && (s.db != c.db || c.version != s.lockedSchemaVersion()) {
		if s.db == nil {
			return nil, ifxErr(errNoCurrentDB, "")
		}
		fresh := &compiled{ast: c.ast, text: c.text, nparams: c.nparams}
		if err := s.compileInto(fresh, &Statement{}); err != nil {
			return nil, err
		}
		st.plan = fresh
		return fresh, nil
	}
	return c, nil
}
