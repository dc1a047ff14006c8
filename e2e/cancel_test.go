package e2e

import (
	"context"
	"database/sql"
	"errors"
	"math/rand/v2"
	"sort"
	"testing"
	"time"

	"github.com/go-informix/informix"
)

// pinned returns one connection of a new pool on the logged database.
func pinned(t *testing.T, db *sql.DB) *sql.Conn {
	t.Helper()
	c, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// selectOne is a statement with a one-row answer that every server has.
const selectOne = "SELECT COUNT(*) FROM systables WHERE tabid = 1"

// TestCancelProcedure ends the context of EXECUTE PROCEDURE
// ifxtest_sleep(5) by its deadline and by cancel: the call returns well
// within the 5 s (the driver interrupts the statement on the server,
// SQLI.md §7.9), the error matches the context's, and the same
// connection runs the next statement (a pinned sql.Conn would report
// driver.ErrBadConn had the driver discarded it).
func TestCancelProcedure(t *testing.T) {
	for _, tt := range []struct {
		name string
		ctx  func() (context.Context, context.CancelFunc)
		want error
	}{
		{"deadline", func() (context.Context, context.CancelFunc) {
			return context.WithTimeout(context.Background(), 300*time.Millisecond)
		}, context.DeadlineExceeded},
		{"cancel", func() (context.Context, context.CancelFunc) {
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(300*time.Millisecond, cancel)
			return ctx, cancel
		}, context.Canceled},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := pinned(t, open(t, logged))
			ctx, cancel := tt.ctx()
			defer cancel()
			var err error
			within(t, "the interrupted procedure", 2500*time.Millisecond, func() {
				_, err = c.ExecContext(ctx, "EXECUTE PROCEDURE ifxtest_sleep(5)")
			})
			if !errors.Is(err, tt.want) {
				t.Errorf("error %v, want one matching %v", err, tt.want)
			}
			for range 3 {
				if n := queryInt(t, c, selectOne); n != 1 {
					t.Errorf("the next statement read %d", n)
				}
			}
		})
	}
}

// TestContextAlreadyDone makes every kind of call with a context that has
// already ended: each fails with context.Canceled, not one byte reaches
// the socket, and the connection stays in the pool (reliability.md tier 2
// item 9).
func TestContextAlreadyDone(t *testing.T) {
	name := table(t, logged, "done", "id INTEGER")
	w := &wire{}
	db := openConfig(t, w.config(configFor(t, logged)))
	db.SetMaxOpenConns(1)
	ins, err := db.Prepare("INSERT INTO " + name + " VALUES (?)")
	if err != nil {
		t.Fatal(err)
	}
	defer ins.Close()
	before := w.conn(t, 0).written()
	done, cancel := context.WithCancel(context.Background())
	cancel()
	calls := map[string]func() error{
		"Exec":      func() error { _, err := db.ExecContext(done, "INSERT INTO "+name+" VALUES (1)"); return err },
		"Query":     func() error { _, err := db.QueryContext(done, "SELECT id FROM "+name); return err },
		"QueryRow":  func() error { return db.QueryRowContext(done, "SELECT id FROM "+name).Scan(new(int)) },
		"Prepare":   func() error { _, err := db.PrepareContext(done, "SELECT id FROM "+name); return err },
		"Stmt.Exec": func() error { _, err := ins.ExecContext(done, 1); return err },
		"BeginTx":   func() error { _, err := db.BeginTx(done, nil); return err },
		"Ping":      func() error { return db.PingContext(done) },
	}
	for call, f := range calls {
		if err := f(); !errors.Is(err, context.Canceled) {
			t.Errorf("%s with a done context: %v; want context.Canceled", call, err)
		}
	}
	if after := w.conn(t, 0).written(); after != before {
		t.Errorf("%d bytes were written by calls whose context had ended", after-before)
	}
	if n := queryInt(t, db, "SELECT COUNT(*) FROM "+name); n != 0 || w.dials() != 1 {
		t.Errorf("count %d with %d connections dialled; want 0 rows on the first connection", n, w.dials())
	}
}

// TestCancelDuringFetch cancels a query's context while its rows are
// streaming: iteration stops within a bound, rows.Err matches
// context.Canceled (the result is never silently cut short), and the pool
// serves the next statement.
func TestCancelDuringFetch(t *testing.T) {
	digits := digitsTable(t, logged)
	db := open(t, logged)
	db.SetMaxOpenConns(1)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rows, err := db.QueryContext(ctx, bigQuery(digits, 5))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	within(t, "the cancelled fetch", 5*time.Second, func() {
		for ; rows.Next(); n++ {
			if n == 1000 {
				cancel()
			}
		}
	})
	if err := rows.Err(); !errors.Is(err, context.Canceled) {
		t.Errorf("rows.Err() = %v after %d rows; want context.Canceled", err, n)
	}
	if n >= 100000 {
		t.Errorf("all %d rows were read after the cancel", n)
	}
	rows.Close()
	if got := queryInt(t, db, selectOne); got != 1 {
		t.Errorf("the next statement read %d", got)
	}
}

// TestCancelRace fires cancels at random offsets around the end of short
// statements, thousands of times, and requires the statement after each
// to succeed: a cancel that comes too late to interrupt its statement
// must never hit the next one with -213 (reliability.md tier 2 item 11;
// SQLI.md §7.9; lib/pq#1001).
func TestCancelRace(t *testing.T) {
	db := open(t, logged)
	db.SetMaxOpenConns(1)
	median := medianDuration(t, db, selectOne)
	outcomes := map[string]int{}
	for i := range raceIterations {
		ctx, cancel := context.WithCancel(context.Background())
		delay := time.Duration(rand.Int64N(int64(2*median) + 1))
		timer := time.AfterFunc(delay, cancel)
		var n int64
		err := db.QueryRowContext(ctx, selectOne).Scan(&n)
		timer.Stop()
		cancel()
		switch {
		case err == nil:
			outcomes["finished"]++
		case errors.Is(err, context.Canceled):
			outcomes["cancelled"]++
		default:
			t.Fatalf("iteration %d (cancel after %v): %v; want success or context.Canceled", i, delay, err)
		}
		if err := db.QueryRow(selectOne).Scan(&n); err != nil {
			var ie *informix.Error
			if errors.As(err, &ie) && ie.SQLCode == -213 {
				t.Fatalf("iteration %d (cancel after %v): the interrupt hit the next statement: %v", i, delay, err)
			}
			t.Fatalf("iteration %d (cancel after %v): the next statement failed: %v", i, delay, err)
		}
	}
	t.Logf("%d iterations, median statement %v: %v", raceIterations, median, outcomes)
	if outcomes["finished"] == 0 || outcomes["cancelled"] == 0 {
		t.Errorf("outcomes %v: the cancels did not land on both sides of the statements' end", outcomes)
	}
}

// medianDuration measures query's round trip.
func medianDuration(t *testing.T, db *sql.DB, query string) time.Duration {
	t.Helper()
	var ds []time.Duration
	for range 51 {
		start := time.Now()
		queryInt(t, db, query)
		ds = append(ds, time.Since(start))
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[len(ds)/2]
}
