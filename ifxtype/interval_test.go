package ifxtype

import (
	"database/sql"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"
)

func TestIntervalYMString(t *testing.T) {
	cases := []struct {
		v    IntervalYM
		want string
	}{
		{IntervalYM{Months: 42}, "3-06"},
		{IntervalYM{Months: -42}, "-3-06"},
		{IntervalYM{Months: 0}, "0-00"},
		{IntervalYM{Months: 24323}, "2026-11"},
		{IntervalYM{Months: 11}, "0-11"},
		// 2^63 = 768614336404564650·12 + 8.
		{IntervalYM{Months: math.MinInt64}, "-768614336404564650-08"},
		{IntervalYM{Months: math.MaxInt64}, "768614336404564650-07"},
	}
	for _, tc := range cases {
		if got := tc.v.String(); got != tc.want {
			t.Errorf("IntervalYM{%d}.String() = %q, want %q", tc.v.Months, got, tc.want)
		}
	}
}

func TestIntervalDSString(t *testing.T) {
	cases := []struct {
		v    IntervalDS
		want string
	}{
		{IntervalDS{Seconds: 273906, Nanoseconds: 0}, "3 04:05:06"},
		{IntervalDS{Seconds: -273906, Nanoseconds: 0}, "-3 04:05:06"},
		{IntervalDS{Seconds: 93784, Nanoseconds: 500000000}, "1 02:03:04.5"},
		{IntervalDS{Seconds: -273906, Nanoseconds: -123450000}, "-3 04:05:06.12345"},
		{IntervalDS{Seconds: 0, Nanoseconds: 0}, "0 00:00:00"},
		{IntervalDS{Seconds: -1, Nanoseconds: -1}, "-0 00:00:01.000000001"},
		{IntervalDS{Seconds: 0, Nanoseconds: 999999999}, "0 00:00:00.999999999"},
		// 2^63 s = 106751991167300 days + 55808 s (15:30:08).
		{IntervalDS{Seconds: math.MinInt64, Nanoseconds: 0}, "-106751991167300 15:30:08"},
		{IntervalDS{Seconds: 1, Nanoseconds: -5}, "IntervalDS(1, -5)"},
	}
	for _, tc := range cases {
		if got := tc.v.String(); got != tc.want {
			t.Errorf("%#v.String() = %q, want %q", tc.v, got, tc.want)
		}
	}
}

func TestParseIntervalYM(t *testing.T) {
	year4 := ivQual(t, UnitYear, 4, UnitMonth)
	cases := []struct {
		s    string
		q    Qualifier
		want int64
	}{
		{"3-06", year4, 42},
		{"-3-06", year4, -42},
		{"2026-11", year4, 24323},
		{"3-6", year4, 42},
		{"42", ivQual(t, UnitMonth, 3, UnitMonth), 42},
		{"999999999-11", qualYearToMonth9, 11999999999},
		{" -5 ", ivQual(t, UnitYear, 2, UnitYear), -60},
	}
	for _, tc := range cases {
		got, err := ParseIntervalYM(tc.s, tc.q)
		if err != nil || got != (IntervalYM{Months: tc.want, Qualifier: tc.q}) {
			t.Errorf("ParseIntervalYM(%q, %s) = %v, %v; want %d months", tc.s, tc.q.IntervalString(), got, err, tc.want)
		}
	}
	errs := []struct {
		name string
		s    string
		q    Qualifier
		want string
	}{
		{"year over YEAR(4)", "10000-00", year4, "the year has 5 digits, want 1 to 4"},
		{"month 12", "3-12", year4, "month 12 over 11"},
		{"extra field", "3-06-01", year4, `unexpected "-01"`},
		{"double sign", "--3-06", year4, "the year has 0 digits"},
		{"empty", "", year4, "the year has 0 digits"},
		{"day-time qualifier", "3", ivQual(t, UnitDay, 2, UnitDay), "is not a year-month qualifier"},
		{"bad qualifier", "3-06", 0x0804, "is not an INTERVAL qualifier"},
	}
	for _, tc := range errs {
		t.Run(tc.name, func(t *testing.T) {
			if v, err := ParseIntervalYM(tc.s, tc.q); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("ParseIntervalYM(%q) = %v, %v; want an error containing %q", tc.s, v, err, tc.want)
			}
		})
	}
}

