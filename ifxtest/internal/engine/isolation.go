package engine

import (
	"context"
	"strings"
	"time"
)

// Readers and isolation. Every session runs on the database's one SQLite
// connection, so SQLite alone would let every query see the uncommitted
// changes of other sessions (DIRTY READ). A query therefore first looks at
// the row locks of the other sessions (locks.go), as Informix does at each
// level (IBM Guide to SQL: Syntax, SET ISOLATION; IBM Performance Guide,
// "Isolation level"):
//
//   - DIRTY READ reads whatever is there and never waits.
//   - COMMITTED READ and CURSOR STABILITY do not read a row another session
//     holds exclusively: in lock mode NOT WAIT the query fails at once with
//     -244 and ISAM -107, in mode WAIT [n] it waits for the lock like a
//     writer (writeRows) and fails with -244 and ISAM -154 when the wait
//     ends, or at once with -244 and ISAM -143 when waiting would close a
//     deadlock (waitfor.go). These are the codes of a locked row met by a physical-order
//     read (sql_en_US.properties -244 "Could not do a physical-order read
//     to fetch next row", isam_en_US.properties -107 "record is locked",
//     -154 "Lock Timeout Expired"; SQLI.md §7.7 [W: S3], §8.2), the same
//     writers return.
//   - COMMITTED READ LAST COMMITTED never waits: the rows other sessions
//     hold are read as they were last committed (lastCommittedRows).
//   - REPEATABLE READ reads as COMMITTED READ and, inside a transaction,
//     share-locks the rows it read until the transaction ends, so that
//     other sessions cannot update or delete them.
//
// Open question (inference): Informix tests a row's lock when a fetch
// reaches the row; ifxtest tests every row of the result when the cursor
// opens, so a lock taken between OPEN and a FETCH is not seen, and a
// query fails before returning any row rather than after some.
//
// Open question (inference): which rows a query "reads" depends on
// Informix's access path, which ifxtest does not model. ifxtest takes the
// rows of each table of the query's own SELECT (UNION branches included)
// that pass its joins and WHERE clause, as an index on the filter would
// give; FIRST n and HAVING do not narrow them. For the tables of a
// subquery or a derived table it takes the conservative answer of a
// sequential scan: every row of the table, so that any row another
// session holds there conflicts and REPEATABLE READ share-locks them all.
// IBM's Performance Guide ("Repeatable Read isolation") has the server
// lock every row it examines, not only the rows it returns; without an
// index that is every row of the table, which ifxtest does not lock for
// the query's own tables.
//
// The same checks cover what INSERT … SELECT (and subqueries in VALUES),
// SELECT … INTO TEMP and the subqueries of UPDATE and DELETE read. An
// UPDATE or DELETE cannot run inside LAST COMMITTED's snapshot, so its
// subqueries read at LAST COMMITTED as at COMMITTED READ [I].
//
// Open question (inference): CURSOR STABILITY's share lock on the current
// row of a cursor is not modelled; it reads as COMMITTED READ.

// readSet is what a query reads, gathered while it compiles.
type readSet struct {
	cores  []readCore // the query's own SELECT cores, checked row by row
	nested []*table   // tables read by subqueries and derived tables, checked whole
	tables []*table   // every table read, each once
}

// readCore is one SELECT … FROM … WHERE at the top of a query: probe
// selects, for every combination of rows that passes its joins and WHERE
// clause, the rowid of each of tabs (NULL for the missing side of an outer
// join). It takes the query's parameters.
type readCore struct {
	probe string
	tabs  []*table
}

// addTable records a table the query reads; nested marks one read by a
// subquery or derived table.
func (rs *readSet) addTable(t *table, nested bool) {
	if nested && !hasTable(rs.nested, t) {
		rs.nested = append(rs.nested, t)
	}
	if !hasTable(rs.tables, t) {
		rs.tables = append(rs.tables, t)
	}
}

func hasTable(list []*table, t *table) bool {
	for _, x := range list {
		if x == t {
			return true
		}
	}
	return false
}

// addCore records one of the query's own SELECT cores, whose FROM and
// WHERE clauses are compiled and whose tables are sc's table sources.
func (rs *readSet) addCore(sc *scope, from, where string) {
	var cols []string
	var tabs []*table
	for _, src := range sc.sources {
		if src.table != nil {
			cols = append(cols, src.alias+".rowid")
			tabs = append(tabs, src.table)
		}
	}
	if len(tabs) == 0 {
		return
	}
	probe := "SELECT " + strings.Join(cols, ", ") + from
	if where != "" {
		probe += " WHERE " + where
	}
	rs.cores = append(rs.cores, readCore{probe: probe, tabs: tabs})
}

// readMode is how a query treats the rows other sessions hold.
type readMode int

const (
	readDirty         readMode = iota // DIRTY READ
	readCommitted                     // COMMITTED READ, CURSOR STABILITY
	readLastCommitted                 // COMMITTED READ LAST COMMITTED
	readRepeatable                    // REPEATABLE READ
)

// readMode returns the session's read mode: the isolation SET TRANSACTION
// set for the open transaction, else the one SET ISOLATION set (or the
// database's default).
func (s *Session) readMode() readMode {
	level, last := s.isolation, s.lastCommitted
	if s.tx != nil && s.tx.isolation != "" {
		level, last = s.tx.isolation, false
	}
	switch level {
	case "DIRTY READ":
		return readDirty
	case "REPEATABLE READ":
		return readRepeatable
	}
	if last {
		return readLastCommitted
	}
	return readCommitted
}

