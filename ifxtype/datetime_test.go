package ifxtype

import (
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// Qualifiers used below, with their TYPES.md §5.7 encodings where the
// table gives one.
const (
	dtYearToFrac5  Qualifier = 0x130F // YEAR TO FRACTION(5)
	dtYearToSecond Qualifier = 0x0E0A // YEAR TO SECOND
	dtYearToDay    Qualifier = 0x0804 // YEAR TO DAY
	dtHourToMinute Qualifier = 0x0468 // HOUR TO MINUTE
	dtMonthToFrac3 Qualifier = 0x0D2D // MONTH TO FRACTION(3)
)

// TestDateTimeQualifierConstants checks the unexported qualifier constant
// (written as TYPES.md §5.7's hex) against DateTimeQualifier.
func TestDateTimeQualifierConstants(t *testing.T) {
	if q := dtQual(t, UnitYear, UnitFraction5); q != qualYearToFraction5 {
		t.Fatalf("YEAR TO FRACTION(5) = %#04x, constant %#04x", uint16(q), uint16(qualYearToFraction5))
	}
}

func TestDateTimeString(t *testing.T) {
	cases := []struct {
		d    DateTime
		want string
	}{
		{DateTime{2026, 5, 4, 12, 34, 56, 123450000, dtYearToFrac5}, "2026-05-04 12:34:56.12345"},
		{DateTime{0, 0, 0, 12, 34, 0, 0, dtHourToMinute}, "12:34"},
		{DateTime{0, 5, 4, 12, 34, 56, 123000000, dtMonthToFrac3}, "05-04 12:34:56.123"},
		{DateTime{1, 1, 1, 0, 0, 0, 0, dtYearToSecond}, "0001-01-01 00:00:00"},
		{DateTime{2026, 5, 4, 0, 0, 0, 0, dtYearToDay}, "2026-05-04"},
		// YEAR TO FRACTION(5) keeps trailing zero digits.
		{DateTime{2026, 5, 4, 1, 2, 3, 500000000, dtYearToFrac5}, "2026-05-04 01:02:03.50000"},
		// FRACTION TO FRACTION(3) (0x03CD) prints its digits alone.
		{DateTime{0, 0, 0, 0, 0, 0, 7000000, 0x03CD}, "007"},
		// YEAR TO YEAR (0x0400).
		{DateTime{Year: 26, Qualifier: 0x0400}, "0026"},
		// DAY TO HOUR (0x0446).
		{DateTime{Day: 4, Hour: 9, Qualifier: 0x0446}, "04 09"},
		// SECOND TO FRACTION(1) (0x03AB).
		{DateTime{Second: 7, Nanosecond: 900000000, Qualifier: 0x03AB}, "07.9"},
		{DateTime{}, "DATETIME(qualifier 0x0000)"},
	}
	for _, tc := range cases {
		if got := tc.d.String(); got != tc.want {
			t.Errorf("%#v.String() = %q, want %q", tc.d, got, tc.want)
		}
	}
}

func TestParseDateTime(t *testing.T) {
	cases := []struct {
		s    string
		q    Qualifier
		want DateTime
	}{
		{"2026-05-04 12:34:56.12345", dtYearToFrac5, DateTime{2026, 5, 4, 12, 34, 56, 123450000, dtYearToFrac5}},
		{"12:34", dtHourToMinute, DateTime{0, 0, 0, 12, 34, 0, 0, dtHourToMinute}},
		{"05-04 12:34:56.123", dtMonthToFrac3, DateTime{0, 5, 4, 12, 34, 56, 123000000, dtMonthToFrac3}},
		// Fewer fraction digits than the qualifier holds: .5 is half a second.
		{"05-04 12:34:56.5", dtMonthToFrac3, DateTime{0, 5, 4, 12, 34, 56, 500000000, dtMonthToFrac3}},
		// The fraction may be left out.
		{"05-04 12:34:56", dtMonthToFrac3, DateTime{0, 5, 4, 12, 34, 56, 0, dtMonthToFrac3}},
		// Single-digit fields and surrounding spaces.
		{"  2026-5-4 ", dtYearToDay, DateTime{2026, 5, 4, 0, 0, 0, 0, dtYearToDay}},
		{"9:05", dtHourToMinute, DateTime{0, 0, 0, 9, 5, 0, 0, dtHourToMinute}},
		// Feb 29 of a leap year, and without a year (MONTH TO DAY, 0x0424).
		{"2024-02-29", dtYearToDay, DateTime{2024, 2, 29, 0, 0, 0, 0, dtYearToDay}},
		{"02-29", 0x0424, DateTime{Month: 2, Day: 29, Qualifier: 0x0424}},
		{"0001-01-01 00:00:00", dtYearToSecond, DateTime{1, 1, 1, 0, 0, 0, 0, dtYearToSecond}},
		{"9999-12-31 23:59:59.99999", dtYearToFrac5, DateTime{9999, 12, 31, 23, 59, 59, 999990000, dtYearToFrac5}},
		// FRACTION TO FRACTION(3) (0x03CD): digits alone.
		{"007", 0x03CD, DateTime{Nanosecond: 7000000, Qualifier: 0x03CD}},
	}
	for _, tc := range cases {
		got, err := ParseDateTime(tc.s, tc.q)
		if err != nil || got != tc.want {
			t.Errorf("ParseDateTime(%q, %s) = %#v, %v; want %#v", tc.s, tc.q.DateTimeString(), got, err, tc.want)
		}
	}
}

func TestParseDateTimeErrors(t *testing.T) {
	cases := []struct {
		name string
		s    string
		q    Qualifier
		want string // a fragment of the error
	}{
		{"three-digit year", "226-05-04", dtYearToDay, "the year has 3 digits, want 4"},
		{"two-digit year", "26-05-04", dtYearToDay, "the year has 2 digits, want 4"},
		{"three-digit month", "2026-005-04", dtYearToDay, "the month has 3 digits"},
		{"six fraction digits", "2026-05-04 12:34:56.123456", dtYearToFrac5, "the fraction has 6 digits, want 1 to 5"},
		{"fraction without qualifier room", "12:34.5", dtHourToMinute, `unexpected ".5"`},
		{"missing field", "2026-05", dtYearToDay, `want '-' before the day`},
		{"wrong separator", "2026/05/04", dtYearToDay, `want '-' before the month`},
		{"T separator", "2026-05-04T12:34:56", dtYearToSecond, `want ' ' before the hour`},
		{"trailing junk", "12:34 pm", dtHourToMinute, `unexpected " pm"`},
		{"empty", "", dtHourToMinute, "the hour has 0 digits"},
		{"month 13", "2026-13-04", dtYearToDay, "month 13 outside 1..12"},
		{"Feb 29 of 2026", "2026-02-29", dtYearToDay, "day 29 outside 1..28"},
		{"Feb 29 of 1900", "1900-02-29", dtYearToDay, "day 29 outside 1..28"},
		{"Feb 30 without year", "02-30", 0x0424, "day 30 outside 1..29"},
		{"April 31", "2026-04-31", dtYearToDay, "day 31 outside 1..30"},
		{"hour 24", "24:00", dtHourToMinute, "hour 24 outside 0..23"},
		{"second 60", "2026-05-04 12:34:60", dtYearToSecond, "second 60 outside 0..59"},
		{"year 0", "0000-01-01", dtYearToDay, "year 0 outside 1..9999"},
		{"sign", "-12:34", dtHourToMinute, "the hour has 0 digits"},
		{"bad qualifier", "12:34", 0x0469, "qualifier 0x0469 is not a valid DATETIME qualifier"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ParseDateTime(tc.s, tc.q)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("ParseDateTime(%q) = %v, %v; want an error containing %q", tc.s, d, err, tc.want)
			}
		})
	}
}