func TestParseIntervalDS(t *testing.T) {
	day5 := ivQual(t, UnitDay, 5, UnitSecond)
	frac5 := ivQual(t, UnitFraction, 2, UnitFraction5)
	cases := []struct {
		s    string
		q    Qualifier
		want IntervalDS
	}{
		{"3 04:05:06", day5, IntervalDS{Seconds: 273906, Nanoseconds: 0}},
		{"-3 04:05:06", day5, IntervalDS{Seconds: -273906, Nanoseconds: 0}},
		{"12345 23:59:59", day5, IntervalDS{Seconds: 1066694399, Nanoseconds: 0}},
		{"1:30", ivQual(t, UnitHour, 2, UnitMinute), IntervalDS{Seconds: 5400, Nanoseconds: 0}},
		{"123:45.6", ivQual(t, UnitMinute, 3, UnitFraction1), IntervalDS{Seconds: 7425, Nanoseconds: 600000000}},
		{"1 02:03:04.5", qualDayToFraction5, IntervalDS{Seconds: 93784, Nanoseconds: 500000000}},
		// The fraction may be left out.
		{"1 02:03:04", qualDayToFraction5, IntervalDS{Seconds: 93784, Nanoseconds: 0}},
		{"-0 00:00:00.00001", qualDayToFraction5, IntervalDS{Seconds: 0, Nanoseconds: -10000}},
		// FRACTION TO FRACTION(5): the digits alone.
		{"12345", frac5, IntervalDS{Seconds: 0, Nanoseconds: 123450000}},
		{"-5", frac5, IntervalDS{Seconds: 0, Nanoseconds: -500000000}},
	}
	for _, tc := range cases {
		got, err := ParseIntervalDS(tc.s, tc.q)
		tc.want.Qualifier = tc.q
		if err != nil || got != tc.want {
			t.Errorf("ParseIntervalDS(%q, %s) = %#v, %v; want %#v", tc.s, tc.q.IntervalString(), got, err, tc.want)
		}
	}
	errs := []struct {
		name string
		s    string
		q    Qualifier
		want string
	}{
		{"day over DAY(2)", "100 00:00:00", ivQual(t, UnitDay, 2, UnitSecond), "the day has 3 digits, want 1 to 2"},
		{"hour 24", "1 24:00:00", day5, "hour 24 over 23"},
		{"minute 60", "1:60", ivQual(t, UnitHour, 2, UnitMinute), "minute 60 over 59"},
		{"second 60", "1 00:00:60", day5, "second 60 over 59"},
		{"two fraction digits for FRACTION(1)", "123:45.67", ivQual(t, UnitMinute, 3, UnitFraction1), "the fraction has 2 digits, want 1"},
		{"missing hours", "3", day5, `want ' ' before the hour`},
		{"year-month qualifier", "3", ivQual(t, UnitYear, 2, UnitYear), "is not a day-time qualifier"},
		// FRACTION start with precision 3: four digits for FRACTION(3), which
		// IntervalQualifier never produces (FRACTION TO FRACTION(n) counts n).
		{"FRACTION start with precision 3", "123", 0x04CD, "is not an INTERVAL qualifier"},
	}
	for _, tc := range errs {
		t.Run(tc.name, func(t *testing.T) {
			if v, err := ParseIntervalDS(tc.s, tc.q); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("ParseIntervalDS(%q) = %v, %v; want an error containing %q", tc.s, v, err, tc.want)
			}
		})
	}
}

