package engine

import (
	"context"
	"testing"
	"time"
)

// lockedRows returns a holder and a reader session on a fresh logged
// database with t (a, b) = (1, 'old'), (2, 'old'), (3, 'old') and u (a, c)
// = (1, 10), (2, 20), where the holder, in an open transaction, has
// updated row 1 of t to 'new', deleted row 3 and inserted (4, 'ins'); it
// holds those rows' locks until it ends. The reader runs the statements
// given first (SET ISOLATION, BEGIN WORK, …).
func lockedRows(t *testing.T, reader ...string) (holder, s *Session) {
	t.Helper()
	e := newEngine(t, BufferedLogging, "")
	holder, s = newSession(t, e), newSession(t, e)
	exec(t, holder, "create table t (a int, b char(3))")
	exec(t, holder, "create table u (a int, c int)")
	for _, sql := range []string{
		"insert into t values (1, 'old')", "insert into t values (2, 'old')", "insert into t values (3, 'old')",
		"insert into u values (1, 10)", "insert into u values (2, 20)",
		"begin work", "update t set b = 'new' where a = 1", "delete from t where a = 3",
		"insert into t values (4, 'ins')",
	} {
		exec(t, holder, sql)
	}
	for _, sql := range reader {
		exec(t, s, sql)
	}
	return holder, s
}

// TestReadLockedRows reads the holder's locked rows at each level that
// does not read uncommitted data: COMMITTED READ and CURSOR STABILITY,
// REPEATABLE READ, and the ANSI spellings of SET TRANSACTION. In lock mode
// NOT WAIT a query that would return a locked row fails at once with -244
// and ISAM -107 (as writers do: SQLI.md §8.2); rows nobody locked read
// normally, whatever the holder has locked elsewhere in the table.
func TestReadLockedRows(t *testing.T) {
	levels := [][]string{
		{"set isolation to committed read"},
		{"set isolation to cursor stability"},
		{"set isolation to repeatable read"},
		{"begin work", "set transaction isolation level read committed"},
		{"begin work", "set transaction isolation level serializable"},
		{"begin work", "set transaction isolation level repeatable read"},
	}
	locked := []string{
		"select b from t where a = 1",                       // updated by the holder
		"select b from t where a = 4",                       // inserted by the holder
		"select a from t",                                   // every row, the locked ones too
		"select count(*) from t where a >= 1",               // an aggregate over locked rows
		"select max(c) from t, u where t.a = u.a",           // row 1 of t joins row 1 of u
		"select u.c from u left join t on t.a = u.a",        // row 1 of t joins row 1 of u
		"select c from u where a in (select a from t)",      // a subquery over t: the whole of t [I]
		"select a from u where exists (select 1 from t)",    // a subquery over t [I]
		"select x.a from (select a from t where a = 2) x",   // a derived table over t [I]
		"select a from t where a = 2 union select 4 from t", // the second branch reads every row
	}
	free := []string{
		"select b from t where a = 2",
		"select count(*) from t where a = 2",
		"select c from u",
		"select t.b from t, u where t.a = u.a and u.c = 20",
		"select a from u where a = 2 union select a from t where a = 2",
	}
	for _, level := range levels {
		t.Run(level[len(level)-1], func(t *testing.T) {
			_, s := lockedRows(t, level...)
			for _, q := range locked {
				_, _, err := tryQuery(s, q)
				wantError(t, q, err, Error{SQLCode: -244, ISAMCode: -107})
			}
			for _, q := range free {
				if _, _, err := tryQuery(s, q); err != nil {
					t.Errorf("%s: %v, want the unlocked rows", q, err)
				}
			}
			if got := one(t, s, "select b from t where a = 2"); got != "old" {
				t.Errorf("row 2 = %v, want old", got)
			}
		})
	}
}

