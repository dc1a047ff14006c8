package e2e

import (
	"database/sql"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/go-informix/informix"
)

// scanColumn is one column of TestScanDestinations: its type, the literal
// inserted, and what it must scan into.
type scanColumn struct {
	name, sqlType, literal string
	natural                func() any // a pointer to the column's natural Go type
	want                   any        // what *natural holds
	text                   string     // what a *string holds
	null                   func() any // a pointer to a NULL-capable destination (sql.Null*, sql.Null[T])
}

func ptrTo[T any]() func() any { return func() any { return new(T) } }

// scanColumns lists a column of every scalar type with the values the
// test expects, written by hand from the literals.
func scanColumns(t testing.TB) []scanColumn {
	hm, err := informix.ParseDateTime("12:34", mustQualifier(t, informix.UnitHour, informix.UnitMinute))
	if err != nil {
		t.Fatal(err)
	}
	md, err := informix.ParseDateTime("05-04", mustQualifier(t, informix.UnitMonth, informix.UnitDay))
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	ts := time.Date(2026, 5, 4, 12, 34, 56, 789000000, time.UTC)
	return []scanColumn{
		{"si", "SMALLINT", "-300", ptrTo[int16](), int16(-300), "-300", ptrTo[sql.NullInt16]()},
		{"i", "INTEGER", "2147483647", ptrTo[int32](), int32(2147483647), "2147483647", ptrTo[sql.NullInt32]()},
		{"i8", "INT8", "-9223372036854775807", ptrTo[int64](), int64(-9223372036854775807), "-9223372036854775807", ptrTo[sql.NullInt64]()},
		{"bi", "BIGINT", "9000000000", ptrTo[int64](), int64(9000000000), "9000000000", ptrTo[sql.Null[int64]]()},
		{"sf", "SMALLFLOAT", "1.5", ptrTo[float32](), float32(1.5), "1.5", ptrTo[sql.Null[float32]]()},
		{"fl", "FLOAT", "2.25", ptrTo[float64](), 2.25, "2.25", ptrTo[sql.NullFloat64]()},
		// The column's scale is kept: 1234.5 in DECIMAL(8,2) is 1234.50.
		{"de", "DECIMAL(8,2)", "1234.5", ptrTo[informix.Decimal](), informix.NewDecimal(123450, -2), "1234.50", ptrTo[sql.Null[informix.Decimal]]()},
		{"mo", "MONEY(8,2)", "99.95", ptrTo[informix.Decimal](), informix.NewDecimal(9995, -2), "99.95", ptrTo[sql.NullString]()},
		{"ch", "CHAR(5)", "'ab'", ptrTo[string](), "ab   ", "ab   ", ptrTo[sql.NullString]()},
		{"nc", "NCHAR(4)", "'xy'", ptrTo[[]byte](), []byte("xy  "), "xy  ", ptrTo[sql.Null[string]]()},
		{"vc", "VARCHAR(20)", "'var'", ptrTo[string](), "var", "var", ptrTo[sql.NullString]()},
		{"nv", "NVARCHAR(20)", "'nvar'", ptrTo[string](), "nvar", "nvar", ptrTo[sql.NullString]()},
		{"lv", "LVARCHAR(100)", "'long'", ptrTo[string](), "long", "long", ptrTo[sql.Null[string]]()},
		{"bo", "BOOLEAN", "'t'", ptrTo[bool](), true, "true", ptrTo[sql.NullBool]()},
		{"da", "DATE", "'2026-01-02'", ptrTo[time.Time](), day, "2026-01-02T00:00:00Z", ptrTo[sql.NullTime]()},
		{"da2", "DATE", "'2026-01-02'", ptrTo[informix.Date](), informix.Date{Year: 2026, Month: time.January, Day: 2},
			"2026-01-02T00:00:00Z", ptrTo[sql.Null[informix.Date]]()},
		{"dt", "DATETIME YEAR TO FRACTION(3)", "'2026-05-04 12:34:56.789'", ptrTo[time.Time](), ts,
			"2026-05-04T12:34:56.789Z", ptrTo[sql.Null[time.Time]]()},
		{"hm", "DATETIME HOUR TO MINUTE", "'12:34'", ptrTo[informix.DateTime](), hm, "12:34", ptrTo[sql.Null[informix.DateTime]]()},
		{"md", "DATETIME MONTH TO DAY", "'05-04'", ptrTo[informix.DateTime](), md, "05-04", ptrTo[sql.Null[informix.DateTime]]()},
		// 3 days 04:05:06 = 3·86400 + 4·3600 + 5·60 + 6 = 273906 s.
		{"iv", "INTERVAL DAY(3) TO SECOND", "'3 04:05:06'", ptrTo[informix.IntervalDS](), informix.IntervalDS{Seconds: 273906},
			"3 04:05:06", ptrTo[sql.Null[informix.IntervalDS]]()},
		// 1 year 6 months = 18 months.
		{"iy", "INTERVAL YEAR(4) TO MONTH", "'1-06'", ptrTo[informix.IntervalYM](), informix.IntervalYM{Months: 18},
			"1-06", ptrTo[sql.Null[informix.IntervalYM]]()},
	}
}

