package engine

import (
	"context"
	"strings"

	"github.com/go-informix/informix/ifxtest/internal/sqlparse"
)

// createIndexPlan runs CREATE [UNIQUE] INDEX.
type createIndexPlan struct{ st *sqlparse.CreateIndex }

func (p *createIndexPlan) exec(ctx context.Context, s *Session, args []any) (Result, error) {
	db := s.db
	db.mu.Lock()
	defer db.mu.Unlock()
	ix, t, err := s.buildIndex(p.st)
	if err != nil || ix == nil {
		return Result{}, err
	}
	return Result{}, s.runStatement(func(log *stmtLog) error { return s.createIndex(t, ix, log) })
}

// buildIndex validates CREATE INDEX: -316 for a name in use, -206 for an
// unknown table, -217 for an unknown column, -350 for an index on the same
// columns as an existing one (sql_en_US.properties).
func (s *Session) buildIndex(st *sqlparse.CreateIndex) (*index, *table, error) {
	db := s.db
	if _, dup := db.cat.indexes[st.Name.Name]; dup {
		if st.IfNotExists {
			return nil, nil, nil
		}
		return nil, nil, &Error{SQLCode: errIndexExists, Message: st.Name.Name, Offset: st.Name.At}
	}
	t := s.lookupTable(st.Table.Owner, st.Table.Name)
	if t == nil {
		return nil, nil, &Error{SQLCode: errNoTable, Message: st.Table.Name, Offset: st.Table.At}
	}
	if t.sys {
		return nil, nil, &Error{SQLCode: -312, Message: t.name, Offset: st.Table.At}
	}
	ix := &index{name: st.Name.Name, unique: st.Unique, sqlName: db.newIndexName()}
	for _, c := range st.Columns {
		ci := columnIndex(t, c.Name.Name)
		if ci < 0 {
			return nil, nil, &Error{SQLCode: errNoColumn, Message: c.Name.Name, Offset: c.Name.At}
		}
		ix.cols, ix.desc = append(ix.cols, ci), append(ix.desc, c.Desc)
	}
	for _, other := range t.indexes {
		if sameKeys(other, ix) {
			return nil, nil, &Error{SQLCode: errIndexSameColumns, Offset: st.Name.At}
		}
	}
	return ix, t, nil
}

func sameKeys(a, b *index) bool {
	if len(a.cols) != len(b.cols) {
		return false
	}
	for i := range a.cols {
		if a.cols[i] != b.cols[i] || a.desc[i] != b.desc[i] {
			return false
		}
	}
	return true
}

// createIndex builds the index; duplicate data under a UNIQUE index is
// -371 ("Cannot create unique index on column with duplicate data").
func (s *Session) createIndex(t *table, ix *index, log *stmtLog) error {
	db := s.db
	if err := db.createSQLiteIndex(t, ix); err != nil {
		if strings.Contains(err.Error(), "UNIQUE") {
			return ifxErr(-371, "")
		}
		return internalError("create index", err)
	}
	t.indexes = append(t.indexes, ix)
	if t.temp {
		s.tempV++
	} else {
		db.cat.indexes[ix.name] = t
		db.cat.version++
		if err := db.insertIndexRows(t, ix); err != nil {
			return err
		}
	}
	log.addUndo(false, func() error { s.unlinkIndex(t, ix); return nil })
	log.addUndo(true, func() error { return s.dropSQLiteIndex(t, ix) })
	return nil
}

// unlinkIndex removes ix from the Go catalog.
func (s *Session) unlinkIndex(t *table, ix *index) {
	for i, x := range t.indexes {
		if x == ix {
			t.indexes = append(t.indexes[:i:i], t.indexes[i+1:]...)
			break
		}
	}
	if t.temp {
		s.tempV++
		return
	}
	delete(s.db.cat.indexes, ix.name)
	s.db.cat.version++
}

// dropSQLiteIndex drops ix in SQLite and its catalog row.
func (s *Session) dropSQLiteIndex(t *table, ix *index) error {
	db := s.db
	db.flushStmts()
	if err := db.execDirect("DROP INDEX " + quoteIdent(ix.sqlName)); err != nil {
		return err
	}
	if t.temp {
		return nil
	}
	_, err := db.exec(`DELETE FROM "sysindexes" WHERE idxname = ? AND tabid = ?`, ix.name, t.tabid)
	return err
}

// dropIndexPlan runs DROP INDEX: -319 when the index does not exist.
type dropIndexPlan struct{ st *sqlparse.DropIndex }

func (p *dropIndexPlan) exec(ctx context.Context, s *Session, args []any) (Result, error) {
	db := s.db
	db.mu.Lock()
	defer db.mu.Unlock()
	t, ok := db.cat.indexes[p.st.Name.Name]
	if !ok {
		if p.st.IfExists {
			return Result{}, nil
		}
		return Result{}, &Error{SQLCode: errNoIndex, Message: p.st.Name.Name, Offset: p.st.Name.At}
	}
	var ix *index
	for _, x := range t.indexes {
		if x.name == p.st.Name.Name {
			ix = x
		}
	}
	return Result{}, s.runStatement(func(log *stmtLog) error {
		if err := s.dropSQLiteIndex(t, ix); err != nil {
			return internalError("drop index", err)
		}
		s.unlinkIndex(t, ix)
		log.addUndo(false, func() error {
			t.indexes = append(t.indexes, ix)
			db.cat.indexes[ix.name] = t
			db.cat.version++
			return nil
		})
		log.addUndo(true, func() error {
			if err := db.createSQLiteIndex(t, ix); err != nil {
				return err
			}
			return db.insertIndexRows(t, ix)
		})
		return nil
	})
}
