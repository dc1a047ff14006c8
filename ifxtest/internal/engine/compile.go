package engine

import (
	"strconv"
	"strings"

	"github.com/go-informix/informix/ifxtest/internal/sqlparse"
	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// compiler turns one statement into SQLite SQL. It assigns the types of
// the ? parameters from their context and collects the values the engine
// binds after them (TODAY, CURRENT, DBINFO, USER).
type compiler struct {
	s *Session
	// params are the types bound values convert to, by ? index (Code
	// TypeNull until a context types the parameter); described are the
	// types the describe reports. They differ for a parameter compared
	// with a column: it is described as the column's type but converted to
	// a type that loses nothing (compareType), so that a longer string or
	// a finer decimal does not compare equal after being cut.
	params    []ifxtype.Type
	described []ifxtype.Type
	extras    []extraValue
	nextTab   int
	// reads gathers the tables and rows the statement reads, for the
	// session's isolation (isolation.go); depth is the nesting of the
	// query being compiled, 1 for the statement's own SELECT.
	reads readSet
	depth int
}

// extraValue is a value the engine computes when the statement runs.
type extraValue struct {
	kind string            // "today", "current", "user", "dbinfo"
	q    ifxtype.Qualifier // for current
	arg  string            // for dbinfo
}

func newCompiler(s *Session, nparams int) *compiler {
	c := &compiler{s: s, params: make([]ifxtype.Type, nparams), described: make([]ifxtype.Type, nparams)}
	for i := range c.params {
		c.params[i], c.described[i] = tUnknown, tUnknown
	}
	return c
}

// paramSQL is the SQLite placeholder of user parameter i.
func paramSQL(i int) string { return "?" + strconv.Itoa(i+1) }

// extra adds an engine-computed value and returns its placeholder.
func (c *compiler) extra(v extraValue) string {
	for i, x := range c.extras {
		if x == v {
			return "?" + strconv.Itoa(len(c.params)+i+1)
		}
	}
	c.extras = append(c.extras, v)
	return "?" + strconv.Itoa(len(c.params)+len(c.extras))
}

// paramTypes returns the parameter description: each parameter's type, an
// untyped one as VARCHAR(255) [I: what a server describes for a parameter
// it cannot type is not captured; SQLUNKNOWN (51) is what DESCRIBE INPUT
// would report, and VARCHAR lets a client bind a string].
func (c *compiler) paramTypes() []ifxtype.Type {
	out := make([]ifxtype.Type, len(c.described))
	for i, t := range c.described {
		if t.Code == sqli.TypeNull {
			t = tVarChar(sqli.TypeVarChar, 255, 0)
		}
		out[i] = notNull(t, false)
	}
	return out
}

// newAlias returns a fresh SQLite table alias.
func (c *compiler) newAlias() string {
	c.nextTab++
	return "t" + strconv.Itoa(c.nextTab)
}

// scope is the set of tables a name can refer to at one query level;
// parent is the enclosing query, for correlated subqueries.
type scope struct {
	parent  *scope
	sources []*source
	aggOK   bool // aggregates allowed here (select list, HAVING, ORDER BY)
}

// source is one FROM entry: a table, a derived table or a collection.
type source struct {
	name     string // the name that qualifies its columns: alias or table name
	table    *table // nil for derived tables
	alias    string // SQLite alias
	cols     []srcCol
	nullable bool // inner side of an outer join
}

// srcCol is a column a source offers.
type srcCol struct {
	name    string
	t       ifxtype.Type
	sqlName string // the column's name in the SQLite source
}

// tableSource makes a source of table t.
func (c *compiler) tableSource(t *table, name string) *source {
	src := &source{name: name, table: t, alias: c.newAlias()}
	for _, col := range t.cols {
		src.cols = append(src.cols, srcCol{name: col.name, t: col.typ, sqlName: quoteIdent(col.name)})
	}
	return src
}

// resolve finds a column reference: -217 when no table in scope has it,
// -324 when more than one does at the innermost level that has it.
func (c *compiler) resolve(sc *scope, ref *sqlparse.ColumnRef) (cexpr, error) {
	qual := ref.Table
	if i := strings.LastIndexByte(qual, '.'); i >= 0 {
		qual = qual[i+1:]
	}
	for level := sc; level != nil; level = level.parent {
		var found *source
		var col srcCol
		for _, src := range level.sources {
			if qual != "" && src.name != qual {
				continue
			}
			for _, sc := range src.cols {
				if sc.name == ref.Column {
					if found != nil {
						return cexpr{}, &Error{SQLCode: errAmbiguousColumn, Message: ref.Column, Offset: ref.At}
					}
					found, col = src, sc
				}
			}
		}
		if found != nil {
			t := col.t
			if found.nullable {
				t = notNull(t, false)
			}
			return cexpr{sql: found.alias + "." + col.sqlName, t: t, name: col.name, column: true}, nil
		}
	}
	return cexpr{}, &Error{SQLCode: errNoColumn, Message: ref.Column, Offset: ref.At}
}

// lookupTableRef finds a FROM table: -206 with the table name when absent.
func (c *compiler) lookupTableRef(tn sqlparse.TableName) (*table, error) {
	t := c.s.lookupTable(tn.Owner, tn.Name)
	if t == nil {
		return nil, &Error{SQLCode: errNoTable, Message: tn.Name, Offset: tn.At}
	}
	return t, nil
}

// compile dispatches on the statement kind.
func (s *Session) compile(cp *compiled) (described, error) {
	c := newCompiler(s, cp.nparams)
	switch st := cp.ast.(type) {
	case *sqlparse.SelectStmt:
		return c.compileSelectStmt(cp, st)
	case *sqlparse.Insert:
		return c.compileInsert(cp, st)
	case *sqlparse.Update:
		return c.compileUpdate(cp, st)
	case *sqlparse.Delete:
		return c.compileDelete(cp, st)
	case *sqlparse.ExecuteRoutine:
		return c.compileRoutine(cp, st)
	}
	return c.compileOther(cp)
}
