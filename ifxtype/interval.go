package ifxtype

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"strings"
	"time"
)

// IntervalYM is an Informix INTERVAL of the year-month class (qualifiers
// YEAR(p) TO YEAR, YEAR(p) TO MONTH, MONTH(p) TO MONTH; TYPES.md §5.8): a
// signed count of months. Its text form is years-months, "-3-06" for minus
// three years and six months.
//
// Qualifier, when not zero, is the year-month INTERVAL qualifier the value
// is bound with; zero means YEAR(9) TO MONTH. Decoding a column or a bind
// value sets it to the column's (the bind's) qualifier, and
// ParseIntervalYM to the one it parsed with, the way DateTime keeps its
// own: IBM JDBC 15.0.0.1.1 binds an interval with its own qualifier
// (conformance/testdata/jdbc/types.golden). The text forms (String,
// MarshalText, Scan and UnmarshalText of text) carry no qualifier, and
// encoding into a column uses the column's qualifier whatever Qualifier
// says.
//
// Encoding cuts what lies below the target qualifier's last unit toward
// zero, as Informix does when it assigns an INTERVAL to a coarser one
// ([I]): 14 months into YEAR(4) TO YEAR is 1 year. A value whose leading
// field exceeds the qualifier's precision is an error.
type IntervalYM struct {
	Months    int64
	Qualifier Qualifier
}

// IntervalDS is an Informix INTERVAL of the day-time class (qualifiers
// from DAY(p) … to … FRACTION(5); TYPES.md §5.8): a signed span of
// Seconds plus Nanoseconds. Both fields have the same sign (either may be
// zero) and |Nanoseconds| < 10⁹. Its text form is days hours:minutes:
// seconds.fraction, "-3 04:05:06.12345", the fraction trimmed of trailing
// zeros and left out when zero.
//
// Qualifier, when not zero, is the day-time INTERVAL qualifier the value
// is bound with; zero means DAY(9) TO FRACTION(5). It is set and used as
// IntervalYM's Qualifier is: decoding sets it to the column's qualifier,
// ParseIntervalDS to its own, the text forms do not carry it, and
// encoding into a column uses the column's.
//
// Encoding cuts what lies below the target qualifier's last unit toward
// zero ([I], as for IntervalYM): 1.123456789 s into SECOND(2) TO
// FRACTION(5) is 1.12345 s, 90 s into HOUR(2) TO MINUTE is 1 minute. In
// particular a bind with the default DAY(9) TO FRACTION(5) drops
// nanoseconds below 10µs. A value whose leading field exceeds the
// qualifier's precision is an error.
type IntervalDS struct {
	Seconds     int64
	Nanoseconds int32
	Qualifier   Qualifier
}

// Interval qualifiers this package binds a value without a Qualifier
// with: YEAR(9) TO MONTH and DAY(9) TO FRACTION(5), the widest of each
// class, as S1 does (TYPES.md §5.8, [D] S1-e).
const (
	qualYearToMonth9   Qualifier = 0x0B02
	qualDayToFraction5 Qualifier = 0x144F
)

// Units of the whole fields, by field index: months for the year-month
// class, seconds for the day-time class.
var (
	ymUnits = [fieldFraction]uint64{fieldYear: 12, fieldMonth: 1}
	dsUnits = [fieldFraction]uint64{fieldDay: 86400, fieldHour: 3600, fieldMinute: 60, fieldSecond: 1}
	// intervalFieldMax holds the largest value of each field when it is
	// not the leading one.
	intervalFieldMax = [fieldFraction]int64{fieldMonth: 11, fieldHour: 23, fieldMinute: 59, fieldSecond: 59}
)

// The layouts of the text forms: the leading field may take up to 18
// digits, more than any qualifier allows, so that every int64 value has a
// text form.
var (
	ymText = fieldLayout{first: fieldYear, last: fieldMonth, lead: 18}
	dsText = fieldLayout{first: fieldDay, last: fieldSecond, lead: 18, frac: 9}
)

