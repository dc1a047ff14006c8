package ifxconn

import (
	"context"

	"github.com/go-informix/informix/sqli"
)

// Begin starts a transaction. In a logged database it is started the way
// JDBC starts one after setAutoCommit(false): SQ_BEGIN goes, with its own
// SQ_EOT, right before the next statement's execution or cursor open
// (conformance/testdata/jdbc/transactions.golden; SQLI.md §6.18). Sending
// it lazily keeps the bytes equal to JDBC's and costs nothing for an empty
// transaction; an error of SQ_BEGIN is then reported by that statement.
// In an ANSI database a transaction is always open and nothing is sent. A
// database without logging refuses with ErrNoTransactions, nothing sent.
func (c *Conn) Begin(ctx context.Context) error {
	if err := c.acquire(ctx, "begin"); err != nil {
		return err
	}
	defer c.release()
	switch {
	case c.txBegun:
		return errorf("begin", true, "a transaction is already open")
	case !c.db.Logged && !c.db.ANSI:
		return &connError{op: "begin", err: ErrNoTransactions, safe: true}
	}
	c.txBegun = true
	c.txPending = c.db.Logged && !c.db.ANSI
	return nil
}

// Commit commits the transaction Begin started: SQ_CMMTWORK, SQ_EOT, as
// JDBC sends it (transactions.golden). When SQ_BEGIN was never sent (no
// statement ran) nothing is sent. A failed commit leaves InTransaction
// true, since whether the server still holds the transaction is not known
// (SQLI.md open question 16); Rollback then ends it.
func (c *Conn) Commit(ctx context.Context) error {
	return c.endTx(ctx, "commit", &sqli.CommitWork{})
}

// Rollback rolls back the transaction Begin started: SQ_RBWORK with its
// int16 0, SQ_EOT, as JDBC sends it (transactions.golden; docs/protocol.md
// settles SQLI.md open question 3). When SQ_BEGIN was never sent nothing
// is sent. The transaction counts as ended whatever the answer.
func (c *Conn) Rollback(ctx context.Context) error {
	return c.endTx(ctx, "rollback", &sqli.RollbackWork{})
}

func (c *Conn) endTx(ctx context.Context, name string, m sqli.ClientMessage) error {
	o, err := c.begin(ctx, name, nil)
	if err != nil {
		return err
	}
	defer o.end()
	if !c.txBegun {
		return o.fail(errNotInTx)
	}
	rollback := m.Tag() == sqli.TagRollbackWork
	if c.txPending {
		c.txBegun, c.txPending = false, false
		return nil
	}
	if rollback {
		c.txBegun, c.inTx = false, false
	}
	a := answer{what: m.Tag().String()}
	if err := o.roundTrip(&a, m); err != nil {
		return err
	}
	if a.err != nil {
		return a.err
	}
	c.txBegun, c.inTx = false, false
	return nil
}

// beginPending sends the SQ_BEGIN that Begin deferred.
func (o *op) beginPending() error {
	c := o.c
	if !c.txPending {
		return nil
	}
	a := answer{what: "SQ_BEGIN"}
	if err := o.roundTrip(&a, &sqli.Begin{}); err != nil {
		return err
	}
	c.txPending = false
	if a.err != nil {
		return a.err
	}
	c.inTx = true
	return nil
}

// autocommit gives an ANSI database, where every statement runs in an
// implicit transaction, database/sql's autocommit outside Begin: it sends
// SQ_CMMTWORK after the statement, as JDBC does with autocommit on ([J]:
// ifxtest's wire log of JDBC on an ANSI database: SQ_CMMTWORK, SQ_EOT after
// each execution, and after a cursor's last fetch). It is sent even when
// the call's context ended.
func (o *op) autocommit() error {
	c := o.c
	if !c.db.ANSI || c.txBegun || c.IsClosed() {
		return nil
	}
	return o.unwatched(func() error {
		a := answer{what: "SQ_CMMTWORK"}
		if err := o.roundTrip(&a, &sqli.CommitWork{}); err != nil {
			return err
		}
		if a.err != nil {
			return a.err
		}
		return nil
	})
}

// noteTxStatement follows a transaction that SQL statements began or ended
// (BEGIN WORK, COMMIT WORK, ROLLBACK WORK run through Exec rather than
// Begin, Commit and Rollback), from the statement type the server's
// SQ_DESCRIBE reported, so that InTransaction tells the truth: a
// connection pool then rolls back a transaction its last user began with
// SQL and left open. ROLLBACK TO SAVEPOINT has its own type and leaves
// the transaction open.
func (c *Conn) noteTxStatement(typ sqli.StmtType) {
	switch typ {
	case sqli.StmtBeginWork:
		c.txBegun, c.txPending, c.inTx = true, false, true
	case sqli.StmtCommitWork, sqli.StmtRollbackWork:
		c.txBegun, c.txPending, c.inTx = false, false, false
	}
}
