package engine

import (
	"context"
	"fmt"
	"strconv"

	"github.com/go-informix/informix/ifxtest/internal/sqlparse"
)

// createTablePlan runs CREATE [TEMP] TABLE.
type createTablePlan struct{ st *sqlparse.CreateTable }

// buildTable validates a CREATE TABLE and builds the table: -362 for a
// second SERIAL column, -328 for a repeated column name, -217 for a
// constraint on an unknown column; PRIMARY KEY columns become NOT NULL.
func (s *Session) buildTable(st *sqlparse.CreateTable) (*table, error) {
	t := &table{name: st.Table.Name, owner: s.user, temp: st.Temp, serial: -1, created: daysOfTime(s.e.now())}
	for i, cd := range st.Columns {
		if t.column(cd.Name.Name) != nil {
			return nil, &Error{SQLCode: -328, Message: cd.Name.Name, Offset: cd.Name.At}
		}
		col, start, err := s.buildColumn(cd, i+1)
		if err != nil {
			return nil, err
		}
		if isSerial(col.typ) {
			if t.serial >= 0 {
				return nil, &Error{SQLCode: errTwoSerials, Offset: cd.Name.At}
			}
			t.serial, t.nextSerial = i, max(start, 1)
		}
		t.cols = append(t.cols, col)
	}
	for _, cd := range st.Columns {
		if cd.PrimaryKey || cd.Unique {
			tc := sqlparse.TableConstraint{PrimaryKey: cd.PrimaryKey, Columns: []sqlparse.Name{cd.Name}, At: cd.Name.At}
			st.Constraints = append(st.Constraints, tc)
		}
	}
	for _, tc := range st.Constraints {
		if err := s.addConstraint(t, tc); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// buildColumn resolves one column definition.
func (s *Session) buildColumn(cd sqlparse.ColumnDef, colno int) (*column, int64, error) {
	typ, start, err := typeFromName(cd.Type)
	if err != nil {
		return nil, 0, err
	}
	if cd.Type.Base == "TEXT" || cd.Type.Base == "BYTE" {
		return nil, 0, syntaxAt(cd.Type.At, cd.Type.Base)
	}
	// A SERIAL column is NOT NULL: syscolumns holds 262 (6 + 256) for
	// one (IBM Guide to SQL: Reference, SYSCOLUMNS coltype examples) [I].
	col := &column{name: cd.Name.Name, typ: notNull(typ, cd.NotNull || isSerial(typ)), colno: colno}
	if cd.HasDefault {
		if err := s.columnDefault(col, cd.Default); err != nil {
			return nil, 0, err
		}
	}
	return col, start, nil
}

// columnDefault evaluates a DEFAULT: a literal converted to the column's
// type now, or TODAY, CURRENT and USER evaluated at each insert.
func (s *Session) columnDefault(col *column, e sqlparse.Expr) error {
	col.hasDef = true
	if f, ok := e.(*sqlparse.FuncCall); ok && (f.Name == "today" || f.Name == "current" || f.Name == "user") {
		col.defFunc, col.defType = f.Name, col.typ
		if f.Name == "current" && kindOf(col.typ) != kDateTime {
			return withOffset(ifxErr(errTypeConversion, ""), f.At)
		}
		return nil
	}
	c := newCompiler(s, 0)
	x, err := c.expr(&scope{}, e)
	if err != nil {
		return err
	}
	if !x.konst {
		return syntaxAt(e.Pos(), "default")
	}
	if x.untyped() {
		return nil
	}
	v, cerr := convert(x.kval, x.t, col.typ, s.convCtx())
	if cerr != nil {
		return withOffset(cerr, e.Pos())
	}
	col.def = v
	return nil
}

// addConstraint adds the index behind a PRIMARY KEY or UNIQUE constraint,
// named as Informix names them when the statement gives no name:
// u<tabid>_<constraint id> for the constraint and " <tabid>_<constraint
// id>" for its index [I: the naming pattern seen in sysconstraints on
// real servers; the numbers here are the engine's own]. The tabid is set
// later, so names are completed in nameConstraints.
func (s *Session) addConstraint(t *table, tc sqlparse.TableConstraint) error {
	ix := &index{unique: true, primary: tc.PrimaryKey}
	for _, n := range tc.Columns {
		ci := columnIndex(t, n.Name)
		if ci < 0 {
			return &Error{SQLCode: errNoColumn, Message: n.Name, Offset: n.At}
		}
		ix.cols, ix.desc = append(ix.cols, ci), append(ix.desc, false)
		if tc.PrimaryKey {
			t.cols[ci].typ = notNull(t.cols[ci].typ, true)
		}
	}
	if tc.Name != nil {
		ix.constraint = tc.Name.Name
	}
	t.indexes = append(t.indexes, ix)
	return nil
}

// placeTable gives a new table its tabid, SQLite name and constraint
// names.
func (s *Session) placeTable(t *table) {
	db := s.db
	if t.temp {
		db.nextTmp++
		t.tabid = 1<<30 + db.nextTmp
		t.sqlName = quoteIdent(fmt.Sprintf("_ifx_tmp%d_%s", s.id, t.name))
	} else {
		t.tabid = db.cat.nextTabid
		db.cat.nextTabid++
		t.sqlName = quoteIdent(t.name)
	}
	for _, ix := range t.indexes {
		db.cat.nextConst++
		ix.constrID = db.cat.nextConst
		suffix := strconv.FormatInt(t.tabid, 10) + "_" + strconv.FormatInt(ix.constrID, 10)
		if ix.constraint == "" {
			ix.constraint = "u" + suffix
		}
		ix.name = " " + suffix
		ix.sqlName = db.newIndexName()
	}
}

// newIndexName returns a fresh SQLite index name; SQLite index names are
// global, and a dropped table's indexes live on until it is reaped.
func (db *database) newIndexName() string {
	db.nextTmp++
	return fmt.Sprintf("_ifx_ix%d", db.nextTmp)
}

func (p *createTablePlan) exec(ctx context.Context, s *Session, args []any) (Result, error) {
	s.db.mu.Lock()
	defer s.db.mu.Unlock()
	st := *p.st
	st.Constraints = append([]sqlparse.TableConstraint(nil), p.st.Constraints...)
	if s.tableExists(st.Temp, st.Table.Name) {
		if st.IfNotExists {
			return Result{}, nil
		}
		return Result{}, &Error{SQLCode: errTableExists, Message: st.Table.Name, Offset: st.Table.At}
	}
	t, err := s.buildTable(&st)
	if err != nil {
		return Result{}, err
	}
	s.placeTable(t)
	return Result{}, s.runStatement(func(log *stmtLog) error { return s.createTable(t, log) })
}

// tableExists reports whether a new table of that name would clash: a
// temporary table with the session's temporary tables, a permanent one
// with the database's tables.
func (s *Session) tableExists(temp bool, name string) bool {
	if temp {
		_, ok := s.temps[name]
		return ok
	}
	_, ok := s.db.cat.tables[name]
	return ok
}

// createTable creates t in SQLite and the catalog, logging its undo.
func (s *Session) createTable(t *table, log *stmtLog) error {
	db := s.db
	if err := db.createSQLiteTable(t); err != nil {
		return err
	}
	if t.temp {
		s.temps[t.name] = t
		s.tempV++
		log.addUndo(false, func() error { delete(s.temps, t.name); s.tempV++; return nil })
		log.addUndo(true, func() error { return db.dropSQLiteTable(t.sqlName) })
		return nil
	}
	var undo []func() error
	if err := db.insertCatalogRows(t, t.owner, &undo); err != nil {
		return err
	}
	db.cat.tables[t.name] = t
	for _, ix := range t.indexes {
		db.cat.indexes[ix.name] = t
	}
	db.cat.version++
	log.addUndo(false, func() error {
		delete(db.cat.tables, t.name)
		for _, ix := range t.indexes {
			delete(db.cat.indexes, ix.name)
		}
		db.cat.version++
		return nil
	})
	log.addUndo(true, func() error {
		if err := undo[0](); err != nil {
			return err
		}
		return db.dropSQLiteTable(t.sqlName)
	})
	return nil
}

// dropTablePlan runs DROP TABLE.
type dropTablePlan struct{ st *sqlparse.DropTable }

func (p *dropTablePlan) exec(ctx context.Context, s *Session, args []any) (Result, error) {
	db := s.db
	db.mu.Lock()
	defer db.mu.Unlock()
	t := s.lookupTable(p.st.Table.Owner, p.st.Table.Name)
	switch {
	case t == nil && p.st.IfExists:
		return Result{}, nil
	case t == nil:
		return Result{}, &Error{SQLCode: errNoTable, Message: p.st.Table.Name, Offset: p.st.Table.At}
	case t.sys:
		return Result{}, &Error{SQLCode: -312, Message: t.name, Offset: p.st.Table.At}
	}
	return Result{}, s.runStatement(func(log *stmtLog) error { return s.dropTable(t, log) })
}

// dropTable removes t. Inside a transaction the SQLite table is renamed
// aside, so that ROLLBACK can bring it back with its rows, and dropped at
// COMMIT; DDL is transactional in logged databases (SQLI.md §7.5).
func (s *Session) dropTable(t *table, log *stmtLog) error {
	db := s.db
	s.forgetTable(t, log)
	if !s.inTxLocked() {
		db.locks.dropTable(t.tabid)
		if !t.temp {
			if err := db.deleteCatalogRows(t.tabid); err != nil {
				return err
			}
		}
		return db.dropSQLiteTable(t.sqlName)
	}
	db.flushStmts()
	db.nextTmp++
	grave := quoteIdent(fmt.Sprintf("_ifx_dropped_%d", db.nextTmp))
	if err := db.execDirect("ALTER TABLE " + t.sqlName + " RENAME TO " + grave); err != nil {
		return internalError("set aside dropped table", err)
	}
	if !t.temp {
		if err := db.deleteCatalogRows(t.tabid); err != nil {
			return err
		}
	}
	log.addUndo(true, func() error { return s.restoreTable(t, grave) })
	log.onCommit = append(log.onCommit, func() error { return db.dropSQLiteTable(grave) })
	return nil
}

// forgetTable removes t from the catalog the session sees.
func (s *Session) forgetTable(t *table, log *stmtLog) {
	db := s.db
	if t.temp {
		delete(s.temps, t.name)
		s.tempV++
		log.addUndo(false, func() error { s.temps[t.name] = t; s.tempV++; return nil })
		return
	}
	delete(db.cat.tables, t.name)
	for _, ix := range t.indexes {
		delete(db.cat.indexes, ix.name)
	}
	db.cat.version++
	log.addUndo(false, func() error {
		db.cat.tables[t.name] = t
		for _, ix := range t.indexes {
			db.cat.indexes[ix.name] = t
		}
		db.cat.version++
		return nil
	})
}

// restoreTable undoes a DROP TABLE inside a transaction.
func (s *Session) restoreTable(t *table, grave string) error {
	db := s.db
	db.flushStmts()
	if err := db.execDirect("ALTER TABLE " + grave + " RENAME TO " + t.sqlName); err != nil {
		return err
	}
	if t.temp {
		return nil
	}
	return db.insertCatalogRows(t, t.owner, nil)
}
