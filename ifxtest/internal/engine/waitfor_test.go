package engine

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// deadlockErr is what a statement that would close a deadlock gets: the
// SQLCODE of its lock conflict in NOT WAIT mode (-244 for every lock
// conflict in ifxtest) and ISAM -143 (IBM Guide to SQL: Tutorial, "Handle
// a deadlock").
var deadlockErr = Error{SQLCode: -244, ISAMCode: -143}

// atOnce bounds how long a statement that fails on a deadlock may take: a
// small fraction of the lock mode's time (WAIT 10), or of forever.
const atOnce = time.Second

// lockRing returns n sessions on a fresh logged database holding
// t (a, b) = (1, 0) … (n, 0). Each session is in the lock mode mode, has
// begun a transaction and updated row i to b = i, so that session i
// (counting from 1) holds row i's lock.
func lockRing(t *testing.T, n int, mode string) []*Session {
	t.Helper()
	e := newEngine(t, BufferedLogging, "")
	ss := make([]*Session, n)
	for i := range ss {
		ss[i] = newSession(t, e)
	}
	exec(t, ss[0], "create table t (a int, b int)")
	for i, s := range ss {
		exec(t, s, fmt.Sprintf("insert into t values (%d, 0)", i+1))
	}
	for i, s := range ss {
		exec(t, s, mode)
		exec(t, s, "begin work")
		exec(t, s, fmt.Sprintf("update t set b = %d where a = %d", i+1, i+1))
	}
	return ss
}

// goExec runs sql on s in a goroutine; the statement's error arrives on
// the channel.
func goExec(s *Session, sql string) <-chan error {
	done := make(chan error, 1)
	go func() {
		_, err := tryExec(s, sql)
		done <- err
	}()
	return done
}

// waiting reports whether s waits for a lock: it has an entry in the
// wait-for relation.
func waiting(s *Session) bool {
	s.db.mu.Lock()
	defer s.db.mu.Unlock()
	return s.db.locks.waits[s.id] != nil
}

// awaitWaiting returns once s waits for a lock, and fails the test when it
// does not within five seconds.
func awaitWaiting(t *testing.T, s *Session, what string) {
	t.Helper()
	for start := time.Now(); !waiting(s); time.Sleep(5 * time.Millisecond) {
		if time.Since(start) > 5*time.Second {
			t.Fatalf("%s does not wait for the lock", what)
		}
	}
}

// finished returns the error of the statement behind done, and fails the
// test when it has not finished within five seconds.
func finished(t *testing.T, done <-chan error, what string) error {
	t.Helper()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		t.Fatalf("%s did not finish", what)
		return nil
	}
}

// stillWaiting fails the test when the statement behind done has
// finished.
func stillWaiting(t *testing.T, done <-chan error, what string) {
	t.Helper()
	select {
	case err := <-done:
		t.Fatalf("%s stopped waiting: %v", what, err)
	default:
	}
}

// wantDeadlockAtOnce runs sql on s and requires it to fail on a deadlock
// within atOnce, leaving s's transaction open.
func wantDeadlockAtOnce(t *testing.T, s *Session, sql string) {
	t.Helper()
	st, err := s.Prepare(sql)
	if err != nil {
		t.Fatal(err)
	}
	// Without deadlock detection the statement would wait, without limit
	// in mode WAIT: the interrupt ends it so that the test fails instead.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	start := time.Now()
	if st.Cursor {
		_, err = s.Open(ctx, st, []any{})
	} else {
		_, err = s.Execute(ctx, st, []any{})
	}
	wantError(t, sql, err, deadlockErr)
	if d := time.Since(start); d > atOnce {
		t.Errorf("%s: the deadlock took %v to find, want at most %v", sql, d, atOnce)
	}
	if !s.InTransaction() {
		t.Errorf("%s: the deadlock ended the transaction; the application decides", sql)
	}
}

// TestDeadlockTwoSessions: sessions 1 and 2 hold rows 1 and 2; session 1
// waits for row 2, then session 2 asks for row 1. Waiting would close the
// cycle, so session 2's UPDATE fails at once with -244/-143 (IBM Guide to
// SQL: Tutorial, "Handle a deadlock": the second to request a lock gets
// the error), whether its lock mode waits 10 seconds or without limit. Its
// transaction stays open with its own change; once it rolls back, session
// 1's UPDATE goes through.
func TestDeadlockTwoSessions(t *testing.T) {
	for _, mode := range []string{"set lock mode to wait 10", "set lock mode to wait"} {
		t.Run(mode, func(t *testing.T) {
			ss := lockRing(t, 2, mode)
			first := goExec(ss[0], "update t set b = 1 where a = 2")
			awaitWaiting(t, ss[0], "session 1")
			wantDeadlockAtOnce(t, ss[1], "update t set b = 2 where a = 1")
			if got := one(t, ss[1], "select b from t where a = 2"); got != int64(2) {
				t.Errorf("session 2's own row after the deadlock: b = %v, want its 2", got)
			}
			stillWaiting(t, first, "session 1's update")
			exec(t, ss[1], "rollback work")
			if err := finished(t, first, "session 1's update after the rollback"); err != nil {
				t.Fatalf("session 1's update: %v", err)
			}
			exec(t, ss[0], "commit work")
			// Session 1 set both rows to 1; session 2's change is gone.
			want := [][]any{{int64(1), int64(1)}, {int64(2), int64(1)}}
			if rows := queryRows(t, ss[1], "select a, b from t order by a"); !sameRows(rows, want) {
				t.Errorf("rows %v, want %v", rows, want)
			}
		})
	}
}

