package ifxtype

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DateTime is an Informix DATETIME value together with its qualifier, which
// says which fields the value has (TYPES.md §5.7). A value of DATETIME
// HOUR TO MINUTE is a time of day, not an instant, so DateTime keeps the
// fields as they are instead of inventing a date.
//
// Invariants of a valid DateTime (see Valid): Qualifier is a DATETIME
// qualifier; the fields the qualifier lacks are zero; the others are in
// range for the calendar (Year 1..9999, Month 1..12, Day within the month,
// Hour 0..23, Minute and Second 0..59); Nanosecond is a whole number of the
// qualifier's fraction units (a multiple of 10µs for FRACTION(5), zero
// without a fraction).
//
// Encoding a DateTime into a column requires the column's qualifier; a
// DateTime with another qualifier is refused rather than converted, since
// adding or dropping fields changes the value's meaning.
type DateTime struct {
	Year, Month, Day, Hour, Minute, Second int
	Nanosecond                             int
	Qualifier                              Qualifier
}

// Indexes of the whole fields of a DATETIME or INTERVAL: a time unit code
// divided by two (TYPES.md §5.7). fieldFraction stands for the digits after
// SECOND, which are not a whole field.
const (
	fieldYear = iota
	fieldMonth
	fieldDay
	fieldHour
	fieldMinute
	fieldSecond
	fieldFraction
)

var (
	timeFieldNames = [...]string{"year", "month", "day", "hour", "minute", "second", "fraction"}
	// timeFieldSeps is the separator written before each field in the
	// Informix literal form "2026-05-04 12:34:56.12345".
	timeFieldSeps = [...]byte{0, '-', '-', ' ', ':', ':', '.'}
	// fracUnit[n] is the nanoseconds in one unit of the n-th fraction
	// digit: 10^(9−n).
	fracUnit = [...]int64{1e9, 1e8, 1e7, 1e6, 1e5, 1e4, 1e3, 1e2, 1e1, 1}
	// leadPow10[n] is 10^n: a leading field of n digits holds at most
	// leadPow10[n]−1.
	leadPow10 = [...]int64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
		1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}
)

// qualYearToFraction5 is DATETIME YEAR TO FRACTION(5), the qualifier a
// time.Time binds and scans with (TYPES.md §5.7: 0x130F).
const qualYearToFraction5 Qualifier = 0x130F

// fieldLayout is the field structure a DATETIME or INTERVAL qualifier
// implies: the whole fields first..last (field indexes; none when first >
// last, as in FRACTION TO FRACTION(n)), the digit count of the first whole
// field, and the fraction digits.
type fieldLayout struct {
	first, last int
	lead        int
	frac        int
}

// fieldValues holds a DATETIME or INTERVAL value field by field: the whole
// fields by index (zero outside the layout), the fraction in nanoseconds,
// and, for an INTERVAL, the sign. Field values are magnitudes, never
// negative.
type fieldValues struct {
	v   [fieldFraction]int64
	ns  int64
	neg bool
}

// layoutOf returns the fields of a qualifier the caller has checked with
// Valid or ValidInterval. The whole-digit count L − F must be what the
// fields need: the leading field takes 1 to 18 digits, every later whole
// field 2, and a FRACTION TO FRACTION(n) qualifier has no whole digits.
// Qualifiers that pass Valid or ValidInterval always meet these rules; the
// checks keep a forged qualifier from sizing the digit grid wrongly.
func layoutOf(q Qualifier) (fieldLayout, error) {
	l := fieldLayout{first: int(q.Start()) / 2, last: fieldSecond, frac: q.FractionDigits()}
	if e := q.End(); e <= UnitSecond {
		l.last = int(e) / 2
	}
	whole := q.Digits() - l.frac
	if l.first > l.last {
		if whole != 0 {
			return l, fmt.Errorf("qualifier %#04x has %d digits for FRACTION(%d)", uint16(q), q.Digits(), l.frac)
		}
		return l, nil
	}
	l.lead = whole - 2*(l.last-l.first)
	if l.lead < 1 || l.lead >= len(leadPow10) {
		return l, fmt.Errorf("qualifier %#04x leaves %d digits for its first field", uint16(q), l.lead)
	}
	return l, nil
}

