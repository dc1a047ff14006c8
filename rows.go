package informix

import (
	"database/sql"
	"database/sql/driver"
	"io"
	"math"
	"reflect"
	"strings"
	"time"

	"github.com/go-informix/informix/ifxconn"
	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// rows is a result set: driver.Rows over ifxconn.Rows, which streams the
// rows from the server as Next asks for them. Other statements may run on
// the connection while it is open (ifxconn reads ahead the rest of a fetch
// answer they find in flight).
type rows struct {
	r     *ifxconn.Rows
	cols  []ifxtype.Column
	names []string
	vals  []any  // the values of the row Next decodes, reused from row to row
	text  []byte // scratch for the text of a value, reused

	// Room for names and vals of a result of few columns, the common
	// single-value query, so that they cost no allocation of their own.
	smallNames [smallResult]string
	smallVals  [smallResult]any
}

// smallResult is the number of columns rows holds without allocating.
const smallResult = 4

var (
	_ driver.Rows                           = (*rows)(nil)
	_ driver.RowsColumnTypeDatabaseTypeName = (*rows)(nil)
	_ driver.RowsColumnTypeLength           = (*rows)(nil)
	_ driver.RowsColumnTypeNullable         = (*rows)(nil)
	_ driver.RowsColumnTypePrecisionScale   = (*rows)(nil)
	_ driver.RowsColumnTypeScanType         = (*rows)(nil)
)

func newRows(r *ifxconn.Rows) *rows {
	cols := r.Columns()
	rs := &rows{r: r, cols: cols}
	if len(cols) <= smallResult {
		rs.names, rs.vals = rs.smallNames[:len(cols)], rs.smallVals[:len(cols)]
	} else {
		rs.names, rs.vals = make([]string, len(cols)), make([]any, len(cols))
	}
	for i, c := range cols {
		rs.names[i] = c.Name
	}
	return rs
}

// Columns returns the column names as the server describes them.
func (r *rows) Columns() []string { return r.names }

// Close closes the cursor (and releases a one-shot statement). It is safe
// to call more than once.
func (r *rows) Close() error { return mapError("close rows", r.r.Close(), false) }

// Next reads the next row into dest, in the Go types of arenaValue. It
// returns io.EOF after the last row; an error in the middle of a result
// (a lost connection, a cancelled context) is returned as an error, never
// as the end of the rows.
func (r *rows) Next(dest []driver.Value) error {
	if len(r.vals) != len(dest) {
		r.vals = make([]any, len(dest))
	}
	if err := r.r.Next(r.vals); err != nil {
		if err == io.EOF {
			return io.EOF
		}
		return mapError("fetch", err, false)
	}
	a := r.r.Arena()
	for i, v := range r.vals {
		dest[i] = arenaValue(v, a, &r.text)
	}
	return nil
}

// arenaValue converts a value ifxtype decoded into what database/sql gets.
// The choices follow what database/sql's convertAssign can do with each
// source type, so that every common destination works:
//
//   - DECIMAL and MONEY become their exact decimal text (Decimal.String,
//     the column's scale kept: "1234.50"), so that *string, *float64,
//     sql.NullString and *Decimal (whose Scan parses the text back to the
//     same value and scale) all work; convertAssign cannot put a Decimal
//     struct into a *string.
//   - INTERVAL becomes its literal text ("-3 04:05:06.12345", "1-06"),
//     which *string and *IntervalYM/*IntervalDS both read; the text does not
//     carry the qualifier.
//   - DATETIME starting at YEAR becomes a time.Time in UTC (a DATETIME has
//     no time zone); a DATETIME without a year (HOUR TO MINUTE, MONTH TO
//     DAY) becomes its literal text ("12:34", "05-04"), since a time.Time
//     would invent a date and a DateTime struct is not a driver.Value that
//     *string accepts; *DateTime reads the text back (DateTime.Scan infers
//     the qualifier, or uses the destination's).
//   - SMALLFLOAT widens exactly to float64.
//
// Integers are int64, FLOAT float64, character types string, BOOLEAN bool,
// DATE a time.Time at midnight UTC, NULL nil.
//
// The converted values are boxed in a, the arena of the ifxconn.Rows (nil:
// as Go boxes), without an allocation each; text is
// scratch memory for the text of a DECIMAL, reused.
func arenaValue(v any, a *ifxtype.Arena, text *[]byte) any {
	switch x := v.(type) {
	case ifxtype.Decimal:
		*text, _ = x.AppendText((*text)[:0])
		return a.Box(a.String(*text))
	case ifxtype.IntervalYM:
		return x.String()
	case ifxtype.IntervalDS:
		return x.String()
	case ifxtype.DateTime:
		if x.Qualifier.Start() == ifxtype.UnitYear {
			return a.Time(x.Time(time.UTC))
		}
		return x.String()
	case float32:
		return a.Float64(float64(x))
	}
	return v
}

// ColumnTypeDatabaseTypeName returns the column's Informix type name in
// upper case without its length, precision or scale ("INTEGER", "DECIMAL",
// "VARCHAR", "LVARCHAR", "BOOLEAN", "SERIAL8"), except that DATETIME and
// INTERVAL keep their qualifier ("DATETIME YEAR TO SECOND", "INTERVAL
// DAY(3) TO SECOND"): the qualifier says which fields the values have, so
// it is part of the type rather than a size.
func (r *rows) ColumnTypeDatabaseTypeName(i int) string {
	t := r.cols[i].Type
	switch b := t.Base(); b {
	case sqli.TypeDateTime, sqli.TypeInterval:
		return t.SQLName()
	case sqli.TypeUDTVar, sqli.TypeUDTFixed:
		if t.Name != "" {
			return strings.ToUpper(t.Name)
		}
		return b.String()
	default:
		return b.String()
	}
}

// lvarcharDefault is the maximum of an LVARCHAR declared without a length
// (TYPES.md §5.10).
const lvarcharDefault = 32739

// ColumnTypeLength returns the declared maximum length in bytes of a
// character column: n for CHAR(n) and NCHAR(n), the maximum of VARCHAR(max,
// reserve) and NVARCHAR, n for LVARCHAR(n) (32739 when undeclared),
// math.MaxInt64 for TEXT and BYTE. Other types have no length.
func (r *rows) ColumnTypeLength(i int) (int64, bool) {
	t := r.cols[i].Type
	switch t.Base() {
	case sqli.TypeChar, sqli.TypeNChar:
		return int64(t.Length), true
	case sqli.TypeVarChar, sqli.TypeNVarChar:
		m, _ := t.VarCharMax()
		return int64(m), true
	case sqli.TypeLVarChar:
		if t.Length <= 0 {
			return lvarcharDefault, true
		}
		return int64(t.Length), true
	case sqli.TypeText, sqli.TypeByte:
		return math.MaxInt64, true
	}
	return 0, false
}

// ColumnTypeNullable reports the NOT NULL flag of the column's
// description (SQLI.md §6.4), which Informix always sends.
func (r *rows) ColumnTypeNullable(i int) (nullable, ok bool) {
	return r.cols[i].Type.Nullable(), true
}

// ColumnTypePrecisionScale returns, for DECIMAL(p,s) and MONEY(p,s), p and
// s; for a floating DECIMAL(p), p and math.MaxInt64 (no fixed scale, in
// the way database/sql/driver documents an unconstrained decimal); for
// DATETIME and INTERVAL, the qualifier's total digits and its fraction
// digits (DATETIME YEAR TO FRACTION(3): 17 and 3).
func (r *rows) ColumnTypePrecisionScale(i int) (precision, scale int64, ok bool) {
	t := r.cols[i].Type
	switch t.Base() {
	case sqli.TypeDecimal, sqli.TypeMoney:
		if t.Length == 0 {
			t.Length = ifxtype.DecimalDefaultLength
			if t.Base() == sqli.TypeMoney {
				t.Length = ifxtype.MoneyDefaultLength
			}
		}
		if t.Scale() < 0 {
			return int64(t.Precision()), math.MaxInt64, true
		}
		return int64(t.Precision()), int64(t.Scale()), true
	case sqli.TypeDateTime, sqli.TypeInterval:
		q := t.Qualifier()
		return int64(q.Digits()), int64(q.FractionDigits()), true
	}
	return 0, 0, false
}

// ColumnTypeScanType returns the Go type to scan the column into: int64,
// float64, Decimal, string, bool, time.Time (DATE, DATETIME from YEAR),
// DateTime (DATETIME without YEAR), IntervalYM or IntervalDS; for a
// nullable column the sql.Null form (sql.NullInt64, sql.Null[Decimal], …).
func (r *rows) ColumnTypeScanType(i int) reflect.Type {
	t := r.cols[i].Type
	base, null := scanTypes(t)
	if t.Nullable() {
		return null
	}
	return base
}

// scanTypes returns the scan type of t and of its nullable form.
func scanTypes(t ifxtype.Type) (reflect.Type, reflect.Type) {
	switch t.Base() {
	case sqli.TypeSmallInt, sqli.TypeInteger, sqli.TypeSerial, sqli.TypeInt8,
		sqli.TypeSerial8, sqli.TypeBigInt, sqli.TypeBigSerial:
		return reflect.TypeFor[int64](), reflect.TypeFor[sql.NullInt64]()
	case sqli.TypeSmallFloat, sqli.TypeFloat:
		return reflect.TypeFor[float64](), reflect.TypeFor[sql.NullFloat64]()
	case sqli.TypeDecimal, sqli.TypeMoney:
		return reflect.TypeFor[Decimal](), reflect.TypeFor[sql.Null[Decimal]]()
	case sqli.TypeChar, sqli.TypeNChar, sqli.TypeVarChar, sqli.TypeNVarChar, sqli.TypeLVarChar:
		return reflect.TypeFor[string](), reflect.TypeFor[sql.NullString]()
	case sqli.TypeBoolean:
		return reflect.TypeFor[bool](), reflect.TypeFor[sql.NullBool]()
	case sqli.TypeDate:
		return reflect.TypeFor[time.Time](), reflect.TypeFor[sql.NullTime]()
	case sqli.TypeDateTime:
		if t.Qualifier().Start() == ifxtype.UnitYear {
			return reflect.TypeFor[time.Time](), reflect.TypeFor[sql.NullTime]()
		}
		return reflect.TypeFor[DateTime](), reflect.TypeFor[sql.Null[DateTime]]()
	case sqli.TypeInterval:
		if t.Qualifier().Start() <= ifxtype.UnitMonth {
			return reflect.TypeFor[IntervalYM](), reflect.TypeFor[sql.Null[IntervalYM]]()
		}
		return reflect.TypeFor[IntervalDS](), reflect.TypeFor[sql.Null[IntervalDS]]()
	}
	return reflect.TypeFor[any](), reflect.TypeFor[any]()
}
