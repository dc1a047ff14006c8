package engine

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/go-informix/informix/ifxtype"
)

// dec parses a decimal written in a test table; t may be nil.
func dec(t testing.TB, s string) ifxtype.Decimal {
	if t != nil {
		t.Helper()
	}
	d, err := ifxtype.ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return d
}

// sameValue compares a row value with the expected one; Decimals must be
// equal and print alike (same scale).
func sameValue(got, want any) bool {
	if gd, ok := got.(ifxtype.Decimal); ok {
		wd, ok := want.(ifxtype.Decimal)
		return ok && gd.Equal(wd) && gd.String() == wd.String()
	}
	return reflect.DeepEqual(got, want)
}

// roundTrip inserts each value through a parameter into a one-column table
// of type typ and reads it back.
type roundTrip struct {
	typ  string
	in   any
	want any // the value read back; an Error to expect that error on insert
}

func runRoundTrips(t *testing.T, s *Session, cases []roundTrip) {
	t.Helper()
	for i, tc := range cases {
		name := fmt.Sprintf("%d_%s_%v", i, tc.typ, tc.in)
		t.Run(name, func(t *testing.T) {
			tab := fmt.Sprintf("rt%d", i)
			exec(t, s, "create table "+tab+" (v "+tc.typ+")")
			_, err := tryExec(s, "insert into "+tab+" values (?)", tc.in)
			if want, ok := tc.want.(Error); ok {
				wantError(t, "insert", err, want)
				return
			}
			if err != nil {
				t.Fatalf("insert %v: %v", tc.in, err)
			}
			got := one(t, s, "select v from "+tab)
			if !sameValue(got, tc.want) {
				t.Errorf("%s: inserted %#v, read %#v, want %#v", tc.typ, tc.in, got, tc.want)
			}
		})
	}
}

func TestNumericTypes(t *testing.T) {
	s := loggedSession(t)
	runRoundTrips(t, s, []roundTrip{
		{"smallint", int64(32767), int64(32767)},
		{"smallint", int64(-32767), int64(-32767)},
		{"smallint", int64(32768), Error{SQLCode: -1214}},
		{"smallint", nil, nil},
		{"integer", int64(2147483647), int64(2147483647)},
		{"int", int64(-2147483647), int64(-2147483647)},
		{"integer", int64(2147483648), Error{SQLCode: -1215}},
		{"integer", "42", int64(42)},
		{"integer", "4x2", Error{SQLCode: -1213}},
		{"int8", int64(9223372036854775807), int64(9223372036854775807)},
		{"int8", int64(-9223372036854775807), int64(-9223372036854775807)},
		{"bigint", int64(-9223372036854775807), int64(-9223372036854775807)},
		{"bigint", nil, nil},
		{"smallfloat", float32(1.5), float32(1.5)},
		{"smallfloat", 3.4028235e38, float32(3.4028235e38)}, // rounds to the largest float32
		{"smallfloat", 1e39, Error{SQLCode: -1222}},
		{"real", float64(0.25), float32(0.25)},
		{"float", 0.1, 0.1},
		{"double precision", -2.5e300, -2.5e300},
		{"float", int64(3), float64(3)},
		{"float", nil, nil},
	})
}