// TestDeadlockThreeSessions: session i holds row i; session 1 waits for
// row 2, session 2 for row 3, and session 3's read of row 1 at COMMITTED
// READ would close the cycle 3 → 1 → 2 → 3, so it fails at once. When
// session 3 rolls back, session 2 goes on; when session 2 commits,
// session 1 does.
func TestDeadlockThreeSessions(t *testing.T) {
	ss := lockRing(t, 3, "set lock mode to wait 10")
	first := goExec(ss[0], "update t set b = 1 where a = 2")
	awaitWaiting(t, ss[0], "session 1")
	second := goExec(ss[1], "update t set b = 2 where a = 3")
	awaitWaiting(t, ss[1], "session 2")
	wantDeadlockAtOnce(t, ss[2], "select b from t where a = 1")
	stillWaiting(t, first, "session 1's update")
	stillWaiting(t, second, "session 2's update")
	exec(t, ss[2], "rollback work")
	if err := finished(t, second, "session 2's update"); err != nil {
		t.Fatalf("session 2's update: %v", err)
	}
	stillWaiting(t, first, "session 1's update")
	exec(t, ss[1], "commit work")
	if err := finished(t, first, "session 1's update"); err != nil {
		t.Fatalf("session 1's update: %v", err)
	}
	exec(t, ss[0], "commit work")
	// Row 1 and 2 from session 1, row 3 from session 2.
	want := [][]any{{int64(1), int64(1)}, {int64(2), int64(1)}, {int64(3), int64(2)}}
	if rows := queryRows(t, ss[0], "select a, b from t order by a"); !sameRows(rows, want) {
		t.Errorf("rows %v, want %v", rows, want)
	}
}

// TestDeadlockShareLockUpgrade: two REPEATABLE READ transactions read
// the same row, each taking a share lock, then both update it. The first
// waits for the second's share lock; the second would wait for the
// first's, so it fails at once. After it rolls back the first goes on.
func TestDeadlockShareLockUpgrade(t *testing.T) {
	e := newEngine(t, BufferedLogging, "")
	s1, s2 := newSession(t, e), newSession(t, e)
	exec(t, s1, "create table t (a int, b int)")
	exec(t, s1, "insert into t values (1, 0)")
	for _, s := range []*Session{s1, s2} {
		exec(t, s, "set isolation to repeatable read")
		exec(t, s, "set lock mode to wait 10")
		exec(t, s, "begin work")
		if got := one(t, s, "select b from t where a = 1"); got != int64(0) {
			t.Fatalf("b = %v, want 0", got)
		}
	}
	first := goExec(s1, "update t set b = 1 where a = 1")
	awaitWaiting(t, s1, "session 1")
	wantDeadlockAtOnce(t, s2, "update t set b = 2 where a = 1")
	stillWaiting(t, first, "session 1's update")
	exec(t, s2, "rollback work")
	if err := finished(t, first, "session 1's update"); err != nil {
		t.Fatalf("session 1's update: %v", err)
	}
	exec(t, s1, "commit work")
	if got := one(t, s2, "select b from t where a = 1"); got != int64(1) {
		t.Errorf("b = %v, want 1", got)
	}
}

