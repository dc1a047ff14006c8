package engine

import (
	"context"
	"strings"

	"github.com/go-informix/informix/ifxtest/internal/sqlparse"
	"github.com/go-informix/informix/sqli"
)

// funcPlan is a statement run by a function of the session.
type funcPlan func(ctx context.Context, s *Session) error

func (f funcPlan) exec(ctx context.Context, s *Session, args []any) (Result, error) {
	if len(args) != 0 {
		return Result{}, ifxErr(-254, "")
	}
	return Result{}, f(ctx, s)
}

// compileOther compiles the statements that are neither queries nor DML:
// DDL, transaction control, SET, and database statements. Their statement
// types are those of sqlstype.h (sqli/describe.go).
func (c *compiler) compileOther(cp *compiled) (described, error) {
	var d described
	switch st := cp.ast.(type) {
	case *sqlparse.CreateTable:
		d.stype, cp.impl = sqli.StmtCreateTable, &createTablePlan{st: st}
		if st.Temp {
			d.stype = sqli.StmtCreateTempTable
		}
		if _, err := c.s.buildTable(cloneCreate(st)); err != nil {
			return d, err
		}
	case *sqlparse.DropTable:
		d.stype, cp.impl = sqli.StmtDropTable, &dropTablePlan{st: st}
	case *sqlparse.CreateIndex:
		d.stype, cp.impl = sqli.StmtCreateIndex, &createIndexPlan{st: st}
	case *sqlparse.DropIndex:
		d.stype, cp.impl = sqli.StmtDropIndex, &dropIndexPlan{st: st}
	case *sqlparse.Truncate:
		return c.compileTruncate(cp, st)
	case *sqlparse.UpdateStatistics:
		d.stype, cp.impl = sqli.StmtUpdateStatistics, funcPlan(func(context.Context, *Session) error { return nil })
	default:
		return c.compileControl(cp)
	}
	return d, nil
}

// cloneCreate copies a CREATE TABLE so that validating it leaves the
// parse tree as it was.
func cloneCreate(st *sqlparse.CreateTable) *sqlparse.CreateTable {
	cp := *st
	cp.Constraints = append([]sqlparse.TableConstraint(nil), st.Constraints...)
	return &cp
}

// compileTruncate compiles TRUNCATE TABLE as a DELETE of every row, with
// its own statement type, SQ_TRUNCATE (122).
func (c *compiler) compileTruncate(cp *compiled, st *sqlparse.Truncate) (described, error) {
	d, err := c.compileDelete(cp, &sqlparse.Delete{Table: st.Table})
	d.stype = sqli.StmtTruncate
	return d, err
}

// compileControl compiles transaction, SET and database statements.
func (c *compiler) compileControl(cp *compiled) (described, error) {
	var d described
	switch st := cp.ast.(type) {
	case *sqlparse.BeginWork:
		d.stype, cp.impl = sqli.StmtBeginWork, funcPlan(func(_ context.Context, s *Session) error { return s.beginWork() })
	case *sqlparse.CommitWork:
		d.stype, cp.impl = sqli.StmtCommitWork, unlockedPlan((*Session).Commit)
	case *sqlparse.RollbackWork:
		d.stype, cp.impl = sqli.StmtRollbackWork, unlockedPlan((*Session).Rollback)
		if st.ToSavepoint {
			name := st.Savepoint
			d.stype = sqli.StmtRollbackToSavepoint
			cp.impl = unlockedPlan(func(s *Session) error { return s.RollbackToSavepoint(name) })
		}
	case *sqlparse.Savepoint:
		d.stype = sqli.StmtSavepoint
		cp.impl = unlockedPlan(func(s *Session) error { return s.SetSavepoint(st.Name, st.Unique) })
	case *sqlparse.ReleaseSavepoint:
		d.stype = sqli.StmtReleaseSavepoint
		cp.impl = unlockedPlan(func(s *Session) error { return s.ReleaseSavepoint(st.Name) })
	default:
		return c.compileSet(cp)
	}
	return d, nil
}

// unlockedPlan runs a public Session method, which takes the session lock
// itself, from inside Execute, which holds it.
func unlockedPlan(fn func(s *Session) error) funcPlan {
	return func(_ context.Context, s *Session) error {
		s.mu.Unlock()
		defer s.mu.Lock()
		return fn(s)
	}
}

// setTypes are the statement types of SET statements (sqlstype.h); a SET
// the table lacks describes as SET ENVIRONMENT [I].
var setTypes = map[string]sqli.StmtType{
	"explain": sqli.StmtSetExplain, "pdqpriority": sqli.StmtSetPDQPriority,
	"environment": sqli.StmtSetEnvironment, "optimization": 52, "log": 49, "constraints": 55,
}

