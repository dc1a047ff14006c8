package ifxtype

import (
	"testing"
	"time"

	"github.com/go-informix/informix/sqli"
)

// midnightUTC returns midnight UTC of a calendar date.
func midnightUTC(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// TestDateVectors checks the DATE table of TYPES.md §5.6 (computed,
// unconfirmed; NULL is [W] S1-h) in rows of both layouts and as bind
// values, which carry the same 4 bytes with precision field 0 ([W] S1-c for
// the absent length prefix).
func TestDateVectors(t *testing.T) {
	cases := []struct {
		name string
		hex  string
		want any
	}{
		{"1899-12-30 day -1 (computed, unconfirmed)", "FF FF FF FF", midnightUTC(1899, 12, 30)},
		{"1899-12-31 day 0 (computed, unconfirmed)", "00 00 00 00", midnightUTC(1899, 12, 31)},
		{"1900-01-01 day 1 (computed, unconfirmed)", "00 00 00 01", midnightUTC(1900, 1, 1)},
		{"1970-01-01 day 25568 (computed, unconfirmed)", "00 00 63 E0", midnightUTC(1970, 1, 1)},
		{"2000-01-01 day 36525 (computed, unconfirmed)", "00 00 8E AD", midnightUTC(2000, 1, 1)},
		{"2026-05-04 day 46145 (computed, unconfirmed)", "00 00 B4 41", midnightUTC(2026, 5, 4)},
		{"9999-12-31 day 2958464 (computed, unconfirmed)", "00 2D 24 80", midnightUTC(9999, 12, 31)},
		{"NULL ([W] S1-h)", "80 00 00 00", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, seq := range []bool{false, true} {
				checkRowVector(t, Type{Code: sqli.TypeDate, Length: 4}, seq, nil, c.hex, c.want)
			}
			if c.want != nil {
				checkBindVector(t, sqli.TypeDate, nil, c.hex, 0, c.want)
			}
		})
	}
}

// TestDateSpan checks the day numbers of 0001-01-01 and 9999-12-31 against
// the time package's own arithmetic, independent of the codec's constants:
// JDBC's offset of 693594 days from 0001-01-01 (TYPES.md §5.6) and the last
// row of the table.
func TestDateSpan(t *testing.T) {
	day0 := midnightUTC(1899, 12, 31)
	if got := (midnightUTC(1, 1, 1).Unix() - day0.Unix()) / 86400; got != -693594 {
		t.Fatalf("0001-01-01 is day %v by the time package", got)
	}
	if got := (midnightUTC(9999, 12, 31).Unix() - day0.Unix()) / 86400; got != 2958464 {
		t.Fatalf("9999-12-31 is day %v by the time package", got)
	}
	ty := Type{Code: sqli.TypeDate}
	checkRowVector(t, ty, false, nil, "FF F5 6A A6", midnightUTC(1, 1, 1)) // -693594 = 0xFFF56AA6 by hand
	c := scalarCodec(t, ty)
	for _, h := range []string{"FF F5 6A A5", "00 2D 24 81", "7F FF FF FF", "80 00 00 01"} {
		b := scalarHex(t, h)
		_, err := c.DecodeRow(ty, b, false, nil)
		requireErrorNaming(t, err, "outside", "-693594..2958464")
		_, err = c.DecodeBind(0, b, nil)
		requireErrorNaming(t, err, "outside")
	}
}

// TestDateEncodeLocation checks that a time.Time's date is taken in its own
// location: midnight of 2026-05-04 at UTC+14 is still 2026-05-03 in UTC,
// but the DATE is 2026-05-04.
func TestDateEncodeLocation(t *testing.T) {
	kiritimati := time.FixedZone("UTC+14", 14*3600)
	v := time.Date(2026, 5, 4, 0, 0, 0, 0, kiritimati)
	checkRowRoundTrip(t, Type{Code: sqli.TypeDate}, false, nil, v, midnightUTC(2026, 5, 4))
	checkBindRoundTrip(t, sqli.TypeDate, nil, v, midnightUTC(2026, 5, 4))
	minus := time.Date(1, 1, 1, 0, 0, 0, 0, time.FixedZone("UTC-12", -12*3600))
	checkRowRoundTrip(t, Type{Code: sqli.TypeDate}, false, nil, minus, midnightUTC(1, 1, 1))
}