// TestDecimalClasses covers fixed and floating DECIMAL and MONEY; the
// expected values are rounded by hand, half away from zero.
func TestDecimalClasses(t *testing.T) {
	s := loggedSession(t)
	runRoundTrips(t, s, []roundTrip{
		{"decimal(8,2)", "1234.56", dec(t, "1234.56")},
		{"decimal(8,2)", "-1234.565", dec(t, "-1234.57")},
		{"decimal(8,2)", "999999.99", dec(t, "999999.99")},
		{"decimal(8,2)", "1000000", Error{SQLCode: -1226}},
		{"decimal(8,2)", dec(t, "1.5"), dec(t, "1.50")},
		{"decimal(8,2)", int64(7), dec(t, "7.00")},
		{"decimal(8,2)", 0.125, dec(t, "0.13")},
		{"decimal(8,2)", "abc", Error{SQLCode: -1213}},
		{"decimal(32,0)", strings.Repeat("9", 32), dec(t, strings.Repeat("9", 32))},
		{"decimal(32,0)", "-" + strings.Repeat("9", 32), dec(t, "-"+strings.Repeat("9", 32))},
		{"decimal(32,32)", "0." + strings.Repeat("1", 32), dec(t, "0."+strings.Repeat("1", 32))},
		{"decimal(1,0)", "9", dec(t, "9")},
		{"decimal(1,0)", "10", Error{SQLCode: -1226}},
		{"decimal(6,3)", "123.456", dec(t, "123.456")},
		{"decimal(5)", "123456", dec(t, "123460")}, // floating: 5 significant digits
		{"decimal(5)", "0.000012345678", dec(t, "0.000012346")},
		{"decimal", "1e-100", dec(t, "1e-100")}, // DECIMAL is DECIMAL(16), floating
		{"decimal(16)", "-12345678.9", dec(t, "-12345678.9")},
		{"numeric(10,2)", "-0.01", dec(t, "-0.01")},
		{"money", "12.345", dec(t, "12.35")},     // MONEY is MONEY(16,2)
		{"money(5)", "999.99", dec(t, "999.99")}, // MONEY(p) is MONEY(p,2)
		{"money(5)", "1000", Error{SQLCode: -1226}},
		{"money(8,3)", "-1.0005", dec(t, "-1.001")},
		{"decimal(8,2)", nil, nil},
	})
}

func TestDateType(t *testing.T) {
	s := loggedSession(t)
	d := func(y, m, dd int) time.Time { return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC) }
	runRoundTrips(t, s, []roundTrip{
		{"date", d(2026, 5, 4), d(2026, 5, 4)},
		{"date", d(1, 1, 1), d(1, 1, 1)},
		{"date", d(9999, 12, 31), d(9999, 12, 31)},
		{"date", d(1899, 12, 31), d(1899, 12, 31)},
		{"date", "2026-05-04", d(2026, 5, 4)}, // DBDATE Y4MD-
		{"date", "2024-02-29", d(2024, 2, 29)},
		{"date", "2026-02-29", Error{SQLCode: -1206}},
		{"date", "2026-13-01", Error{SQLCode: -1205}},
		{"date", "0000-01-01", Error{SQLCode: -1204}},
		{"date", "yesterday", Error{SQLCode: -1218}},
		{"date", int64(46145), d(2026, 5, 4)}, // TYPES.md §5.6: 2026-05-04 is day 46145
		{"date", nil, nil},
	})
}

func TestCharacterTypes(t *testing.T) {
	s := loggedSession(t)
	long := strings.Repeat("0123456789", 3000) // 30 000 bytes
	runRoundTrips(t, s, []roundTrip{
		{"char(5)", "ab", "ab   "},
		{"char(5)", "abcdefg", "abcde"}, // cut to 5 outside ANSI databases
		{"character(3)", "", "   "},
		{"nchar(4)", "xy", "xy  "},
		{"varchar(10)", "abc  ", "abc  "},
		{"varchar(10,2)", "0123456789xyz", "0123456789"},
		{"nvarchar(20)", "héllo", "héllo"},
		{"lvarchar", "abc", "abc"},
		{"lvarchar(30000)", long, long},
		{"lvarchar(32739)", long + "x", long + "x"},
		{"char(5)", int64(42), "42   "},
		{"varchar(30)", dec(t, "1.5"), "1.5"},
		{"char(10)", nil, nil},
	})
}

