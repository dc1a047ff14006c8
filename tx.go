package informix

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
)

// tx is a database/sql transaction.
type tx struct {
	c *conn
	// isolated is set when BeginTx changed the session's isolation level,
	// which the end of the transaction sets back.
	isolated bool
}

var _ driver.Tx = (*tx)(nil)

// isolationFor maps a database/sql isolation level to the words after SET
// ISOLATION TO, or "" to keep the session's level.
//
//   - LevelReadUncommitted is DIRTY READ, LevelReadCommitted COMMITTED READ
//     and LevelRepeatableRead REPEATABLE READ (IBM Guide to SQL: Syntax,
//     SET TRANSACTION, which names these pairs).
//   - LevelSerializable is REPEATABLE READ, Informix's strongest level: it
//     locks every row a query reads and the index ranges it scans, so no
//     phantom appears, and IBM's SET ISOLATION page calls it the level
//     SET TRANSACTION names SERIALIZABLE.
//   - LevelSnapshot is refused: COMMITTED READ LAST COMMITTED reads the
//     last committed version per statement, not one snapshot for the whole
//     transaction; a program that wants it sets isolation=last committed
//     in the DSN.
//   - LevelWriteCommitted, LevelLinearizable and unknown levels are refused.
func isolationFor(level sql.IsolationLevel) (string, error) {
	switch level {
	case sql.LevelDefault:
		return "", nil
	case sql.LevelReadUncommitted:
		return "DIRTY READ", nil
	case sql.LevelReadCommitted:
		return "COMMITTED READ", nil
	case sql.LevelRepeatableRead, sql.LevelSerializable:
		return "REPEATABLE READ", nil
	case sql.LevelSnapshot:
		return "", errors.New("informix: BeginTx: Informix has no snapshot isolation " +
			"(COMMITTED READ LAST COMMITTED is per statement; set isolation=last committed in the DSN for it)")
	}
	return "", fmt.Errorf("informix: BeginTx: isolation level %v is not supported by Informix", level)
}

// BeginTx starts a transaction. A non-default isolation level is set with
// SET ISOLATION before the transaction starts and set back to the
// connection's own level (Config.Isolation, else the server's default for
// the database: REPEATABLE READ in an ANSI database, COMMITTED READ in
// another logged one) when it ends. ReadOnly sends SET TRANSACTION READ ONLY
// as the transaction's first statement, which makes the server refuse
// writes until it ends (IBM Guide to SQL: Syntax, SET TRANSACTION: access
// modes, valid only in databases with logging). A database without a
// transaction log has no transactions: BeginTx fails without sending
// anything.
func (c *conn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	level, err := isolationFor(sql.IsolationLevel(opts.Isolation))
	if err != nil {
		return nil, err
	}
	switch info := c.ifx.Database(); {
	case info.Name == "":
		return nil, errors.New("informix: BeginTx: no database is open")
	case !info.Logged:
		return nil, fmt.Errorf("informix: BeginTx: database %q has no transaction log, so it has no transactions "+
			"(Informix error -256)", info.Name)
	}
	if level != "" {
		if _, err := c.ifx.Exec(ctx, "SET ISOLATION TO "+level, nil); err != nil {
			return nil, mapError("BeginTx: set isolation", err, true)
		}
	}
	t := &tx{c: c, isolated: level != ""}
	if err := c.ifx.Begin(ctx); err != nil {
		t.end(ctx)
		return nil, mapError("BeginTx", err, true)
	}
	if opts.ReadOnly {
		if _, err := c.ifx.Exec(ctx, "SET TRANSACTION READ ONLY", nil); err != nil {
			_ = c.ifx.Rollback(ctx)
			t.end(ctx)
			return nil, mapError("BeginTx: read only", err, false)
		}
	}
	return t, nil
}

// Commit commits the transaction. An error other than a server error means
// the outcome is unknown: the connection may have failed after the server
// committed (reliability.md §4.2).
func (t *tx) Commit() error {
	ctx := context.Background()
	err := t.c.ifx.Commit(ctx)
	t.end(ctx)
	return mapError("commit", err, false)
}

// Rollback rolls the transaction back.
func (t *tx) Rollback() error {
	ctx := context.Background()
	err := t.c.ifx.Rollback(ctx)
	t.end(ctx)
	return mapError("rollback", err, false)
}

// end sets the isolation level back if t changed it. A failure to do so does not fail the Commit or Rollback,
// whose outcome is already decided: the connection is marked, and
// ResetSession tries again before its next use (or discards it).
func (t *tx) end(ctx context.Context) {
	if t.isolated && t.c.restoreIsolation(ctx) != nil {
		t.c.isolationDirty = true
	}
}

// restoreIsolation sets the session's isolation back to the connection's
// own level.
func (c *conn) restoreIsolation(ctx context.Context) error {
	level := c.cfg.Isolation
	if level == "" {
		level = "COMMITTED READ"
		if c.ifx.Database().ANSI {
			level = "REPEATABLE READ"
		}
	}
	if _, err := c.ifx.Exec(ctx, "SET ISOLATION TO "+level, nil); err != nil {
		return err
	}
	c.isolationDirty = false
	return nil
}
