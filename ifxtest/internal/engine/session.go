package engine

import (
	"strings"
	"sync"

	"github.com/go-informix/informix/ifxtype"
)

// Session is one client session: its environment, open database,
// temporary tables, transaction, isolation and lock-wait settings, and the
// last SERIAL values it generated. A session runs one call at a time; the
// server serializes the calls of a connection, and mu guards against a
// stray concurrent call.
type Session struct {
	e  *Engine
	id int64
	mu sync.Mutex

	env    map[string]string
	dbdate dbdateFormat
	user   string

	db     *database
	temps  map[string]*table
	tempV  int64 // bumped by temp-table DDL, like catalog.version
	tx     *txn  // nil outside a transaction
	closed bool

	isolation     string
	lastCommitted bool
	lockWait      int // seconds; 0 NOT WAIT (the default), -1 WAIT without limit
	options       map[string]string

	lastSerial    int64 // DBINFO('sqlca.sqlerrd1')
	lastSerial8   int64
	lastBigSerial int64
	lastRows      int64 // DBINFO('sqlca.sqlerrd2')

	cursors map[*Cursor]struct{}
}

// NewSession starts a session; env holds the login environment (SQ_ASCENV:
// DBDATE, CLIENT_LOCALE, DB_LOCALE, …). The session user, who owns the
// tables it creates, is env's USER (or LOGNAME), "informix" when absent.
func (e *Engine) NewSession(env map[string]string) *Session {
	s := &Session{e: e, id: e.nextSession.Add(1), env: map[string]string{}, options: map[string]string{},
		temps: map[string]*table{}, cursors: map[*Cursor]struct{}{}, user: "informix"}
	for k, v := range env {
		s.setEnv(k, v)
	}
	for _, k := range []string{"USER", "user", "LOGNAME"} {
		if u := strings.TrimSpace(env[k]); u != "" {
			s.user = strings.ToLower(u)
			break
		}
	}
	return s
}

// SetEnv records one SQ_INFO environment entry (DBTEMP, SUBQCACHESZ, …);
// DBDATE changes how the session converts dates to and from text.
func (s *Session) SetEnv(name, value string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.setEnv(name, value)
}

func (s *Session) setEnv(name, value string) {
	s.env[name] = value
	if strings.EqualFold(name, "DBDATE") {
		s.dbdate = parseDBDate(value)
	}
}

func (s *Session) dbdateFormat() dbdateFormat {
	if s.dbdate.order[0] == 0 {
		return defaultDBDate
	}
	return s.dbdate
}

// OpenDatabase opens a database for the session, closing the one it had
// open. An unknown name is -329 with ISAM -111 (SQLI.md §3.9, §8.4); with
// a transaction open it is -377 ("Must terminate transaction before
// closing database", sql_en_US.properties).
func (s *Session) OpenDatabase(name string) (DatabaseInfo, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.openDatabase(name)
}

func (s *Session) openDatabase(name string) (DatabaseInfo, error) {
	db := s.e.lookup(name)
	if db == nil {
		return DatabaseInfo{}, ifxErrISAM(errNoDatabase, isamNoRecord, strings.ToLower(name))
	}
	if s.db != nil {
		if err := s.closeDatabase(); err != nil {
			return DatabaseInfo{}, err
		}
	}
	s.db = db
	db.openSessions.Add(1)
	s.isolation = defaultIsolation(db.logging)
	return s.info(), nil
}

// defaultIsolation is the isolation a session starts with: DIRTY READ in a
// database without logging, REPEATABLE READ in an ANSI database, COMMITTED
// READ otherwise (IBM Guide to SQL: Syntax, SET ISOLATION, "default
// isolation levels").
func defaultIsolation(l Logging) string {
	switch l {
	case NoLogging:
		return "DIRTY READ"
	case ANSI:
		return "REPEATABLE READ"
	}
	return "COMMITTED READ"
}

func (s *Session) info() DatabaseInfo {
	return DatabaseInfo{Name: s.db.name, Logging: s.db.logging, Locale: s.db.locale, CodeSet: s.db.cs}
}

// CloseDatabase closes the session's database: -349 when none is open,
// -377 while a transaction that changed something is open (a transaction
// that only read, as an ANSI database opens for a query, just ends) [I].
func (s *Session) CloseDatabase() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closeDatabase()
}

func (s *Session) closeDatabase() error {
	if s.db == nil {
		return ifxErr(errNoCurrentDB, "")
	}
	if s.tx != nil && len(s.tx.undo) > 0 {
		return ifxErr(-377, "")
	}
	s.endDatabase()
	return nil
}

// endDatabase frees everything the session holds in its database: open
// cursors, an open transaction (rolled back), and temporary tables.
func (s *Session) endDatabase() {
	db := s.db
	for c := range s.cursors {
		c.close()
	}
	db.mu.Lock()
	if s.tx != nil {
		s.rollbackLocked()
	}
	for name, t := range s.temps {
		db.dropSQLiteTable(t.sqlName)
		delete(s.temps, name)
	}
	db.locks.releaseAll(s.id)
	db.reap()
	db.mu.Unlock()
	db.openSessions.Add(-1)
	s.db = nil
}

// Close ends the session: it rolls back an open transaction, frees its
// cursors and drops its temporary tables.
func (s *Session) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	s.closed = true
	if s.db != nil {
		s.endDatabase()
	}
	sessionContexts.Delete(s.id)
}

// convCtx returns the conversion context of the session's statements.
func (s *Session) convCtx() *convCtx {
	cx := &convCtx{dbdate: s.dbdateFormat(), now: timeFields(s.e.now())}
	if s.db != nil {
		cx.ansi, cx.cs = s.db.logging == ANSI, s.db.cs
	} else {
		cx.cs = ifxtype.Latin1
	}
	return cx
}

// lookupTable finds a table by name: the session's temporary tables
// first, then the database's. An owner, when given, must match.
func (s *Session) lookupTable(owner, name string) *table {
	if t, ok := s.temps[name]; ok && owner == "" {
		return t
	}
	t, ok := s.db.cat.tables[name]
	if !ok || owner != "" && !strings.EqualFold(owner, t.owner) {
		return nil
	}
	return t
}

// schemaVersion identifies the schema a plan was compiled against. The
// caller holds s.db.mu.
func (s *Session) schemaVersion() [2]int64 { return [2]int64{s.db.cat.version, s.tempV} }

// lockedSchemaVersion is schemaVersion for a caller that does not hold
// s.db.mu: another session's DDL may be bumping the version.
func (s *Session) lockedSchemaVersion() [2]int64 {
	s.db.mu.Lock()
	defer s.db.mu.Unlock()
	return s.schemaVersion()
}

// isLogged reports whether the open database keeps a transaction log.
func (s *Session) isLogged() bool { return s.db.logging != NoLogging }
