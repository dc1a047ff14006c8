package engine

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/go-informix/informix/ifxtest/internal/sqlparse"
	"github.com/go-informix/informix/ifxtype"

	// The SQLite driver, registered as "sqlite".
	_ "modernc.org/sqlite"
)

// database is one Informix database: a private in-memory SQLite database
// reached through a single connection, its catalog, and its lock table.
//
// Every use of the connection and of the catalog happens under mu, so a
// statement of one session never interleaves with another's. That makes
// each statement atomic and isolated at the SQLite level; Informix
// transactions, which span statements, are kept by the sessions
// themselves as undo logs (txn.go), and Informix row locks by locks.
type database struct {
	e       *Engine
	name    string
	logging Logging
	locale  string
	cs      ifxtype.CodeSet

	pool *sql.DB
	conn *sql.Conn

	mu      sync.Mutex
	cat     *catalog
	locks   *lockTable
	stmts   map[string]*sql.Stmt
	cursors int      // open cursors, whose SQLite statements block DROP TABLE
	doomed  []string // SQLite tables to drop once no cursor is open
	nextTmp int64
	// txns maps a session id to its open transaction once a statement
	// has logged changes in it; undoSeq numbers their undo records in the
	// order the statements ran (txn.go).
	txns    map[int64]*txn
	undoSeq int64

	openSessions atomic.Int64
	created      int64
}

func openDatabase(e *Engine, name string, dc DatabaseConfig) (*database, error) {
	locale := dc.Locale
	if locale == "" {
		locale = "en_US.819"
	}
	cs, err := ifxtype.LookupCodeSet(locale)
	if err != nil {
		return nil, err
	}
	pool, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		return nil, internalError("open SQLite", err)
	}
	pool.SetMaxOpenConns(1)
	conn, err := pool.Conn(context.Background())
	if err != nil {
		pool.Close()
		return nil, internalError("connect SQLite", err)
	}
	db := &database{e: e, name: name, logging: dc.Logging, locale: locale, cs: cs, pool: pool, conn: conn,
		cat:   &catalog{tables: map[string]*table{}, indexes: map[string]*table{}, nextTabid: firstUserTabid},
		locks: newLockTable(), stmts: map[string]*sql.Stmt{}, txns: map[int64]*txn{}, created: daysOfTime(e.now())}
	if err := db.bootstrap(); err != nil {
		db.close()
		return nil, err
	}
	return db, nil
}

func (db *database) close() error {
	db.mu.Lock()
	defer db.mu.Unlock()
	for _, st := range db.stmts {
		st.Close()
	}
	db.stmts = nil
	err := db.conn.Close()
	if err2 := db.pool.Close(); err == nil {
		err = err2
	}
	return err
}

// exec runs SQL on the connection through a cached prepared statement.
func (db *database) exec(query string, args ...any) (sql.Result, error) {
	st, err := db.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(context.Background(), args...)
}

// query runs SQL that returns rows.
func (db *database) query(query string, args ...any) (*sql.Rows, error) {
	st, err := db.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(context.Background(), args...)
}

// execDirect runs SQL without caching its statement (DDL).
func (db *database) execDirect(query string) error {
	_, err := db.conn.ExecContext(context.Background(), query)
	return err
}

// maxCachedStmts bounds the prepared-statement cache; past it the cache
// starts over.
const maxCachedStmts = 512

func (db *database) stmt(query string) (*sql.Stmt, error) {
	if st, ok := db.stmts[query]; ok {
		return st, nil
	}
	st, err := db.conn.PrepareContext(context.Background(), query)
	if err != nil {
		return nil, err
	}
	if len(db.stmts) >= maxCachedStmts {
		db.flushStmts()
	}
	db.stmts[query] = st
	return st, nil
}

// flushStmts closes the cached statements; a schema change calls it, since
// a cached statement can keep a dropped table's name alive.
func (db *database) flushStmts() {
	for q, st := range db.stmts {
		st.Close()
		delete(db.stmts, q)
	}
}

// bootstrap creates the system catalog: its tables, their own rows in
// systables and syscolumns, the locale rows and the DBA user.
func (db *database) bootstrap() error {
	for _, def := range sysTables {
		t, err := sysTable(def)
		if err != nil {
			return err
		}
		if err := db.createSQLiteTable(t); err != nil {
			return err
		}
		db.cat.tables[t.name] = t
	}
	for _, def := range sysTables {
		if err := db.insertCatalogRows(db.cat.tables[def.name], "informix", nil); err != nil {
			return err
		}
	}
	return db.insertLocaleRows()
}