// NewIntervalYM returns years·12 + months, failing if that overflows an
// int64. The arguments may have different signs.
func NewIntervalYM(years, months int64) (IntervalYM, error) {
	m, ok := mulAdd(months, years, 12)
	if !ok {
		return IntervalYM{}, fmt.Errorf("ifxtype: INTERVAL of %d years %d months overflows int64 months", years, months)
	}
	return IntervalYM{Months: m}, nil
}

// NewIntervalDS returns the span of days, hours, minutes, seconds and
// nanoseconds added together (the arguments may have different signs),
// normalized so that both fields share a sign. It fails if the total
// seconds overflow an int64.
func NewIntervalDS(days, hours, minutes, seconds, nanoseconds int64) (IntervalDS, error) {
	total, ok := nanoseconds/1e9, true
	for _, p := range [...]struct{ n, unit int64 }{{days, 86400}, {hours, 3600}, {minutes, 60}, {seconds, 1}} {
		if total, ok = mulAdd(total, p.n, p.unit); !ok {
			return IntervalDS{}, fmt.Errorf("ifxtype: INTERVAL of %d days %d:%d:%d and %d ns overflows int64 seconds",
				days, hours, minutes, seconds, nanoseconds)
		}
	}
	ns := nanoseconds % 1e9
	switch {
	case total > 0 && ns < 0:
		total, ns = total-1, ns+1e9
	case total < 0 && ns > 0:
		total, ns = total+1, ns-1e9
	}
	return IntervalDS{Seconds: total, Nanoseconds: int32(ns)}, nil
}

// mulAdd returns acc + n·unit (unit > 0) and whether it fits in an int64.
func mulAdd(acc, n, unit int64) (int64, bool) {
	if n > math.MaxInt64/unit || n < math.MinInt64/unit {
		return 0, false
	}
	p := n * unit
	s := acc + p
	if (p > 0 && s < acc) || (p < 0 && s > acc) {
		return 0, false
	}
	return s, true
}

// abs64 returns |v|; for math.MinInt64 it returns math.MinInt64, whose
// uint64 conversion is the right magnitude 2^63.
func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// IntervalDSFromDuration returns d as an IntervalDS; it is exact.
func IntervalDSFromDuration(d time.Duration) IntervalDS {
	return IntervalDS{Seconds: int64(d / time.Second), Nanoseconds: int32(d % time.Second)}
}

// Duration returns v as a time.Duration, or an error if v is invalid or
// longer than a time.Duration holds (about 292 years; INTERVAL DAY(9)
// reaches 2.7 million years).
func (v IntervalDS) Duration() (time.Duration, error) {
	if err := v.Valid(); err != nil {
		return 0, err
	}
	const maxSec = math.MaxInt64 / int64(time.Second)
	d := v.Seconds*int64(time.Second) + int64(v.Nanoseconds)
	if v.Seconds > maxSec || v.Seconds < -maxSec || (v.Seconds > 0 && d < 0) || (v.Seconds < 0 && d > 0) {
		return 0, fmt.Errorf("ifxtype: INTERVAL %v does not fit in a time.Duration", v)
	}
	return time.Duration(d), nil
}

// Valid reports why v breaks an invariant of IntervalDS, or nil: the two
// fields must share a sign and |Nanoseconds| must be under 10⁹.
func (v IntervalDS) Valid() error {
	if v.Nanoseconds <= -1e9 || v.Nanoseconds >= 1e9 {
		return fmt.Errorf("ifxtype: IntervalDS nanoseconds %d outside ±999999999", v.Nanoseconds)
	}
	if (v.Seconds > 0 && v.Nanoseconds < 0) || (v.Seconds < 0 && v.Nanoseconds > 0) {
		return fmt.Errorf("ifxtype: IntervalDS seconds %d and nanoseconds %d differ in sign", v.Seconds, v.Nanoseconds)
	}
	return nil
}

