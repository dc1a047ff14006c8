package e2e

import (
	"database/sql"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/go-informix/informix"
)

// columnType is what Rows.ColumnTypes must report for one column.
type columnType struct {
	def      string // column definition
	name     string // DatabaseTypeName
	length   int64  // Length, or -1 when the type has none
	prec     int64  // DecimalSize precision, or -1 when the type has none
	scale    int64
	nullable bool
	scan     reflect.Type
}

func typeOf[T any]() reflect.Type { return reflect.TypeFor[T]() }

// columnTypes lists a column of every scalar type. The sizes are worked by
// hand from the definitions (TYPES.md §2.1 and §5.7–§5.8): a DATETIME or
// INTERVAL has as many digits as its fields (YEAR 4, each other field 2,
// FRACTION(n) n, an INTERVAL's first field its precision), a floating
// DECIMAL(p) has no scale (math.MaxInt64, as database/sql/driver documents
// for an unconstrained decimal), an LVARCHAR without a length holds 2048
// bytes (TYPES.md §2.1, §5.10). SERIAL columns are NOT NULL (TYPES.md §1.2), as
// is a column declared so. The names, scan types and the rest follow the
// driver's documentation (doc.go).
var columnTypes = []columnType{
	{"c_smallint SMALLINT", "SMALLINT", -1, -1, 0, true, typeOf[sql.NullInt64]()},
	{"c_integer INTEGER NOT NULL", "INTEGER", -1, -1, 0, false, typeOf[int64]()},
	{"c_int8 INT8", "INT8", -1, -1, 0, true, typeOf[sql.NullInt64]()},
	{"c_bigint BIGINT", "BIGINT", -1, -1, 0, true, typeOf[sql.NullInt64]()},
	{"c_serial SERIAL", "SERIAL", -1, -1, 0, false, typeOf[int64]()},
	{"c_smallfloat SMALLFLOAT", "SMALLFLOAT", -1, -1, 0, true, typeOf[sql.NullFloat64]()},
	{"c_float FLOAT NOT NULL", "FLOAT", -1, -1, 0, false, typeOf[float64]()},
	{"c_decimal DECIMAL(5,2)", "DECIMAL", -1, 5, 2, true, typeOf[sql.Null[informix.Decimal]]()},
	{"c_decfloat DECIMAL(16)", "DECIMAL", -1, 16, math.MaxInt64, true, typeOf[sql.Null[informix.Decimal]]()},
	{"c_money MONEY(16,2) NOT NULL", "MONEY", -1, 16, 2, false, typeOf[informix.Decimal]()},
	{"c_date DATE", "DATE", -1, -1, 0, true, typeOf[sql.NullTime]()},
	// YEAR TO SECOND: 4+2+2+2+2+2 = 14 digits.
	{"c_dt_yts DATETIME YEAR TO SECOND", "DATETIME YEAR TO SECOND", -1, 14, 0, true, typeOf[sql.NullTime]()},
	// YEAR TO FRACTION(3): 14+3 = 17 digits, 3 of them fraction.
	{"c_dt_ytf3 DATETIME YEAR TO FRACTION(3) NOT NULL", "DATETIME YEAR TO FRACTION(3)", -1, 17, 3, false, typeOf[time.Time]()},
	// HOUR TO MINUTE: 2+2 = 4.
	{"c_dt_htm DATETIME HOUR TO MINUTE", "DATETIME HOUR TO MINUTE", -1, 4, 0, true, typeOf[sql.Null[informix.DateTime]]()},
	// DAY(9) TO FRACTION(5): 9+2+2+2+5 = 20, 5 of them fraction.
	{"c_iv_df INTERVAL DAY(9) TO FRACTION(5)", "INTERVAL DAY(9) TO FRACTION(5)", -1, 20, 5, true, typeOf[sql.Null[informix.IntervalDS]]()},
	// YEAR(4) TO MONTH: 4+2 = 6.
	{"c_iv_ym INTERVAL YEAR(4) TO MONTH NOT NULL", "INTERVAL YEAR(4) TO MONTH", -1, 6, 0, false, typeOf[informix.IntervalYM]()},
	{"c_char CHAR(10)", "CHAR", 10, -1, 0, true, typeOf[sql.NullString]()},
	{"c_nchar NCHAR(7)", "NCHAR", 7, -1, 0, true, typeOf[sql.NullString]()},
	{"c_varchar VARCHAR(255,10)", "VARCHAR", 255, -1, 0, true, typeOf[sql.NullString]()},
	{"c_nvarchar NVARCHAR(100) NOT NULL", "NVARCHAR", 100, -1, 0, false, typeOf[string]()},
	{"c_lvarchar LVARCHAR(32000)", "LVARCHAR", 32000, -1, 0, true, typeOf[sql.NullString]()},
	{"c_lvardefault LVARCHAR", "LVARCHAR", 2048, -1, 0, true, typeOf[sql.NullString]()},
	{"c_boolean BOOLEAN", "BOOLEAN", -1, -1, 0, true, typeOf[sql.NullBool]()},
}

// TestColumnTypes describes a table with a column of every scalar type and
// checks each column's ColumnType answers.
func TestColumnTypes(t *testing.T) {
	defs := make([]string, len(columnTypes))
	for i, c := range columnTypes {
		defs[i] = c.def
	}
	name := table(t, logged, "coltypes", strings.Join(defs, ", "))
	db := open(t, logged)
	rows, err := db.Query("SELECT * FROM " + name)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cts, err := rows.ColumnTypes()
	if err != nil || len(cts) != len(columnTypes) {
		t.Fatalf("%d column types, %v; want %d", len(cts), err, len(columnTypes))
	}
	for i, want := range columnTypes {
		checkColumnType(t, cts[i], want)
	}
}

func checkColumnType(t *testing.T, ct *sql.ColumnType, want columnType) {
	t.Helper()
	col, _, _ := strings.Cut(want.def, " ")
	if ct.Name() != col {
		t.Errorf("%s: Name %q", want.def, ct.Name())
	}
	if n := ct.DatabaseTypeName(); n != want.name {
		t.Errorf("%s: DatabaseTypeName %q, want %q", want.def, n, want.name)
	}
	if n, ok := ct.Length(); ok != (want.length >= 0) || (ok && n != want.length) {
		t.Errorf("%s: Length %d, %v; want %d", want.def, n, ok, want.length)
	}
	if p, s, ok := ct.DecimalSize(); ok != (want.prec >= 0) || (ok && (p != want.prec || s != want.scale)) {
		t.Errorf("%s: DecimalSize %d, %d, %v; want %d, %d", want.def, p, s, ok, want.prec, want.scale)
	}
	if n, ok := ct.Nullable(); !ok || n != want.nullable {
		t.Errorf("%s: Nullable %v, %v; want %v", want.def, n, ok, want.nullable)
	}
	if st := ct.ScanType(); st != want.scan {
		t.Errorf("%s: ScanType %v, want %v", want.def, st, want.scan)
	}
}
