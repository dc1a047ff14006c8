package ifxtype

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// TestDateTimeTextForms reads DATETIME text with no qualifier given, as a
// DATETIME cast to CHAR gives it. The qualifiers are written in hex by
// hand from TYPES.md §5.7's encoding, digits<<8 | start<<4 | end, with
// digits = end − start + 4 from YEAR and + 2 otherwise (FRACTION TO
// FRACTION(n): start 12, end 10+n, n digits).
func TestDateTimeTextForms(t *testing.T) {
	cases := []struct {
		text string
		want DateTime
	}{
		{"2026", DateTime{Year: 2026, Qualifier: 0x0400}},                         // YEAR TO YEAR
		{"2026-05", DateTime{Year: 2026, Month: 5, Qualifier: 0x0602}},            // YEAR TO MONTH
		{"2026-05-04", DateTime{Year: 2026, Month: 5, Day: 4, Qualifier: 0x0804}}, // YEAR TO DAY
		{"2026-05-04 12", DateTime{Year: 2026, Month: 5, Day: 4, Hour: 12, Qualifier: 0x0A06}},
		{"05-04", DateTime{Month: 5, Day: 4, Qualifier: 0x0424}}, // MONTH TO DAY
		{"05-04 12:34:56.123", DateTime{Month: 5, Day: 4, Hour: 12, Minute: 34, Second: 56,
			Nanosecond: 123000000, Qualifier: 0x0D2D}}, // MONTH TO FRACTION(3)
		{"04 12", DateTime{Day: 4, Hour: 12, Qualifier: 0x0446}},                               // DAY TO HOUR
		{"04 12:34:56", DateTime{Day: 4, Hour: 12, Minute: 34, Second: 56, Qualifier: 0x084A}}, // DAY TO SECOND
		{"12:34", DateTime{Hour: 12, Minute: 34, Qualifier: 0x0468}},                           // HOUR TO MINUTE
		{"  5:07  ", DateTime{Hour: 5, Minute: 7, Qualifier: 0x0468}},
		{"12:34:56", DateTime{Hour: 12, Minute: 34, Second: 56, Qualifier: 0x066A}}, // HOUR TO SECOND
		{"12:34:56.12345", DateTime{Hour: 12, Minute: 34, Second: 56, Nanosecond: 123450000,
			Qualifier: 0x0B6F}}, // HOUR TO FRACTION(5)
		{"34:56.5", DateTime{Minute: 34, Second: 56, Nanosecond: 500000000, Qualifier: 0x058B}}, // MINUTE TO FRACTION(1)
		{"56.25", DateTime{Second: 56, Nanosecond: 250000000, Qualifier: 0x04AC}},               // SECOND TO FRACTION(2)
		{"007", DateTime{Nanosecond: 7000000, Qualifier: 0x03CD}},                               // FRACTION TO FRACTION(3)
		{"12345", DateTime{Nanosecond: 123450000, Qualifier: 0x05CF}},                           // FRACTION TO FRACTION(5)
	}
	for _, tc := range cases {
		t.Run(tc.text, func(t *testing.T) {
			if got, err := ParseDateTime(tc.text, 0); err != nil || got != tc.want {
				t.Errorf("ParseDateTime(%q, 0) = %#v, %v; want %#v", tc.text, got, err, tc.want)
			}
			var d DateTime
			if err := d.Scan([]byte(tc.text)); err != nil || d != tc.want {
				t.Errorf("Scan = %#v, %v; want %#v", d, err, tc.want)
			}
		})
	}
}

// TestDateTimeTextErrors: text that no qualifier writes, a number alone of
// one or two digits (five readings), a default reading out of range (the
// error names the other reading), and more than five fraction digits.
func TestDateTimeTextErrors(t *testing.T) {
	cases := []struct{ text, want string }{
		{"12", "HOUR TO HOUR"},
		{"7", "give the qualifier"},
		{"34:56", "MINUTE TO SECOND"},
		{"2026-05-04 12:34:56.123456", "6 fraction digits"},
		{"-12:34", "not the literal form"},
		{"12:34:56:01", "not the literal form"},
		{"2026/05/04", "not the literal form"},
		{"205-04", "not the literal form"},
		{"12::34", "not the literal form"},
		{"12:34.", "not the literal form"},
		{"", "not the literal form"},
		{"2026-02-30", "day 30 outside 1..28"},
	}
	for _, tc := range cases {
		_, err := ParseDateTime(tc.text, 0)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseDateTime(%q, 0): %v; want an error containing %q", tc.text, err, tc.want)
		}
		d := DateTime{Year: 7, Qualifier: 0x0400}
		if err := d.Scan(tc.text); err == nil || d != (DateTime{Year: 7, Qualifier: 0x0400}) {
			t.Errorf("Scan(%q) = %v leaving %#v; want an error and no change", tc.text, err, d)
		}
	}
}

