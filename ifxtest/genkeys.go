package ifxtest

import (
	"fmt"
	"math"

	"github.com/go-informix/informix/ifxtest/internal/engine"
	"github.com/go-informix/informix/ifxtest/internal/sqlparse"
	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// keyRow is the generated-key row of an INSERT prepared after
// SQ_SGKPREPARE: the serial columns of its table and their row encoder.
type keyRow struct {
	cols   []ifxtype.Column
	layout *ifxtype.RowLayout
	size   int32 // the row's width: every key column is fixed-width
}

// describeKeys answers SQ_SGKPREPARE (sqli.SGKPrepare): for an INSERT into
// a table with SERIAL, SERIAL8 or BIGSERIAL columns it sends SQ_SGKDESCRIBE
// describing them, in the PREPARE answer before the statement's
// SQ_DESCRIBE, and remembers them for sendKeys. Any other statement gets
// no description, and IBM JDBC 15.0.0.1.1's getGeneratedKeys then returns
// an empty result, as it did before ifxtest answered the request.
//
// This answer was found by trying answers against JDBC as a black box
// (sqli.SGKDescribe, sqli.SGKTuple; conformance/testdata/jdbc/dml_counts.golden).
// Open question: which columns a real server describes (all serial
// columns of the table, as here, or also a primary key, or ROWID) is not
// known; a table has at most one column of each serial type.
//
// An INSERT into a replay table gets no description either: replay mode
// generates no serial values (executeReplay).
func (c *conn) describeKeys(s *stmt) error {
	if s.replay != nil {
		return nil
	}
	cols, err := c.serialColumns(s.st.SQL)
	if err != nil || len(cols) == 0 {
		return err
	}
	k := &keyRow{cols: cols}
	d := &sqli.SGKDescribe{Describe: sqli.Describe{StatementType: s.st.Type, StatementID: s.id}}
	for i := range k.cols {
		w, err := columnWidth(k.cols[i].Type, false)
		if err != nil {
			return fmt.Errorf("generated key column %s: %w", k.cols[i].Name, err)
		}
		k.cols[i].Start = k.size
		k.size += int32(w)
		d.Columns = append(d.Columns, sqli.DescribeColumn{Name: c.wireText(k.cols[i].Name, math.MaxInt32),
			Start: k.cols[i].Start, Type: k.cols[i].Type.Code, Length: k.cols[i].Type.Length})
	}
	if k.layout, err = ifxtype.NewRowLayout(k.cols); err != nil {
		return fmt.Errorf("generated key columns: %w", err)
	}
	d.TupleSize = k.size
	s.keys = k
	c.w.Send(d)
	return nil
}

// serialColumns returns the SERIAL, SERIAL8 and BIGSERIAL columns of the
// table an INSERT statement inserts into, in table order, or nothing for
// any other statement. It describes SELECT * FROM the table through the
// engine, which keeps the Informix column types.
func (c *conn) serialColumns(sql string) ([]ifxtype.Column, error) {
	p, err := sqlparse.Parse(sql)
	if err != nil {
		return nil, nil // the statement was prepared, so this does not happen
	}
	ins, ok := p.Stmt.(*sqlparse.Insert)
	if !ok {
		return nil, nil
	}
	table := ins.Table.Name
	if ins.Table.Owner != "" {
		table = ins.Table.Owner + "." + table
	}
	st, err := c.sess.Prepare("SELECT * FROM " + table)
	if err != nil {
		return nil, c.sendError(err)
	}
	var out []ifxtype.Column
	for _, col := range st.Columns {
		switch col.Type.Base() {
		case sqli.TypeSerial, sqli.TypeSerial8, sqli.TypeBigSerial:
			out = append(out, col)
		}
	}
	return out, nil
}

// sendKeys sends SQ_SGKTUPLE (sqli.SGKTuple) with the keys an execution
// of s generated, when s has generated-key columns and the execution
// inserted a row: each SERIAL column holds res.Serial, each SERIAL8
// res.Serial8 and each BIGSERIAL res.BigSerial, the values SQ_DONE and
// SQ_INSERTDONE report. It precedes SQ_INSERTDONE (SQLI.md §4 [B: S4]).
func (c *conn) sendKeys(s *stmt, res engine.Result) error {
	if s.keys == nil || res.Rows == 0 {
		return nil
	}
	vals := make([]any, len(s.keys.cols))
	for i, col := range s.keys.cols {
		switch col.Type.Base() {
		case sqli.TypeSerial:
			vals[i] = int64(res.Serial)
		case sqli.TypeSerial8:
			vals[i] = res.Serial8
		default:
			vals[i] = res.BigSerial
		}
	}
	row, err := s.keys.layout.AppendRow(nil, vals, c.codeSet())
	if err != nil {
		return fmt.Errorf("encode generated keys: %w", err)
	}
	c.w.Send(&sqli.SGKTuple{Tuple: sqli.Tuple{Data: row}})
	return nil
}
