package e2e

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/go-informix/informix"
)

// committed reports whether another session sees row id of a table as
// committed: it counts it, and can lock it without waiting (lock_wait=0,
// so an uncommitted row locked by its writer fails at once).
func committed(t *testing.T, role, name string, id int) bool {
	t.Helper()
	other := open(t, role, "lock_wait=0")
	res, err := other.Exec("UPDATE "+name+" SET id = id WHERE id = ?", id)
	if errors.Is(err, informix.ErrLockTimeout) {
		return false
	}
	if err != nil {
		t.Fatalf("UPDATE from another session: %v", err)
	}
	n, _ := res.RowsAffected()
	return n == 1
}

// TestCommitRollback commits and rolls back transactions and checks what
// another session sees of their rows.
func TestCommitRollback(t *testing.T) {
	name := table(t, logged, "tx", "id INTEGER")
	db := open(t, logged)
	for _, tt := range []struct {
		id     int
		commit bool
	}{{1, true}, {2, false}, {3, true}} {
		tx, err := db.Begin()
		if err != nil {
			t.Fatal(err)
		}
		mustExec(t, tx, "INSERT INTO "+name+" VALUES (?)", tt.id)
		if committed(t, logged, name, tt.id) {
			t.Errorf("row %d is committed before the transaction ends", tt.id)
		}
		if tt.commit {
			err = tx.Commit()
		} else {
			err = tx.Rollback()
		}
		if err != nil {
			t.Fatal(err)
		}
		if got := committed(t, logged, name, tt.id); got != tt.commit {
			t.Errorf("row %d committed %v after the transaction, want %v", tt.id, got, tt.commit)
		}
	}
	// Rows 1 and 3 remain: 1 + 3 = 4.
	if n := queryInt(t, db, "SELECT SUM(id) FROM "+name); n != 4 {
		t.Errorf("sum of ids %d, want 4", n)
	}
}

// TestSavepoints uses SAVEPOINT, ROLLBACK TO SAVEPOINT and RELEASE
// SAVEPOINT through SQL inside a Tx (IBM Guide to SQL: Syntax,
// SAVEPOINT).
func TestSavepoints(t *testing.T) {
	name := table(t, logged, "svpt", "id INTEGER")
	db := open(t, logged)
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"INSERT INTO " + name + " VALUES (3)",
		"SAVEPOINT sp1",
		"INSERT INTO " + name + " VALUES (4)",
		"ROLLBACK TO SAVEPOINT sp1",
		"INSERT INTO " + name + " VALUES (5)",
		"SAVEPOINT sp2",
		"INSERT INTO " + name + " VALUES (6)",
		"RELEASE SAVEPOINT sp2",
	} {
		mustExec(t, tx, s)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	// 3, 5 and 6 remain (4 was rolled back to sp1): 14.
	if n := queryInt(t, db, "SELECT SUM(id) FROM "+name); n != 14 {
		t.Errorf("sum of ids %d, want 14", n)
	}
}

// TestIsolationLevels runs a transaction at each database/sql level
// against a row another session has updated and not committed (doc.go:
// ReadUncommitted is DIRTY READ, ReadCommitted COMMITTED READ,
// RepeatableRead and Serializable REPEATABLE READ; IBM Guide to SQL:
// Syntax, SET ISOLATION). DIRTY READ sees the uncommitted value; COMMITTED
// READ does not read it (with lock_wait=0 it fails on the lock); the
// levels the driver does not support are refused and the connection
// stays usable.
func TestIsolationLevels(t *testing.T) {
	tests := []struct {
		level sql.IsolationLevel
		want  string // the value read, "" for a lock error
	}{
		{sql.LevelReadUncommitted, "new"},
		{sql.LevelReadCommitted, ""},
		{sql.LevelRepeatableRead, ""},
		{sql.LevelSerializable, ""},
	}
	for _, tt := range tests {
		t.Run(tt.level.String(), func(t *testing.T) {
			name, _ := lockedRow(t)
			db := open(t, logged, "lock_wait=0")
			tx, err := db.BeginTx(context.Background(), &sql.TxOptions{Isolation: tt.level})
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			var v string
			err = tx.QueryRow("SELECT v FROM " + name + " WHERE id = 1").Scan(&v)
			switch {
			case tt.want == "" && !errors.Is(err, informix.ErrLockTimeout):
				t.Errorf("read of the locked row: %q, %v; want an error matching ErrLockTimeout", v, err)
			case tt.want != "" && (err != nil || v != tt.want):
				t.Errorf("read of the locked row: %q, %v; want %q", v, err, tt.want)
			}
		})
	}
	t.Run("refused levels", func(t *testing.T) {
		db := open(t, logged)
		db.SetMaxOpenConns(1)
		for level, want := range map[sql.IsolationLevel]string{
			sql.LevelSnapshot:       "no snapshot isolation",
			sql.LevelLinearizable:   "not supported",
			sql.LevelWriteCommitted: "not supported",
		} {
			if _, err := db.BeginTx(context.Background(), &sql.TxOptions{Isolation: level}); err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("BeginTx at %v: %v; want an error saying %q", level, err, want)
			}
			if err := db.Ping(); err != nil {
				t.Errorf("Ping after a refused %v: %v", level, err)
			}
		}
	})
}