// TestNonASCII checks that character lengths count bytes of the database
// code set: é is one byte in 8859-1 and two in UTF-8 (TYPES.md §5.9).
func TestNonASCII(t *testing.T) {
	for _, tc := range []struct {
		locale string
		want   string
	}{
		{"en_US.819", "é" + strings.Repeat(" ", 4)},
		{"en_US.utf8", "é" + strings.Repeat(" ", 3)},
	} {
		t.Run(tc.locale, func(t *testing.T) {
			s := newSession(t, newEngine(t, BufferedLogging, tc.locale))
			exec(t, s, "create table t (c char(5), v varchar(20))")
			exec(t, s, "insert into t values (?, ?)", "é", "café ☃")
			rows := queryRows(t, s, "select c, v, length(v), char_length(v) from t")
			if rows[0][0] != tc.want || rows[0][1] != "café ☃" {
				t.Errorf("read %q, %q", rows[0][0], rows[0][1])
			}
			if rows[0][3] != int64(6) {
				t.Errorf("char_length = %v, want 6", rows[0][3])
			}
		})
	}
}

func TestBooleanType(t *testing.T) {
	s := loggedSession(t)
	runRoundTrips(t, s, []roundTrip{
		{"boolean", true, true},
		{"boolean", false, false},
		{"boolean", "t", true},
		{"boolean", "f", false},
		{"boolean", "yes", Error{SQLCode: -1260}},
		{"boolean", nil, nil},
	})
}

// refFields are the fields of the reference instant 2026-05-04
// 12:34:56.12345 (TYPES.md §5.7): year, month, day, hour, minute, second.
var refFields = [6]int{2026, 5, 4, 12, 34, 56}

var unitWords = []string{"year", "month", "day", "hour", "minute", "second"}

// dtLiteral writes the fields first..last of the reference instant and
// frac fraction digits, as an Informix literal.
func dtLiteral(first, last, frac int) string {
	var b strings.Builder
	seps := []string{"", "-", "-", " ", ":", ":"}
	for i := first; i <= last; i++ {
		if i > first {
			b.WriteString(seps[i])
		}
		if i == fYear {
			fmt.Fprintf(&b, "%04d", refFields[i])
		} else {
			fmt.Fprintf(&b, "%02d", refFields[i])
		}
	}
	if frac > 0 {
		if first <= last {
			b.WriteString(".")
		}
		b.WriteString("12345"[:frac])
	}
	return b.String()
}

// TestDateTimeQualifiers inserts the reference instant into a column of
// every DATETIME qualifier, as a literal of the qualifier's fields, and
// reads back those fields.
func TestDateTimeQualifiers(t *testing.T) {
	s := loggedSession(t)
	n := 0
	for first := fYear; first <= fSecond; first++ {
		for last := first; last <= fSecond+5; last++ {
			end, frac := unitWords[min(last, fSecond)], 0
			if last > fSecond {
				frac = last - fSecond
				end = fmt.Sprintf("fraction(%d)", frac)
			}
			wholeLast := min(last, fSecond)
			qual := unitWords[first] + " to " + end
			lit := dtLiteral(first, wholeLast, frac)
			tab := fmt.Sprintf("dt%d", n)
			n++
			exec(t, s, "create table "+tab+" (v datetime "+qual+")")
			exec(t, s, "insert into "+tab+" values (?)", lit)
			got, ok := one(t, s, "select v from "+tab).(ifxtype.DateTime)
			if !ok {
				t.Fatalf("%s: read %T", qual, got)
			}
			want := [6]int{got.Year, got.Month, got.Day, got.Hour, got.Minute, got.Second}
			for i := 0; i < 6; i++ {
				exp := 0
				if i >= first && i <= wholeLast {
					exp = refFields[i]
				}
				if want[i] != exp {
					t.Errorf("%s: field %s = %d, want %d", qual, unitWords[i], want[i], exp)
				}
			}
			wantNS := []int{0, 100000000, 120000000, 123000000, 123400000, 123450000}[frac]
			if got.Nanosecond != wantNS {
				t.Errorf("%s: fraction %d ns, want %d", qual, got.Nanosecond, wantNS)
			}
		}
	}
}