// TestNoDeadlockWaitingOnThird: sessions 1 and 2, each holding a row of
// its own, both wait for row 3, held by session 3. No session waits for
// another in a cycle, so neither fails: when session 3 commits, one of
// them takes row 3 and the other waits for it, then goes on once it
// commits.
func TestNoDeadlockWaitingOnThird(t *testing.T) {
	ss := lockRing(t, 3, "set lock mode to wait 10")
	done := []<-chan error{
		goExec(ss[0], "update t set b = 1 where a = 3"),
		goExec(ss[1], "update t set b = 2 where a = 3"),
	}
	awaitWaiting(t, ss[0], "session 1")
	awaitWaiting(t, ss[1], "session 2")
	exec(t, ss[2], "commit work")
	var winner int
	select {
	case err := <-done[0]:
		winner = 0
		if err != nil {
			t.Fatalf("session 1's update: %v", err)
		}
	case err := <-done[1]:
		winner = 1
		if err != nil {
			t.Fatalf("session 2's update: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("neither update finished after session 3's commit")
	}
	loser := 1 - winner
	awaitWaiting(t, ss[loser], "the other session")
	stillWaiting(t, done[loser], "the other session's update")
	exec(t, ss[winner], "commit work")
	if err := finished(t, done[loser], "the other session's update"); err != nil {
		t.Fatalf("session %d's update: %v", loser+1, err)
	}
	exec(t, ss[loser], "commit work")
	// The update that ran last set row 3 to its session's number.
	if got := one(t, ss[2], "select b from t where a = 3"); got != int64(loser+1) {
		t.Errorf("row 3: b = %v, want %d", got, loser+1)
	}
}

// TestWaitEndsClearsEntry: a wait that ends by running out of time or by
// an interrupt leaves no entry behind. Session 2's wait for row 1 ends so;
// session 1 then asks for row 2, which session 2 holds: it must wait (and
// run out of time: -154), not fail as if session 2 still waited for it.
func TestWaitEndsClearsEntry(t *testing.T) {
	tests := []struct {
		name    string
		timeout time.Duration // the context's, 0 for none
		want    Error
	}{
		{"lock wait runs out", 0, Error{SQLCode: -244, ISAMCode: -154}},
		{"interrupt", 200 * time.Millisecond, Error{SQLCode: -213, ISAMCode: -157}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ss := lockRing(t, 2, "set lock mode to wait 1")
			ctx := context.Background()
			if tt.timeout > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tt.timeout)
				defer cancel()
			}
			st, err := ss[1].Prepare("update t set b = 2 where a = 1")
			if err != nil {
				t.Fatal(err)
			}
			_, err = ss[1].Execute(ctx, st, []any{})
			wantError(t, "session 2's wait", err, tt.want)
			if waiting(ss[1]) {
				t.Error("session 2 still has an entry after its wait ended")
			}
			_, err = tryExec(ss[0], "update t set b = 1 where a = 2")
			wantError(t, "session 1's update after session 2's wait", err, Error{SQLCode: -244, ISAMCode: -154})
		})
	}
}

// TestWaitForRelation checks the relation itself: which new wait closes a
// cycle, and that a session that releases its locks leaves the entries of
// those that waited for it. The expected answers follow from drawing the
// edges by hand.
func TestWaitForRelation(t *testing.T) {
	tests := []struct {
		name     string
		waits    map[int64][]int64 // entries before: waiter → holders
		released []int64           // sessions that then release their locks
		sess     int64             // the session about to wait
		on       []int64           // for these holders
		want     bool              // startWait's answer: false is a deadlock
	}{
		{"two sessions", map[int64][]int64{1: {2}}, nil, 2, []int64{1}, false},
		{"three sessions", map[int64][]int64{1: {2}, 2: {3}}, nil, 3, []int64{1}, false},
		{"a chain", map[int64][]int64{1: {2}, 2: {3}}, nil, 4, []int64{1}, true},
		{"two wait for a third", map[int64][]int64{1: {3}}, nil, 2, []int64{3}, true},
		{"one holder of several", map[int64][]int64{1: {2, 3}}, nil, 3, []int64{1}, false},
		{"a shared row's holders", map[int64][]int64{1: {3}, 2: {3}}, nil, 3, []int64{1, 2}, false},
		{"the holder released", map[int64][]int64{1: {2}}, []int64{2}, 2, []int64{1}, true},
		{"another holder released", map[int64][]int64{1: {2, 3}}, []int64{2}, 3, []int64{1}, false},
		{"a middle link released", map[int64][]int64{1: {2}, 2: {3}}, []int64{2}, 3, []int64{1}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lt := newLockTable()
			for waiter, holders := range tt.waits {
				lt.waits[waiter] = setOf(holders)
			}
			for _, r := range tt.released {
				lt.lock(r, 100, []int64{r})
				lt.releaseAll(r)
			}
			if got := lt.startWait(tt.sess, setOf(tt.on)); got != tt.want {
				t.Fatalf("startWait(%d, %v) = %v, want %v", tt.sess, tt.on, got, tt.want)
			}
			if recorded := lt.waits[tt.sess] != nil; recorded != tt.want {
				t.Errorf("entry recorded %v, want %v", recorded, tt.want)
			}
			for _, r := range tt.released {
				for waiter, on := range lt.waits {
					if on[r] {
						t.Errorf("session %d still waits for %d, which released its locks", waiter, r)
					}
				}
			}
			lt.endWait(tt.sess)
			if lt.waits[tt.sess] != nil {
				t.Errorf("endWait left session %d's entry", tt.sess)
			}
		})
	}
}

// setOf returns the set of ids.
func setOf(ids []int64) sessionSet {
	var ss sessionSet
	for _, id := range ids {
		ss.add(id)
	}
	return ss
}