// compileSet compiles the SET statements and the database statements.
func (c *compiler) compileSet(cp *compiled) (described, error) {
	var d described
	switch st := cp.ast.(type) {
	case *sqlparse.SetIsolation:
		d.stype = sqli.StmtSetIsolation
		cp.impl = funcPlan(func(_ context.Context, s *Session) error { return s.setIsolation(st) })
	case *sqlparse.SetTransaction:
		// sqlstype.h has no type of its own for SET TRANSACTION; it is
		// described as SET ISOLATION, whose ANSI form it is [I].
		d.stype = sqli.StmtSetIsolation
		cp.impl = funcPlan(func(_ context.Context, s *Session) error { return s.setTransaction(st) })
	case *sqlparse.SetLockMode:
		d.stype = sqli.StmtSetLockMode
		cp.impl = funcPlan(func(_ context.Context, s *Session) error { s.lockWait = st.Seconds; return nil })
	case *sqlparse.SetOption:
		d.stype = sqli.StmtSetEnvironment
		if t, ok := setTypes[st.Kind]; ok {
			d.stype = t
		}
		cp.impl = funcPlan(func(_ context.Context, s *Session) error { s.options[st.Kind] = st.Text; return nil })
	default:
		return c.compileDatabase(cp)
	}
	return d, nil
}

// isolationName maps the ANSI spellings of SET TRANSACTION to Informix's
// levels (IBM Guide to SQL: Syntax, "Comparing SET TRANSACTION with SET
// ISOLATION": READ UNCOMMITTED is DIRTY READ, READ COMMITTED is COMMITTED
// READ, SERIALIZABLE and REPEATABLE READ are REPEATABLE READ).
func isolationName(level string) string {
	switch level {
	case "READ UNCOMMITTED":
		return "DIRTY READ"
	case "READ COMMITTED":
		return "COMMITTED READ"
	case "SERIALIZABLE":
		return "REPEATABLE READ"
	}
	return level
}

// compileDatabase compiles DATABASE, CLOSE DATABASE, CREATE DATABASE and
// DROP DATABASE.
func (c *compiler) compileDatabase(cp *compiled) (described, error) {
	var d described
	switch st := cp.ast.(type) {
	case *sqlparse.DatabaseStmt:
		d.stype = sqli.StmtDatabase
		cp.impl = funcPlan(func(_ context.Context, s *Session) error {
			_, err := s.openDatabase(st.Name.Name)
			return err
		})
	case *sqlparse.CloseDatabase:
		d.stype = sqli.StmtCloseDatabase
		cp.impl = funcPlan(func(_ context.Context, s *Session) error { return s.closeDatabase() })
	case *sqlparse.CreateDatabase:
		d.stype, cp.impl = sqli.StmtCreateDatabase, funcPlan(func(_ context.Context, s *Session) error { return s.createDatabase(st) })
	case *sqlparse.DropDatabase:
		d.stype, cp.impl = sqli.StmtDropDatabase, funcPlan(func(_ context.Context, s *Session) error { return s.dropDatabase(st) })
	default:
		return d, syntaxAt(0, "")
	}
	return d, nil
}

// createDatabase runs CREATE DATABASE, which also makes the new database
// the session's current one (IBM Guide to SQL: Syntax, CREATE DATABASE:
// "the database server opens the new database"). A name in use is -330.
func (s *Session) createDatabase(st *sqlparse.CreateDatabase) error {
	logging := NoLogging
	switch {
	case st.ANSI:
		logging = ANSI
	case st.Buffered:
		logging = BufferedLogging
	case st.Log:
		logging = UnbufferedLogging
	}
	locale := ""
	if s.db != nil {
		locale = s.db.locale
	}
	if _, err := s.e.createDatabase(DatabaseConfig{Name: st.Name.Name, Logging: logging, Locale: locale}); err != nil {
		if e, ok := err.(*Error); ok {
			e.Offset = st.Name.At
		}
		return err
	}
	_, err := s.openDatabase(st.Name.Name)
	return err
}

// dropDatabase runs DROP DATABASE: the session's own database is -359
// ("Cannot drop or rename the current database or any open database").
func (s *Session) dropDatabase(st *sqlparse.DropDatabase) error {
	if s.db != nil && strings.EqualFold(s.db.name, st.Name.Name) {
		return ifxErr(errDropOpenDB, "")
	}
	return s.e.dropDatabase(st.Name.Name)
}
