package informix

import (
	"database/sql"
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// TestColumnTypes checks the RowsColumnType* answers for every Informix
// type. The encoded lengths are worked out by hand from TYPES.md §2.1 and
// §5.7–§5.8: precision<<8|scale for DECIMAL, reserve<<8|max for VARCHAR,
// digits<<8|start<<4|end for qualifiers (YEAR TO SECOND: 14 digits, units 0
// and 10, 0x0E0A; INTERVAL DAY(3) TO SECOND: 3+6 digits, units 4 and 10,
// 0x094A, the bytes JDBC sends in types.golden).
func TestColumnTypes(t *testing.T) {
	nn := sqli.FlagNotNull
	type want struct {
		name          string
		length        int64
		lengthOK      bool
		prec, scale   int64
		precOK        bool
		nullable      bool
		scanType      reflect.Type
		scanTypeWhenN reflect.Type
	}
	i64, f64, str := reflect.TypeFor[int64](), reflect.TypeFor[float64](), reflect.TypeFor[string]()
	tm, dec := reflect.TypeFor[time.Time](), reflect.TypeFor[Decimal]()
	tests := []struct {
		typ  ifxtype.Type
		want want
	}{
		{ifxtype.Type{Code: sqli.TypeSmallInt}, want{"SMALLINT", 0, false, 0, 0, false, true, i64, reflect.TypeFor[sql.NullInt64]()}},
		{ifxtype.Type{Code: sqli.TypeInteger | nn}, want{"INTEGER", 0, false, 0, 0, false, false, i64, reflect.TypeFor[sql.NullInt64]()}},
		{ifxtype.Type{Code: sqli.TypeSerial | nn}, want{"SERIAL", 0, false, 0, 0, false, false, i64, reflect.TypeFor[sql.NullInt64]()}},
		{ifxtype.Type{Code: sqli.TypeInt8}, want{"INT8", 0, false, 0, 0, false, true, i64, reflect.TypeFor[sql.NullInt64]()}},
		{ifxtype.Type{Code: sqli.TypeSerial8}, want{"SERIAL8", 0, false, 0, 0, false, true, i64, reflect.TypeFor[sql.NullInt64]()}},
		{ifxtype.Type{Code: sqli.TypeBigInt}, want{"BIGINT", 0, false, 0, 0, false, true, i64, reflect.TypeFor[sql.NullInt64]()}},
		{ifxtype.Type{Code: sqli.TypeBigSerial}, want{"BIGSERIAL", 0, false, 0, 0, false, true, i64, reflect.TypeFor[sql.NullInt64]()}},
		{ifxtype.Type{Code: sqli.TypeSmallFloat}, want{"SMALLFLOAT", 0, false, 0, 0, false, true, f64, reflect.TypeFor[sql.NullFloat64]()}},
		{ifxtype.Type{Code: sqli.TypeFloat}, want{"FLOAT", 0, false, 0, 0, false, true, f64, reflect.TypeFor[sql.NullFloat64]()}},
		{ifxtype.Type{Code: sqli.TypeDecimal, Length: 8<<8 | 2}, want{"DECIMAL", 0, false, 8, 2, true, true, dec, reflect.TypeFor[sql.Null[Decimal]]()}},
		{ifxtype.Type{Code: sqli.TypeDecimal, Length: 16<<8 | 0xff}, want{"DECIMAL", 0, false, 16, math.MaxInt64, true, true, dec, reflect.TypeFor[sql.Null[Decimal]]()}},
		{ifxtype.Type{Code: sqli.TypeMoney, Length: 0}, want{"MONEY", 0, false, 16, 2, true, true, dec, reflect.TypeFor[sql.Null[Decimal]]()}},
		{ifxtype.Type{Code: sqli.TypeChar, Length: 10}, want{"CHAR", 10, true, 0, 0, false, true, str, reflect.TypeFor[sql.NullString]()}},
		{ifxtype.Type{Code: sqli.TypeNChar, Length: 3}, want{"NCHAR", 3, true, 0, 0, false, true, str, reflect.TypeFor[sql.NullString]()}},
		{ifxtype.Type{Code: sqli.TypeVarChar, Length: 20<<8 | 100}, want{"VARCHAR", 100, true, 0, 0, false, true, str, reflect.TypeFor[sql.NullString]()}},
		{ifxtype.Type{Code: sqli.TypeNVarChar, Length: 255}, want{"NVARCHAR", 255, true, 0, 0, false, true, str, reflect.TypeFor[sql.NullString]()}},
		{ifxtype.Type{Code: sqli.TypeLVarChar, Length: 2000}, want{"LVARCHAR", 2000, true, 0, 0, false, true, str, reflect.TypeFor[sql.NullString]()}},
		{ifxtype.Type{Code: sqli.TypeUDTVar, XID: ifxtype.XIDLVarChar, Name: "lvarchar"}, want{"LVARCHAR", 32739, true, 0, 0, false, true, str, reflect.TypeFor[sql.NullString]()}},
		{ifxtype.Type{Code: sqli.TypeBoolean}, want{"BOOLEAN", 0, false, 0, 0, false, true, reflect.TypeFor[bool](), reflect.TypeFor[sql.NullBool]()}},
		{ifxtype.Type{Code: sqli.TypeUDTFixed, XID: ifxtype.XIDBoolean, Name: "boolean"}, want{"BOOLEAN", 0, false, 0, 0, false, true, reflect.TypeFor[bool](), reflect.TypeFor[sql.NullBool]()}},
		{ifxtype.Type{Code: sqli.TypeDate}, want{"DATE", 0, false, 0, 0, false, true, tm, reflect.TypeFor[sql.NullTime]()}},
		{ifxtype.Type{Code: sqli.TypeDateTime, Length: 0x0E0A}, want{"DATETIME YEAR TO SECOND", 0, false, 14, 0, true, true, tm, reflect.TypeFor[sql.NullTime]()}},
		// YEAR TO FRACTION(3): 4+2+2+2+2+2+3 = 17 digits, end unit 13.
		{ifxtype.Type{Code: sqli.TypeDateTime, Length: 0x110D}, want{"DATETIME YEAR TO FRACTION(3)", 0, false, 17, 3, true, true, tm, reflect.TypeFor[sql.NullTime]()}},
		// HOUR TO MINUTE: 4 digits, units 6 and 8.
		{ifxtype.Type{Code: sqli.TypeDateTime | nn, Length: 0x0468}, want{"DATETIME HOUR TO MINUTE", 0, false, 4, 0, true, false, reflect.TypeFor[DateTime](), reflect.TypeFor[sql.Null[DateTime]]()}},
		{ifxtype.Type{Code: sqli.TypeInterval, Length: 0x094A}, want{"INTERVAL DAY(3) TO SECOND", 0, false, 9, 0, true, true, reflect.TypeFor[IntervalDS](), reflect.TypeFor[sql.Null[IntervalDS]]()}},
		// YEAR(4) TO MONTH: 4+2 digits, units 0 and 2.
		{ifxtype.Type{Code: sqli.TypeInterval, Length: 0x0602}, want{"INTERVAL YEAR(4) TO MONTH", 0, false, 6, 0, true, true, reflect.TypeFor[IntervalYM](), reflect.TypeFor[sql.Null[IntervalYM]]()}},
		{ifxtype.Type{Code: sqli.TypeText}, want{"TEXT", math.MaxInt64, true, 0, 0, false, true, reflect.TypeFor[any](), reflect.TypeFor[any]()}},
		{ifxtype.Type{Code: sqli.TypeByte}, want{"BYTE", math.MaxInt64, true, 0, 0, false, true, reflect.TypeFor[any](), reflect.TypeFor[any]()}},
		{ifxtype.Type{Code: sqli.TypeUDTVar, XID: 2000, Name: "json"}, want{"JSON", 0, false, 0, 0, false, true, reflect.TypeFor[any](), reflect.TypeFor[any]()}},
	}
	for _, tt := range tests {
		t.Run(tt.want.name, func(t *testing.T) {
			r := &rows{cols: []ifxtype.Column{{Name: "c", Type: tt.typ}}}
			w := tt.want
			if got := r.ColumnTypeDatabaseTypeName(0); got != w.name {
				t.Errorf("DatabaseTypeName %q, want %q", got, w.name)
			}
			if l, ok := r.ColumnTypeLength(0); l != w.length || ok != w.lengthOK {
				t.Errorf("Length %d, %v; want %d, %v", l, ok, w.length, w.lengthOK)
			}
			if p, s, ok := r.ColumnTypePrecisionScale(0); p != w.prec || s != w.scale || ok != w.precOK {
				t.Errorf("PrecisionScale %d, %d, %v; want %d, %d, %v", p, s, ok, w.prec, w.scale, w.precOK)
			}
			if n, ok := r.ColumnTypeNullable(0); n != w.nullable || !ok {
				t.Errorf("Nullable %v, %v; want %v, true", n, ok, w.nullable)
			}
			wantScan := w.scanType
			if w.nullable {
				wantScan = w.scanTypeWhenN
			}
			if got := r.ColumnTypeScanType(0); got != wantScan {
				t.Errorf("ScanType %v, want %v", got, wantScan)
			}
		})
	}
}

// TestRowValue checks the Go value each decoded type becomes.
func TestRowValue(t *testing.T) {
	ymd := mustQual(t, UnitYear, UnitSecond)
	hm := mustQual(t, UnitHour, UnitMinute)
	dt, err := ParseDateTime("2026-05-04 12:34:56", ymd)
	if err != nil {
		t.Fatal(err)
	}
	tod, err := ParseDateTime("12:34", hm)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		in   any
		want any
	}{
		{"nil", nil, nil},
		{"int64", int64(5), int64(5)},
		{"float32 widens exactly", float32(0.1), float64(float32(0.1))},
		{"float64", 2.5, 2.5},
		{"Decimal keeps its scale", NewDecimal(123450, -2), "1234.50"},
		{"IntervalYM", IntervalYM{Months: -42}, "-3-06"},
		// 3 days 4h 5m 6.5s = 259200+14400+300+6 = 273906 s.
		{"IntervalDS", IntervalDS{Seconds: 273906, Nanoseconds: 500000000}, "3 04:05:06.5"},
		{"DATETIME YEAR TO SECOND", dt, time.Date(2026, 5, 4, 12, 34, 56, 0, time.UTC)},
		{"DATETIME HOUR TO MINUTE", tod, "12:34"},
		{"string", "ab   ", "ab   "},
		{"bool", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := arenaValue(tt.in, nil, new([]byte)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("arenaValue(%#v) = %#v, want %#v", tt.in, got, tt.want)
			}
		})
	}
}