// TestIntervalQualifiers inserts "-7" followed by fields 1, 02, 03, … into
// every INTERVAL qualifier and checks the total by hand arithmetic.
func TestIntervalQualifiers(t *testing.T) {
	s := loggedSession(t)
	seps := []string{"", "-", "", " ", ":", ":"}
	n := 0
	for _, class := range [][2]int{{fYear, fMonth}, {fDay, fSecond + 5}} {
		for first := class[0]; first <= min(class[1], fSecond); first++ {
			for last := first; last <= class[1]; last++ {
				wholeLast, frac := min(last, fSecond), max(last-fSecond, 0)
				end := unitWords[wholeLast]
				if frac > 0 {
					end = fmt.Sprintf("fraction(%d)", frac)
				}
				qual := fmt.Sprintf("%s(6) to %s", unitWords[first], end)
				// The literal: -7 in the first field, then 1, 2, 3… in the
				// following ones, and a fraction of .1 (100 ms).
				lit, fields := "-7", map[int]int64{first: 7}
				for i := first + 1; i <= wholeLast; i++ {
					v := int64(i - first)
					lit += seps[i] + fmt.Sprintf("%02d", v)
					fields[i] = v
				}
				if frac > 0 {
					lit += ".1"
				}
				tab := fmt.Sprintf("iv%d", n)
				n++
				exec(t, s, "create table "+tab+" (v interval "+qual+")")
				exec(t, s, "insert into "+tab+" values (?)", lit)
				got := one(t, s, "select v from "+tab)
				if class[0] == fYear {
					want := -(fields[fYear]*12 + fields[fMonth])
					if got != (ifxtype.IntervalYM{Months: want}) {
						t.Errorf("%s %q: read %v, want %d months", qual, lit, got, want)
					}
					continue
				}
				secs := -(fields[fDay]*86400 + fields[fHour]*3600 + fields[fMinute]*60 + fields[fSecond])
				var ns int32
				if frac > 0 {
					ns = -1e8
				}
				if got != (ifxtype.IntervalDS{Seconds: secs, Nanoseconds: ns}) {
					t.Errorf("%s %q: read %v, want %d s %d ns", qual, lit, got, secs, ns)
				}
			}
		}
	}
}

// TestTimeValuesBound binds ifxtype values into DATETIME and INTERVAL
// columns of other qualifiers; Informix converts them (cutting finer
// fields).
func TestTimeValuesBound(t *testing.T) {
	s := loggedSession(t)
	full := ifxtype.DateTime{Year: 2026, Month: 5, Day: 4, Hour: 12, Minute: 34, Second: 56, Nanosecond: 123450000, Qualifier: 0x130F}
	runRoundTrips(t, s, []roundTrip{
		{"datetime year to second", full, ifxtype.DateTime{Year: 2026, Month: 5, Day: 4, Hour: 12, Minute: 34, Second: 56, Qualifier: 0x0E0A}},
		{"datetime hour to minute", full, ifxtype.DateTime{Hour: 12, Minute: 34, Qualifier: 0x0468}},
		{"datetime year to day", time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC), ifxtype.DateTime{Year: 2026, Month: 5, Day: 4, Qualifier: 0x0804}},
		{"interval hour(3) to minute", ifxtype.IntervalDS{Seconds: 5430}, ifxtype.IntervalDS{Seconds: 5400}}, // 1:30:30 cut to 1:30
		{"interval year(4) to month", ifxtype.IntervalYM{Months: 42}, ifxtype.IntervalYM{Months: 42}},
		{"interval day(2) to day", ifxtype.IntervalDS{Seconds: 100 * 86400}, Error{SQLCode: -1265}},
		{"interval year to month", ifxtype.IntervalDS{Seconds: 1}, Error{SQLCode: -1266}},
		{"datetime year to second", "2026-05-04 25:00:00", Error{SQLCode: -1263}},
		{"datetime year to second", "2026-05-04 1x:00:00", Error{SQLCode: -1262}},
		{"datetime year to day", "2026-05-04 10", Error{SQLCode: -1264}},
	})
}
