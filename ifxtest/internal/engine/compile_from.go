package engine

import (
	"strconv"
	"strings"

	"github.com/go-informix/informix/ifxtest/internal/sqlparse"
)

// fromClause compiles FROM and fills sc with its sources. Comma-separated
// entries are a cross join; JOIN … ON keeps its SQLite meaning. Informix's
// older FROM a, OUTER b form is not supported (-201).
func (c *compiler) fromClause(sc *scope, refs []sqlparse.TableRef) (string, error) {
	if len(refs) == 0 {
		return "", nil
	}
	parts := make([]string, len(refs))
	for i, r := range refs {
		sql, err := c.tableRef(sc, r)
		if err != nil {
			return "", err
		}
		parts[i] = sql
	}
	return " FROM " + strings.Join(parts, ", "), nil
}

func (c *compiler) tableRef(sc *scope, r sqlparse.TableRef) (string, error) {
	switch x := r.(type) {
	case *sqlparse.TableSource:
		if x.Outer {
			return "", syntaxAt(x.Table.At, "outer")
		}
		t, err := c.lookupTableRef(x.Table)
		if err != nil {
			return "", err
		}
		name := x.Table.Name
		if x.Alias != nil {
			name = x.Alias.Name
		}
		src := c.tableSource(t, name)
		sc.sources = append(sc.sources, src)
		c.reads.addTable(t, c.depth > 1)
		return t.sqlName + " AS " + src.alias, nil
	case *sqlparse.JoinRef:
		return c.join(sc, x)
	case *sqlparse.SubquerySource:
		return c.derivedTable(sc, x)
	case *sqlparse.CollectionSource:
		return c.collection(sc, x)
	}
	return "", syntaxAt(0, "")
}

// join compiles a JOIN; the right side of a LEFT JOIN is nullable.
func (c *compiler) join(sc *scope, j *sqlparse.JoinRef) (string, error) {
	left, err := c.tableRef(sc, j.Left)
	if err != nil {
		return "", err
	}
	before := len(sc.sources)
	right, err := c.tableRef(sc, j.Right)
	if err != nil {
		return "", err
	}
	if j.Kind == "LEFT" {
		for _, src := range sc.sources[before:] {
			src.nullable = true
		}
	}
	if j.Kind == "CROSS" {
		return left + " CROSS JOIN " + right, nil
	}
	on, err := c.cond(sc, j.On)
	if err != nil {
		return "", err
	}
	kw := " JOIN "
	if j.Kind == "LEFT" {
		kw = " LEFT JOIN "
	}
	return "(" + left + kw + right + " ON " + on.sql + ")", nil
}

// derivedTable compiles (SELECT …) alias.
func (c *compiler) derivedTable(sc *scope, d *sqlparse.SubquerySource) (string, error) {
	q, err := c.selectStmt(sc.parent, d.Query)
	if err != nil {
		return "", err
	}
	src := &source{alias: c.newAlias()}
	if d.Alias != nil {
		src.name = d.Alias.Name
	}
	for i, col := range q.cols {
		src.cols = append(src.cols, srcCol{name: col.Name, t: col.Type, sqlName: "c" + strconv.Itoa(i+1)})
	}
	sc.sources = append(sc.sources, src)
	return "(" + q.sql + ") AS " + src.alias, nil
}

// collection compiles TABLE(SET{v, …}): a one-column table of the values,
// the column named by the alias's column list or "unnamed_col_1" [I].
func (c *compiler) collection(sc *scope, x *sqlparse.CollectionSource) (string, error) {
	vals := make([]cexpr, len(x.Values))
	for i, v := range x.Values {
		e, err := c.expr(sc, v)
		if err != nil {
			return "", err
		}
		vals[i] = e
	}
	t, err := c.unifyAll(vals)
	if err != nil {
		return "", err
	}
	rows := make([]string, len(vals))
	for i, v := range vals {
		if v, err = c.convTo(v, t); err != nil {
			return "", err
		}
		rows[i] = "SELECT " + v.sql + " AS c1"
	}
	if len(rows) == 0 {
		rows = []string{"SELECT NULL AS c1 WHERE 0"}
	}
	src := &source{alias: c.newAlias()}
	if x.Alias != nil {
		src.name = x.Alias.Name
	}
	colName := "unnamed_col_1"
	if x.Column != nil {
		colName = x.Column.Name
	}
	src.cols = []srcCol{{name: colName, t: t, sqlName: "c1"}}
	sc.sources = append(sc.sources, src)
	return "(" + strings.Join(rows, " UNION ALL ") + ") AS " + src.alias, nil
}
