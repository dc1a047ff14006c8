package engine

import (
	"context"
	"fmt"
	"testing"
	"time"
)

func count(t testing.TB, s *Session, table string) int64 {
	t.Helper()
	v := one(t, s, "select count(*) from "+table)
	n, err := v.(interface{ Int64() (int64, error) }).Int64()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestNoLoggingTransactions: a database without logging has no
// transactions (SQLI.md §7.5): BEGIN WORK is -256, and so are COMMIT and
// ROLLBACK; SQ_BEGIN is refused with -201 as informix-driver reports.
func TestNoLoggingTransactions(t *testing.T) {
	s := newSession(t, newEngine(t, NoLogging, ""))
	_, err := tryExec(s, "begin work")
	wantError(t, "BEGIN WORK", err, Error{SQLCode: -256})
	wantError(t, "SQ_BEGIN", s.Begin(), Error{SQLCode: -201})
	wantError(t, "COMMIT", s.Commit(), Error{SQLCode: -256})
	wantError(t, "ROLLBACK", s.Rollback(), Error{SQLCode: -256})
	exec(t, s, "create table t (a int unique)")
	exec(t, s, "insert into t values (1)")
	_, err = tryExec(s, "insert into t values (1)")
	wantError(t, "duplicate without logging", err, Error{SQLCode: -239, ISAMCode: -100, Message: "*"})
	if s.InTransaction() {
		t.Error("InTransaction in a database without logging")
	}
}

// TestLoggedTransactions: outside BEGIN WORK each statement commits on its
// own; BEGIN WORK … ROLLBACK undoes rows and DDL; a failed statement
// undoes only itself.
func TestLoggedTransactions(t *testing.T) {
	s := loggedSession(t)
	wantError(t, "COMMIT outside", s.Commit(), Error{SQLCode: -255})
	wantError(t, "ROLLBACK outside", s.Rollback(), Error{SQLCode: -255})
	exec(t, s, "create table t (a int primary key, b varchar(10))")
	exec(t, s, "insert into t values (1, 'one')")
	exec(t, s, "begin work")
	if !s.InTransaction() {
		t.Fatal("not in a transaction after BEGIN WORK")
	}
	_, err := tryExec(s, "begin work")
	wantError(t, "second BEGIN", err, Error{SQLCode: -535})
	exec(t, s, "insert into t values (2, 'two')")
	exec(t, s, "update t set b = 'uno' where a = 1")
	exec(t, s, "delete from t where a = 1")
	exec(t, s, "create table u (x int)")
	exec(t, s, "insert into u values (9)")
	exec(t, s, "drop table t")
	_, err = tryExec(s, "insert into u values ('x')")
	wantError(t, "failed statement", err, Error{SQLCode: -1213})
	if !s.InTransaction() {
		t.Fatal("a failed statement ended the transaction")
	}
	exec(t, s, "rollback work")
	if s.InTransaction() {
		t.Fatal("still in a transaction after ROLLBACK")
	}
	rows := queryRows(t, s, "select a, b from t order by a")
	if len(rows) != 1 || rows[0][0] != int64(1) || rows[0][1] != "one" {
		t.Errorf("after rollback t = %v, want [[1 one]]", rows)
	}
	if _, _, err := tryQuery(s, "select * from u"); err == nil {
		t.Error("a table created in a rolled-back transaction exists")
	}
	if n := one(t, s, "select count(*) from systables where tabname = 'u'"); !sameValue(n, dec(t, "0")) {
		t.Error("systables keeps the rolled-back table")
	}
}

// TestStatementUndo: a statement that fails in the middle of its rows
// leaves none of them, inside a transaction too.
func TestStatementUndo(t *testing.T) {
	s := loggedSession(t)
	exec(t, s, "create table src (a int)")
	exec(t, s, "create table dst (a int unique)")
	for _, v := range []string{"1", "2", "2", "3"} {
		exec(t, s, "insert into src values ("+v+")")
	}
	exec(t, s, "begin work")
	exec(t, s, "insert into dst values (10)")
	_, err := tryExec(s, "insert into dst select a from src")
	wantError(t, "duplicate in the middle", err, Error{SQLCode: -268, ISAMCode: -100, Message: "*"})
	if n := count(t, s, "dst"); n != 1 {
		t.Errorf("dst has %d rows after the failed insert, want 1", n)
	}
	exec(t, s, "commit work")
	if n := count(t, s, "dst"); n != 1 {
		t.Errorf("dst has %d rows after commit, want 1", n)
	}
}

func TestSavepoints(t *testing.T) {
	s := loggedSession(t)
	exec(t, s, "create table t (a int)")
	wantError(t, "savepoint outside", s.SetSavepoint("x", false), Error{SQLCode: -255})
	exec(t, s, "begin work")
	exec(t, s, "insert into t values (1)")
	exec(t, s, "savepoint s1")
	exec(t, s, "insert into t values (2)")
	exec(t, s, "savepoint s2 unique")
	exec(t, s, "insert into t values (3)")
	_, err := tryExec(s, "savepoint s2")
	wantError(t, "reuse a unique savepoint", err, Error{SQLCode: -26074, Message: "s2"})
	exec(t, s, "rollback to savepoint s2")
	if n := count(t, s, "t"); n != 2 {
		t.Errorf("after rollback to s2: %d rows, want 2", n)
	}
	exec(t, s, "insert into t values (4)")
	exec(t, s, "rollback work to savepoint s1")
	if n := count(t, s, "t"); n != 1 {
		t.Errorf("after rollback to s1: %d rows, want 1", n)
	}
	_, err = tryExec(s, "rollback to savepoint s2")
	wantError(t, "savepoint after the one rolled back to", err, Error{SQLCode: -26076, Message: "s2"})
	exec(t, s, "insert into t values (5)")
	exec(t, s, "release savepoint s1")
	_, err = tryExec(s, "release savepoint s1")
	wantError(t, "released twice", err, Error{SQLCode: -26075, Message: "s1"})
	exec(t, s, "commit work")
	rows := queryRows(t, s, "select a from t order by a")
	if !sameRows(rows, [][]any{{int64(1)}, {int64(5)}}) {
		t.Errorf("committed rows %v, want 1 and 5", rows)
	}
}

// TestANSITransactions: an ANSI database always has a transaction, which
// the first statement opens and COMMIT WORK or ROLLBACK WORK ends; COMMIT
// is never -255 there (SQLI.md §7.5).
func TestANSITransactions(t *testing.T) {
	s := newSession(t, newEngine(t, ANSI, ""))
	if err := s.Commit(); err != nil {
		t.Errorf("COMMIT with nothing done: %v", err)
	}
	exec(t, s, "create table t (a int)")
	if !s.InTransaction() {
		t.Error("no implicit transaction after a statement")
	}
	exec(t, s, "commit work")
	exec(t, s, "insert into t values (1)")
	_, err := tryExec(s, "begin work")
	wantError(t, "BEGIN inside the implicit transaction", err, Error{SQLCode: -535})
	exec(t, s, "rollback work")
	if n := count(t, s, "t"); n != 0 {
		t.Errorf("rolled-back insert left %d rows", n)
	}
	exec(t, s, "rollback work")
	exec(t, s, "insert into t values (2)")
	exec(t, s, "commit work")
	if n := count(t, s, "t"); n != 1 {
		t.Errorf("%d rows after commit, want 1", n)
	}
	exec(t, s, "create table c (x char(3))")
	_, err = tryExec(s, "insert into c values ('abcd')")
	wantError(t, "string too long in ANSI mode", err, Error{SQLCode: -1279})
}

// TestCloseRollsBack: closing a session rolls back its transaction.
func TestCloseRollsBack(t *testing.T) {
	e := newEngine(t, BufferedLogging, "")
	s1, s2 := newSession(t, e), newSession(t, e)
	exec(t, s1, "create table t (a int)")
	exec(t, s1, "begin work")
	exec(t, s1, "insert into t values (1)")
	s1.Close()
	if n := count(t, s2, "t"); n != 0 {
		t.Errorf("%d rows after the session closed, want 0", n)
	}
}

// TestLockNotWait: in lock mode NOT WAIT (the default) an update of a row
// another session has changed in its open transaction fails at once with
// -244 and ISAM -107 (record is locked).
func TestLockNotWait(t *testing.T) {
	e := newEngine(t, BufferedLogging, "")
	s1, s2 := newSession(t, e), newSession(t, e)
	exec(t, s1, "create table t (a int, b int)")
	exec(t, s1, "insert into t values (1, 0)")
	exec(t, s1, "insert into t values (2, 0)")
	exec(t, s1, "begin work")
	exec(t, s1, "update t set b = 1 where a = 1")
	start := time.Now()
	_, err := tryExec(s2, "update t set b = 2 where a = 1")
	wantError(t, "locked row", err, Error{SQLCode: -244, ISAMCode: -107})
	if d := time.Since(start); d > time.Second {
		t.Errorf("NOT WAIT took %v", d)
	}
	_, err = tryExec(s2, "delete from t where a = 1")
	wantError(t, "delete locked row", err, Error{SQLCode: -244, ISAMCode: -107})
	exec(t, s2, "update t set b = 2 where a = 2") // another row is free
	exec(t, s1, "commit work")
	exec(t, s2, "update t set b = 3 where a = 1")
}

// TestLockWait: in lock mode WAIT n a blocked update waits up to n
// seconds, then fails with -244 and ISAM -154 (SQLI.md §7.7 [W]); when the
// lock goes in time, the update goes through.
func TestLockWait(t *testing.T) {
	e := newEngine(t, BufferedLogging, "")
	s1, s2 := newSession(t, e), newSession(t, e)
	exec(t, s1, "create table t (a int, b int)")
	exec(t, s1, "insert into t values (1, 0)")
	exec(t, s1, "begin work")
	exec(t, s1, "update t set b = 1 where a = 1")
	exec(t, s2, "set lock mode to wait 1")
	start := time.Now()
	_, err := tryExec(s2, "update t set b = 2 where a = 1")
	wantError(t, "lock timeout", err, Error{SQLCode: -244, ISAMCode: -154})
	if d := time.Since(start); d < 900*time.Millisecond || d > 3*time.Second {
		t.Errorf("WAIT 1 gave up after %v", d)
	}
	exec(t, s2, "set lock mode to wait")
	done := make(chan error, 1)
	go func() {
		_, err := tryExec(s2, "update t set b = 2 where a = 1")
		done <- err
	}()
	time.Sleep(100 * time.Millisecond)
	exec(t, s1, "commit work")
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("update after the lock went: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the waiting update did not finish after the commit")
	}
	if got := one(t, s1, "select b from t"); got != int64(2) {
		t.Errorf("b = %v, want 2", got)
	}
}