// TestDateTimeTextPreset: a receiver's valid qualifier reads the text when
// the text parses with it (settling "12:34" and "12", and keeping a
// FRACTION(5) the text leaves out); when it does not, the text's form
// decides, so a qualifier left from another value does not get in the way.
func TestDateTimeTextPreset(t *testing.T) {
	cases := []struct {
		preset Qualifier
		text   string
		want   DateTime
	}{
		{0x048A, "12:34", DateTime{Minute: 12, Second: 34, Qualifier: 0x048A}}, // MINUTE TO SECOND
		{0x0266, "12", DateTime{Hour: 12, Qualifier: 0x0266}},                  // HOUR TO HOUR
		{0x04CE, "0123", DateTime{Nanosecond: 12300000, Qualifier: 0x04CE}},    // FRACTION TO FRACTION(4)
		{0x130F, "2026-05-04 12:34:56", DateTime{2026, 5, 4, 12, 34, 56, 0, 0x130F}},
		{0x0804, "12:34", DateTime{Hour: 12, Minute: 34, Qualifier: 0x0468}},
		{0x0468, "2026-05-04", DateTime{Year: 2026, Month: 5, Day: 4, Qualifier: 0x0804}},
	}
	for _, tc := range cases {
		d := DateTime{Qualifier: tc.preset}
		if err := d.Scan(tc.text); err != nil || d != tc.want {
			t.Errorf("Scan(%q) into %s = %#v, %v; want %#v", tc.text, tc.preset.DateTimeString(), d, err, tc.want)
		}
		u := DateTime{Qualifier: tc.preset}
		if err := u.UnmarshalText([]byte(tc.text)); err != nil || u != tc.want {
			t.Errorf("UnmarshalText(%q) into %s = %#v, %v; want %#v", tc.text, tc.preset.DateTimeString(), u, err, tc.want)
		}
	}
}

// dtNotInferable lists, by hand, the DATETIME qualifiers whose String form
// another qualifier writes too and that are not the default reading of
// it: the one-field MONTH … SECOND (two digits alone), FRACTION TO
// FRACTION(1), (2) (digits alone, as short as those) and (4) (four digits
// alone read as YEAR), and MINUTE TO SECOND ("a:b" read as HOUR TO
// MINUTE).
var dtNotInferable = map[Qualifier]bool{
	0x0222: true, 0x0244: true, 0x0266: true, 0x0288: true, 0x02AA: true,
	0x01CB: true, 0x02CC: true, 0x04CE: true, 0x048A: true,
}

// TestDateTimeTextRoundTrip: for every DATETIME qualifier and boundary and
// random values, the String form read back with no qualifier (ParseDateTime
// with 0, Scan of a string and of a []byte, UnmarshalText, each into a
// zero DateTime) gives the value back, qualifier included, except for the
// qualifiers of dtNotInferable, whose text reads back only with the
// qualifier preset.
func TestDateTimeTextRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 50))
	for _, q := range allDateTimeQualifiers(t) {
		times := append([]time.Time(nil), dtBoundaryTimes...)
		for range 100 {
			times = append(times, dtRandomTime(r))
		}
		for _, tm := range times {
			d, err := NewDateTime(tm, q)
			if err != nil {
				t.Fatal(err)
			}
			s := d.String()
			preset := DateTime{Qualifier: q}
			if err := preset.Scan(s); err != nil || preset != d {
				t.Fatalf("%s: Scan(%q) into a preset qualifier = %#v, %v; want %#v", q.DateTimeString(), s, preset, err, d)
			}
			got, err := ParseDateTime(s, 0)
			if dtNotInferable[q] {
				if err == nil && got == d {
					t.Fatalf("%s: %q read back with no qualifier, though another qualifier's reading comes first", q.DateTimeString(), s)
				}
				continue
			}
			if err != nil || got != d {
				t.Fatalf("%s: ParseDateTime(%q, 0) = %#v, %v; want %#v", q.DateTimeString(), s, got, err, d)
			}
			var fromString, fromBytes, fromText DateTime
			errs := []error{fromString.Scan(s), fromBytes.Scan([]byte(s)), fromText.UnmarshalText([]byte(s))}
			for i, v := range []DateTime{fromString, fromBytes, fromText} {
				if errs[i] != nil || v != d {
					t.Fatalf("%s: reading %q way %d = %#v, %v; want %#v", q.DateTimeString(), s, i, v, errs[i], d)
				}
			}
		}
	}
}

