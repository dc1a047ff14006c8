package informix

import (
	"database/sql"
	"reflect"
	"testing"
	"time"
)

// scanCase is one column scanned into one kind of destination: newDest
// returns a fresh pointer, want the value it must hold afterwards.
type scanCase struct {
	col     string
	dest    string
	newDest func() any
	want    any
}

func ptr[T any]() func() any { return func() any { return new(T) } }

// TestScanEveryType inserts one row holding every scalar type through
// ifxtest and scans each column into each destination kind: its natural
// type, *string, the sql.Null types, sql.Null[T] and *any. Expected values
// are written by hand from the inserted literals.
func TestScanEveryType(t *testing.T) {
	db := openDB(t, "testdb")
	mustExec(t, db, `CREATE TABLE every (si SMALLINT, i INTEGER, bi BIGINT, i8 INT8, sf SMALLFLOAT, fl FLOAT,
		de DECIMAL(8,2), mo MONEY(8,2), ch CHAR(5), vc VARCHAR(20), lv LVARCHAR(100), bo BOOLEAN, da DATE,
		dt DATETIME YEAR TO SECOND, hm DATETIME HOUR TO MINUTE, iv INTERVAL DAY(3) TO SECOND, iy INTERVAL YEAR(4) TO MONTH)`)
	mustExec(t, db, `INSERT INTO every VALUES (300, -7, 9000000000, -5, 1.5, 2.25, 1234.5, 99.95, 'ab', 'xy', 'long',
		't', '2026-01-02', '2026-05-04 12:34:56', '12:34', '3 04:05:06', '1-06')`)
	mustExec(t, db, `INSERT INTO every VALUES (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
		NULL, NULL, NULL, NULL, NULL, NULL)`)

	dec := NewDecimal(123450, -2) // 1234.50 at the column's scale 2
	ts := time.Date(2026, 5, 4, 12, 34, 56, 0, time.UTC)
	asDT, err := NewDateTime(ts, mustQual(t, UnitYear, UnitFraction5))
	if err != nil {
		t.Fatal(err)
	}
	hm, err := ParseDateTime("12:34", mustQual(t, UnitHour, UnitMinute))
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	cases := []scanCase{
		{"si", "*int64", ptr[int64](), int64(300)},
		{"si", "*int16", ptr[int16](), int16(300)},
		{"si", "*string", ptr[string](), "300"},
		{"si", "NullInt64", ptr[sql.NullInt64](), sql.NullInt64{Int64: 300, Valid: true}},
		{"si", "*any", ptr[any](), int64(300)},
		{"i", "NullInt32", ptr[sql.NullInt32](), sql.NullInt32{Int32: -7, Valid: true}},
		{"bi", "*int64", ptr[int64](), int64(9000000000)},
		{"bi", "Null[int64]", ptr[sql.Null[int64]](), sql.Null[int64]{V: 9000000000, Valid: true}},
		{"i8", "*string", ptr[string](), "-5"},
		{"sf", "*float64", ptr[float64](), 1.5},
		{"sf", "*float32", ptr[float32](), float32(1.5)},
		{"sf", "*string", ptr[string](), "1.5"},
		{"fl", "NullFloat64", ptr[sql.NullFloat64](), sql.NullFloat64{Float64: 2.25, Valid: true}},
		{"fl", "*any", ptr[any](), 2.25},
		{"de", "*Decimal", ptr[Decimal](), dec},
		{"de", "*string", ptr[string](), "1234.50"},
		{"de", "*float64", ptr[float64](), 1234.5},
		{"de", "NullString", ptr[sql.NullString](), sql.NullString{String: "1234.50", Valid: true}},
		{"de", "Null[Decimal]", ptr[sql.Null[Decimal]](), sql.Null[Decimal]{V: dec, Valid: true}},
		{"de", "*any", ptr[any](), "1234.50"},
		{"mo", "*Decimal", ptr[Decimal](), NewDecimal(9995, -2)},
		{"ch", "*string", ptr[string](), "ab   "},
		{"ch", "*[]byte", ptr[[]byte](), []byte("ab   ")},
		{"vc", "NullString", ptr[sql.NullString](), sql.NullString{String: "xy", Valid: true}},
		{"lv", "*any", ptr[any](), "long"},
		{"bo", "*bool", ptr[bool](), true},
		{"bo", "*string", ptr[string](), "true"},
		{"bo", "NullBool", ptr[sql.NullBool](), sql.NullBool{Bool: true, Valid: true}},
		{"da", "*time.Time", ptr[time.Time](), day},
		{"da", "*Date", ptr[Date](), Date{2026, time.January, 2}},
		{"da", "*string", ptr[string](), "2026-01-02T00:00:00Z"},
		{"da", "NullTime", ptr[sql.NullTime](), sql.NullTime{Time: day, Valid: true}},
		{"dt", "*time.Time", ptr[time.Time](), ts},
		{"dt", "*DateTime", ptr[DateTime](), asDT},
		{"dt", "*string", ptr[string](), "2026-05-04T12:34:56Z"},
		{"dt", "Null[time.Time]", ptr[sql.Null[time.Time]](), sql.Null[time.Time]{V: ts, Valid: true}},
		{"hm", "*DateTime", ptr[DateTime](), hm},
		{"hm", "Null[DateTime]", ptr[sql.Null[DateTime]](), sql.Null[DateTime]{V: hm, Valid: true}},
		{"hm", "*any", ptr[any](), "12:34"},
		{"hm", "*string", ptr[string](), "12:34"},
		// 3 days 04:05:06 = 259200 + 14400 + 300 + 6 = 273906 s.
		{"iv", "*IntervalDS", ptr[IntervalDS](), IntervalDS{Seconds: 273906}},
		{"iv", "*string", ptr[string](), "3 04:05:06"},
		{"iv", "Null[IntervalDS]", ptr[sql.Null[IntervalDS]](), sql.Null[IntervalDS]{V: IntervalDS{Seconds: 273906}, Valid: true}},
		{"iy", "*IntervalYM", ptr[IntervalYM](), IntervalYM{Months: 18}},
		{"iy", "NullString", ptr[sql.NullString](), sql.NullString{String: "1-06", Valid: true}},
	}
	for _, c := range cases {
		t.Run(c.col+" into "+c.dest, func(t *testing.T) {
			got := scanOne(t, db, c.col, "si IS NOT NULL", c.newDest())
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %#v, want %#v", got, c.want)
			}
		})
	}
	nulls := []scanCase{
		{"si", "NullInt64", ptr[sql.NullInt64](), sql.NullInt64{}},
		{"de", "Null[Decimal]", ptr[sql.Null[Decimal]](), sql.Null[Decimal]{}},
		{"ch", "NullString", ptr[sql.NullString](), sql.NullString{}},
		{"bo", "NullBool", ptr[sql.NullBool](), sql.NullBool{}},
		{"dt", "NullTime", ptr[sql.NullTime](), sql.NullTime{}},
		{"hm", "Null[DateTime]", ptr[sql.Null[DateTime]](), sql.Null[DateTime]{}},
		{"iv", "Null[IntervalDS]", ptr[sql.Null[IntervalDS]](), sql.Null[IntervalDS]{}},
		{"iy", "*any", ptr[any](), nil},
		{"da", "*string pointer", ptr[*string](), (*string)(nil)},
	}
	for _, c := range nulls {
		t.Run("NULL "+c.col+" into "+c.dest, func(t *testing.T) {
			got := scanOne(t, db, c.col, "si IS NULL", c.newDest())
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %#v, want %#v", got, c.want)
			}
		})
	}
}

// scanOne selects col from the row matching where and scans it into dest,
// returning the value dest points to.
func scanOne(t *testing.T, db *sql.DB, col, where string, dest any) any {
	t.Helper()
	if err := db.QueryRow("SELECT " + col + " FROM every WHERE " + where).Scan(dest); err != nil {
		t.Fatalf("scan %s into %T: %v", col, dest, err)
	}
	return reflect.ValueOf(dest).Elem().Interface()
}

func mustExec(t *testing.T, db *sql.DB, query string, args ...any) sql.Result {
	t.Helper()
	res, err := db.Exec(query, args...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return res
}