// dateTimeLayout returns the layout of q, or an error if q is not a
// DATETIME qualifier (Qualifier.Valid). It is a look-up in
// dateTimeLayouts, since it runs for every DATETIME value bound, decoded
// or validated.
func dateTimeLayout(q Qualifier) (fieldLayout, error) {
	if e := &dateTimeLayouts[q.Start()][q.End()]; e.valid && e.q == q {
		return e.l, e.err
	}
	return fieldLayout{}, fmt.Errorf("qualifier %#04x is not a valid DATETIME qualifier", uint16(q))
}

// dateTimeLayouts holds, for every start and end unit (4 bits each), the
// DATETIME qualifier start TO end, when there is one (valid), and its
// layout. A qualifier q is valid exactly when the entry of its units is
// valid and holds q, which is how Qualifier.Valid decides it.
var dateTimeLayouts = func() (t [16][16]struct {
	q     Qualifier
	valid bool
	l     fieldLayout
	err   error
}) {
	for start := range t {
		for end := range t[start] {
			q, err := DateTimeQualifier(TimeUnit(start), TimeUnit(end))
			if err != nil {
				continue
			}
			e := &t[start][end]
			e.q, e.valid = q, true
			e.l, e.err = layoutOf(q)
		}
	}
	return t
}()

// has reports whether whole field i is part of the layout.
func (l fieldLayout) has(i int) bool { return l.first <= i && i <= l.last }

// wholeDigits returns the digits of the whole fields (L − F in TYPES.md
// §5.7's decoding recipe).
func (l fieldLayout) wholeDigits() int {
	if l.first > l.last {
		return 0
	}
	return l.lead + 2*(l.last-l.first)
}

// NewDateTime returns the fields of t, read in t's own location, that
// qualifier q has. Precision finer than q's last unit is cut, not rounded:
// that is what the qualifier means (12:34:56.999 as HOUR TO MINUTE is
// 12:34; 12:34:56.123456789 as HOUR TO FRACTION(5) is 12:34:56.12345). It
// fails if q is not a DATETIME qualifier or q has YEAR and t's year is
// outside 1..9999.
func NewDateTime(t time.Time, q Qualifier) (DateTime, error) {
	fv, _, err := dateTimeFields(t, q)
	if err != nil {
		return DateTime{}, err
	}
	return dateTimeOf(fv, q), nil
}

// dateTimeFields returns the checked fields of NewDateTime(t, q), and q's
// layout, without building the DateTime.
func dateTimeFields(t time.Time, q Qualifier) (fieldValues, fieldLayout, error) {
	l, err := dateTimeLayout(q)
	if err != nil {
		return fieldValues{}, l, fmt.Errorf("ifxtype: DATETIME from %v: %w", t, err)
	}
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	fv := fieldValues{v: [fieldFraction]int64{int64(y), int64(mo), int64(d), int64(h), int64(mi), int64(s)}}
	for i := range fv.v {
		if !l.has(i) {
			fv.v[i] = 0
		}
	}
	fv.ns = int64(t.Nanosecond()) / fracUnit[l.frac] * fracUnit[l.frac]
	if err := l.checkDateTime(&fv); err != nil {
		return fieldValues{}, l, fmt.Errorf("ifxtype: DATETIME %s from %v: %w", q.DateTimeString(), t, err)
	}
	return fv, l, nil
}

// dateTimeOf builds a DateTime from field values (DATETIME fields fit in
// an int: the year has four digits).
func dateTimeOf(fv fieldValues, q Qualifier) DateTime {
	return DateTime{
		Year: int(fv.v[fieldYear]), Month: int(fv.v[fieldMonth]), Day: int(fv.v[fieldDay]),
		Hour: int(fv.v[fieldHour]), Minute: int(fv.v[fieldMinute]), Second: int(fv.v[fieldSecond]),
		Nanosecond: int(fv.ns), Qualifier: q,
	}
}

// values returns d's fields as fieldValues.
func (d DateTime) values() fieldValues {
	return fieldValues{
		v: [fieldFraction]int64{int64(d.Year), int64(d.Month), int64(d.Day),
			int64(d.Hour), int64(d.Minute), int64(d.Second)},
		ns: int64(d.Nanosecond),
	}
}

