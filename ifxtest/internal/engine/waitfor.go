package engine

import (
	"context"
	"time"
)

// Waiting for locks, and deadlock detection. A statement that meets a row
// another session holds (locks.go, isolation.go) fails at once in lock
// mode NOT WAIT, and otherwise waits for the holders to end their
// transactions. Before it waits, the server looks for a deadlock: if one
// of the sessions it would wait for waits itself, directly or through
// others, for this session, waiting would close a cycle in which no
// session could go on. The statement then fails at once, whatever the
// lock mode's time, with the SQLCODE its lock conflict gives in NOT WAIT
// mode and ISAM -143 ("deadlock detected"). Evidence:
//
//   - IBM Guide to SQL: Tutorial, "Handle a deadlock" (HCL Informix 14.10,
//     ids_sqt_406): within one server deadlocks are detected immediately;
//     the second program to request a lock gets -143, and the SQLCODE is
//     the one it receives in NOT WAIT mode. ifxtest's lock conflicts all
//     give -244 (isolation.go, exec_dml.go writeRows), so a deadlock is
//     -244 with ISAM -143.
//   - IBM Performance Guide, "Monitoring deadlocks" (ids_prf_437): before
//     a lock is granted, the server walks the lock wait list of each
//     holder to see whether it waits for locks the requester holds; if
//     so, the requester gets the deadlock error. DEADLOCK_TIMEOUT applies
//     only to distributed transactions, which ifxtest has none of.
//   - IBM Guide to SQL: Syntax, SET LOCK MODE: before suspending a process
//     the server checks whether that could create a deadlock, and if so
//     ends the operation, overruling the instruction to wait.
//   - IBM's error catalogue, -143: treat it as -107 (record is locked),
//     roll back the current transaction and run it again later. ifxtest
//     therefore fails the statement only and leaves the transaction open,
//     as for any failed statement (SQLI.md §7.5) [I: that the server does
//     not roll back itself is inferred from that advice].
//
// The wait-for relation (lockTable.waits) maps a waiting session to the
// sessions holding the locks its statement needs: all of them, since the
// statement goes on only once none of them keeps it off its rows. It is
// guarded by the database lock, like the lock table. Invariants: a session
// has an entry only while it waits inside awaitLocks, which removes the
// entry however the wait ends (a release, the lock mode's time, an
// interrupt); a session that releases its locks (releaseAll) disappears
// from every entry, since no one waits for it any more. A session is
// closed only between its calls (Session.mu), so closing it never leaves
// an entry behind. Every entry is checked for a cycle when it is made, so
// the relation never holds one.
//
// Open question (inference): the victim is the session whose wait would
// close the cycle, as IBM describes; which of two sessions that meet at
// the same moment that is depends on which reaches the lock table first.

// sessionSet is a set of session ids; the nil set is empty.
type sessionSet map[int64]bool

// add puts id in the set, making the set when it is nil.
func (ss *sessionSet) add(id int64) {
	if *ss == nil {
		*ss = sessionSet{}
	}
	(*ss)[id] = true
}

// startWait records that sess waits for the sessions of on, unless one of
// them waits, directly or through others, for sess: then it records
// nothing and reports false (a deadlock).
func (lt *lockTable) startWait(sess int64, on sessionSet) bool {
	if lt.waitsFor(on, sess) {
		return false
	}
	lt.waits[sess] = on
	return true
}

// endWait removes the entry of sess, whose wait has ended.
func (lt *lockTable) endWait(sess int64) { delete(lt.waits, sess) }

// forgetHolder removes sess, which has released its locks, from the
// entries of the sessions waiting for it.
func (lt *lockTable) forgetHolder(sess int64) {
	for id, on := range lt.waits {
		delete(on, sess)
		if len(on) == 0 {
			delete(lt.waits, id)
		}
	}
}

// waitsFor reports whether one of the sessions of from is target or waits,
// directly or through the sessions it waits for, for target.
func (lt *lockTable) waitsFor(from sessionSet, target int64) bool {
	seen := map[int64]bool{}
	stack := make([]int64, 0, len(from))
	for id := range from {
		stack = append(stack, id)
	}
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if id == target {
			return true
		}
		if seen[id] {
			continue
		}
		seen[id] = true
		for next := range lt.waits[id] {
			stack = append(stack, next)
		}
	}
	return false
}

// awaitLocks waits, as the session's lock mode says, until the sessions
// of on may have released the locks the statement needs; the caller then
// looks at the locks again. The caller holds db.mu, which awaitLocks
// releases. It fails at once with -244 and ISAM -107 in mode NOT WAIT,
// -154 when the wait of mode WAIT n has run out, -143 when waiting would
// close a deadlock, and -213/-157 when ctx is cancelled during the wait.
func (s *Session) awaitLocks(ctx context.Context, on sessionSet, deadline time.Time) error {
	db := s.db
	err := s.mayWait(on, deadline)
	wake := db.locks.release
	db.mu.Unlock()
	if err != nil {
		return err
	}
	err = s.waitForLock(ctx, wake, deadline)
	db.mu.Lock()
	db.locks.endWait(s.id)
	db.mu.Unlock()
	return err
}

// mayWait reports why the session may not wait for the sessions of on, or
// records its wait. The caller holds db.mu.
func (s *Session) mayWait(on sessionSet, deadline time.Time) error {
	switch {
	case s.lockWait == 0:
		return ifxErrISAM(errLockedRead, isamLocked, "")
	case s.lockWait > 0 && !time.Now().Before(deadline):
		return ifxErrISAM(errLockedRead, isamLockTimeout, "")
	case !s.db.locks.startWait(s.id, on):
		return ifxErrISAM(errLockedRead, isamDeadlock, "")
	}
	return nil
}

// waitForLock waits for a lock release (wake closed), until the deadline
// in mode WAIT n, or until ctx is cancelled.
func (s *Session) waitForLock(ctx context.Context, wake <-chan struct{}, deadline time.Time) error {
	var timeout <-chan time.Time
	if s.lockWait > 0 {
		timer := time.NewTimer(time.Until(deadline))
		defer timer.Stop()
		timeout = timer.C
	}
	select {
	case <-wake:
		return nil
	case <-timeout:
		return ifxErrISAM(errLockedRead, isamLockTimeout, "")
	case <-ctx.Done():
		return errInterrupt()
	}
}
