package engine

import (
	"context"
	"strings"

	"github.com/go-informix/informix/sqli"
)

// exec inserts the rows; the rows of INSERT … SELECT, and subqueries in
// VALUES, are read under the session's isolation as a cursor reads them
// (isolation.go).
func (p *insertPlan) exec(ctx context.Context, s *Session, args []any) (Result, error) {
	vals, err := s.bindValues(args, p.params, p.extras)
	if err != nil {
		return Result{}, err
	}
	snapshot, err := s.awaitRead(ctx, &p.reads, vals)
	if err != nil {
		return Result{}, err
	}
	defer s.db.mu.Unlock()
	var res Result
	err = s.runStatement(func(log *stmtLog) error {
		rows, err := p.sourceRows(s, vals, snapshot)
		if err != nil {
			return err
		}
		for _, row := range rows {
			if err := s.insertRow(p.table, p.cols, row, &res, log); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return Result{}, err
	}
	s.noteSerials(p.table, res)
	return res, nil
}

// sourceRows produces the rows to insert, each value in the stored form of
// its target column; snapshot reads them as LAST COMMITTED does.
func (p *insertPlan) sourceRows(s *Session, vals []any, snapshot bool) ([][]any, error) {
	read := s.db.queryAll
	if snapshot {
		read = func(s *Session, q string, vals []any, t *table) ([][]any, error) {
			return s.lastCommittedRows(q, vals, &p.reads, t)
		}
	}
	if p.query != "" {
		return read(s, p.query, vals, p.table)
	}
	row := make([]any, len(p.values))
	var evaluated []any
	if p.evalSQL != "" {
		rows, err := read(s, p.evalSQL, vals, p.table)
		if err != nil {
			return nil, err
		}
		evaluated = rows[0]
	}
	for i, src := range p.values {
		switch {
		case src.konst:
			row[i] = src.kval
		case src.param >= 0:
			row[i] = vals[src.param]
		default:
			row[i] = evaluated[src.col]
		}
	}
	return [][]any{row}, nil
}

// queryAll runs a query to its end and returns its rows (an INSERT reads
// its source completely before writing, so INSERT INTO t SELECT … FROM t
// does not see its own rows).
func (db *database) queryAll(s *Session, query string, args []any, t *table) ([][]any, error) {
	rows, err := db.conn.QueryContext(context.Background(), query, args...)
	if err != nil {
		return nil, s.sqliteError(err, t)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, internalError("query columns", err)
	}
	var out [][]any
	for rows.Next() {
		row := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range row {
			ptrs[i] = &row[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, internalError("scan", err)
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		return nil, s.sqliteError(err, t)
	}
	return out, nil
}

// insertRow inserts one row: the given values into cols, defaults into
// the other columns, the next SERIAL where the serial column gets 0 or
// nothing. A NULL into a NOT NULL column is -391.
func (s *Session) insertRow(t *table, cols []int, vals []any, res *Result, log *stmtLog) error {
	row := make([]any, len(t.cols))
	given := make([]bool, len(t.cols))
	for i, ci := range cols {
		row[ci], given[ci] = vals[i], true
	}
	for i, c := range t.cols {
		if !given[i] && c.hasDef {
			v, err := s.defaultValue(c)
			if err != nil {
				return err
			}
			row[i] = v
		}
	}
	if t.serial >= 0 {
		if err := s.assignSerial(t, row, res); err != nil {
			return err
		}
	}
	for i, c := range t.cols {
		if row[i] == nil && c.typ.Code.NotNull() {
			return nullColumnError(t, c)
		}
	}
	r, err := s.db.exec(insertSQL(t), row...)
	if err != nil {
		return s.sqliteError(err, t)
	}
	rowid, _ := r.LastInsertId()
	res.Rows++
	res.RowID = rowid
	s.logInsert(t, rowid, log)
	return nil
}

// insertSQL is the INSERT of a full row of t.
func insertSQL(t *table) string {
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(t.cols)), ", ")
	return "INSERT INTO " + t.sqlName + " VALUES (" + marks + ")"
}

// logInsert records how to undo an insert and locks the new row.
func (s *Session) logInsert(t *table, rowid int64, log *stmtLog) {
	if !s.inTxLocked() {
		return
	}
	db := s.db
	log.addRowUndo(t.tabid, func() error {
		_, err := db.exec("DELETE FROM "+t.sqlName+" WHERE rowid = ?", rowid)
		return err
	})
	log.locks = append(log.locks, lockKey{t.tabid, rowid})
}

// assignSerial applies Informix's SERIAL rules (IBM Guide to SQL:
// Reference, SERIAL data type): inserting 0 (or nothing) takes the next
// value; inserting a positive value uses it and, when it is larger than
// any yet, makes the next value follow it. The counter is not rolled back
// with a transaction.
func (s *Session) assignSerial(t *table, row []any, res *Result) error {
	col := t.cols[t.serial]
	v, _ := row[t.serial].(int64)
	if row[t.serial] == nil || v == 0 {
		v = t.nextSerial
		if _, err := checkIntRange(v, col.typ); err != nil {
			return err
		}
		t.nextSerial++
		row[t.serial] = v
	} else if v >= t.nextSerial {
		t.nextSerial = v + 1
	}
	switch col.typ.Base() {
	case sqli.TypeSerial:
		res.Serial = int32(v)
	case sqli.TypeSerial8:
		res.Serial8, res.InsertDone = v, true
	case sqli.TypeBigSerial:
		res.BigSerial, res.InsertDone = v, true
	}
	return nil
}

// noteSerials remembers the last generated serials for DBINFO.
func (s *Session) noteSerials(t *table, res Result) {
	if t.serial < 0 || res.Rows == 0 {
		return
	}
	switch t.cols[t.serial].typ.Base() {
	case sqli.TypeSerial:
		s.lastSerial = int64(res.Serial)
	case sqli.TypeSerial8:
		s.lastSerial8 = res.Serial8
	case sqli.TypeBigSerial:
		s.lastBigSerial = res.BigSerial
	}
}

// defaultValue returns a column's default in stored form.
func (s *Session) defaultValue(c *column) (any, error) {
	if c.defFunc == "" {
		return c.def, nil
	}
	v, err := s.extraValue(extraValue{kind: c.defFunc, q: c.defType.Qualifier()}, s.convCtx())
	if err != nil {
		return nil, err
	}
	if c.defFunc == "user" {
		u, ferr := fitText(v.(string), c.typ, s.convCtx())
		if ferr != nil {
			return nil, ferr
		}
		return u, nil
	}
	return v, nil
}

func (p *updatePlan) exec(ctx context.Context, s *Session, args []any) (Result, error) {
	vals, err := s.bindValues(args, p.params, p.extras)
	if err != nil {
		return Result{}, err
	}
	where := whereSQL(p.where)
	capture := "SELECT rowid"
	for _, ci := range p.setCols {
		capture += ", " + p.alias + "." + quoteIdent(p.table.cols[ci].name)
	}
	capture += " FROM " + p.table.sqlName + " AS " + p.alias + where
	update := "UPDATE " + p.table.sqlName + " AS " + p.alias + " SET " + p.set + where
	return s.writeRows(ctx, p.table, capture, vals, &p.reads, func(log *stmtLog, old [][]any) (Result, error) {
		r, err := s.db.exec(update, vals...)
		if err != nil {
			return Result{}, s.updateError(err, p.table)
		}
		n, _ := r.RowsAffected()
		s.logUpdate(p.table, p.setCols, old, log)
		return Result{Rows: n}, nil
	})
}

func whereSQL(w string) string {
	if w == "" {
		return ""
	}
	return " WHERE " + w
}

// updateError maps a failed UPDATE; a duplicate key that is not a
// constraint violation in a logged database is -346 with ISAM -100
// ("Could not update a row in the table"; 4Js: "sqlcode==-346 AND
// sqlerrd[2]==-100" is a unique violation).
func (s *Session) updateError(err error, t *table) error {
	e := s.sqliteError(err, t)
	if ie, ok := e.(*Error); ok && ie.SQLCode == errDuplicateIndex {
		return ifxErrISAM(-346, isamDuplicate, ie.Message)
	}
	return e
}

// logUpdate records the old values of updated rows.
func (s *Session) logUpdate(t *table, setCols []int, old [][]any, log *stmtLog) {
	if !s.inTxLocked() || len(old) == 0 {
		return
	}
	sets := make([]string, len(setCols))
	for i, ci := range setCols {
		sets[i] = quoteIdent(t.cols[ci].name) + " = ?"
	}
	q := "UPDATE " + t.sqlName + " SET " + strings.Join(sets, ", ") + " WHERE rowid = ?"
	db := s.db
	log.addRowUndo(t.tabid, func() error {
		for _, row := range old {
			if _, err := db.exec(q, append(row[1:len(row):len(row)], row[0])...); err != nil {
				return err
			}
		}
		return nil
	})
}

func (p *deletePlan) exec(ctx context.Context, s *Session, args []any) (Result, error) {
	vals, err := s.bindValues(args, p.params, p.extras)
	if err != nil {
		return Result{}, err
	}
	where := whereSQL(p.where)
	capture := "SELECT rowid, * FROM " + p.table.sqlName + " AS " + p.alias + where
	del := "DELETE FROM " + p.table.sqlName + " AS " + p.alias + where
	return s.writeRows(ctx, p.table, capture, vals, &p.reads, func(log *stmtLog, old [][]any) (Result, error) {
		r, err := s.db.exec(del, vals...)
		if err != nil {
			return Result{}, s.sqliteError(err, p.table)
		}
		n, _ := r.RowsAffected()
		s.logDelete(p.table, old, log)
		return Result{Rows: n}, nil
	})
}

// logDelete records the deleted rows, to put them back.
func (s *Session) logDelete(t *table, old [][]any, log *stmtLog) {
	if !s.inTxLocked() || len(old) == 0 {
		return
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(t.cols)+1), ", ")
	q := "INSERT INTO " + t.sqlName + " (rowid, " + columnList(t) + ") VALUES (" + marks + ")"
	db := s.db
	log.addRowUndo(t.tabid, func() error {
		for _, row := range old {
			if _, err := db.exec(q, row...); err != nil {
				return err
			}
		}
		return nil
	})
}

func columnList(t *table) string {
	names := make([]string, len(t.cols))
	for i, c := range t.cols {
		names[i] = quoteIdent(c.name)
	}
	return strings.Join(names, ", ")
}

// writeRows runs an UPDATE or DELETE under Informix's row locks. It reads
// the rows the statement will touch (their old values, when a transaction
// keeps them for undo); when other sessions hold a lock on one of them,
// it fails at once in lock mode NOT WAIT with -244 and ISAM -107 ("record
// is locked"), or waits for the lock in mode WAIT, up to the configured
// seconds, then fails with -244 and ISAM -154 (SQLI.md §7.7 [W: S3]). A
// cancelled ctx ends the wait with -213/-157, a deadlock fails it at once
// with -244 and ISAM -143 (awaitLocks). The tables its subqueries read
// (reads) are checked as a query reads them (checkReads), with the same
// waiting; a statement kept off both kinds of rows waits for the holders
// of either.
func (s *Session) writeRows(ctx context.Context, t *table, capture string, vals []any, reads *readSet,
	apply func(log *stmtLog, old [][]any) (Result, error)) (Result, error) {
	db := s.db
	deadline := s.lockDeadline()
	for {
		db.mu.Lock()
		var old [][]any
		_, blocked, err := s.checkReads(reads, vals, false)
		if err == nil && (s.inTxLocked() || db.locks.othersHold(s.id, t.tabid)) {
			old, err = db.queryAll(s, capture, vals, t)
		}
		if err != nil {
			db.mu.Unlock()
			return Result{}, err
		}
		rowids := firstColumn(old)
		db.locks.blockers(s.id, t.tabid, rowids, &blocked)
		if blocked != nil {
			if err := s.awaitLocks(ctx, blocked, deadline); err != nil {
				return Result{}, err
			}
			continue
		}
		var res Result
		err = s.runStatement(func(log *stmtLog) error {
			var err error
			res, err = apply(log, old)
			for _, r := range rowids {
				log.locks = append(log.locks, lockKey{t.tabid, r})
			}
			return err
		})
		db.mu.Unlock()
		return res, err
	}
}

func firstColumn(rows [][]any) []int64 {
	out := make([]int64, 0, len(rows))
	for _, r := range rows {
		if id, ok := r[0].(int64); ok {
			out = append(out, id)
		}
	}
	return out
}