func TestNewIntervalYM(t *testing.T) {
	cases := []struct {
		years, months int64
		want          int64
	}{
		{3, 6, 42},
		{-3, -6, -42},
		{1, -1, 11},
		{0, math.MinInt64, math.MinInt64},
		{-768614336404564650, -8, math.MinInt64},
	}
	for _, tc := range cases {
		if got, err := NewIntervalYM(tc.years, tc.months); err != nil || got.Months != tc.want {
			t.Errorf("NewIntervalYM(%d, %d) = %v, %v; want %d", tc.years, tc.months, got, err, tc.want)
		}
	}
	for _, tc := range [][2]int64{{math.MaxInt64/12 + 1, 0}, {math.MinInt64, 0}, {768614336404564650, 8}, {-768614336404564650, -9}} {
		if got, err := NewIntervalYM(tc[0], tc[1]); err == nil {
			t.Errorf("NewIntervalYM(%d, %d) = %v, want an overflow error", tc[0], tc[1], got)
		}
	}
}

func TestNewIntervalDS(t *testing.T) {
	cases := []struct {
		d, h, m, s, ns int64
		want           IntervalDS
	}{
		{1, 2, 3, 4, 500000000, IntervalDS{Seconds: 93784, Nanoseconds: 500000000}},
		// Mixed signs are added, then normalized to one sign.
		{0, 0, 0, 1, -1, IntervalDS{Seconds: 0, Nanoseconds: 999999999}},
		{0, 0, 0, -1, 1, IntervalDS{Seconds: 0, Nanoseconds: -999999999}},
		{0, 0, 0, 0, 2500000000, IntervalDS{Seconds: 2, Nanoseconds: 500000000}},
		{0, 0, 0, 0, -2500000000, IntervalDS{Seconds: -2, Nanoseconds: -500000000}},
		{-3, -4, -5, -6, 0, IntervalDS{Seconds: -273906, Nanoseconds: 0}},
	}
	for _, tc := range cases {
		if got, err := NewIntervalDS(tc.d, tc.h, tc.m, tc.s, tc.ns); err != nil || got != tc.want {
			t.Errorf("NewIntervalDS(%d, %d, %d, %d, %d) = %#v, %v; want %#v", tc.d, tc.h, tc.m, tc.s, tc.ns, got, err, tc.want)
		}
	}
	for _, tc := range [][5]int64{{math.MaxInt64, 0, 0, 0, 0}, {0, 0, 0, math.MaxInt64, 1e9}, {0, math.MinInt64, 0, 0, 0}} {
		if got, err := NewIntervalDS(tc[0], tc[1], tc[2], tc[3], tc[4]); err == nil {
			t.Errorf("NewIntervalDS(%v) = %#v, want an overflow error", tc, got)
		}
	}
}

func TestIntervalDSDuration(t *testing.T) {
	cases := []struct {
		d    time.Duration
		want IntervalDS
	}{
		{26*time.Hour + 3*time.Minute + 4500*time.Millisecond, IntervalDS{Seconds: 93784, Nanoseconds: 500000000}},
		{-time.Nanosecond, IntervalDS{Seconds: 0, Nanoseconds: -1}},
		{0, IntervalDS{}},
		// MaxInt64 ns = 9223372036 s + 854775807 ns.
		{math.MaxInt64, IntervalDS{Seconds: 9223372036, Nanoseconds: 854775807}},
		{math.MinInt64, IntervalDS{Seconds: -9223372036, Nanoseconds: -854775808}},
	}
	for _, tc := range cases {
		v := IntervalDSFromDuration(tc.d)
		if v != tc.want {
			t.Errorf("IntervalDSFromDuration(%v) = %#v, want %#v", tc.d, v, tc.want)
		}
		if back, err := v.Duration(); err != nil || back != tc.d {
			t.Errorf("%#v.Duration() = %v, %v; want %v", v, back, err, tc.d)
		}
	}
	for _, v := range []IntervalDS{
		{Seconds: 9223372036, Nanoseconds: 854775808}, {Seconds: 9223372037, Nanoseconds: 0}, {Seconds: -9223372036, Nanoseconds: -854775809}, {Seconds: -9223372037, Nanoseconds: 0},
		{Seconds: 999999999*86400 + 86399, Nanoseconds: 999990000}, // the largest DAY(9) TO FRACTION(5)
		{Seconds: 1, Nanoseconds: -5},
	} {
		if d, err := v.Duration(); err == nil {
			t.Errorf("%#v.Duration() = %v, want an error", v, d)
		}
	}
}

