package informix

import (
	"database/sql"
	"testing"
)

// TestScanDateTimeText: DATETIME and INTERVAL values cast to CHAR or
// VARCHAR scan into *DateTime, sql.Null[DateTime], *IntervalDS and
// *IntervalYM, the qualifier inferred from the text (ParseDateTime with a
// zero qualifier). The qualifiers are written in hex by hand from TYPES.md
// §5.7: HOUR TO MINUTE 0x0468, MONTH TO FRACTION(3) 0x0D2D, YEAR TO DAY
// 0x0804; 12:34:56 is 45 296 s (43 200 + 2 040 + 56).
func TestScanDateTimeText(t *testing.T) {
	db := openDB(t, "testdb")
	const from = " FROM systables WHERE tabid = 1"
	dates := []struct {
		query string
		want  DateTime
	}{
		{"SELECT CAST(DATETIME(12:34) HOUR TO MINUTE AS VARCHAR(20))", DateTime{Hour: 12, Minute: 34, Qualifier: 0x0468}},
		{"SELECT DATETIME(05-04 12:34:56.123) MONTH TO FRACTION(3)::CHAR(30)",
			DateTime{Month: 5, Day: 4, Hour: 12, Minute: 34, Second: 56, Nanosecond: 123000000, Qualifier: 0x0D2D}},
		{"SELECT DATETIME(2026-05-04) YEAR TO DAY::VARCHAR(30)", DateTime{Year: 2026, Month: 5, Day: 4, Qualifier: 0x0804}},
	}
	for _, tc := range dates {
		var d DateTime
		if err := db.QueryRow(tc.query + from).Scan(&d); err != nil || d != tc.want {
			t.Errorf("%s: %#v, %v; want %#v", tc.query, d, err, tc.want)
		}
		var n sql.Null[DateTime]
		if err := db.QueryRow(tc.query + from).Scan(&n); err != nil || !n.Valid || n.V != tc.want {
			t.Errorf("%s into sql.Null: %#v, %v", tc.query, n, err)
		}
	}
	var ds IntervalDS
	q := "SELECT INTERVAL(12:34:56) HOUR TO SECOND::CHAR(30)" + from
	if err := db.QueryRow(q).Scan(&ds); err != nil || ds != (IntervalDS{Seconds: 45296}) {
		t.Errorf("%s: %#v, %v; want 45296 s", q, ds, err)
	}
	var ym IntervalYM
	q = "SELECT INTERVAL(3-06) YEAR TO MONTH::CHAR(30)" + from
	if err := db.QueryRow(q).Scan(&ym); err != nil || ym != (IntervalYM{Months: 42}) {
		t.Errorf("%s: %#v, %v; want 42 months", q, ym, err)
	}
}
