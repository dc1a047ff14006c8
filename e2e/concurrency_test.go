package e2e

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"testing"
)

// TestSharedDB has 16 goroutines share one *sql.DB of at most 4
// connections, each running prepared and plain INSERTs, transactions and
// queries of its own rows, and checks every count at the end.
func TestSharedDB(t *testing.T) {
	const workers, rounds = 16, 40
	name := table(t, logged, "shared", "worker INTEGER, round INTEGER, kind CHAR(4)")
	w := &wire{}
	// A reader meets other workers' uncommitted rows; on a real server it
	// waits for their short transactions rather than failing at once.
	db := openConfig(t, w.config(configFor(t, logged, "lock_wait=10")))
	db.SetMaxOpenConns(4)
	ins, err := db.Prepare("INSERT INTO " + name + " VALUES (?, ?, ?)")
	if err != nil {
		t.Fatal(err)
	}
	defer ins.Close()
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for g := range workers {
		wg.Go(func() {
			if err := sharedWork(db, ins, name, g, rounds); err != nil {
				errs <- fmt.Errorf("worker %d: %w", g, err)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// Each round inserts one 'stmt' row and one 'exec' row, and commits
	// one 'tx' row (a second is rolled back): 3 rows per round.
	if n := queryInt(t, db, "SELECT COUNT(*) FROM "+name); n != workers*rounds*3 {
		t.Errorf("%d rows, want %d", n, workers*rounds*3)
	}
	if n := queryInt(t, db, "SELECT COUNT(*) FROM "+name+" WHERE kind = 'gone'"); n != 0 {
		t.Errorf("%d rolled-back rows are there", n)
	}
	if s := db.Stats(); s.OpenConnections > 4 || w.dials() > 4 {
		t.Errorf("%d open connections, %d dialled; the pool allows 4", s.OpenConnections, w.dials())
	}
}

// sharedWork is one goroutine of TestSharedDB: per round a prepared
// INSERT, a plain one, a committed and a rolled-back transaction, and a
// count of its own rows, which must be 3 per round done.
func sharedWork(db *sql.DB, ins *sql.Stmt, name string, g, rounds int) error {
	ctx := context.Background()
	for r := range rounds {
		if _, err := ins.ExecContext(ctx, g, r, "stmt"); err != nil {
			return err
		}
		if _, err := db.ExecContext(ctx, fmt.Sprintf("INSERT INTO %s VALUES (%d, %d, 'exec')", name, g, r)); err != nil {
			return err
		}
		for _, commit := range []bool{true, false} {
			tx, err := db.BeginTx(ctx, nil)
			if err != nil {
				return err
			}
			kind := map[bool]string{true: "tx", false: "gone"}[commit]
			if _, err := tx.ExecContext(ctx, "INSERT INTO "+name+" VALUES (?, ?, ?)", g, r, kind); err != nil {
				tx.Rollback()
				return err
			}
			if commit {
				err = tx.Commit()
			} else {
				err = tx.Rollback()
			}
			if err != nil {
				return err
			}
		}
		var n int
		if err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+name+" WHERE worker = ?", g).Scan(&n); err != nil {
			return err
		}
		if n != 3*(r+1) {
			return fmt.Errorf("round %d: %d rows of mine, want %d", r, n, 3*(r+1))
		}
	}
	return nil
}

// TestPoolReuse checks that the pool reuses its connections: sequential
// statements all run on one, and a sql.Conn handed back is the next
// user's.
func TestPoolReuse(t *testing.T) {
	w := &wire{}
	db := openConfig(t, w.config(configFor(t, logged)))
	for range 100 {
		queryInt(t, db, selectOne)
	}
	for range 10 {
		c, err := db.Conn(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		queryInt(t, c, selectOne)
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
	}
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	queryInt(t, tx, selectOne)
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if w.dials() != 1 {
		t.Errorf("%d connections dialled for sequential use, want 1", w.dials())
	}
}