// TestScanDestinations inserts one row holding every scalar type and one
// of NULLs, and scans every column into its natural Go type, a *string,
// an *any and a NULL-capable type (sql.NullString and its kin, or
// sql.Null[T]); the NULL row must give NULL in the last two and an error
// in the natural type (nil for a []byte) and the *string.
func TestScanDestinations(t *testing.T) {
	cols := scanColumns(t)
	defs, lits, nulls := make([]string, len(cols)), make([]string, len(cols)), make([]string, len(cols))
	for i, c := range cols {
		defs[i], lits[i], nulls[i] = c.name+" "+c.sqlType, c.literal, "NULL"
	}
	name := table(t, logged, "scan", "k INTEGER, "+strings.Join(defs, ", "))
	db := open(t, logged)
	mustExec(t, db, "INSERT INTO "+name+" VALUES (1, "+strings.Join(lits, ", ")+")")
	mustExec(t, db, "INSERT INTO "+name+" VALUES (2, "+strings.Join(nulls, ", ")+")")
	for _, c := range cols {
		t.Run(c.name+" "+c.sqlType, func(t *testing.T) {
			query := "SELECT " + c.name + " FROM " + name + " WHERE k = ?"
			scanInto(t, db, query, 1, c.natural, func(got any) error { return expect(got, c.want) })
			scanInto(t, db, query, 1, ptrTo[string](), func(got any) error { return expect(got, c.text) })
			scanInto(t, db, query, 1, ptrTo[any](), func(got any) error {
				if got == nil {
					return fmt.Errorf("nil for a value")
				}
				return nil
			})
			scanInto(t, db, query, 1, c.null, func(got any) error { return nullValid(got, true) })
			scanInto(t, db, query, 2, c.null, func(got any) error { return nullValid(got, false) })
			scanInto(t, db, query, 2, ptrTo[any](), func(got any) error { return expect(got, nil) })
			for _, newDest := range []func() any{c.natural, ptrTo[string]()} {
				dest := newDest()
				err := db.QueryRow(query, 2).Scan(dest)
				if b, ok := dest.(*[]byte); ok {
					// database/sql stores NULL into a []byte as nil.
					if err != nil || *b != nil {
						t.Errorf("NULL into *[]byte: %q, %v; want nil", *b, err)
					}
				} else if err == nil {
					t.Errorf("NULL scanned into %T without an error", dest)
				}
			}
		})
	}
}

// scanInto scans query's one row (with argument k) into a new destination
// and checks what it holds.
func scanInto(t *testing.T, db *sql.DB, query string, k int, newDest func() any, check func(any) error) {
	t.Helper()
	dest := newDest()
	if err := db.QueryRow(query, k).Scan(dest); err != nil {
		t.Errorf("row %d into %T: %v", k, dest, err)
		return
	}
	if err := check(reflect.ValueOf(dest).Elem().Interface()); err != nil {
		t.Errorf("row %d into %T: %v", k, dest, err)
	}
}

func expect(got, want any) error {
	if d, ok := want.(informix.Decimal); ok {
		if g, ok := got.(informix.Decimal); ok && g.Equal(d) && g.String() == d.String() {
			return nil
		}
	} else if reflect.DeepEqual(got, want) {
		return nil
	}
	return fmt.Errorf("got %T %v, want %T %v", got, got, want, want)
}

// nullValid checks the Valid field of an sql.Null* or sql.Null[T] value.
func nullValid(got any, valid bool) error {
	if v := reflect.ValueOf(got).FieldByName("Valid"); v.Bool() != valid {
		return fmt.Errorf("Valid is %v, want %v", v.Bool(), valid)
	}
	return nil
}
