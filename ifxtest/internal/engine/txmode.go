package engine

import (
	"github.com/go-informix/informix/ifxtest/internal/sqlparse"
)

// Informix error codes of SET TRANSACTION (sql_en_US.properties, IBM JDBC
// 15.0.0.1.1).
const (
	errSetTxActive     = -876 // Cannot issue "Set Transaction" in an active transaction.
	errIsolationByTx   = -877 // Isolation Level previously set by "Set Transaction".
	errReadOnlyTxWrite = -878 // Invalid operation for a READ-ONLY transaction.
)

// setTransaction runs SET TRANSACTION (IBM Guide to SQL: Syntax, SET
// TRANSACTION): its access mode and isolation level hold for the current
// transaction only, and are forgotten when it ends (endTx); the session is
// read-write again and reads at its SET ISOLATION level. It is valid only
// in a database with logging (-256 otherwise [I: the code of "transaction
// not available", as BEGIN WORK there]) and only before the transaction
// has run a query, DML or DDL statement (-876). In an ANSI database it
// applies to the implicit transaction, which it opens.
//
// Open question (inference): outside BEGIN WORK in a database that is not
// ANSI, each statement is a transaction of its own, so the settings of a
// SET TRANSACTION there have ended with it: ifxtest accepts the statement
// and keeps nothing. What IBM's server does there is not documented.
func (s *Session) setTransaction(st *sqlparse.SetTransaction) error {
	switch {
	case !s.isLogged():
		return ifxErr(errNoTx, "")
	case s.tx == nil && s.db.logging == ANSI:
		s.tx = &txn{}
	case s.tx == nil:
		return nil
	case s.tx.active:
		return ifxErr(errSetTxActive, "")
	}
	if st.Access != "" {
		s.tx.readOnly = st.Access == "READ ONLY"
	}
	if st.Level != "" {
		s.tx.isolation = isolationName(st.Level)
	}
	return nil
}

// setIsolation runs SET ISOLATION, which sets the session's level until
// the next SET ISOLATION; inside a transaction whose level SET
// TRANSACTION set, it is -877 (IBM Guide to SQL: Syntax, "Comparing SET
// TRANSACTION with SET ISOLATION").
func (s *Session) setIsolation(st *sqlparse.SetIsolation) error {
	if s.tx != nil && s.tx.isolation != "" {
		return ifxErr(errIsolationByTx, "")
	}
	s.isolation, s.lastCommitted = isolationName(st.Level), st.LastCommitted
	return nil
}

// beginStatement runs before a statement of a prepared plan: in a READ
// ONLY transaction a statement that writes is -878, and a query, DML or
// DDL statement makes the transaction active, after which SET TRANSACTION
// is refused.
func (s *Session) beginStatement(ast sqlparse.Stmt) error {
	if controlStatement(ast) {
		return nil
	}
	if s.tx != nil && s.tx.readOnly && writesData(ast) {
		return ifxErr(errReadOnlyTxWrite, "")
	}
	if s.tx != nil {
		s.tx.active = true
	}
	return nil
}

// controlStatement reports whether a statement controls the session
// rather than reading or changing data: transaction control, SET and the
// database statements.
func controlStatement(ast sqlparse.Stmt) bool {
	switch ast.(type) {
	case *sqlparse.BeginWork, *sqlparse.CommitWork, *sqlparse.RollbackWork, *sqlparse.Savepoint,
		*sqlparse.ReleaseSavepoint, *sqlparse.SetIsolation, *sqlparse.SetTransaction, *sqlparse.SetLockMode,
		*sqlparse.SetOption, *sqlparse.DatabaseStmt, *sqlparse.CloseDatabase, *sqlparse.CreateDatabase,
		*sqlparse.DropDatabase:
		return true
	}
	return false
}

// writesData reports whether a statement is one a READ ONLY transaction
// may not run: INSERT, UPDATE, DELETE, TRUNCATE, DDL (temporary tables
// included, so SELECT … INTO TEMP too) and UPDATE STATISTICS (IBM Guide to
// SQL: Tutorial, "Control data modification with access modes").
func writesData(ast sqlparse.Stmt) bool {
	switch st := ast.(type) {
	case *sqlparse.Insert, *sqlparse.Update, *sqlparse.Delete, *sqlparse.Truncate, *sqlparse.CreateTable,
		*sqlparse.DropTable, *sqlparse.CreateIndex, *sqlparse.DropIndex, *sqlparse.UpdateStatistics:
		return true
	case *sqlparse.SelectStmt:
		return st.IntoTemp != nil
	}
	return false
}
