package engine

import (
	"sort"
)

// lastCommittedSavepoint is the SQLite savepoint a LAST COMMITTED read
// runs inside; its name differs from runStatement's, which may enclose it
// (INSERT … SELECT).
const lastCommittedSavepoint = "ifx_last_committed"

// lastCommittedRows runs query to its end as COMMITTED READ LAST
// COMMITTED reads it: rows other sessions hold exclusively in the tables
// of rs are read as they were last committed, so that a row another
// session inserted is absent, one it deleted is present, and one it
// updated has its old values (IBM Guide to SQL: Syntax, SET ISOLATION,
// "Using the LAST COMMITTED option": the server returns the most recently
// committed version of the rows, without waiting for the locks).
//
// Every session shares one SQLite connection, where the other sessions'
// uncommitted changes are already written; their undo logs hold the
// committed images (txn.go). Inside a SQLite savepoint the undo records of
// the other sessions for those tables are replayed, newest first, the
// query runs to its end, and the savepoint is rolled back, which puts the
// uncommitted changes back. Only rows the query returns are kept, as
// stored values, so the caller's cursor serves them from memory. The
// caller holds db.mu; t, when known, is the table written with the rows
// (for error messages).
func (s *Session) lastCommittedRows(query string, vals []any, rs *readSet, t *table) ([][]any, error) {
	db := s.db
	recs := s.othersUndo(s.tablesOthersLock(rs))
	if len(recs) == 0 {
		return db.queryAll(s, query, vals, t)
	}
	if _, err := db.exec("SAVEPOINT " + lastCommittedSavepoint); err != nil {
		return nil, internalError("savepoint for LAST COMMITTED", err)
	}
	rows, err := s.readUndone(recs, query, vals, t)
	if _, rerr := db.exec("ROLLBACK TO " + lastCommittedSavepoint); rerr != nil {
		return nil, internalError("roll back LAST COMMITTED images", rerr)
	}
	if _, rerr := db.exec("RELEASE " + lastCommittedSavepoint); rerr != nil {
		return nil, internalError("release LAST COMMITTED savepoint", rerr)
	}
	return rows, err
}

// readUndone replays recs, then runs query to its end.
func (s *Session) readUndone(recs []undoRec, query string, vals []any, t *table) ([][]any, error) {
	for _, r := range recs {
		if err := r.fn(); err != nil {
			return nil, internalError("replay undo for LAST COMMITTED", err)
		}
	}
	return s.db.queryAll(s, query, vals, t)
}

// othersUndo returns the row undo records that other sessions' open
// transactions hold for the tables in tabs, newest first: the order that
// takes the rows back to their last committed images. The caller holds
// db.mu.
func (s *Session) othersUndo(tabs map[int64]bool) []undoRec {
	if len(tabs) == 0 {
		return nil
	}
	var recs []undoRec
	for id, tx := range s.db.txns {
		if id == s.id {
			continue
		}
		for _, r := range tx.undo {
			if r.tabid != 0 && tabs[r.tabid] {
				recs = append(recs, r)
			}
		}
	}
	sort.Slice(recs, func(i, j int) bool { return recs[i].seq > recs[j].seq })
	return recs
}