func TestIntervalNegAndValid(t *testing.T) {
	if got := (IntervalYM{Months: 42}).Neg(); got != (IntervalYM{Months: -42}) {
		t.Errorf("Neg(3-06) = %v", got)
	}
	if got := (IntervalDS{Seconds: 1, Nanoseconds: 5}).Neg(); got != (IntervalDS{Seconds: -1, Nanoseconds: -5}) {
		t.Errorf("Neg({1, 5}) = %#v", got)
	}
	if got := (IntervalDS{}).Neg(); got != (IntervalDS{}) {
		t.Errorf("Neg(0) = %#v", got)
	}
	for _, v := range []IntervalDS{{Seconds: 0, Nanoseconds: 0}, {Seconds: 1, Nanoseconds: 0}, {Seconds: 0, Nanoseconds: -1}, {Seconds: -1, Nanoseconds: -999999999}, {Seconds: math.MaxInt64, Nanoseconds: 999999999}} {
		if err := v.Valid(); err != nil {
			t.Errorf("%#v.Valid() = %v", v, err)
		}
	}
	for _, v := range []IntervalDS{{Seconds: 1, Nanoseconds: -1}, {Seconds: -1, Nanoseconds: 1}, {Seconds: 0, Nanoseconds: 1e9}, {Seconds: 0, Nanoseconds: -1e9}} {
		if err := v.Valid(); err == nil {
			t.Errorf("%#v.Valid() = nil, want an error", v)
		}
	}
}

func TestIntervalScan(t *testing.T) {
	ym := []struct {
		src  any
		want IntervalYM
	}{
		{IntervalYM{Months: 42}, IntervalYM{Months: 42}},
		{"3-06", IntervalYM{Months: 42}},
		{[]byte("-3-06"), IntervalYM{Months: -42}},
	}
	for _, tc := range ym {
		var v IntervalYM
		if err := v.Scan(tc.src); err != nil || v != tc.want {
			t.Errorf("IntervalYM.Scan(%v) = %v, %v", tc.src, v, err)
		}
	}
	for _, src := range []any{nil, int64(42), "3-12", "abc", IntervalDS{}} {
		v := IntervalYM{Months: 7}
		if err := v.Scan(src); err == nil || v != (IntervalYM{Months: 7}) {
			t.Errorf("IntervalYM.Scan(%#v) = %v leaving %v; want an error and no change", src, err, v)
		}
	}
	ds := []struct {
		src  any
		want IntervalDS
	}{
		{IntervalDS{Seconds: 93784, Nanoseconds: 500000000}, IntervalDS{Seconds: 93784, Nanoseconds: 500000000}},
		{90 * time.Second, IntervalDS{Seconds: 90, Nanoseconds: 0}},
		{"1 02:03:04.5", IntervalDS{Seconds: 93784, Nanoseconds: 500000000}},
		{[]byte("-0 00:00:01"), IntervalDS{Seconds: -1, Nanoseconds: 0}},
	}
	for _, tc := range ds {
		var v IntervalDS
		if err := v.Scan(tc.src); err != nil || v != tc.want {
			t.Errorf("IntervalDS.Scan(%v) = %#v, %v", tc.src, v, err)
		}
	}
	for _, src := range []any{nil, 1.5, "90", "1:60", IntervalDS{Seconds: 1, Nanoseconds: -1}, IntervalYM{Months: 1}} {
		v := IntervalDS{Seconds: 7, Nanoseconds: 0}
		if err := v.Scan(src); err == nil || v != (IntervalDS{Seconds: 7, Nanoseconds: 0}) {
			t.Errorf("IntervalDS.Scan(%#v) = %v leaving %v; want an error and no change", src, err, v)
		}
	}
	var n sql.Null[IntervalDS]
	if err := n.Scan(nil); err != nil || n.Valid {
		t.Errorf("sql.Null[IntervalDS].Scan(nil) = %v, valid %v", err, n.Valid)
	}
}