// TestDateEncodeErrors checks the values the encoders refuse.
func TestDateEncodeErrors(t *testing.T) {
	cases := []struct {
		name  string
		v     any
		parts []string
	}{
		{"time of day", time.Date(2026, 5, 4, 12, 30, 0, 0, time.UTC), []string{"2026-05-04T12:30:00Z", "time of day"}},
		{"one nanosecond", time.Date(2026, 5, 4, 0, 0, 0, 1, time.UTC), []string{"2026-05-04T00:00:00.000000001Z", "time of day"}},
		{"year 10000", midnightUTC(10000, 1, 1), []string{"10000", "1..9999"}},
		{"year 0", midnightUTC(0, 12, 31), []string{"year 0", "1..9999"}},
		{"string", "2026-05-04", []string{"string", "2026-05-04", "time.Time"}},
		{"pointer", new(time.Time), []string{"*time.Time"}},
	}
	c := scalarCodec(t, Type{Code: sqli.TypeDate})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.AppendRow(nil, Type{Code: sqli.TypeDate}, tc.v, false, nil)
			requireErrorNaming(t, err, tc.parts...)
			_, _, err = c.AppendBind(nil, tc.v, nil)
			requireErrorNaming(t, err, tc.parts...)
		})
	}
}

// TestDateMalformed checks wrong widths and NULL as a bind value.
func TestDateMalformed(t *testing.T) {
	c := scalarCodec(t, Type{Code: sqli.TypeDate})
	for _, h := range []string{"", "00 00 B4", "00 00 B4 41 00"} { // short, short, long
		if _, err := c.DecodeRow(Type{Code: sqli.TypeDate}, scalarHex(t, h), false, nil); err == nil {
			t.Errorf("DecodeRow(%s) accepted", h)
		}
		if _, err := c.DecodeBind(0, scalarHex(t, h), nil); err == nil {
			t.Errorf("DecodeBind(%s) accepted", h)
		}
	}
	_, err := c.DecodeBind(0, scalarHex(t, "80 00 00 00"), nil) // NULL is indicator -1 in a bind
	requireErrorNaming(t, err, "NULL marker")
}

// TestDateRoundTripRandom encodes random dates across the whole span and
// its boundaries.
func TestDateRoundTripRandom(t *testing.T) {
	r := scalarRand(5)
	dates := []time.Time{midnightUTC(1, 1, 1), midnightUTC(9999, 12, 31), midnightUTC(1899, 12, 31), midnightUTC(1899, 12, 30),
		midnightUTC(2000, 2, 29), midnightUTC(1900, 3, 1), midnightUTC(1970, 1, 1)}
	first, last := midnightUTC(1, 1, 1), midnightUTC(9999, 12, 31)
	span := int((last.Unix()-first.Unix())/86400) + 1
	for range 500 {
		dates = append(dates, first.AddDate(0, 0, r.IntN(span)))
	}
	ty := Type{Code: sqli.TypeDate}
	for _, d := range dates {
		checkRowRoundTrip(t, ty, false, nil, d, d)
		checkRowRoundTrip(t, ty, true, nil, d, d)
		checkBindRoundTrip(t, sqli.TypeDate, nil, d, d)
	}
	checkRowRoundTrip(t, ty, false, nil, nil, nil)
}

// TestDateReencode checks the FuzzCodecs property for DATE.
func TestDateReencode(t *testing.T) {
	r := scalarRand(6)
	ty := Type{Code: sqli.TypeDate, Length: int32(r.Uint32())}
	seeds := [][]byte{scalarHex(t, "00 00 B4 41"), scalarHex(t, "80 00 00 00"), scalarHex(t, "FF F5 6A A6")}
	for _, b := range reencodeInputs(r, seeds) {
		checkReencode(t, ty, b, false, nil)
		checkReencode(t, ty, b, true, nil)
		checkBindReencode(t, sqli.TypeDate, b, nil)
	}
}