// sysTable builds the catalog entry of a system table.
func sysTable(def sysTableDef) (*table, error) {
	t := &table{name: def.name, owner: "informix", tabid: def.tabid, sys: true, serial: -1,
		sqlName: quoteIdent(def.name)}
	for i, c := range def.cols {
		p, err := sqlparse.Parse("create table x (c " + c[1] + ")")
		if err != nil {
			return nil, internalError("system column type "+c[1], err)
		}
		typ, _, ierr := typeFromName(p.Stmt.(*sqlparse.CreateTable).Columns[0].Type)
		if ierr != nil {
			return nil, internalError("system column type "+c[1], ierr)
		}
		t.cols = append(t.cols, &column{name: c[0], typ: typ, colno: i + 1})
	}
	return t, nil
}

// insertLocaleRows adds the rows IBM JDBC reads on connect: ' GL_COLLATE'
// and ' GL_CTYPE' with the database locale in site, and ' VERSION' (IBM
// JDBC 15.0.0.1.1 runs "select FIRST 1 site from informix.systables where
// tabname = ' GL_COLLATE'" after SQ_DBOPEN; jdbc-notes.md). Their tabids
// 90, 91 and 99 are our choice [I: real servers hold these rows below
// tabid 100; the exact numbers are not published]. The DBA user "informix"
// goes into sysusers.
func (db *database) insertLocaleRows() error {
	for _, r := range []struct {
		name  string
		tabid int64
	}{{" GL_COLLATE", 90}, {" GL_CTYPE", 91}, {" VERSION", 99}} {
		site := db.locale
		if r.tabid == 99 {
			site = db.e.version
		}
		vals := systablesRow(r.name, "informix", r.tabid, 0, 0, 0, db.created, "T", site, db.name)
		if err := db.insertSysRow("systables", vals); err != nil {
			return err
		}
	}
	return db.insertSysRow("sysusers", []any{"informix", "D", int64(9), nil, nil})
}

// insertSysRow inserts storage values into a system table.
func (db *database) insertSysRow(name string, vals []any) error {
	t := db.cat.tables[name]
	marks := strings.TrimSuffix(strings.Repeat("?,", len(vals)), ",")
	_, err := db.exec("INSERT INTO "+t.sqlName+" VALUES ("+marks+")", vals...)
	if err != nil {
		return internalError("insert into "+name, err)
	}
	return nil
}

// systablesRow returns the storage values of one SYSTABLES row.
func systablesRow(name, owner string, tabid, rowsize, ncols, nindexes, created int64, tabtype, site, dbname string) []any {
	var siteVal any
	if site != "" {
		siteVal = site
	}
	return []any{name, owner, int64(1048576 + tabid), tabid, rowsize, ncols, nindexes, float64(0),
		created, int64(0), tabtype, "P", float64(0), int64(16), int64(16), int64(0), siteVal, dbname,
		int64(0), int64(0), int64(2048), nil, int64(0), nil, int64(10), "S"}
}

// createSQLiteTable creates t and its indexes in SQLite.
func (db *database) createSQLiteTable(t *table) error {
	var b strings.Builder
	b.WriteString("CREATE TABLE " + t.sqlName + " (")
	for i, c := range t.cols {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(quoteIdent(c.name) + " " + sqliteDecl(c.typ))
		if c.typ.Code.NotNull() {
			b.WriteString(" NOT NULL")
		}
	}
	b.WriteString(")")
	if err := db.execDirect(b.String()); err != nil {
		return internalError("create table "+t.name, err)
	}
	for _, ix := range t.indexes {
		if err := db.createSQLiteIndex(t, ix); err != nil {
			return err
		}
	}
	return nil
}

func (db *database) createSQLiteIndex(t *table, ix *index) error {
	var b strings.Builder
	b.WriteString("CREATE ")
	if ix.unique {
		b.WriteString("UNIQUE ")
	}
	b.WriteString("INDEX " + quoteIdent(ix.sqlName) + " ON " + t.sqlName + " (")
	for i, ci := range ix.cols {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(quoteIdent(t.cols[ci].name))
		if ix.desc[i] {
			b.WriteString(" DESC")
		}
	}
	b.WriteString(")")
	return db.execDirect(b.String())
}

