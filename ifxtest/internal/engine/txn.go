package engine

import "strings"

// An Informix transaction spans statements, while every statement runs
// on the database's one SQLite connection and is committed there when it
// ends. The session therefore keeps the transaction itself: an undo log of
// what each statement changed (row images, catalog changes), replayed
// backwards by ROLLBACK and by ROLLBACK TO SAVEPOINT, and row locks that
// keep other sessions off the rows until the transaction ends. A statement
// that fails is undone on its own, through a SQLite savepoint around it,
// and leaves the transaction open (SQLI.md §7.5).

// undoRec undoes one change. sqlOnly marks a change to SQLite data, which
// the statement savepoint already reverts when the statement itself
// fails; the others are changes to the Go catalog. tabid, when not 0,
// marks the undo of row changes in that table, which a LAST COMMITTED
// reader also replays, for a moment, to see the rows as they were
// committed (lastcommitted.go); seq orders those replays across
// sessions.
type undoRec struct {
	fn      func() error
	sqlOnly bool
	tabid   int64
	seq     int64
}

// savepoint marks a position in the undo log.
type savepoint struct {
	name   string
	mark   int
	unique bool
}

// txn is an open transaction.
type txn struct {
	undo       []undoRec
	savepoints []savepoint
	onCommit   []func() error
	// work reports whether a statement has run in the transaction; an
	// ANSI database's implicit transaction starts with the first one.
	work     bool
	explicit bool // opened by BEGIN WORK
	// active reports whether a query, DML or DDL statement has run, after
	// which SET TRANSACTION is refused (-876).
	active bool
	// readOnly and isolation are what SET TRANSACTION set for this
	// transaction alone ("" for isolation: the session's own level).
	readOnly  bool
	isolation string
}

// stmtLog collects what one statement changes.
type stmtLog struct {
	undo     []undoRec
	onCommit []func() error
	locks    []lockKey
}

func (l *stmtLog) addUndo(sqlOnly bool, fn func() error) {
	l.undo = append(l.undo, undoRec{fn: fn, sqlOnly: sqlOnly})
}

// addRowUndo logs the undo of row changes in table tabid.
func (l *stmtLog) addRowUndo(tabid int64, fn func() error) {
	l.undo = append(l.undo, undoRec{fn: fn, sqlOnly: true, tabid: tabid})
}

// Begin starts a transaction (SQ_BEGIN, and BEGIN WORK through SQL). In a
// database without logging it fails: informix-driver, tested against
// Informix 15, reports that the server answers SQ_BEGIN there with -201
// (its connections.py, _ensure_transaction), while the SQL statement BEGIN
// WORK gets -256 (see beginWork). Inside a transaction it is -535.
func (s *Session) Begin() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db != nil && !s.isLogged() {
		return ifxErr(errSyntax, "")
	}
	return s.beginWork()
}

// beginWork is BEGIN WORK: -349 without a database, -256 without logging
// ("Transaction not available"), -535 inside a transaction ("Already in
// transaction"; sql_en_US.properties). In an ANSI database a BEGIN WORK
// before any other statement of the implicit transaction is accepted.
func (s *Session) beginWork() error {
	switch {
	case s.db == nil:
		return ifxErr(errNoCurrentDB, "")
	case !s.isLogged():
		return ifxErr(errNoTx, "")
	case s.tx != nil && (s.tx.explicit || s.tx.work):
		return ifxErr(errInTx, "")
	}
	if s.tx == nil {
		s.tx = &txn{}
	}
	// An ANSI database's implicit transaction that nothing has run in yet
	// becomes the explicit one and keeps what SET TRANSACTION set for it.
	s.tx.explicit, s.tx.work = true, true
	return nil
}

// Commit commits the transaction (SQ_CMMTWORK, COMMIT WORK): -255 when
// none is open, except in an ANSI database, where COMMIT WORK always ends
// the implicit transaction (SQLI.md §7.5).
func (s *Session) Commit() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.checkEnd(); err != nil {
		return err
	}
	s.db.mu.Lock()
	defer s.db.mu.Unlock()
	var first error
	if s.tx != nil {
		for _, fn := range s.tx.onCommit {
			if err := fn(); err != nil && first == nil {
				first = err
			}
		}
	}
	s.endTx()
	return first
}

// Rollback rolls the transaction back (SQ_RBWORK, ROLLBACK WORK), with
// the same errors as Commit.
func (s *Session) Rollback() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.checkEnd(); err != nil {
		return err
	}
	s.db.mu.Lock()
	defer s.db.mu.Unlock()
	return s.rollbackLocked()
}

func (s *Session) checkEnd() error {
	switch {
	case s.db == nil:
		return ifxErr(errNoCurrentDB, "")
	case !s.isLogged():
		return ifxErr(errNoTx, "")
	case s.tx == nil && s.db.logging != ANSI:
		return ifxErr(errNotInTx, "")
	}
	return nil
}

// rollbackLocked undoes the whole transaction; the caller holds db.mu.
func (s *Session) rollbackLocked() error {
	var first error
	if s.tx != nil {
		first = s.undoTo(0)
	}
	s.endTx()
	return first
}

// endTx forgets the ended transaction, with its access mode and
// isolation, and frees its locks; the caller holds db.mu.
func (s *Session) endTx() {
	s.tx = nil
	delete(s.db.txns, s.id)
	s.db.locks.releaseAll(s.id)
	s.db.reap()
}