// Neg returns −v with v's Qualifier. The negation of math.MinInt64 months
// wraps to itself, a value no INTERVAL column holds.
func (v IntervalYM) Neg() IntervalYM { return IntervalYM{Months: -v.Months, Qualifier: v.Qualifier} }

// Neg returns −v with v's Qualifier. The negation of math.MinInt64 seconds
// wraps to itself, a value no INTERVAL column holds.
func (v IntervalDS) Neg() IntervalDS {
	return IntervalDS{Seconds: -v.Seconds, Nanoseconds: -v.Nanoseconds, Qualifier: v.Qualifier}
}

// fields returns v's magnitude split by layout l (leading field first),
// and false if the leading field would exceed l.lead digits; what lies
// below l's last unit is cut.
func (v IntervalYM) fields(l fieldLayout) (fieldValues, bool) {
	fv := fieldValues{neg: v.Months < 0}
	var ok bool
	fv.v, ok = l.split(uint64(abs64(v.Months)), &ymUnits)
	return fv, ok
}

// fields returns v's magnitude split by layout l, as IntervalYM.fields
// does, the fraction cut to l.frac digits. v must be valid.
func (v IntervalDS) fields(l fieldLayout) (fieldValues, bool) {
	fv := fieldValues{neg: v.Seconds < 0 || v.Nanoseconds < 0}
	var ok bool
	fv.v, ok = l.split(uint64(abs64(v.Seconds)), &dsUnits)
	ns := abs64(int64(v.Nanoseconds))
	fv.ns = ns / fracUnit[l.frac] * fracUnit[l.frac]
	return fv, ok
}

// split cuts mag, counted in units[fieldSecond] or units[fieldMonth], into
// the whole fields of l. It reports false when the leading field would
// need more than l.lead digits, or, for a layout without whole fields,
// when mag is not zero.
func (l fieldLayout) split(mag uint64, units *[fieldFraction]uint64) ([fieldFraction]int64, bool) {
	var v [fieldFraction]int64
	if l.first > l.last {
		return v, mag == 0
	}
	lead := mag / units[l.first]
	if lead >= uint64(leadPow10[l.lead]) {
		return v, false
	}
	v[l.first] = int64(lead)
	r := mag % units[l.first]
	for i := l.first + 1; i <= l.last; i++ {
		v[i], r = int64(r/units[i]), r%units[i]
	}
	return v, true
}

// total combines the whole fields of fv into a signed count of units,
// failing on overflow. The fields after the leading one must be within
// intervalFieldMax.
func (l fieldLayout) total(fv fieldValues, units *[fieldFraction]uint64) (int64, error) {
	var mag uint64
	for i := l.first; i <= l.last; i++ {
		if i > l.first && fv.v[i] > intervalFieldMax[i] {
			return 0, fmt.Errorf("%s %d over %d", timeFieldNames[i], fv.v[i], intervalFieldMax[i])
		}
		hi, lo := bits.Mul64(uint64(fv.v[i]), units[i])
		s, carry := bits.Add64(mag, lo, 0)
		if hi != 0 || carry != 0 {
			return 0, errors.New("value overflows int64")
		}
		mag = s
	}
	if mag > math.MaxInt64 && !(fv.neg && mag == 1<<63) {
		return 0, errors.New("value overflows int64")
	}
	if fv.neg {
		return -int64(mag), nil
	}
	return int64(mag), nil
}

// ymOf returns the IntervalYM that fields fv of layout l hold.
func ymOf(fv fieldValues, l fieldLayout) (IntervalYM, error) {
	m, err := l.total(fv, &ymUnits)
	return IntervalYM{Months: m}, err
}