// TestIntervalTextForms reads INTERVAL text with no qualifier given, the
// values worked out by hand (a day is 86400 s, an hour 3600 s).
func TestIntervalTextForms(t *testing.T) {
	ds := []struct {
		text    string
		seconds int64
		nanos   int32
	}{
		{"1 02:03:04.5", 93784, 500000000},                   // 86400 + 7200 + 180 + 4
		{"-3 04:05:06.12345", -273906, -123450000},           // 259200 + 14400 + 300 + 6
		{"4 05", 363600, 0},                                  // 345600 + 18000
		{"4 05:06", 363960, 0},                               // + 360
		{"123:45:06", 445506, 0},                             // 442800 + 2700 + 6
		{"12:34", 45240, 0},                                  // HOUR TO MINUTE: 43200 + 2040
		{"45:06.25", 2706, 250000000},                        // MINUTE TO FRACTION: 2700 + 6
		{"6.5", 6, 500000000},                                // SECOND TO FRACTION
		{"-0 00:00:01", -1, 0},                               // the sign of a zero leading field
		{" 100000000 00:00:00.000000001 ", 8640000000000, 1}, // 10⁸ days, nine fraction digits
	}
	for _, tc := range ds {
		want := IntervalDS{Seconds: tc.seconds, Nanoseconds: tc.nanos}
		got, err := ParseIntervalDS(tc.text, 0)
		var scanned IntervalDS
		serr := scanned.Scan(tc.text)
		if err != nil || got != want || serr != nil || scanned != want {
			t.Errorf("%q: ParseIntervalDS = %#v, %v; Scan = %#v, %v; want %#v", tc.text, got, err, scanned, serr, want)
		}
	}
	ym := []struct {
		text   string
		months int64
	}{{"3-06", 42}, {"-3-06", -42}, {"0-11", 11}, {"  12-00 ", 144}}
	for _, tc := range ym {
		got, err := ParseIntervalYM(tc.text, 0)
		var scanned IntervalYM
		serr := scanned.Scan([]byte(tc.text))
		if want := (IntervalYM{Months: tc.months}); err != nil || got != want || serr != nil || scanned != want {
			t.Errorf("%q: ParseIntervalYM = %#v, %v; Scan = %#v, %v; want %#v", tc.text, got, err, scanned, serr, want)
		}
	}
	for _, text := range []string{"7", "12:60", "1 24", "1 02:03:04:05", "1.", "1:02.1234567890", "3-06", ""} {
		if v, err := ParseIntervalDS(text, 0); err == nil {
			t.Errorf("ParseIntervalDS(%q, 0) = %#v; want an error", text, v)
		}
	}
	for _, text := range []string{"42", "3-12", "1 02", "3-06.5", "-"} {
		if v, err := ParseIntervalYM(text, 0); err == nil {
			t.Errorf("ParseIntervalYM(%q, 0) = %#v; want an error", text, v)
		}
	}
}

// TestIntervalTextPreset: a receiver's qualifier of the right class reads
// the text when the text parses with it, and the result keeps it: "12:34"
// as MINUTE(2) TO SECOND (0x048A) is 754 s, "7" as DAY(3) TO DAY (0x0344)
// 604800 s, "42" as MONTH(3) TO MONTH (0x0322) 42 months and as YEAR(4) TO
// YEAR (0x0400) 504. Otherwise the form decides and the result has no
// qualifier.
func TestIntervalTextPreset(t *testing.T) {
	dsCases := []struct {
		preset Qualifier
		text   string
		want   IntervalDS
	}{
		{0x048A, "12:34", IntervalDS{Seconds: 754, Qualifier: 0x048A}},
		{0x0344, "7", IntervalDS{Seconds: 604800, Qualifier: 0x0344}},
		{0x048A, "1 00:00:01", IntervalDS{Seconds: 86401}},
		{0x0322, "12:34", IntervalDS{Seconds: 45240}}, // a year-month preset is ignored
	}
	for _, tc := range dsCases {
		v := IntervalDS{Qualifier: tc.preset}
		u := IntervalDS{Qualifier: tc.preset}
		err, uerr := v.Scan(tc.text), u.UnmarshalText([]byte(tc.text))
		if err != nil || v != tc.want || uerr != nil || u != tc.want {
			t.Errorf("%q into %#04x: Scan %#v, %v; UnmarshalText %#v, %v; want %#v", tc.text, uint16(tc.preset), v, err, u, uerr, tc.want)
		}
	}
	ymCases := []struct {
		preset Qualifier
		text   string
		want   IntervalYM
	}{
		{0x0322, "42", IntervalYM{Months: 42, Qualifier: 0x0322}},
		{0x0400, "42", IntervalYM{Months: 504, Qualifier: 0x0400}},
		{0x0322, "3-06", IntervalYM{Months: 42}},
	}
	for _, tc := range ymCases {
		v := IntervalYM{Qualifier: tc.preset}
		u := IntervalYM{Qualifier: tc.preset}
		err, uerr := v.Scan(tc.text), u.UnmarshalText([]byte(tc.text))
		if err != nil || v != tc.want || uerr != nil || u != tc.want {
			t.Errorf("%q into %#04x: Scan %#v, %v; UnmarshalText %#v, %v; want %#v", tc.text, uint16(tc.preset), v, err, u, uerr, tc.want)
		}
	}
}