// TestInterruptSleep: cancelling the context of EXECUTE PROCEDURE
// ifxtest_sleep ends it promptly with -213 and ISAM -157, and the
// transaction stays open (SQLI.md §7.9).
func TestInterruptSleep(t *testing.T) {
	s := loggedSession(t)
	exec(t, s, "create table t (a int)")
	exec(t, s, "begin work")
	exec(t, s, "insert into t values (1)")
	st, err := s.Prepare("execute procedure ifxtest_sleep(10)")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	start := time.Now()
	_, err = s.Execute(ctx, st, []any{})
	wantError(t, "interrupted sleep", err, Error{SQLCode: -213, ISAMCode: -157})
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("interrupt took %v", d)
	}
	if !s.InTransaction() {
		t.Error("the interrupt ended the transaction")
	}
	if n := count(t, s, "t"); n != 1 {
		t.Errorf("%d rows after the interrupt, want 1", n)
	}
	exec(t, s, "execute procedure ifxtest_sleep(0.05)")
	_, err = tryExec(s, "execute procedure no_such(1)")
	wantError(t, "unknown routine", err, Error{SQLCode: -674, Message: "no_such"})
}

// TestInterruptLockWait: an interrupt also ends a wait for a lock.
func TestInterruptLockWait(t *testing.T) {
	e := newEngine(t, BufferedLogging, "")
	s1, s2 := newSession(t, e), newSession(t, e)
	exec(t, s1, "create table t (a int)")
	exec(t, s1, "insert into t values (1)")
	exec(t, s1, "begin work")
	exec(t, s1, "update t set a = 3")
	exec(t, s2, "set lock mode to wait")
	st, err := s2.Prepare("update t set a = 2")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err = s2.Execute(ctx, st, []any{})
	wantError(t, "interrupted lock wait", err, Error{SQLCode: -213, ISAMCode: -157})
}