// undoTo replays the undo log backwards down to mark.
func (s *Session) undoTo(mark int) error {
	var first error
	for i := len(s.tx.undo) - 1; i >= mark; i-- {
		if err := s.tx.undo[i].fn(); err != nil && first == nil {
			first = internalError("undo", err)
		}
	}
	s.tx.undo = s.tx.undo[:mark]
	s.db.flushStmts()
	return first
}

// InTransaction reports whether a transaction is open: after BEGIN WORK,
// or in an ANSI database once a statement has started the implicit one.
func (s *Session) InTransaction() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tx != nil && s.tx.work
}

// SetSavepoint sets a savepoint (SAVEPOINT name [UNIQUE]). A name already
// set as UNIQUE, or set again as UNIQUE, is -26074 ("Unable to set
// savepoint %s", sql_en_US.properties).
func (s *Session) SetSavepoint(name string, unique bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.needTx(); err != nil {
		return err
	}
	name = strings.ToLower(name)
	for _, sp := range s.tx.savepoints {
		if sp.name == name && (sp.unique || unique) {
			return ifxErr(-26074, name)
		}
	}
	s.tx.savepoints = append(s.tx.savepoints, savepoint{name: name, mark: len(s.tx.undo), unique: unique})
	return nil
}

// needTx opens the implicit transaction of an ANSI database and checks
// that a transaction is open otherwise.
func (s *Session) needTx() error {
	switch {
	case s.db == nil:
		return ifxErr(errNoCurrentDB, "")
	case !s.isLogged():
		return ifxErr(errNoTx, "")
	case s.tx == nil && s.db.logging == ANSI:
		s.tx = &txn{work: true}
	case s.tx == nil:
		return ifxErr(errNotInTx, "")
	}
	return nil
}

// findSavepoint returns the index of the latest savepoint called name (the
// latest of all for ""), or -1.
func (s *Session) findSavepoint(name string) int {
	name = strings.ToLower(name)
	for i := len(s.tx.savepoints) - 1; i >= 0; i-- {
		if name == "" || s.tx.savepoints[i].name == name {
			return i
		}
	}
	return -1
}

// ReleaseSavepoint releases a savepoint and every later one; an unknown
// name is -26075 ("Unable to release savepoint %s").
func (s *Session) ReleaseSavepoint(name string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.needTx(); err != nil {
		return err
	}
	i := s.findSavepoint(name)
	if i < 0 || name == "" {
		return ifxErr(-26075, strings.ToLower(name))
	}
	s.tx.savepoints = s.tx.savepoints[:i]
	return nil
}

// RollbackToSavepoint undoes the work done since a savepoint (the latest
// one when name is empty), which stays set; later savepoints go. An
// unknown name is -26076 ("Unable to rollback to savepoint %s").
func (s *Session) RollbackToSavepoint(name string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.needTx(); err != nil {
		return err
	}
	i := s.findSavepoint(name)
	if i < 0 {
		return ifxErr(-26076, strings.ToLower(name))
	}
	s.db.mu.Lock()
	defer s.db.mu.Unlock()
	err := s.undoTo(s.tx.savepoints[i].mark)
	s.tx.savepoints = s.tx.savepoints[:i+1]
	return err
}

// runStatement runs fn, a statement that may change data, atomically: a
// SQLite savepoint around it reverts its changes if it fails, along with
// the catalog changes it logged. On success its undo log joins the open
// transaction (one is opened in an ANSI database), or is dropped when no
// transaction is open: a statement outside a transaction commits on its
// own. The caller holds db.mu.
func (s *Session) runStatement(fn func(log *stmtLog) error) error {
	db := s.db
	if _, err := db.exec("SAVEPOINT ifx_stmt"); err != nil {
		return internalError("savepoint", err)
	}
	log := &stmtLog{}
	if err := fn(log); err != nil {
		if _, rerr := db.exec("ROLLBACK TO ifx_stmt"); rerr != nil {
			return internalError("rollback statement", rerr)
		}
		db.exec("RELEASE ifx_stmt")
		for i := len(log.undo) - 1; i >= 0; i-- {
			if !log.undo[i].sqlOnly {
				log.undo[i].fn()
			}
		}
		db.flushStmts()
		return err
	}
	if _, err := db.exec("RELEASE ifx_stmt"); err != nil {
		return internalError("release savepoint", err)
	}
	s.keepStatement(log)
	return nil
}

// keepStatement adds a successful statement's log to the transaction, or
// finishes it at once outside one.
func (s *Session) keepStatement(log *stmtLog) {
	if s.tx == nil && s.db.logging == ANSI {
		s.tx = &txn{active: true}
	}
	if s.tx == nil {
		for _, fn := range log.onCommit {
			fn()
		}
		return
	}
	s.tx.work = true
	for i := range log.undo {
		s.db.undoSeq++
		log.undo[i].seq = s.db.undoSeq
	}
	s.tx.undo = append(s.tx.undo, log.undo...)
	s.db.txns[s.id] = s.tx
	s.tx.onCommit = append(s.tx.onCommit, log.onCommit...)
	byTab := map[int64][]int64{}
	for _, k := range log.locks {
		byTab[k.tabid] = append(byTab[k.tabid], k.rowid)
	}
	for tabid, rows := range byTab {
		s.db.locks.lock(s.id, tabid, rows)
	}
}

// inTxLocked reports whether the current statement's changes will be kept
// in a transaction: inside BEGIN WORK, or in an ANSI database.
func (s *Session) inTxLocked() bool {
	return s.tx != nil || s.db.logging == ANSI
}