// Time returns d as a time.Time in loc (UTC when loc is nil). Leading
// fields the qualifier lacks are taken from 0001-01-01, trailing ones are
// at their minimum (month and day 1, time fields 0): DATETIME HOUR TO
// MINUTE 12:34 becomes 0001-01-01 12:34:00. IBM's JDBC driver instead fills
// a missing date with year 1700 and the current month (TYPES.md §5.7, [J]
// S3); we deliberately use a fixed date so the result does not depend on
// when it is computed. Year 1 is not a leap year, so a year-less February
// 29 becomes 0001-03-01, as time.Date normalizes it. d should be valid.
func (d DateTime) Time(loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	return time.Date(max(d.Year, 1), time.Month(max(d.Month, 1)), max(d.Day, 1),
		d.Hour, d.Minute, d.Second, d.Nanosecond, loc)
}

// Valid reports why d breaks an invariant of DateTime, or nil: the
// qualifier must be a DATETIME qualifier, fields outside it zero, every
// field in range for the calendar (February 29 only in leap years when the
// qualifier has YEAR; without YEAR it is allowed), and Nanosecond a whole
// number of the qualifier's fraction units.
func (d DateTime) Valid() error {
	l, err := dateTimeLayout(d.Qualifier)
	if err != nil {
		return fmt.Errorf("ifxtype: DATETIME: %w", err)
	}
	if err := d.check(l); err != nil {
		return fmt.Errorf("ifxtype: DATETIME %s: %w", d.Qualifier.DateTimeString(), err)
	}
	return nil
}

// The range of each whole DATETIME field; a day's maximum also depends on
// the month (daysInMonth).
var (
	dateTimeFieldMin = [fieldFraction]int64{1, 1, 1, 0, 0, 0}
	dateTimeFieldMax = [fieldFraction]int64{9999, 12, 31, 23, 59, 59}
)

// check validates d's fields against layout l of its qualifier.
func (d DateTime) check(l fieldLayout) error {
	fv := d.values()
	return l.checkDateTime(&fv)
}

// checkDateTime validates the fields of a DATETIME of layout l: zero
// outside l, in range for the calendar inside it, and a fraction that is a
// whole number of l's units.
func (l fieldLayout) checkDateTime(fv *fieldValues) error {
	for i, v := range fv.v {
		if !l.has(i) && v != 0 {
			return fmt.Errorf("%s is %d, but the qualifier has no %s", timeFieldNames[i], v, timeFieldNames[i])
		}
	}
	for i := l.first; i <= l.last; i++ {
		lo, hi := dateTimeFieldMin[i], dateTimeFieldMax[i]
		if i == fieldDay {
			hi = int64(daysInMonth(fv.v[fieldYear], fv.v[fieldMonth], l.has(fieldYear), l.has(fieldMonth)))
		}
		if fv.v[i] < lo || fv.v[i] > hi {
			return fmt.Errorf("%s %d outside %d..%d", timeFieldNames[i], fv.v[i], lo, hi)
		}
	}
	if fv.ns < 0 || fv.ns >= 1e9 || fv.ns%fracUnit[l.frac] != 0 {
		return fmt.Errorf("nanosecond %d is not a whole number of %d-digit fraction units", fv.ns, l.frac)
	}
	return nil
}

// daysInMonth returns the days of month (1..12) in year. Without a year,
// February has 29 days (some year has them); without a month, 31.
func daysInMonth(year, month int64, hasYear, hasMonth bool) int {
	switch {
	case !hasMonth:
		return 31
	case month == 2 && (!hasYear || year%4 == 0 && (year%100 != 0 || year%400 == 0)):
		return 29
	case month == 2:
		return 28
	case month == 4 || month == 6 || month == 9 || month == 11:
		return 30
	}
	return 31
}

// String returns d in Informix literal form for its qualifier, each field
// zero-padded (the year to four digits, others to two) and the fraction to
// the qualifier's digits: "2026-05-04 12:34:56.12345" for YEAR TO
// FRACTION(5), "12:34" for HOUR TO MINUTE, "05-04 12:34:56.123" for MONTH
// TO FRACTION(3). FRACTION TO FRACTION(n) prints its digits alone. A
// DateTime with an invalid qualifier prints as "DATETIME(qualifier 0x…)".
func (d DateTime) String() string {
	l, err := dateTimeLayout(d.Qualifier)
	if err != nil {
		return fmt.Sprintf("DATETIME(qualifier %#04x)", uint16(d.Qualifier))
	}
	return string(l.format(make([]byte, 0, 32), d.values(), true, l.frac))
}