// TestReadWaitsForLock: in lock mode WAIT n a reader waits up to n
// seconds for a locked row, then fails with -244 and ISAM -154 as a
// writer does (SQLI.md §7.7 [W]); when the holder ends its transaction in
// time the read goes through and sees what was committed; an interrupt
// ends the wait with -213/-157.
func TestReadWaitsForLock(t *testing.T) {
	holder, s := lockedRows(t, "set lock mode to wait 1")
	start := time.Now()
	_, _, err := tryQuery(s, "select b from t where a = 1")
	wantError(t, "read after WAIT 1", err, Error{SQLCode: -244, ISAMCode: -154})
	if d := time.Since(start); d < 900*time.Millisecond || d > 3*time.Second {
		t.Errorf("WAIT 1 gave up after %v", d)
	}

	st, err := s.Prepare("select b from t where a = 1")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err = s.Open(ctx, st, []any{})
	wantError(t, "interrupted wait", err, Error{SQLCode: -213, ISAMCode: -157})

	exec(t, s, "set lock mode to wait")
	for _, end := range []struct{ sql, want string }{{"commit work", "new"}, {"rollback work", "new"}} {
		if end.sql == "rollback work" {
			exec(t, holder, "begin work")
			exec(t, holder, "update t set b = 'tmp' where a = 1")
		}
		done := make(chan any, 1)
		go func() {
			rows, _, err := tryQuery(s, "select b from t where a = 1")
			if err != nil {
				done <- err
				return
			}
			done <- rows[0][0]
		}()
		time.Sleep(100 * time.Millisecond)
		exec(t, holder, end.sql)
		select {
		case got := <-done:
			// After COMMIT the row is 'new'; after the ROLLBACK of the
			// second transaction's 'tmp' it is 'new' again.
			if got != end.want {
				t.Errorf("read after %s: %v, want %s", end.sql, got, end.want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("the waiting read did not finish after %s", end.sql)
		}
	}
}

// TestDirtyRead: DIRTY READ (the default without logging, and settable)
// sees the holder's uncommitted changes and never waits.
func TestDirtyRead(t *testing.T) {
	for _, setup := range [][]string{
		{"set isolation to dirty read"},
		{"begin work", "set transaction isolation level read uncommitted"},
	} {
		_, s := lockedRows(t, append(setup, "set lock mode to wait")...)
		rows := queryRows(t, s, "select a, b from t order by a")
		want := [][]any{{int64(1), "new"}, {int64(2), "old"}, {int64(4), "ins"}}
		if !sameRows(rows, want) {
			t.Errorf("%v: rows %v, want %v", setup, rows, want)
		}
	}
}

// TestLastCommitted: COMMITTED READ LAST COMMITTED returns the rows other
// sessions hold as they were last committed, without waiting: the updated
// row has its old value, the inserted row is absent, the deleted row is
// present (IBM Guide to SQL: Syntax, SET ISOLATION, LAST COMMITTED). The
// holder's uncommitted changes are untouched, and the reader's own
// uncommitted changes are what it reads of its own rows.
func TestLastCommitted(t *testing.T) {
	holder, s := lockedRows(t, "set isolation to committed read last committed", "set lock mode to wait")
	exec(t, holder, "update t set b = 'nw2' where a = 1") // a second change to row 1
	want := [][]any{{int64(1), "old"}, {int64(2), "old"}, {int64(3), "old"}}
	if rows := queryRows(t, s, "select a, b from t order by a"); !sameRows(rows, want) {
		t.Errorf("LAST COMMITTED rows %v, want %v", rows, want)
	}
	if n := one(t, s, "select count(*) from t, u where t.a = u.a"); !sameValue(n, dec(t, "2")) {
		t.Errorf("joined count %v, want 2", n)
	}
	exec(t, s, "insert into u select a, 0 from t where a >= 3") // reads row 3, deleted by the holder
	exec(t, s, "select a, b from t into temp snap with no log")
	if rows := queryRows(t, s, "select a, b from snap order by a"); !sameRows(rows, want) {
		t.Errorf("SELECT INTO TEMP rows %v, want %v", rows, want)
	}
	holderWant := [][]any{{int64(1), "nw2"}, {int64(2), "old"}, {int64(4), "ins"}}
	if rows := queryRows(t, holder, "select a, b from t order by a"); !sameRows(rows, holderWant) {
		t.Errorf("the holder's rows after the LAST COMMITTED reads %v, want %v", rows, holderWant)
	}
	exec(t, s, "begin work")
	exec(t, s, "update u set c = 99 where a = 3")
	if rows := queryRows(t, s, "select a, c from u order by a"); !sameRows(rows, [][]any{{int64(1), int64(10)},
		{int64(2), int64(20)}, {int64(3), int64(99)}}) {
		t.Errorf("the reader's own uncommitted row: %v, want (3, 99)", rows)
	}
	exec(t, s, "commit work")
	exec(t, holder, "commit work")
	if rows := queryRows(t, s, "select a, b from t order by a"); !sameRows(rows, holderWant) {
		t.Errorf("rows after the holder's commit %v, want %v", rows, holderWant)
	}
}

// TestRepeatableReadShareLocks: rows a REPEATABLE READ transaction reads
// stay share-locked until it ends: another session's UPDATE or DELETE of
// them conflicts as with an exclusive lock (NOT WAIT: -244/-107; WAIT:
// until the reader commits), while COMMITTED READ readers and writers of
// other rows go on (IBM Guide to SQL: Syntax, SET TRANSACTION). Outside a
// transaction no share lock is kept.
func TestRepeatableReadShareLocks(t *testing.T) {
	e := newEngine(t, BufferedLogging, "")
	rr, w := newSession(t, e), newSession(t, e)
	exec(t, rr, "create table t (a int, b int)")
	for _, v := range []string{"1", "2", "3"} {
		exec(t, rr, "insert into t values ("+v+", 0)")
	}
	exec(t, rr, "set isolation to repeatable read")
	one(t, rr, "select count(*) from t where a = 1")
	exec(t, w, "update t set b = 1 where a = 1") // outside a transaction: nothing kept

	exec(t, rr, "begin work")
	one(t, rr, "select count(*) from t where a = 1")
	queryRows(t, rr, "select t.a from t where a in (select a from t where a = 2)") // subquery: all of t [I]
	exec(t, rr, "rollback work")

	exec(t, rr, "begin work")
	one(t, rr, "select b from t where a = 1")
	for _, sql := range []string{"update t set b = 2 where a = 1", "delete from t where a = 1", "update t set b = 2"} {
		_, err := tryExec(w, sql)
		wantError(t, sql, err, Error{SQLCode: -244, ISAMCode: -107})
	}
	exec(t, w, "update t set b = 2 where a = 2")
	if got := one(t, w, "select b from t where a = 1"); got != int64(1) {
		t.Errorf("COMMITTED READ of a share-locked row: %v, want 1", got)
	}
	exec(t, w, "set lock mode to wait")
	done := make(chan error, 1)
	go func() {
		_, err := tryExec(w, "update t set b = 3 where a = 1")
		done <- err
	}()
	time.Sleep(100 * time.Millisecond)
	select {
	case err := <-done:
		t.Fatalf("the writer did not wait for the share lock: %v", err)
	default:
	}
	exec(t, rr, "commit work")
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("update after the share lock went: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the waiting update did not finish after the commit")
	}
	if got := one(t, rr, "select b from t where a = 1"); got != int64(3) {
		t.Errorf("b = %v, want 3", got)
	}
}

// TestSubqueryShareLocks: a subquery's table is share-locked whole [I].
func TestSubqueryShareLocks(t *testing.T) {
	e := newEngine(t, BufferedLogging, "")
	rr, w := newSession(t, e), newSession(t, e)
	exec(t, rr, "create table t (a int)")
	exec(t, rr, "insert into t values (1)")
	exec(t, rr, "insert into t values (2)")
	exec(t, rr, "begin work")
	exec(t, rr, "set transaction isolation level serializable")
	one(t, rr, "select count(*) from systables where tabid in (select a from t where a = 1)")
	_, err := tryExec(w, "delete from t where a = 2")
	wantError(t, "delete of a row under a subquery's share lock", err, Error{SQLCode: -244, ISAMCode: -107})
	exec(t, rr, "commit work")
	exec(t, w, "delete from t where a = 2")
}

// TestReadOnlyTransaction: SET TRANSACTION READ ONLY makes the
// transaction refuse INSERT, UPDATE, DELETE and DDL with -878 ("Invalid
// operation for a READ-ONLY transaction", sql_en_US.properties) while it
// reads; COMMIT and ROLLBACK end it and the session writes again. SET
// TRANSACTION after a statement of the transaction is -876, SET ISOLATION
// after SET TRANSACTION's level -877; without logging SET TRANSACTION is
// -256 [I].
func TestReadOnlyTransaction(t *testing.T) {
	s := loggedSession(t)
	exec(t, s, "create table t (a int)")
	exec(t, s, "insert into t values (1)")
	for _, end := range []string{"commit work", "rollback work"} {
		exec(t, s, "begin work")
		exec(t, s, "set transaction read only")
		if n := count(t, s, "t"); n != 1 {
			t.Errorf("count %d in the read-only transaction, want 1", n)
		}
		for _, sql := range []string{
			"insert into t values (2)", "update t set a = 3", "delete from t", "truncate table t",
			"create table x (a int)", "create temp table x (a int)", "drop table t",
			"create index ix on t (a)", "select a from t into temp tt", "update statistics",
		} {
			_, err := tryExec(s, sql)
			wantError(t, sql, err, Error{SQLCode: -878})
		}
		_, err := tryExec(s, "set transaction read write")
		wantError(t, "SET TRANSACTION after a query", err, Error{SQLCode: -876})
		exec(t, s, end)
		exec(t, s, "insert into t values (2)")
		exec(t, s, "delete from t where a = 2")
	}

	exec(t, s, "begin work")
	exec(t, s, "set transaction isolation level read committed, read only")
	_, err := tryExec(s, "set isolation to dirty read")
	wantError(t, "SET ISOLATION after SET TRANSACTION", err, Error{SQLCode: -877})
	exec(t, s, "set transaction read write")
	exec(t, s, "insert into t values (5)")
	exec(t, s, "commit work")
	exec(t, s, "set isolation to dirty read")

	nolog := newSession(t, newEngine(t, NoLogging, ""))
	_, err = tryExec(nolog, "set transaction read only")
	wantError(t, "SET TRANSACTION without logging", err, Error{SQLCode: -256})
}

// TestReadOnlyANSI: in an ANSI database SET TRANSACTION READ ONLY applies
// to the implicit transaction until COMMIT WORK.
func TestReadOnlyANSI(t *testing.T) {
	s := newSession(t, newEngine(t, ANSI, ""))
	exec(t, s, "create table t (a int)")
	exec(t, s, "commit work")
	exec(t, s, "set transaction read only")
	_, err := tryExec(s, "insert into t values (1)")
	wantError(t, "insert in ANSI read-only transaction", err, Error{SQLCode: -878})
	exec(t, s, "commit work")
	exec(t, s, "insert into t values (1)")
	exec(t, s, "commit work")
	if n := count(t, s, "t"); n != 1 {
		t.Errorf("%d rows, want 1", n)
	}
}

// TestSetTransactionIsolation: the level SET TRANSACTION sets holds until
// the transaction ends; the session's SET ISOLATION level returns then.
func TestSetTransactionIsolation(t *testing.T) {
	holder, s := lockedRows(t, "set isolation to dirty read", "begin work",
		"set transaction isolation level read committed")
	_, _, err := tryQuery(s, "select b from t where a = 1")
	wantError(t, "READ COMMITTED by SET TRANSACTION", err, Error{SQLCode: -244, ISAMCode: -107})
	exec(t, s, "commit work")
	if got := one(t, s, "select b from t where a = 1"); got != "new" {
		t.Errorf("after the transaction: %v, want the DIRTY READ of new", got)
	}
	exec(t, holder, "rollback work")
}

// TestWriterSubqueryReads: the subqueries of UPDATE and DELETE read as a
// query does: at COMMITTED READ a subquery over a table where another
// session holds a row fails with -244/-107 (the whole table counts [I]),
// at DIRTY READ it reads the uncommitted rows; a correlated subquery
// works once the lock is gone.
func TestWriterSubqueryReads(t *testing.T) {
	holder, s := lockedRows(t)
	for _, sql := range []string{
		"update u set c = 0 where a in (select a from t where a = 2)",
		"update u set c = (select count(*) from t where t.a = u.a)",
		"delete from u where exists (select 1 from t where t.a = u.a and t.b = 'new')",
	} {
		_, err := tryExec(s, sql)
		wantError(t, sql, err, Error{SQLCode: -244, ISAMCode: -107})
	}
	exec(t, s, "set isolation to dirty read")
	// DIRTY READ sees row 1's 'new': u's row 1 goes.
	if res := exec(t, s, "delete from u where exists (select 1 from t where t.a = u.a and t.b = 'new')"); res.Rows != 1 {
		t.Errorf("DIRTY READ delete removed %d rows, want 1", res.Rows)
	}
	exec(t, holder, "commit work")
	exec(t, s, "set isolation to committed read")
	// t now holds 1, 2 and 4: u's row 2 counts one match.
	exec(t, s, "update u set c = (select count(*) from t where t.a = u.a)")
	if rows := queryRows(t, s, "select a, c from u"); !sameRows(rows, [][]any{{int64(2), int64(1)}}) {
		t.Errorf("u = %v, want [[2 1]]", rows)
	}
}