// TestRepeatableReadLocks reads a row in a REPEATABLE READ transaction: the
// row stays locked until the transaction ends, so another session cannot
// update it (IBM Guide to SQL: Syntax, SET ISOLATION, Repeatable Read).
func TestRepeatableReadLocks(t *testing.T) {
	name := table(t, logged, "rr", "id INTEGER")
	db := open(t, logged)
	mustExec(t, db, "INSERT INTO "+name+" VALUES (1)")
	tx, err := db.BeginTx(context.Background(), &sql.TxOptions{Isolation: sql.LevelRepeatableRead})
	if err != nil {
		t.Fatal(err)
	}
	if n := queryInt(t, tx, "SELECT COUNT(*) FROM "+name+" WHERE id = 1"); n != 1 {
		t.Fatalf("count %d", n)
	}
	if committed(t, logged, name, 1) {
		t.Error("another session updated a row a REPEATABLE READ transaction has read")
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if !committed(t, logged, name, 1) {
		t.Error("the row is still locked after the transaction")
	}
}

// TestReadOnly runs a ReadOnly transaction: it reads, the server refuses
// its writes (doc.go: SET TRANSACTION READ ONLY; IBM Guide to SQL:
// Syntax, SET TRANSACTION, access modes), and the connection writes again
// once it has ended.
func TestReadOnly(t *testing.T) {
	name := table(t, logged, "ro", "id INTEGER")
	db := open(t, logged)
	db.SetMaxOpenConns(1)
	tx, err := db.BeginTx(context.Background(), &sql.TxOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if n := queryInt(t, tx, "SELECT COUNT(*) FROM "+name); n != 0 {
		t.Errorf("count %d, want 0", n)
	}
	var ie *informix.Error
	if _, err := tx.Exec("INSERT INTO " + name + " VALUES (1)"); !errors.As(err, &ie) {
		t.Errorf("INSERT in a read-only transaction: %v; want a server error", err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	mustExec(t, db, "INSERT INTO "+name+" VALUES (2)")
	if n := queryInt(t, db, "SELECT SUM(id) FROM "+name); n != 2 {
		t.Errorf("sum of ids after the read-only transaction: %d, want 2", n)
	}
}

// TestNoLogging checks a database without logging: statements commit on
// their own, and BeginTx is refused with an error that says why, before
// anything is sent, leaving the connection usable.
func TestNoLogging(t *testing.T) {
	name := table(t, nolog, "nolog", "id INTEGER")
	db := open(t, nolog)
	db.SetMaxOpenConns(1)
	mustExec(t, db, "INSERT INTO "+name+" VALUES (1)")
	_, err := db.Begin()
	if err == nil || !strings.Contains(err.Error(), "has no transaction log") {
		t.Errorf("Begin: %v; want an error saying the database has no transaction log", err)
	}
	if n := queryInt(t, db, "SELECT COUNT(*) FROM "+name); n != 1 {
		t.Errorf("count after the refused Begin: %d, want 1", n)
	}
	if !committed(t, nolog, name, 1) {
		t.Error("the INSERT is not visible and unlocked to another session")
	}
}

// TestANSIDatabase checks an ANSI database, where the server keeps a
// transaction open at all times: outside a Tx each statement is committed
// (doc.go), so another session sees it unlocked; inside a Tx, Rollback
// and Commit decide.
func TestANSIDatabase(t *testing.T) {
	name := table(t, ansi, "ansi", "id INTEGER")
	db := open(t, ansi)
	mustExec(t, db, "INSERT INTO "+name+" VALUES (1)")
	if !committed(t, ansi, name, 1) {
		t.Error("an INSERT outside a Tx is not committed")
	}
	if n := queryInt(t, db, "SELECT COUNT(*) FROM "+name); n != 1 || !committed(t, ansi, name, 1) {
		t.Errorf("count %d; a SELECT outside a Tx left the row locked", n)
	}
	for _, tt := range []struct {
		id     int
		commit bool
	}{{2, false}, {3, true}} {
		tx, err := db.Begin()
		if err != nil {
			t.Fatal(err)
		}
		mustExec(t, tx, "INSERT INTO "+name+" VALUES (?)", tt.id)
		if tt.commit {
			err = tx.Commit()
		} else {
			err = tx.Rollback()
		}
		if err != nil {
			t.Fatal(err)
		}
		if got := committed(t, ansi, name, tt.id); got != tt.commit {
			t.Errorf("row %d committed %v, want %v", tt.id, got, tt.commit)
		}
	}
}

// TestAbandonedTransaction leaves transactions open on a pooled
// connection and requires the pool's next user to start clean: a Tx whose
// context ends (database/sql rolls it back), and a transaction begun with
// SQL on a sql.Conn that is then returned to the pool (the driver's
// ResetSession rolls it back). In both, the abandoned row is gone and the
// next user's statement commits on its own.
func TestAbandonedTransaction(t *testing.T) {
	t.Run("Tx whose context ends", func(t *testing.T) {
		name := table(t, logged, "abandon", "id INTEGER")
		db := open(t, logged)
		db.SetMaxOpenConns(1)
		ctx, cancel := context.WithCancel(context.Background())
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		mustExec(t, tx, "INSERT INTO "+name+" VALUES (1)")
		cancel()
		checkCleanNextUser(t, db, name)
	})
	t.Run("BEGIN WORK on a sql.Conn", func(t *testing.T) {
		name := table(t, logged, "abandon", "id INTEGER")
		db := open(t, logged)
		db.SetMaxOpenConns(1)
		c, err := db.Conn(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		mustExec(t, c, "BEGIN WORK")
		mustExec(t, c, "INSERT INTO "+name+" VALUES (1)")
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
		checkCleanNextUser(t, db, name)
	})
}

// checkCleanNextUser inserts row 2 as the pool's next user and requires
// row 1 (abandoned) to be gone and row 2 committed.
func checkCleanNextUser(t *testing.T, db *sql.DB, name string) {
	t.Helper()
	mustExec(t, db, "INSERT INTO "+name+" VALUES (2)")
	if !committed(t, logged, name, 2) {
		t.Error("the next user's INSERT is not committed: it joined the abandoned transaction")
	}
	if n := queryInt(t, admin(t, logged), "SELECT COUNT(*) FROM "+name+" WHERE id = 1"); n != 0 {
		t.Errorf("the abandoned row is there (%d)", n)
	}
}

// TestDeadlock runs two transactions into a deadlock: each updates a row,
// then each updates the other's row. The server finds the cycle when the
// second would start to wait and fails that statement at once, long
// before the 10-second lock wait, with ISAM -143 (IBM Guide to SQL:
// Tutorial, "Handle a deadlock"): an error matching informix.ErrDeadlock,
// not ErrLockTimeout. Its transaction stays open; once the application
// rolls it back, the other transaction's update goes through. Which of the
// two fails depends on which waits first (the first to update is given a
// head start), so the test accepts either.
func TestDeadlock(t *testing.T) {
	name := table(t, logged, "deadlock", "id INTEGER PRIMARY KEY, v INTEGER")
	db := open(t, logged, "lock_wait=10")
	mustExec(t, db, "INSERT INTO "+name+" VALUES (1, 0)")
	mustExec(t, db, "INSERT INTO "+name+" VALUES (2, 0)")
	update := "UPDATE " + name + " SET v = ? WHERE id = ?"
	txs := make([]*sql.Tx, 2)
	for i := range txs {
		tx, err := db.Begin()
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		txs[i] = tx
		mustExec(t, tx, update, i+1, i+1) // transaction i+1 locks row i+1
	}
	type outcome struct {
		err, rollback error
		took          time.Duration
	}
	results := []chan outcome{make(chan outcome, 1), make(chan outcome, 1)}
	cross := func(i int) {
		var o outcome
		start := time.Now()
		_, o.err = txs[i].Exec(update, i+1, 2-i) // now the other row
		o.took = time.Since(start)
		if errors.Is(o.err, informix.ErrDeadlock) {
			o.rollback = txs[i].Rollback()
		}
		results[i] <- o
	}
	go cross(0)
	time.Sleep(300 * time.Millisecond)
	go cross(1)
	var got [2]outcome
	for i, ch := range results {
		select {
		case got[i] = <-ch:
		case <-time.After(20 * time.Second):
			t.Fatalf("transaction %d's update of the other row did not finish", i+1)
		}
	}
	winner := -1
	for i, o := range got {
		switch {
		case o.err == nil:
			winner = i
		case !errors.Is(o.err, informix.ErrDeadlock) || errors.Is(o.err, informix.ErrLockTimeout):
			t.Errorf("transaction %d: %v; want an error matching ErrDeadlock only", i+1, o.err)
		case o.took > 5*time.Second:
			t.Errorf("transaction %d's deadlock took %v, want far less than the 10 s lock wait", i+1, o.took)
		case o.rollback != nil:
			t.Errorf("rollback of transaction %d after the deadlock: %v", i+1, o.rollback)
		}
	}
	if winner < 0 || got[1-winner].err == nil {
		t.Fatalf("outcomes %v, %v; want one deadlock and one update that goes through", got[0].err, got[1].err)
	}
	if err := txs[winner].Commit(); err != nil {
		t.Fatal(err)
	}
	// The transaction that went through set both rows to its number.
	if n := queryInt(t, db, "SELECT COUNT(*) FROM "+name+" WHERE v = ?", winner+1); n != 2 {
		t.Errorf("%d rows hold transaction %d's value, want both", n, winner+1)
	}
}
