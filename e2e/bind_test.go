package e2e

import (
	"database/sql"
	"database/sql/driver"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/go-informix/informix"
)

// Named types of the basic kinds, which bind as their kind.
type (
	myInt    int32
	myString string
	myBytes  []byte
)

// cents is a driver.Valuer: an amount of cents that binds as its Decimal.
type cents int64

func (c cents) Value() (driver.Value, error) { return informix.NewDecimal(int64(c), -2), nil }

// brokenValuer fails to produce its value.
type brokenValuer struct{}

func (brokenValuer) Value() (driver.Value, error) { return nil, errors.New("no value today") }

// kindColumns are the columns of TestBindGoKinds's table.
const kindColumns = `k INTEGER, si SMALLINT, i INTEGER, bi BIGINT, sf SMALLFLOAT, fl FLOAT, bo BOOLEAN,
	ch CHAR(5), vc VARCHAR(40), de DECIMAL(12,3), da DATE, dt DATETIME YEAR TO FRACTION(5),
	hm DATETIME HOUR TO MINUTE, iy INTERVAL YEAR(4) TO MONTH, iv INTERVAL DAY(9) TO FRACTION(5)`

func mustDecimal(t testing.TB, s string) informix.Decimal {
	t.Helper()
	d, err := informix.ParseDecimal(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func mustQualifier(t testing.TB, start, end informix.TimeUnit) informix.Qualifier {
	t.Helper()
	q, err := informix.DateTimeQualifier(start, end)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// TestBindGoKinds binds every Go kind the driver accepts into a column and
// reads the column back as database/sql returns it (*any: int64, float64,
// bool, string, time.Time, DateTime; DECIMAL and INTERVAL as their text,
// doc.go's table). Each expected value is written by hand from the value
// bound.
func TestBindGoKinds(t *testing.T) {
	name := table(t, logged, "kinds", kindColumns)
	db := open(t, logged)
	seven := int32(7)
	var nilInt *int32
	paris := time.FixedZone("UTC+2", 2*3600)
	hm, err := informix.ParseDateTime("23:59", mustQualifier(t, informix.UnitHour, informix.UnitMinute))
	if err != nil {
		t.Fatal(err)
	}
	ym, err := informix.NewIntervalYM(-3, -6)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, col string
		value     any
		want      any
	}{
		{"int8", "si", int8(-128), int64(-128)},
		{"int16", "si", int16(32767), int64(32767)},
		{"int32", "i", int32(-2147483647), int64(-2147483647)},
		{"int64", "bi", int64(math.MaxInt64), int64(math.MaxInt64)},
		{"int", "bi", int(-42), int64(-42)},
		{"uint8", "si", uint8(255), int64(255)},
		{"uint16", "i", uint16(65535), int64(65535)},
		{"uint32", "bi", uint32(math.MaxUint32), int64(math.MaxUint32)},
		{"uint64 at MaxInt64", "bi", uint64(math.MaxInt64), int64(math.MaxInt64)},
		{"uint", "bi", uint(9), int64(9)},
		{"float32", "sf", float32(1.5), 1.5},
		{"float64", "fl", 0.1, 0.1},
		{"float64 into SMALLFLOAT", "sf", 0.25, 0.25},
		{"bool true", "bo", true, true},
		{"bool false", "bo", false, false},
		{"string", "vc", "héllo wörld", "héllo wörld"},
		{"string into CHAR", "ch", "ab", "ab   "},
		{"[]byte", "ch", []byte("xyz"), "xyz  "},
		// 0xE9 is é in ISO 8859-1, testdb's code set (en_US.819).
		{"[]byte in the code set", "vc", []byte{'c', 'a', 'f', 0xE9}, "café"},
		{"named []byte", "vc", myBytes("raw"), "raw"},
		{"Decimal", "de", mustDecimal(t, "-123456789.125"), "-123456789.125"},
		{"Decimal rounded by the column", "de", mustDecimal(t, "1.00049"), "1.000"},
		{"Date", "da", informix.Date{Year: 2026, Month: time.February, Day: 28}, time.Date(2026, 2, 28, 0, 0, 0, 0, time.UTC)},
		{"time.Time in its own zone", "dt", time.Date(2026, 5, 4, 12, 34, 56, 123450000, paris),
			time.Date(2026, 5, 4, 12, 34, 56, 123450000, time.UTC)},
		{"time.Time below 10µs is cut", "dt", time.Date(2026, 5, 4, 0, 0, 0, 19999, time.UTC),
			time.Date(2026, 5, 4, 0, 0, 0, 10000, time.UTC)},
		{"time.Time into DATE", "da", time.Date(1999, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(1999, 12, 31, 0, 0, 0, 0, time.UTC)},
		{"DateTime", "hm", hm, "23:59"},
		{"IntervalYM", "iy", ym, "-3-06"},
		{"IntervalDS", "iv", informix.IntervalDS{Seconds: 93784, Nanoseconds: 500000000}, "1 02:03:04.5"},
		// 1h30m = 5400 s = 0 days 01:30:00.
		{"time.Duration", "iv", 90 * time.Minute, "0 01:30:00"},
		{"driver.Valuer", "de", cents(12345), "123.450"},
		{"sql.NullString", "vc", sql.NullString{String: "set", Valid: true}, "set"},
		{"sql.Null[int64] NULL", "bi", sql.Null[int64]{}, nil},
		{"named int32", "i", myInt(-9), int64(-9)},
		{"named string", "vc", myString("named"), "named"},
		{"pointer", "i", &seven, int64(7)},
		{"nil pointer", "i", nilInt, nil},
		{"nil", "vc", nil, nil},
	}
	for k, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mustExec(t, db, "INSERT INTO "+name+" (k, "+tt.col+") VALUES (?, ?)", k, tt.value)
			var got any
			if err := db.QueryRow("SELECT "+tt.col+" FROM "+name+" WHERE k = ?", k).Scan(&got); err != nil {
				t.Fatalf("read back: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("bound %T %v, read back %T %v; want %T %v", tt.value, tt.value, got, got, tt.want, tt.want)
			}
		})
	}
}

// TestBindRejects passes values the driver or the server must refuse, and
// requires an error that names what was wrong; the connection stays
// usable. The driver refuses what it cannot bind before sending anything;
// a value out of its column's range is refused by the server, whose codes
// are IBM's: -1214 "Value too large to fit in a SMALLINT", -1215 "Value
// too large to fit in an INTEGER", -1226 "Decimal or money value exceeds
// maximum precision" (IBM Informix error messages).
func TestBindRejects(t *testing.T) {
	name := table(t, logged, "rejects", kindColumns)
	db := open(t, logged)
	db.SetMaxOpenConns(1)
	tests := []struct {
		name, col string
		value     any
		code      int    // the server's SQLCODE, or 0 for the driver's own error
		want      string // in the error text
	}{
		{"uint64 above MaxInt64", "bi", uint64(math.MaxUint64), 0, "above the BIGINT maximum"},
		{"sql.Named", "bi", sql.Named("n", 1), 0, "positional"},
		{"struct", "bi", struct{ A int }{1}, 0, "unsupported type"},
		{"complex128", "fl", complex(1, 2), 0, "unsupported type"},
		{"[]int", "bi", []int{1}, 0, "unsupported type"},
		{"zero Date", "da", informix.Date{}, 0, "year outside"},
		{"February 30", "da", informix.Date{Year: 2026, Month: time.February, Day: 30}, 0, "does not exist"},
		{"failing Valuer", "bi", brokenValuer{}, 0, "no value today"},
		{"sql.Out", "bi", sql.Out{Dest: new(int64)}, 0, "sql.Out"},
		{"int64 into SMALLINT", "si", int64(70000), -1214, "SMALLINT"},
		{"int64 into INTEGER", "i", int64(1) << 40, -1215, "INTEGER"},
		{"Decimal into DECIMAL(12,3)", "de", mustDecimal(t, "1e10"), -1226, "precision"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := db.Exec("INSERT INTO "+name+" (k, "+tt.col+") VALUES (1, ?)", tt.value)
			var ie *informix.Error
			switch {
			case err == nil:
				t.Fatal("accepted")
			case tt.code == 0 && errors.As(err, &ie):
				t.Errorf("the server refused what the driver should have: %v", err)
			case tt.code != 0 && (!errors.As(err, &ie) || ie.SQLCode != tt.code):
				t.Errorf("error %v, want SQLCODE %d", err, tt.code)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
			if n := queryInt(t, db, "SELECT COUNT(*) FROM "+name); n != 0 {
				t.Errorf("%d rows after a refused INSERT", n)
			}
		})
	}
}

// TestCodeSets binds text into databases of two code sets: a UTF-8
// database stores any character, bound as string or as []byte (sent as
// its bytes); an 8859-1 one refuses, before sending, a character it cannot
// hold, with an error that names it (TYPES.md §7).
func TestCodeSets(t *testing.T) {
	name := table(t, utf8, "utf8", "k INTEGER, v VARCHAR(40)")
	db := open(t, utf8)
	for k, v := range []any{"Ωmega 🎉 ünïcode", []byte("日本語テキスト")} {
		mustExec(t, db, "INSERT INTO "+name+" VALUES (?, ?)", k, v)
		var got []byte
		if err := db.QueryRow("SELECT v FROM "+name+" WHERE k = ?", k).Scan(&got); err != nil || string(got) != toString(v) {
			t.Errorf("%T %q read back as %q, %v", v, v, got, err)
		}
	}
	latin := table(t, logged, "latin", "v VARCHAR(40)")
	_, err := open(t, logged).Exec("INSERT INTO "+latin+" VALUES (?)", "price €5")
	var ie *informix.Error
	if err == nil || errors.As(err, &ie) || !strings.Contains(err.Error(), "€") {
		t.Errorf("€ into an 8859-1 database: %v; want the driver's error naming €", err)
	}
}

// TestCodeSetLiterals puts non-ASCII text in the statement itself: the
// SQL text travels in the database's code set like a bound string, so a
// literal and a parameter store the same value in an 8859-1 database
// (LENGTH counts 3 characters in 'Åsa'), a WHERE with the literal finds
// both rows, and a character the code set cannot hold is refused before
// anything is sent.
func TestCodeSetLiterals(t *testing.T) {
	name := table(t, logged, "lit", "k INTEGER, v VARCHAR(20)")
	db := open(t, logged)
	mustExec(t, db, "INSERT INTO "+name+" VALUES (1, 'Åsa')")
	mustExec(t, db, "INSERT INTO "+name+" VALUES (?, ?)", 2, "Åsa")
	if n := queryInt(t, db, "SELECT COUNT(*) FROM "+name+" WHERE v = 'Åsa' AND LENGTH(v) = 3"); n != 2 {
		t.Errorf("rows matching the literal 'Åsa' with 3 characters: %d, want 2", n)
	}
	var v string
	if err := db.QueryRow("SELECT v FROM " + name + " WHERE k = 1").Scan(&v); err != nil || v != "Åsa" {
		t.Errorf("literal read back as %q, %v", v, err)
	}
	_, err := db.Exec("INSERT INTO " + name + " VALUES (3, '€')")
	var ie *informix.Error
	if err == nil || errors.As(err, &ie) || !strings.Contains(err.Error(), "€") {
		t.Errorf("€ in the statement text of an 8859-1 database: %v; want the driver's error naming €", err)
	}
	if n := queryInt(t, db, "SELECT COUNT(*) FROM "+name); n != 2 {
		t.Errorf("%d rows after the refused statement, want 2", n)
	}
}

func toString(v any) string {
	if b, ok := v.([]byte); ok {
		return string(b)
	}
	return v.(string)
}