// ParseDateTime parses s, in the literal form String writes, as a DATETIME
// of qualifier q. The year takes exactly four digits, other fields one or
// two; the fraction may have fewer digits than q holds ("12:34:56.5" is
// half a second) or be left out, but never more. Surrounding spaces are
// ignored. The result is valid.
//
// A zero q means: infer the qualifier from the form of s. The separators
// between the fields say which fields s has (YEAR-MONTH-DAY
// HOUR:MINUTE:SECOND.FRACTION), the digits after a '.' the FRACTION(n),
// and a first field of four digits is a YEAR, of one or two any other
// unit: "2026-05-04 12:34:56.123" is YEAR TO FRACTION(3), "05-04 12:34" MONTH
// TO MINUTE, "12:34:56" HOUR TO SECOND, "34:56.5" MINUTE TO FRACTION(1),
// "2026-05" YEAR TO MONTH, "123" FRACTION TO FRACTION(3). Two forms are
// written by more than one qualifier; of those the one with the larger
// first unit is read: "12:34" is HOUR TO MINUTE (not MINUTE TO SECOND)
// and "2026" is YEAR TO YEAR (not FRACTION TO FRACTION(4)). One or two
// digits alone (MONTH, DAY, HOUR, MINUTE, SECOND or FRACTION TO
// FRACTION(n)) are refused: pass the qualifier. So ParseDateTime(d.String(),
// 0) gives d back for every qualifier but MINUTE TO SECOND, the one-field
// MONTH, DAY, HOUR, MINUTE and SECOND qualifiers, and FRACTION TO
// FRACTION(1), (2) and (4).
func ParseDateTime(s string, q Qualifier) (DateTime, error) {
	if q == 0 {
		return parseDateTimeText(s)
	}
	l, err := dateTimeLayout(q)
	if err != nil {
		return DateTime{}, fmt.Errorf("ifxtype: parse DATETIME %q: %w", s, err)
	}
	minLead := 1
	if l.first == fieldYear {
		minLead = 4
	}
	fv, err := l.parse(strings.TrimSpace(s), minLead, false)
	var d DateTime
	if err == nil {
		d = dateTimeOf(fv, q)
		err = d.check(l)
	}
	if err != nil {
		return DateTime{}, fmt.Errorf("ifxtype: parse DATETIME %s %q: %w", q.DateTimeString(), s, err)
	}
	return d, nil
}