// dsOf returns the IntervalDS that fields fv of layout l hold.
func dsOf(fv fieldValues, l fieldLayout) (IntervalDS, error) {
	s, err := l.total(fv, &dsUnits)
	ns := int32(fv.ns)
	if fv.neg {
		ns = -ns
	}
	return IntervalDS{Seconds: s, Nanoseconds: ns}, err
}

// String returns v as years-months, "-3-06"; zero is "0-00".
func (v IntervalYM) String() string {
	fv, _ := v.fields(ymText)
	return string(ymText.format(make([]byte, 0, 24), fv, false, 0))
}

// String returns v as days hours:minutes:seconds.fraction, "-3
// 04:05:06.12345", with the fraction's trailing zeros trimmed and no
// fraction when it is zero. An invalid v prints as "IntervalDS(s, ns)".
func (v IntervalDS) String() string {
	if v.Valid() != nil {
		return fmt.Sprintf("IntervalDS(%d, %d)", v.Seconds, v.Nanoseconds)
	}
	fv, _ := v.fields(dsText)
	fd := 0
	if fv.ns != 0 {
		fd = 9
		for fv.ns%fracUnit[fd-1] == 0 {
			fd--
		}
	}
	return string(dsText.format(make([]byte, 0, 40), fv, false, fd))
}

// intervalLayout checks that q is an INTERVAL qualifier of the class ym
// names (year-month when true) and returns its layout.
func intervalLayout(q Qualifier, ym bool) (fieldLayout, error) {
	if !q.ValidInterval() {
		return fieldLayout{}, fmt.Errorf("qualifier %#04x is not an INTERVAL qualifier", uint16(q))
	}
	if isYearMonth(q) != ym {
		class := "day-time"
		if ym {
			class = "year-month"
		}
		return fieldLayout{}, fmt.Errorf("INTERVAL %s is not a %s qualifier", q.IntervalString(), class)
	}
	return layoutOf(q)
}

// isYearMonth reports whether INTERVAL qualifier q is of the year-month
// class.
func isYearMonth(q Qualifier) bool { return q.Start() <= UnitMonth }

// ParseIntervalYM parses s as an INTERVAL of year-month qualifier q, which
// the result keeps as its Qualifier, in its literal form: an optional '-',
// the leading field with one to its precision's digits, then the later
// fields ("-3-06" for YEAR(4) TO MONTH, "42" for MONTH(3) TO MONTH). A
// later MONTH must be 0..11. Surrounding spaces are ignored.
//
// A zero q means: take the fields from the form of s, as String writes it
// or a year-month INTERVAL cast to CHAR gives it: "-3-06" is years and
// months, the years taking up to 18 digits; the result has no Qualifier.
// A number alone, years or months alike, is refused: pass the qualifier.
func ParseIntervalYM(s string, q Qualifier) (IntervalYM, error) {
	if q == 0 {
		v, err := parseYMText(s)
		if err != nil {
			return IntervalYM{}, fmt.Errorf("ifxtype: parse INTERVAL %q: %w", s, err)
		}
		return v, nil
	}
	l, err := intervalLayout(q, true)
	if err != nil {
		return IntervalYM{}, fmt.Errorf("ifxtype: parse INTERVAL %q: %w", s, err)
	}
	v, err := parseYM(s, l)
	if err != nil {
		return IntervalYM{}, fmt.Errorf("ifxtype: parse INTERVAL %s %q: %w", q.IntervalString(), s, err)
	}
	v.Qualifier = q
	return v, nil
}

// parseYM parses s in the literal form of year-month layout l.
func parseYM(s string, l fieldLayout) (IntervalYM, error) {
	fv, err := l.parse(strings.TrimSpace(s), 1, true)
	if err != nil {
		return IntervalYM{}, err
	}
	return ymOf(fv, l)
}

// parseYMText parses year-month INTERVAL text by its form
// (intervalTextLayout); the result has no Qualifier.
func parseYMText(s string) (IntervalYM, error) {
	l, err := intervalTextLayout(s, true)
	if err != nil {
		return IntervalYM{}, err
	}
	return parseYM(s, l)
}