func TestDateTimeValid(t *testing.T) {
	valid := []DateTime{
		{2000, 2, 29, 0, 0, 0, 0, dtYearToDay}, // divisible by 400: leap
		{2024, 2, 29, 0, 0, 0, 0, dtYearToDay},
		{9999, 12, 31, 23, 59, 59, 999990000, dtYearToFrac5},
		{0, 0, 0, 23, 59, 0, 0, dtHourToMinute},
		{Day: 31, Hour: 23, Qualifier: 0x0446}, // DAY TO HOUR: no month, 31 days allowed
	}
	for _, d := range valid {
		if err := d.Valid(); err != nil {
			t.Errorf("%#v.Valid() = %v", d, err)
		}
	}
	invalid := []struct {
		name string
		d    DateTime
		want string
	}{
		{"1900 is not leap", DateTime{1900, 2, 29, 0, 0, 0, 0, dtYearToDay}, "day 29 outside 1..28"},
		{"2100 is not leap", DateTime{2100, 2, 29, 0, 0, 0, 0, dtYearToDay}, "day 29 outside 1..28"},
		{"field outside the qualifier", DateTime{2026, 5, 4, 0, 0, 0, 0, 0x0424}, "year is 2026, but the qualifier has no year"},
		{"hour outside the qualifier", DateTime{2026, 5, 4, 1, 0, 0, 0, dtYearToDay}, "hour is 1"},
		{"nanoseconds finer than FRACTION(5)", DateTime{2026, 5, 4, 0, 0, 0, 5, dtYearToFrac5}, "nanosecond 5"},
		{"zero qualifier", DateTime{2026, 5, 4, 0, 0, 0, 0, 0}, "qualifier 0x0000 is not a valid DATETIME qualifier"},
		{"fraction without FRACTION", DateTime{0, 0, 0, 1, 2, 0, 1e8, dtHourToMinute}, "nanosecond 100000000"},
		{"negative nanoseconds", DateTime{Nanosecond: -10000, Qualifier: 0x05CF}, "nanosecond -10000"},
		{"a whole second of nanoseconds", DateTime{Nanosecond: 1e9, Qualifier: 0x05CF}, "nanosecond 1000000000"},
		{"year 10000", DateTime{10000, 1, 1, 0, 0, 0, 0, dtYearToDay}, "year 10000 outside 1..9999"},
		{"month 0", DateTime{2026, 0, 1, 0, 0, 0, 0, dtYearToDay}, "month 0 outside 1..12"},
		{"negative minute", DateTime{0, 0, 0, 1, -1, 0, 0, dtHourToMinute}, "minute -1 outside 0..59"},
	}
	for _, tc := range invalid {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.d.Valid(); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Valid() = %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestNewDateTime(t *testing.T) {
	plus3 := time.FixedZone("UTC+3", 3*3600)
	tm := time.Date(2026, 5, 4, 12, 34, 56, 123456789, plus3)
	cases := []struct {
		name string
		t    time.Time
		q    Qualifier
		want DateTime
	}{
		// Fields are read in t's own location, not converted to UTC.
		{"own location", tm, dtYearToSecond, DateTime{2026, 5, 4, 12, 34, 56, 0, dtYearToSecond}},
		// FRACTION(5) cuts 123456789 ns to 123450000 (no rounding up to ...46).
		{"cut to FRACTION(5)", tm, dtYearToFrac5, DateTime{2026, 5, 4, 12, 34, 56, 123450000, dtYearToFrac5}},
		// 12:34:56.999 as HOUR TO MINUTE is 12:34, not 12:35.
		{"cut to MINUTE", time.Date(2026, 5, 4, 12, 34, 56, 999000000, time.UTC), dtHourToMinute,
			DateTime{0, 0, 0, 12, 34, 0, 0, dtHourToMinute}},
		// A year outside 1..9999 does not matter to a qualifier without YEAR.
		{"year 12026 without YEAR", time.Date(12026, 5, 4, 12, 34, 0, 0, time.UTC), dtHourToMinute,
			DateTime{0, 0, 0, 12, 34, 0, 0, dtHourToMinute}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := NewDateTime(tc.t, tc.q)
			if err != nil || got != tc.want {
				t.Fatalf("NewDateTime = %#v, %v; want %#v", got, err, tc.want)
			}
		})
	}
	for _, tc := range []struct {
		t    time.Time
		q    Qualifier
		want string
	}{
		{time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), dtYearToDay, "year 10000 outside 1..9999"},
		{time.Date(-5, 1, 1, 0, 0, 0, 0, time.UTC), dtYearToDay, "year -5 outside 1..9999"},
		{tm, 0x0469, "qualifier 0x0469 is not a valid DATETIME qualifier"},
	} {
		if d, err := NewDateTime(tc.t, tc.q); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("NewDateTime(%v, %#04x) = %v, %v; want an error containing %q", tc.t, uint16(tc.q), d, err, tc.want)
		}
	}
}