// TestConcurrentSessions runs sessions side by side, writing a shared
// table in transactions and reading it through cursors: every committed
// row must be there at the end, and nothing may race.
func TestConcurrentSessions(t *testing.T) {
	e := newEngine(t, BufferedLogging, "")
	setup := newSession(t, e)
	exec(t, setup, "create table shared (who int, n int)")
	const sessions, rows = 8, 100
	errs := make(chan error, sessions)
	for w := 0; w < sessions; w++ {
		s := newSession(t, e)
		go func(w int) {
			errs <- func() error {
				if _, err := tryExec(s, fmt.Sprintf("create temp table mine%d (n int)", w)); err != nil {
					return err
				}
				for i := 0; i < rows; i++ {
					if _, err := tryExec(s, "begin work"); err != nil {
						return err
					}
					if _, err := tryExec(s, "insert into shared values (?, ?)", int64(w), int64(i)); err != nil {
						return err
					}
					if _, err := tryExec(s, "commit work"); err != nil {
						return err
					}
					if _, _, err := tryQuery(s, "select count(*) from shared where who = ?", int64(w)); err != nil {
						return err
					}
				}
				return nil
			}()
		}(w)
	}
	for w := 0; w < sessions; w++ {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if n := count(t, setup, "shared"); n != sessions*rows {
		t.Errorf("%d rows, want %d", n, sessions*rows)
	}
}