// Scan implements sql.Scanner. It accepts a DateTime (which must be
// valid), a time.Time (as YEAR TO FRACTION(5), cut to 10µs as NewDateTime
// does) and a string or []byte in the literal form of any qualifier, such
// as a DATETIME cast to CHAR gives. The text is read with d's Qualifier
// when that is valid and the text parses with it, which settles the forms
// several qualifiers write (set it to MINUTE TO SECOND to read "12:34" so);
// otherwise the qualifier is inferred from the text as ParseDateTime does
// with a zero qualifier. NULL is refused: scan a nullable column into
// sql.Null[DateTime]. On error d is unchanged.
func (d *DateTime) Scan(src any) error {
	var (
		v   DateTime
		err error
	)
	switch x := src.(type) {
	case DateTime:
		v, err = x, x.Valid()
	case time.Time:
		v, err = NewDateTime(x, qualYearToFraction5)
	case string:
		v, err = scanDateTimeText(x, d.Qualifier)
	case []byte:
		v, err = scanDateTimeText(string(x), d.Qualifier)
	case nil:
		err = errors.New("ifxtype: cannot scan NULL into DateTime; use sql.Null[ifxtype.DateTime]")
	default:
		err = fmt.Errorf("ifxtype: cannot scan %T into DateTime", src)
	}
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Value implements driver.Valuer: the String form of a valid d, which the
// server converts to the column's type like any DATETIME literal.
func (d DateTime) Value() (driver.Value, error) {
	if err := d.Valid(); err != nil {
		return nil, err
	}
	return d.String(), nil
}

// MarshalText implements encoding.TextMarshaler with the String form of a
// valid d. The qualifier is not part of the text.
func (d DateTime) MarshalText() ([]byte, error) {
	if err := d.Valid(); err != nil {
		return nil, err
	}
	return []byte(d.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler as Scan reads text:
// with d's Qualifier when it is valid and the text parses with it (set the
// qualifier first to read, say, "12:34" as MINUTE TO SECOND), otherwise
// with the qualifier the text's form implies (see ParseDateTime). On error
// d is unchanged.
func (d *DateTime) UnmarshalText(text []byte) error {
	v, err := scanDateTimeText(string(text), d.Qualifier)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// parse reads s in the literal form of l: an optional '-' when signed,
// then the whole fields with their separators, the first with minLead to
// l.lead digits and the others with one or two, then '.' and one to l.frac
// fraction digits, which may be left out unless they are the only field.
func (l fieldLayout) parse(s string, minLead int, signed bool) (fieldValues, error) {
	var fv fieldValues
	if signed && strings.HasPrefix(s, "-") {
		fv.neg, s = true, s[1:]
	}
	var err error
	for i := l.first; i <= l.last; i++ {
		sep, lo, hi := timeFieldSeps[i], 1, 2
		if i == l.first {
			sep, lo, hi = 0, minLead, l.lead
		}
		if fv.v[i], _, s, err = readTimeField(s, sep, lo, hi, i); err != nil {
			return fv, err
		}
	}
	if l.frac > 0 && (s != "" || l.first > l.last) {
		sep := byte('.')
		if l.first > l.last {
			sep = 0
		}
		f, n, rest, err := readTimeField(s, sep, 1, l.frac, fieldFraction)
		if err != nil {
			return fv, err
		}
		fv.ns, s = f*fracUnit[n], rest
	}
	if s != "" {
		return fv, fmt.Errorf("unexpected %q after the last field", s)
	}
	return fv, nil
}

// readTimeField reads sep (unless 0) and then lo to hi decimal digits
// (hi at most 18) of field i from the front of s, returning the value, the
// digit count and the rest of s.
func readTimeField(s string, sep byte, lo, hi, i int) (v int64, n int, rest string, err error) {
	if sep != 0 {
		if s == "" || s[0] != sep {
			return 0, 0, s, fmt.Errorf("want %q before the %s", sep, timeFieldNames[i])
		}
		s = s[1:]
	}
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		if n < hi {
			v = v*10 + int64(s[n]-'0')
		}
		n++
	}
	if n < lo || n > hi {
		if lo == hi {
			return 0, 0, s, fmt.Errorf("the %s has %d digits, want %d", timeFieldNames[i], n, lo)
		}
		return 0, 0, s, fmt.Errorf("the %s has %d digits, want %d to %d", timeFieldNames[i], n, lo, hi)
	}
	return v, n, s[n:], nil
}

// format appends fv in the literal form of l: a '-' when negative, the
// first whole field padded to l.lead digits when padLead (unpadded
// otherwise), later whole fields to two, and fd fraction digits (none when
// fd is 0).
func (l fieldLayout) format(dst []byte, fv fieldValues, padLead bool, fd int) []byte {
	if fv.neg {
		dst = append(dst, '-')
	}
	for i := l.first; i <= l.last; i++ {
		w := 2
		if i == l.first {
			w = 1
			if padLead {
				w = l.lead
			}
		} else {
			dst = append(dst, timeFieldSeps[i])
		}
		dst = appendZeroPadded(dst, fv.v[i], w)
	}
	if fd > 0 {
		if l.first <= l.last {
			dst = append(dst, '.')
		}
		dst = appendZeroPadded(dst, fv.ns/fracUnit[fd], fd)
	}
	return dst
}

// appendZeroPadded appends the decimal digits of v (not negative), with
// leading zeros up to w digits.
func appendZeroPadded(dst []byte, v int64, w int) []byte {
	var buf [20]byte
	b := strconv.AppendInt(buf[:0], v, 10)
	for i := len(b); i < w; i++ {
		dst = append(dst, '0')
	}
	return append(dst, b...)
}