// ParseIntervalDS parses s as an INTERVAL of day-time qualifier q, which
// the result keeps as its Qualifier, in its literal form: an optional '-',
// the leading field with one to its precision's digits, the later fields
// ("-3 04:05:06.12345" for DAY(5) TO FRACTION(5), "123:45.6" for
// MINUTE(3) TO FRACTION(1)). Later fields must be in range (hours 0..23,
// minutes and seconds 0..59); the fraction may have fewer digits than q
// holds or be left out, never more. Surrounding spaces are ignored.
//
// A zero q means: take the fields from the form of s, as String writes it
// or a day-time INTERVAL cast to CHAR gives it; the separators say which
// fields s has (DAY HOUR:MINUTE:SECOND.FRACTION), the leading field takes
// up to 18 digits and the fraction up to 9, and the result has no
// Qualifier: "-3 04:05:06.5" is DAY TO FRACTION, "4 05" DAY TO HOUR,
// "123:45:06" HOUR TO SECOND, "45:06.25" MINUTE TO FRACTION, "6.5" SECOND
// TO FRACTION. "a:b" is read as hours and minutes (HOUR TO MINUTE, the
// larger first unit), never as minutes and seconds; a number alone, which
// could be any field, is refused: pass the qualifier.
func ParseIntervalDS(s string, q Qualifier) (IntervalDS, error) {
	if q == 0 {
		v, err := parseDSText(s)
		if err != nil {
			return IntervalDS{}, fmt.Errorf("ifxtype: parse INTERVAL %q: %w", s, err)
		}
		return v, nil
	}
	l, err := intervalLayout(q, false)
	if err != nil {
		return IntervalDS{}, fmt.Errorf("ifxtype: parse INTERVAL %q: %w", s, err)
	}
	v, err := parseDS(s, l)
	if err != nil {
		return IntervalDS{}, fmt.Errorf("ifxtype: parse INTERVAL %s %q: %w", q.IntervalString(), s, err)
	}
	v.Qualifier = q
	return v, nil
}

// parseDS parses s in the literal form of day-time layout l.
func parseDS(s string, l fieldLayout) (IntervalDS, error) {
	fv, err := l.parse(strings.TrimSpace(s), 1, true)
	if err != nil {
		return IntervalDS{}, err
	}
	return dsOf(fv, l)
}

// parseDSText parses day-time INTERVAL text by its form
// (intervalTextLayout); the result has no Qualifier.
func parseDSText(s string) (IntervalDS, error) {
	l, err := intervalTextLayout(s, false)
	if err != nil {
		return IntervalDS{}, err
	}
	return parseDS(s, l)
}

// scanYMText reads year-month INTERVAL text for Scan and UnmarshalText:
// with the qualifier preset when it is a year-month qualifier and the text
// parses with it (the result keeps it), otherwise by the text's form.
func scanYMText(s string, preset Qualifier) (IntervalYM, error) {
	if preset.ValidInterval() && isYearMonth(preset) {
		if v, err := ParseIntervalYM(s, preset); err == nil {
			return v, nil
		}
	}
	return parseYMText(s)
}

// scanDSText reads day-time INTERVAL text for Scan and UnmarshalText, as
// scanYMText does.
func scanDSText(s string, preset Qualifier) (IntervalDS, error) {
	if preset.ValidInterval() && !isYearMonth(preset) {
		if v, err := ParseIntervalDS(s, preset); err == nil {
			return v, nil
		}
	}
	return parseDSText(s)
}