func TestIntervalValueAndText(t *testing.T) {
	if v, err := (IntervalYM{Months: -42}).Value(); err != nil || v != "-3-06" {
		t.Errorf("IntervalYM.Value = %v, %v", v, err)
	}
	if v, err := (IntervalDS{Seconds: 93784, Nanoseconds: 500000000}).Value(); err != nil || v != "1 02:03:04.5" {
		t.Errorf("IntervalDS.Value = %v, %v", v, err)
	}
	if _, err := (IntervalDS{Seconds: 1, Nanoseconds: -1}).Value(); err == nil {
		t.Error("Value of an invalid IntervalDS succeeded")
	}
	if _, err := (IntervalDS{Seconds: 1, Nanoseconds: -1}).MarshalText(); err == nil {
		t.Error("MarshalText of an invalid IntervalDS succeeded")
	}
	type row struct {
		YM IntervalYM
		DS IntervalDS
	}
	in := row{IntervalYM{Months: math.MinInt64}, IntervalDS{Seconds: math.MinInt64, Nanoseconds: -1}}
	j, err := json.Marshal(in)
	if want := `{"YM":"-768614336404564650-08","DS":"-106751991167300 15:30:08.000000001"}`; err != nil || string(j) != want {
		t.Fatalf("json.Marshal = %s, %v; want %s", j, err, want)
	}
	var out row
	if err := json.Unmarshal(j, &out); err != nil || out != in {
		t.Fatalf("json.Unmarshal = %#v, %v", out, err)
	}
	// One month or one day past the int64 range.
	var ym IntervalYM
	if err := ym.UnmarshalText([]byte("768614336404564650-08")); err == nil {
		t.Errorf("UnmarshalText(2^63 months) = %v", ym)
	}
	var ds IntervalDS
	if err := ds.UnmarshalText([]byte("106751991167301 00:00:00")); err == nil {
		t.Errorf("UnmarshalText(106751991167301 days) = %v", ds)
	}
	if err := ds.UnmarshalText([]byte("1 02:03:04.1234567891")); err == nil {
		t.Errorf("UnmarshalText(10 fraction digits) = %v", ds)
	}
}

// FuzzParseInterval checks that whatever ParseIntervalYM or
// ParseIntervalDS accepts is valid, and survives the text form.
func FuzzParseInterval(f *testing.F) {
	f.Add("3-06", uint16(0x0602))
	f.Add("-3 04:05:06", uint16(0x0B4A))
	f.Add("123:45.6", uint16(0x068B))
	f.Add("1 02:03:04.5", uint16(0x144F))
	f.Add("12345", uint16(0x05CF))
	// A zero qualifier: the fields come from the text's form.
	f.Add("12:34", uint16(0))
	f.Add("-3 04:05:06.123456789", uint16(0))
	f.Add("-3-06", uint16(0))
	f.Fuzz(func(t *testing.T, s string, q uint16) {
		if ym, err := ParseIntervalYM(s, Qualifier(q)); err == nil {
			ivTextTrip(t, ym)
		}
		if ds, err := ParseIntervalDS(s, Qualifier(q)); err == nil {
			if err := ds.Valid(); err != nil {
				t.Fatalf("ParseIntervalDS(%q) = %#v: %v", s, ds, err)
			}
			ivTextTrip(t, ds)
		}
	})
}