// ivLiteral writes, independently of the package's formatter, the literal
// form of an INTERVAL of q as Informix writes it: a '-' when neg, the
// leading field without padding, each later whole field as two digits
// after its separator (YEAR-MONTH, DAY HOUR:MINUTE:SECOND), and the
// fraction as exactly q's fraction digits, after a '.' or, for FRACTION TO
// FRACTION(n), alone.
func ivLiteral(q Qualifier, f [6]int64, frac int64, neg bool) string {
	seps := [6]byte{0, '-', 0, ' ', ':', ':'}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	fields := ivFields(q)
	for k, i := range fields {
		if k == 0 {
			fmt.Fprintf(&b, "%d", f[i])
		} else {
			fmt.Fprintf(&b, "%c%02d", seps[i], f[i])
		}
	}
	if n := q.FractionDigits(); n > 0 {
		if len(fields) > 0 {
			b.WriteByte('.')
		}
		fmt.Fprintf(&b, "%0*d", n, frac)
	}
	return b.String()
}

// ivNotInferable reports, from the qualifier's units alone, whether the
// literal of q is one another qualifier of its class writes first: one
// field alone (a number), or MINUTE TO SECOND ("a:b", read as hours and
// minutes).
func ivNotInferable(q Qualifier) bool {
	one := q.Start() == q.End() || q.Start() == UnitFraction
	return one || q.Start() == UnitMinute && q.End() == UnitSecond
}

// TestIntervalTextRoundTrip: for every INTERVAL qualifier (both classes,
// every leading precision) and random values, the literal of the value
// read with no qualifier (ParseInterval with 0, Scan, UnmarshalText into
// a zero value) gives the value back without its qualifier, except where
// ivNotInferable says the form is another's; and read into a receiver
// whose Qualifier is q, gives the value back with it.
func TestIntervalTextRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(6, 60))
	for _, q := range allIntervalQualifiers(t) {
		fields := ivFields(q)
		for range 40 {
			var f [6]int64
			for k, i := range fields {
				limit := ivFieldMax[i]
				if k == 0 {
					limit = ivPow10(q.LeadingPrecision()) - 1
				}
				f[i] = r.Int64N(limit + 1)
			}
			frac := r.Int64N(ivPow10(q.FractionDigits()))
			neg := r.IntN(2) == 0
			s := ivLiteral(q, f, frac, neg)
			checkIntervalText(t, q, s, ivValue(q, f, frac, neg))
		}
	}
}

// checkIntervalText reads s, the literal of want (whose Qualifier is q),
// into a receiver whose Qualifier is q, which must give want; and, unless
// ivNotInferable(q), with no qualifier, which must give want without its
// Qualifier.
func checkIntervalText(t *testing.T, q Qualifier, s string, want any) {
	t.Helper()
	switch w := want.(type) {
	case IntervalYM:
		p := IntervalYM{Qualifier: q}
		if err := p.Scan(s); err != nil || p != w {
			t.Fatalf("%s: Scan(%q) into a preset qualifier = %#v, %v; want %#v", q.IntervalString(), s, p, err, w)
		}
		if ivNotInferable(q) {
			return
		}
		w.Qualifier = 0
		var v IntervalYM
		got, err := ParseIntervalYM(s, 0)
		if uerr := v.UnmarshalText([]byte(s)); err != nil || got != w || uerr != nil || v != w {
			t.Fatalf("%s: %q with no qualifier = %#v, %v and %#v, %v; want %#v", q.IntervalString(), s, got, err, v, uerr, w)
		}
	case IntervalDS:
		p := IntervalDS{Qualifier: q}
		if err := p.Scan(s); err != nil || p != w {
			t.Fatalf("%s: Scan(%q) into a preset qualifier = %#v, %v; want %#v", q.IntervalString(), s, p, err, w)
		}
		if ivNotInferable(q) {
			return
		}
		w.Qualifier = 0
		var v IntervalDS
		got, err := ParseIntervalDS(s, 0)
		if serr := v.Scan(s); err != nil || got != w || serr != nil || v != w {
			t.Fatalf("%s: %q with no qualifier = %#v, %v and %#v, %v; want %#v", q.IntervalString(), s, got, err, v, serr, w)
		}
	}
}