func TestDateTimeTime(t *testing.T) {
	plus3 := time.FixedZone("UTC+3", 3*3600)
	cases := []struct {
		name string
		d    DateTime
		loc  *time.Location
		want time.Time
	}{
		{"full", DateTime{2026, 5, 4, 12, 34, 56, 123450000, dtYearToFrac5}, plus3,
			time.Date(2026, 5, 4, 12, 34, 56, 123450000, plus3)},
		// Leading fields from 0001-01-01; nil location is UTC.
		{"HOUR TO MINUTE", DateTime{0, 0, 0, 12, 34, 0, 0, dtHourToMinute}, nil,
			time.Date(1, 1, 1, 12, 34, 0, 0, time.UTC)},
		// Trailing month and day at 1.
		{"YEAR TO YEAR", DateTime{Year: 2026, Qualifier: 0x0400}, time.UTC,
			time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)},
		// Year 1 has no Feb 29: time.Date normalizes to March 1.
		{"MONTH TO DAY Feb 29", DateTime{Month: 2, Day: 29, Qualifier: 0x0424}, time.UTC,
			time.Date(1, 3, 1, 0, 0, 0, 0, time.UTC)},
	}
	for _, tc := range cases {
		if got := tc.d.Time(tc.loc); !got.Equal(tc.want) || got.Location() != tc.want.Location() {
			t.Errorf("%s: Time = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestDateTimeScan(t *testing.T) {
	cases := []struct {
		name string
		src  any
		want DateTime
	}{
		{"DateTime", DateTime{0, 0, 0, 12, 34, 0, 0, dtHourToMinute}, DateTime{0, 0, 0, 12, 34, 0, 0, dtHourToMinute}},
		// time.Time scans as YEAR TO FRACTION(5), cut to 10µs.
		{"time.Time", time.Date(2026, 5, 4, 12, 34, 56, 123456789, time.UTC),
			DateTime{2026, 5, 4, 12, 34, 56, 123450000, dtYearToFrac5}},
		{"YEAR TO DAY", "2026-05-04", DateTime{2026, 5, 4, 0, 0, 0, 0, dtYearToDay}},
		{"YEAR TO HOUR", "2026-05-04 12", DateTime{2026, 5, 4, 12, 0, 0, 0, 0x0A06}},
		{"YEAR TO MINUTE", []byte("2026-05-04 12:34"), DateTime{2026, 5, 4, 12, 34, 0, 0, 0x0C08}},
		{"YEAR TO SECOND", "2026-05-04 12:34:56", DateTime{2026, 5, 4, 12, 34, 56, 0, dtYearToSecond}},
		// Three fraction digits choose FRACTION(3) (0x110D).
		{"YEAR TO FRACTION(3)", "2026-05-04 12:34:56.123", DateTime{2026, 5, 4, 12, 34, 56, 123000000, 0x110D}},
		{"YEAR TO FRACTION(5)", "2026-05-04 12:34:56.12345", DateTime{2026, 5, 4, 12, 34, 56, 123450000, dtYearToFrac5}},
	}
	for _, tc := range cases {
		var d DateTime
		if err := d.Scan(tc.src); err != nil || d != tc.want {
			t.Errorf("%s: Scan(%v) = %#v, %v; want %#v", tc.name, tc.src, d, err, tc.want)
		}
	}
	for _, src := range []any{
		nil, 42, "2026-05-04 12:34:56.123456", "12", "34:56", "2026-02-30", "2026-05-04 12:34:56:01",
		DateTime{2026, 13, 1, 0, 0, 0, 0, dtYearToDay}, time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
	} {
		d := DateTime{Year: 7, Qualifier: 0x0400}
		if err := d.Scan(src); err == nil || d != (DateTime{Year: 7, Qualifier: 0x0400}) {
			t.Errorf("Scan(%#v) = %v leaving %v; want an error and no change", src, err, d)
		}
	}
	var n sql.Null[DateTime]
	if err := n.Scan(nil); err != nil || n.Valid {
		t.Errorf("sql.Null[DateTime].Scan(nil) = %v, valid %v", err, n.Valid)
	}
}

func TestDateTimeValueAndText(t *testing.T) {
	d := DateTime{2026, 5, 4, 12, 34, 56, 123450000, dtYearToFrac5}
	var _ driver.Valuer = d
	if v, err := d.Value(); err != nil || v != "2026-05-04 12:34:56.12345" {
		t.Fatalf("Value = %v, %v", v, err)
	}
	if _, err := (DateTime{2026, 2, 30, 0, 0, 0, 0, dtYearToDay}).Value(); err == nil {
		t.Fatal("Value of Feb 30 succeeded")
	}
	if _, err := (DateTime{}).MarshalText(); err == nil {
		t.Fatal("MarshalText of the zero DateTime succeeded")
	}
	// JSON round trip through the text form, with a zero receiver.
	j, err := json.Marshal(d)
	if err != nil || string(j) != `"2026-05-04 12:34:56.12345"` {
		t.Fatalf("json.Marshal = %s, %v", j, err)
	}
	var back DateTime
	if err := json.Unmarshal(j, &back); err != nil || back != d {
		t.Fatalf("json.Unmarshal = %#v, %v", back, err)
	}
	// A zero receiver infers HOUR TO MINUTE from "12:34"; a preset
	// qualifier reads it as MINUTE TO SECOND (0x048A).
	var zero DateTime
	if err := zero.UnmarshalText([]byte("12:34")); err != nil || zero != (DateTime{0, 0, 0, 12, 34, 0, 0, dtHourToMinute}) {
		t.Fatalf("UnmarshalText(12:34) into a zero DateTime = %#v, %v", zero, err)
	}
	ms := DateTime{Qualifier: 0x048A}
	if err := ms.UnmarshalText([]byte("12:34")); err != nil || ms != (DateTime{0, 0, 0, 0, 12, 34, 0, 0x048A}) {
		t.Fatalf("UnmarshalText(12:34) into MINUTE TO SECOND = %#v, %v", ms, err)
	}
	if err := zero.UnmarshalText([]byte("12")); err == nil {
		t.Fatalf("UnmarshalText(12) = %#v; want an error: a number alone has five readings", zero)
	}
}

// TestDateTimeTimeRoundTrip checks, for every DATETIME qualifier with
// YEAR TO …, that NewDateTime(d.Time(loc), q) gives d back (Time loses
// nothing those qualifiers hold).
func TestDateTimeTimeRoundTrip(t *testing.T) {
	for _, q := range allDateTimeQualifiers(t) {
		if q.Start() != UnitYear {
			continue
		}
		for _, tm := range dtBoundaryTimes {
			d, err := NewDateTime(tm, q)
			if err != nil {
				t.Fatal(err)
			}
			if back, err := NewDateTime(d.Time(time.UTC), q); err != nil || back != d {
				t.Fatalf("%s: %v → %v → %v, %v", q.DateTimeString(), d, d.Time(time.UTC), back, err)
			}
		}
	}
}

// FuzzParseDateTime checks that whatever ParseDateTime accepts, with a
// qualifier or with none (0), is valid and prints as text that parses back
// to the same value.
func FuzzParseDateTime(f *testing.F) {
	f.Add("2026-05-04 12:34:56.12345", uint16(dtYearToFrac5))
	f.Add("12:34", uint16(dtHourToMinute))
	f.Add("05-04 12:34:56.5", uint16(dtMonthToFrac3))
	f.Add("02-29", uint16(0x0424))
	f.Add("007", uint16(0x03CD))
	// A zero qualifier: inferred from the text's form.
	f.Add("05-04 12:34:56.123", uint16(0))
	f.Add("12:34", uint16(0))
	f.Add("2026", uint16(0))
	f.Fuzz(func(t *testing.T, s string, q uint16) {
		d, err := ParseDateTime(s, Qualifier(q))
		if err != nil {
			return
		}
		if err := d.Valid(); err != nil {
			t.Fatalf("ParseDateTime(%q) = %#v, invalid: %v", s, d, err)
		}
		if back, err := ParseDateTime(d.String(), Qualifier(q)); err != nil || back != d {
			t.Fatalf("%q → %#v → %q → %#v, %v", s, d, d.String(), back, err)
		}
	})
}
