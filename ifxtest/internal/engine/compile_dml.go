package engine

import (
	"strconv"
	"strings"

	"github.com/go-informix/informix/ifxtest/internal/sqlparse"
	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// valueSource says where an inserted value comes from: a literal already
// converted to the column's type (konst), a parameter typed as the column
// (param ≥ 0), or column i of the evaluation query.
type valueSource struct {
	konst bool
	kval  any
	param int
	col   int
}

// insertPlan inserts rows into one table.
type insertPlan struct {
	table   *table
	cols    []int         // target columns, in the order of the values
	values  []valueSource // for INSERT … VALUES
	evalSQL string        // SELECT of the values that need SQLite, "" if none
	query   string        // for INSERT … SELECT: the converted query
	params  []ifxtype.Type
	extras  []extraValue
	reads   readSet // what the query or the values' subqueries read
}

// writableTable finds the table a DML statement writes: -206 when absent,
// -312 for the system catalog ("Cannot update system catalog (%s)").
func (c *compiler) writableTable(tn sqlparse.TableName) (*table, error) {
	t, err := c.lookupTableRef(tn)
	if err != nil {
		return nil, err
	}
	if t.sys {
		return nil, &Error{SQLCode: -312, Message: t.name, Offset: tn.At}
	}
	return t, nil
}

// targetColumns resolves an INSERT's column list (all columns when empty);
// an unknown column is -217, a repeated one -328 [I].
func targetColumns(t *table, names []sqlparse.Name) ([]int, error) {
	if len(names) == 0 {
		cols := make([]int, len(t.cols))
		for i := range cols {
			cols[i] = i
		}
		return cols, nil
	}
	var cols []int
	seen := map[int]bool{}
	for _, n := range names {
		i := columnIndex(t, n.Name)
		if i < 0 {
			return nil, &Error{SQLCode: errNoColumn, Message: n.Name, Offset: n.At}
		}
		if seen[i] {
			return nil, &Error{SQLCode: -328, Message: n.Name, Offset: n.At}
		}
		seen[i] = true
		cols = append(cols, i)
	}
	return cols, nil
}

func columnIndex(t *table, name string) int {
	for i, c := range t.cols {
		if c.name == name {
			return i
		}
	}
	return -1
}

// compileInsert compiles INSERT. Its describe lists the target columns
// when it has parameters: S1 saw an INSERT with parameters describe
// columns (SQLI.md §5 [W: S1 Phase 4]); that they are the insert's target
// columns is our reading of ESQL/C's DESCRIBE of an INSERT [I].
func (c *compiler) compileInsert(cp *compiled, ins *sqlparse.Insert) (described, error) {
	t, err := c.writableTable(ins.Table)
	if err != nil {
		return described{}, err
	}
	cols, err := targetColumns(t, ins.Columns)
	if err != nil {
		return described{}, err
	}
	p := &insertPlan{table: t, cols: cols}
	if ins.Query != nil {
		err = c.insertQuery(p, ins)
	} else {
		err = c.insertValues(p, ins)
	}
	if err != nil {
		return described{}, err
	}
	p.params, p.extras, p.reads = c.params, c.extras, c.reads
	cp.impl = p
	d := described{stype: sqli.StmtInsert, params: c.paramTypes()}
	if len(c.params) > 0 {
		for _, ci := range cols {
			d.cols = append(d.cols, ifxtype.Column{Name: t.cols[ci].name, Type: t.cols[ci].typ})
		}
	}
	return d, nil
}

// insertValues compiles VALUES (…): -236 when the count differs from the
// columns'.
func (c *compiler) insertValues(p *insertPlan, ins *sqlparse.Insert) error {
	if len(ins.Values) != len(p.cols) {
		return &Error{SQLCode: errInsertCount, Offset: ins.At}
	}
	sc := &scope{}
	var evals []string
	for i, v := range ins.Values {
		e, err := c.expr(sc, v)
		if err != nil {
			return err
		}
		col := p.table.cols[p.cols[i]]
		if e, err = c.forceConv(e, col.typ); err != nil {
			return withOffset(err, v.Pos())
		}
		src := valueSource{param: -1, col: -1}
		switch {
		case e.konst:
			src.konst, src.kval = true, e.kval
		case c.isParam(e.sql):
			src.param = paramIndex(e.sql)
		default:
			src.col = len(evals)
			evals = append(evals, e.sql)
		}
		p.values = append(p.values, src)
	}
	if len(evals) > 0 {
		p.evalSQL = "SELECT " + strings.Join(evals, ", ")
	}
	return nil
}

// isParam reports whether sql is a bare user parameter.
func (c *compiler) isParam(sql string) bool {
	i := paramIndex(sql)
	return i >= 0 && i < len(c.params) && sql == paramSQL(i)
}

// paramIndex reads the index of a "?N" placeholder (-1 if it is not one).
func paramIndex(sql string) int {
	n, err := strconv.Atoi(strings.TrimPrefix(sql, "?"))
	if err != nil || !strings.HasPrefix(sql, "?") {
		return -1
	}
	return n - 1
}

// insertQuery compiles INSERT … SELECT, converting the query's columns to
// the target columns' types: -236 when the counts differ.
func (c *compiler) insertQuery(p *insertPlan, ins *sqlparse.Insert) error {
	q, err := c.selectStmt(nil, ins.Query)
	if err != nil {
		return err
	}
	if len(q.cols) != len(p.cols) {
		return &Error{SQLCode: errInsertCount, Offset: ins.At}
	}
	parts := make([]string, len(p.cols))
	for i, ci := range p.cols {
		e := cexpr{sql: "q.c" + strconv.Itoa(i+1), t: q.cols[i].Type}
		x, err := c.forceConv(e, p.table.cols[ci].typ)
		if err != nil {
			return err
		}
		parts[i] = x.sql
	}
	p.query = "SELECT " + strings.Join(parts, ", ") + " FROM (" + q.sql + ") AS q"
	return nil
}

// updatePlan updates the rows of one table.
type updatePlan struct {
	table   *table
	alias   string
	setCols []int
	set     string // "c" = expr, …
	where   string // "" for every row
	params  []ifxtype.Type
	extras  []extraValue
	reads   readSet // what its subqueries read
}

// compileUpdate compiles UPDATE; without WHERE its statement type is
// SQ_UPDALL (33), with WHERE SQ_UPDATE (4) (sqlstype.h).
func (c *compiler) compileUpdate(cp *compiled, up *sqlparse.Update) (described, error) {
	t, err := c.writableTable(up.Table)
	if err != nil {
		return described{}, err
	}
	name := t.name
	if up.Alias != nil {
		name = up.Alias.Name
	}
	c.depth++ // the statement is the query level; its subqueries are nested
	src := c.tableSource(t, name)
	sc := &scope{sources: []*source{src}}
	p := &updatePlan{table: t, alias: src.alias}
	var sets []string
	for _, a := range up.Set {
		ci := columnIndex(t, a.Column.Name)
		if ci < 0 {
			return described{}, &Error{SQLCode: errNoColumn, Message: a.Column.Name, Offset: a.Column.At}
		}
		e, err := c.expr(sc, a.Value)
		if err != nil {
			return described{}, err
		}
		if e, err = c.forceConv(e, t.cols[ci].typ); err != nil {
			return described{}, withOffset(err, a.Value.Pos())
		}
		p.setCols = append(p.setCols, ci)
		sets = append(sets, quoteIdent(t.cols[ci].name)+" = "+e.sql)
	}
	p.set = strings.Join(sets, ", ")
	stype := sqli.StmtUpdateAll
	if up.Where != nil {
		w, err := c.cond(sc, up.Where)
		if err != nil {
			return described{}, err
		}
		p.where, stype = w.sql, sqli.StmtUpdate
	}
	p.params, p.extras, p.reads = c.params, c.extras, c.reads
	cp.impl = p
	return described{stype: stype, params: c.paramTypes()}, nil
}

// deletePlan deletes rows of one table.
type deletePlan struct {
	table  *table
	alias  string
	where  string
	params []ifxtype.Type
	extras []extraValue
	reads  readSet // what its subqueries read
}

// compileDelete compiles DELETE; without WHERE its statement type is
// SQ_DELALL (32), with WHERE SQ_DELETE (5) (sqlstype.h).
func (c *compiler) compileDelete(cp *compiled, d *sqlparse.Delete) (described, error) {
	t, err := c.writableTable(d.Table)
	if err != nil {
		return described{}, err
	}
	c.depth++ // the statement is the query level; its subqueries are nested
	src := c.tableSource(t, t.name)
	sc := &scope{sources: []*source{src}}
	p := &deletePlan{table: t, alias: src.alias}
	stype := sqli.StmtDeleteAll
	if d.Where != nil {
		w, err := c.cond(sc, d.Where)
		if err != nil {
			return described{}, err
		}
		p.where, stype = w.sql, sqli.StmtDelete
	}
	p.params, p.extras, p.reads = c.params, c.extras, c.reads
	cp.impl = p
	return described{stype: stype, params: c.paramTypes()}, nil
}