// insertCatalogRows records a new table in SYSTABLES, SYSCOLUMNS,
// SYSINDEXES and SYSCONSTRAINTS; undo collects the statements that remove
// the rows again.
func (db *database) insertCatalogRows(t *table, owner string, undo *[]func() error) error {
	row := systablesRow(t.name, owner, t.tabid, rowWidth(t.cols), int64(len(t.cols)), int64(len(t.indexes)),
		t.created, "T", "", db.name)
	if err := db.insertSysRow("systables", row); err != nil {
		return err
	}
	for _, c := range t.cols {
		ct, cl, xid := catalogColType(c.typ)
		vals := []any{c.name, t.tabid, int64(c.colno), ct, cl, nil, nil, xid, int64(0), int64(0)}
		if err := db.insertSysRow("syscolumns", vals); err != nil {
			return err
		}
	}
	for _, ix := range t.indexes {
		if err := db.insertIndexRows(t, ix); err != nil {
			return err
		}
	}
	// The owner grants every table privilege to PUBLIC, as Informix does
	// for a new table outside an ANSI database (IBM Guide to SQL:
	// Reference, SYSTABAUTH; the NODEFDAC environment variable turns it
	// off) [I for the exact letters].
	if db.logging != ANSI {
		if err := db.insertSysRow("systabauth", []any{owner, "public", t.tabid, "su-idxar-"}); err != nil {
			return err
		}
	}
	if undo != nil {
		*undo = append(*undo, func() error { return db.deleteCatalogRows(t.tabid) })
	}
	return nil
}

// insertIndexRows records an index in SYSINDEXES and its constraint, if
// any, in SYSCONSTRAINTS.
func (db *database) insertIndexRows(t *table, ix *index) error {
	idxtype := "D"
	if ix.unique {
		idxtype = "U"
	}
	vals := []any{ix.name, t.owner, t.tabid, idxtype, " "}
	for i := 0; i < 16; i++ {
		var part any = int64(0)
		if i < len(ix.cols) {
			n := int64(t.cols[ix.cols[i]].colno)
			if ix.desc[i] {
				n = -n
			}
			part = n
		}
		vals = append(vals, part)
	}
	vals = append(vals, int64(1), float64(0), float64(0), float64(0), int64(0))
	if err := db.insertSysRow("sysindexes", vals); err != nil {
		return err
	}
	if ix.constraint == "" {
		return nil
	}
	ctype := "U"
	if ix.primary {
		ctype = "P"
	}
	return db.insertSysRow("sysconstraints", []any{ix.constrID, ix.constraint, t.owner, t.tabid, ctype, ix.name, nil})
}

// deleteCatalogRows removes every catalog row of a table.
func (db *database) deleteCatalogRows(tabid int64) error {
	for _, name := range []string{"systables", "syscolumns", "sysindexes", "sysconstraints", "systabauth"} {
		if _, err := db.exec("DELETE FROM "+quoteIdent(name)+" WHERE tabid = ?", tabid); err != nil {
			return internalError("delete catalog rows of tabid "+fmt.Sprint(tabid), err)
		}
	}
	return nil
}

// dropSQLiteTable drops a table, or, while cursors are open (SQLite
// refuses DROP TABLE with a statement in progress), renames it out of the
// way and drops it once the last cursor closes.
func (db *database) dropSQLiteTable(sqlName string) error {
	db.flushStmts()
	if db.cursors == 0 {
		return db.execDirect("DROP TABLE " + sqlName)
	}
	db.nextTmp++
	grave := quoteIdent(fmt.Sprintf("_ifx_dropped_%d", db.nextTmp))
	if err := db.execDirect("ALTER TABLE " + sqlName + " RENAME TO " + grave); err != nil {
		return err
	}
	db.doomed = append(db.doomed, grave)
	return nil
}

// reap drops the tables dropSQLiteTable set aside, once no cursor is open.
func (db *database) reap() {
	if db.cursors != 0 || len(db.doomed) == 0 {
		return
	}
	db.flushStmts()
	keep := db.doomed[:0]
	for _, name := range db.doomed {
		if db.execDirect("DROP TABLE "+name) != nil {
			keep = append(keep, name)
		}
	}
	db.doomed = keep
}