// awaitRead waits until a query that reads rs with arguments vals may run
// under the session's isolation, and returns holding db.mu when it may
// (err nil); snapshot then tells the caller to read through
// lastCommittedRows. A REPEATABLE READ query in a transaction has taken
// its share locks by then. A cancelled ctx ends a wait with -213/-157, a
// deadlock fails it at once with -244/-143 (awaitLocks).
func (s *Session) awaitRead(ctx context.Context, rs *readSet, vals []any) (snapshot bool, err error) {
	deadline := s.lockDeadline()
	db := s.db
	for {
		db.mu.Lock()
		snapshot, blocked, err := s.checkReads(rs, vals, true)
		if err != nil {
			db.mu.Unlock()
			return false, err
		}
		if blocked == nil {
			return snapshot, nil
		}
		if err := s.awaitLocks(ctx, blocked, deadline); err != nil {
			return false, err
		}
	}
}

// checkReads checks the rows rs reads with vals against the other
// sessions' locks, once: blocked holds the sessions that hold one of the
// rows exclusively, which the caller waits for (nil when none does);
// without them, a REPEATABLE READ transaction has share-locked the rows.
// snapshot reports that LAST COMMITTED must read the committed images
// (only when snapshotOK; else LAST COMMITTED checks as COMMITTED READ: an
// UPDATE or DELETE cannot run inside the snapshot's savepoint, which is
// rolled back [I]). The caller holds db.mu.
func (s *Session) checkReads(rs *readSet, vals []any, snapshotOK bool) (snapshot bool, blocked sessionSet, err error) {
	mode := s.readMode()
	switch {
	case mode == readDirty:
		return false, nil, nil
	case mode == readLastCommitted && snapshotOK:
		return len(s.tablesOthersLock(rs)) > 0, nil, nil
	}
	rows, blocked, err := s.probeReads(rs, vals, mode == readRepeatable && s.inTxLocked())
	if err != nil || blocked != nil {
		return false, blocked, err
	}
	for tabid, ids := range rows {
		s.db.locks.share.add(s.id, tabid, ids)
	}
	return false, nil, nil
}

// lockDeadline is when a wait for a lock that starts now ends in lock
// mode WAIT n (zero in the other modes).
func (s *Session) lockDeadline() time.Time {
	if s.lockWait > 0 {
		return time.Now().Add(time.Duration(s.lockWait) * time.Second)
	}
	return time.Time{}
}

// tablesOthersLock returns the tabids of the tables of rs in which
// another session holds exclusive locks. The caller holds db.mu.
func (s *Session) tablesOthersLock(rs *readSet) map[int64]bool {
	var held map[int64]bool
	for _, t := range rs.tables {
		if s.db.locks.excl.othersHold(s.id, t.tabid) {
			if held == nil {
				held = map[int64]bool{}
			}
			held[t.tabid] = true
		}
	}
	return held
}

// probeReads finds the rows rs reads with vals and returns the sessions
// other than s that hold one of them exclusively (nil when none does).
// With keep and no such session it returns the rows, by tabid, for share
// locks; without keep, it runs no query when no other session holds a
// lock in the tables read, the common case. The caller holds db.mu.
func (s *Session) probeReads(rs *readSet, vals []any, keep bool) (map[int64][]int64, sessionSet, error) {
	held := s.tablesOthersLock(rs)
	if held == nil && !keep {
		return nil, nil, nil
	}
	var rows map[int64][]int64
	if keep {
		rows = map[int64][]int64{}
	}
	var blocked sessionSet
	for _, t := range rs.nested {
		if held[t.tabid] {
			s.db.locks.excl.tableHolders(s.id, t.tabid, &blocked)
			continue
		}
		if keep {
			ids, err := s.db.queryAll(s, "SELECT rowid FROM "+t.sqlName, nil, t)
			if err != nil {
				return nil, nil, err
			}
			rows[t.tabid] = append(rows[t.tabid], firstColumn(ids)...)
		}
	}
	for _, core := range rs.cores {
		if err := s.probeCore(core, vals, held, rows, &blocked); err != nil {
			return nil, nil, err
		}
	}
	if blocked != nil {
		return nil, blocked, nil
	}
	return rows, nil, nil
}

// probeCore runs one core's probe when it must: it adds to blocked the
// other sessions that hold a row it returns exclusively (held names the
// tables where that can be), and adds the rows to keep when keep is not
// nil.
func (s *Session) probeCore(core readCore, vals []any, held map[int64]bool, keep map[int64][]int64,
	blocked *sessionSet) error {
	need := keep != nil
	for _, t := range core.tabs {
		need = need || held[t.tabid]
	}
	if !need {
		return nil
	}
	found, err := s.db.queryAll(s, core.probe, vals, nil)
	if err != nil {
		return err
	}
	for _, row := range found {
		for i, t := range core.tabs {
			id, ok := row[i].(int64)
			if !ok {
				continue
			}
			if held[t.tabid] {
				s.db.locks.excl.holders(s.id, lockKey{t.tabid, id}, blocked)
			}
			if keep != nil {
				keep[t.tabid] = append(keep[t.tabid], id)
			}
		}
	}
	return nil
}
