package engine

import (
	"context"
	"math"
	"time"

	"github.com/go-informix/informix/ifxtest/internal/sqlparse"
	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// SleepRoutine is the one routine the engine knows: EXECUTE PROCEDURE
// ifxtest_sleep(seconds) waits that long, or until the statement is
// interrupted, which ends it with -213/-157 (SQLI.md §7.9). Tests use it
// to exercise the interrupt.
const SleepRoutine = "ifxtest_sleep"

// maxSleep bounds ifxtest_sleep.
const maxSleep = time.Hour

// sleepPlan runs ifxtest_sleep.
type sleepPlan struct {
	arg    cexpr
	params []ifxtype.Type
	extras []extraValue
}

// compileRoutine compiles EXECUTE PROCEDURE and EXECUTE FUNCTION. Any
// routine but ifxtest_sleep is -674 ("Routine (%s) can not be resolved.").
func (c *compiler) compileRoutine(cp *compiled, st *sqlparse.ExecuteRoutine) (described, error) {
	if st.Name.Name != SleepRoutine || len(st.Args) != 1 {
		return described{}, &Error{SQLCode: errNoRoutine, Message: st.Name.Name, Offset: st.Name.At}
	}
	arg, err := c.expr(&scope{}, st.Args[0])
	if err != nil {
		return described{}, err
	}
	if arg, err = c.convTo(arg, tBindDecimal); err != nil {
		return described{}, err
	}
	cp.impl = &sleepPlan{arg: arg, params: c.params, extras: c.extras}
	return described{stype: sqli.StmtExecuteProcedure, params: c.paramTypes()}, nil
}

func (p *sleepPlan) exec(ctx context.Context, s *Session, args []any) (Result, error) {
	vals, err := s.bindValues(args, p.params, p.extras)
	if err != nil {
		return Result{}, err
	}
	s.db.mu.Lock()
	rows, err := s.db.queryAll(s, "SELECT "+p.arg.sql, vals, nil)
	s.db.mu.Unlock()
	if err != nil {
		return Result{}, err
	}
	var secs float64
	if key, ok := rows[0][0].([]byte); ok {
		d, _ := decFromKey(key)
		secs, _ = d.Float64()
	}
	d := time.Duration(math.Min(math.Max(secs, 0), maxSleep.Seconds()) * float64(time.Second))
	s.mu.Unlock()
	defer s.mu.Lock()
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return Result{}, nil
	case <-ctx.Done():
		return Result{}, errInterrupt()
	}
}

// intoTempPlan runs SELECT … INTO TEMP: it creates a temporary table with
// the query's columns (all nullable) and fills it, reading under the
// session's isolation as a cursor does (isolation.go).
type intoTempPlan struct {
	name   sqlparse.Name
	query  query
	params []ifxtype.Type
	extras []extraValue
	reads  readSet
}

func (p *intoTempPlan) exec(ctx context.Context, s *Session, args []any) (Result, error) {
	vals, err := s.bindValues(args, p.params, p.extras)
	if err != nil {
		return Result{}, err
	}
	snapshot, err := s.awaitRead(ctx, &p.reads, vals)
	if err != nil {
		return Result{}, err
	}
	db := s.db
	defer db.mu.Unlock()
	if s.tableExists(true, p.name.Name) {
		return Result{}, &Error{SQLCode: errTableExists, Message: p.name.Name, Offset: p.name.At}
	}
	t := &table{name: p.name.Name, owner: s.user, temp: true, serial: -1, created: daysOfTime(s.e.now())}
	for i, col := range p.query.cols {
		name := col.Name
		if name == "" || name[0] == '(' || t.column(name) != nil {
			name = "expr" + itoa(i+1)
		}
		t.cols = append(t.cols, &column{name: name, typ: notNull(col.Type, false), colno: i + 1})
	}
	s.placeTable(t)
	var res Result
	err = s.runStatement(func(log *stmtLog) error {
		if err := s.createTable(t, log); err != nil {
			return err
		}
		if snapshot {
			return p.fillFromSnapshot(s, t, vals, &res)
		}
		r, err := db.exec("INSERT INTO "+t.sqlName+" "+p.query.sql, vals...)
		if err != nil {
			return s.sqliteError(err, t)
		}
		res.Rows, _ = r.RowsAffected()
		return nil
	})
	return res, err
}

// fillFromSnapshot fills the temporary table t with the query's rows as
// LAST COMMITTED reads them.
func (p *intoTempPlan) fillFromSnapshot(s *Session, t *table, vals []any, res *Result) error {
	rows, err := s.lastCommittedRows(p.query.sql, vals, &p.reads, t)
	if err != nil {
		return err
	}
	ins := insertSQL(t)
	for _, row := range rows {
		if _, err := s.db.exec(ins, row...); err != nil {
			return s.sqliteError(err, t)
		}
	}
	res.Rows = int64(len(rows))
	return nil
}