// Scan implements sql.Scanner. It accepts an IntervalYM (Qualifier
// included) and a string or []byte in the String form or the literal form
// of any year-month qualifier, read as UnmarshalText does. NULL is
// refused: scan a nullable column into sql.Null[IntervalYM]. On error v is
// unchanged.
func (v *IntervalYM) Scan(src any) error {
	var (
		x   IntervalYM
		err error
	)
	switch s := src.(type) {
	case IntervalYM:
		x = s
	case string:
		x, err = scanYMText(s, v.Qualifier)
	case []byte:
		x, err = scanYMText(string(s), v.Qualifier)
	case nil:
		err = errors.New("cannot scan NULL into IntervalYM; use sql.Null[ifxtype.IntervalYM]")
	default:
		err = fmt.Errorf("cannot scan %T into IntervalYM", src)
	}
	if err != nil {
		return fmt.Errorf("ifxtype: scan IntervalYM: %w", err)
	}
	*v = x
	return nil
}

// Scan implements sql.Scanner. It accepts an IntervalDS (which must be
// valid; Qualifier included), a time.Duration (no Qualifier), and a string
// or []byte in the String form or the literal form of any day-time
// qualifier, read as UnmarshalText does. NULL is refused: scan a nullable
// column into sql.Null[IntervalDS]. On error v is unchanged.
func (v *IntervalDS) Scan(src any) error {
	var (
		x   IntervalDS
		err error
	)
	switch s := src.(type) {
	case IntervalDS:
		if err := s.Valid(); err != nil {
			return err // already says what is wrong with an IntervalDS
		}
		x = s
	case time.Duration:
		x = IntervalDSFromDuration(s)
	case string:
		x, err = scanDSText(s, v.Qualifier)
	case []byte:
		x, err = scanDSText(string(s), v.Qualifier)
	case nil:
		err = errors.New("cannot scan NULL into IntervalDS; use sql.Null[ifxtype.IntervalDS]")
	default:
		err = fmt.Errorf("cannot scan %T into IntervalDS", src)
	}
	if err != nil {
		return fmt.Errorf("ifxtype: scan IntervalDS: %w", err)
	}
	*v = x
	return nil
}

// Value implements driver.Valuer with the String form.
func (v IntervalYM) Value() (driver.Value, error) { return v.String(), nil }

// Value implements driver.Valuer with the String form of a valid v.
func (v IntervalDS) Value() (driver.Value, error) {
	if err := v.Valid(); err != nil {
		return nil, err
	}
	return v.String(), nil
}

// MarshalText implements encoding.TextMarshaler with the String form.
func (v IntervalYM) MarshalText() ([]byte, error) { return []byte(v.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler. The text is read
// with v's Qualifier when that is a year-month qualifier and the text
// parses with it (the result keeps it; set it to MONTH(n) TO MONTH to read
// "42" as months); otherwise by its form as ParseIntervalYM does with a
// zero qualifier, with no Qualifier in the result, which is what the
// String form gives back. On error v is unchanged.
func (v *IntervalYM) UnmarshalText(text []byte) error {
	x, err := scanYMText(string(text), v.Qualifier)
	if err != nil {
		return fmt.Errorf("ifxtype: unmarshal IntervalYM %q: %w", text, err)
	}
	*v = x
	return nil
}

// MarshalText implements encoding.TextMarshaler with the String form of a
// valid v.
func (v IntervalDS) MarshalText() ([]byte, error) {
	if err := v.Valid(); err != nil {
		return nil, err
	}
	return []byte(v.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler. The text is read
// with v's Qualifier when that is a day-time qualifier and the text parses
// with it (the result keeps it; set it to MINUTE(n) TO SECOND to read
// "12:34" as minutes and seconds); otherwise by its form as
// ParseIntervalDS does with a zero qualifier, with no Qualifier in the
// result, which is what the String form gives back. On error v is
// unchanged.
func (v *IntervalDS) UnmarshalText(text []byte) error {
	x, err := scanDSText(string(text), v.Qualifier)
	if err != nil {
		return fmt.Errorf("ifxtype: unmarshal IntervalDS %q: %w", text, err)
	}
	*v = x
	return nil
}
