package ifxtest

import (
	"github.com/go-informix/informix/sqli"
)

// transaction runs SQ_BEGIN, SQ_CMMTWORK, SQ_RBWORK and the three savepoint
// messages through the engine, which applies the database's logging mode
// (SQLI.md §6.18, §7.5). Success adds nothing to the answer before its
// SQ_EOT; an error is the engine's (-256 without logging, -535 already in
// a transaction, -255 not in one, …).
//
// Open question (SQLI.md open question 4): S4's JDBC bytes show an
// SQ_XACTSTAT in the answers to SQ_BEGIN and SQ_CMMTWORK, but its event
// codes and levels are not published; the server sends none, and IBM JDBC
// 15.0.0.1.1 and informix-driver both accept answers without it.
func (c *conn) transaction(m sqli.ClientMessage) error {
	var err error
	switch m := m.(type) {
	case *sqli.Begin:
		err = c.sess.Begin()
	case *sqli.CommitWork:
		err = c.sess.Commit()
	case *sqli.RollbackWork:
		err = c.sess.Rollback()
	case *sqli.SetSavepoint:
		err = c.sess.SetSavepoint(m.Name, m.Unique)
	case *sqli.ReleaseSavepoint:
		err = c.sess.ReleaseSavepoint(m.Name)
	case *sqli.RollbackSavepoint:
		err = c.sess.RollbackToSavepoint(m.Name)
	}
	if err != nil {
		return c.sendError(err)
	}
	switch m.(type) {
	case *sqli.CommitWork, *sqli.RollbackWork:
		c.closeCursorsAtEnd()
	}
	return nil
}

// closeCursorsAtEnd closes the cursors that do not survive the end of a
// transaction: every cursor not opened WITH HOLD (SQ_HOLD; SQLI.md §6.15).
func (c *conn) closeCursorsAtEnd() {
	for _, s := range c.stmts {
		if !s.hold {
			s.closeCursor()
		}
	}
}
