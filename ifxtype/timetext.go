package ifxtype

import (
	"fmt"
	"strings"
)

// This file infers the qualifier of a DATETIME or INTERVAL literal from
// the text alone, for ParseDateTime, ParseIntervalYM and ParseIntervalDS
// with a zero qualifier and for the Scan and UnmarshalText methods.
//
// A literal's form is the sequence of its separators and the digit counts
// of its fields. The whole fields of Informix's literal form are separated
// as YEAR-MONTH-DAY HOUR:MINUTE:SECOND, and a fraction follows SECOND
// after a '.' (timeFieldSeps; IBM Guide to SQL: Syntax, the Literal
// DATETIME and Literal INTERVAL segments; the form String writes and
// ifxtest's CAST to CHAR gives), so the separators between the whole fields
// say where the fields start, but for two cases: one field alone (no
// separator), and "a:b", which is HOUR TO MINUTE or MINUTE TO SECOND. A
// DATETIME's YEAR takes four digits and its other fields one or two,
// which settles "2026-05" (YEAR TO MONTH) against "05-04" (MONTH TO DAY);
// a FRACTION TO FRACTION(n) DATETIME is n digits alone.

// literalForm is the form of a DATETIME or INTERVAL literal.
type literalForm struct {
	neg     bool   // a '-' starts the text
	seps    string // the separators between the whole fields, e.g. "-- ::"
	leadLen int    // the digit count of the first field
	fracLen int    // the digits after a '.' that ends the text; 0 without one
}

// alone reports whether the text is one number, without separators.
func (f literalForm) alone() bool { return f.seps == "" && f.fracLen == 0 }

// formOf returns the form of s (surrounding spaces ignored), or false when
// s is not digit runs joined by the separators of a literal, with at most
// one '.', which must come last.
func formOf(s string) (literalForm, bool) {
	var f literalForm
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "-") {
		f.neg, s = true, s[1:]
	}
	for first := true; ; first = false {
		n := 0
		for n < len(s) && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n == 0 {
			return f, false
		}
		if first {
			f.leadLen = n
		}
		if s = s[n:]; s == "" {
			return f, true
		}
		switch sep := s[0]; sep {
		case '.':
			f.fracLen = len(s) - 1
			return f, f.fracLen > 0 && strings.Trim(s[1:], "0123456789") == ""
		case '-', ' ', ':':
			f.seps += string(sep)
		default:
			return f, false
		}
		s = s[1:]
	}
}

// wholeFields returns the field indexes of the first and last whole field
// when the text's whole fields start at field first: the separators must
// be those of the literal form from first on, the last field must not pass
// maxLast, and a fraction needs SECOND as the last whole field.
func (f literalForm) wholeFields(first, maxLast int) (int, bool) {
	last := first + len(f.seps)
	if last > maxLast || f.fracLen > 0 && last != fieldSecond {
		return 0, false
	}
	for i := range len(f.seps) {
		if f.seps[i] != timeFieldSeps[first+1+i] {
			return 0, false
		}
	}
	return last, true
}

// dateTimeReadings returns the DATETIME qualifiers whose literal has form
// f, the largest first unit first.
func dateTimeReadings(f literalForm) []Qualifier {
	var out []Qualifier
	for first := fieldYear; first <= fieldSecond; first++ {
		last, ok := f.wholeFields(first, fieldSecond)
		if !ok || first == fieldYear && f.leadLen != 4 || first != fieldYear && f.leadLen > 2 {
			continue
		}
		end := TimeUnit(2 * last)
		if f.fracLen > 0 {
			end = UnitSecond + TimeUnit(f.fracLen)
		}
		if q, err := DateTimeQualifier(TimeUnit(2*first), end); err == nil {
			out = append(out, q)
		}
	}
	if f.alone() {
		if q, err := DateTimeQualifier(UnitFraction, UnitSecond+TimeUnit(f.leadLen)); err == nil {
			out = append(out, q)
		}
	}
	return out
}

// inferDateTime returns the qualifier of DATETIME literal s: the only
// qualifier whose literal has the form of s, or of several the one with
// the largest first unit (YEAR for four digits alone, HOUR TO MINUTE for
// "a:b"), except that one or two digits alone, which MONTH, DAY, HOUR,
// MINUTE, SECOND and FRACTION TO FRACTION(n) all write, are refused.
func inferDateTime(s string) (Qualifier, error) {
	f, ok := formOf(s)
	var qs []Qualifier
	if ok && !f.neg {
		qs = dateTimeReadings(f)
	}
	switch {
	case ok && f.fracLen > 5:
		return 0, fmt.Errorf("ifxtype: parse DATETIME %q: %d fraction digits, DATETIME holds 1 to 5", s, f.fracLen)
	case len(qs) == 0:
		return 0, fmt.Errorf("ifxtype: parse DATETIME %q: not the literal form of any DATETIME qualifier", s)
	case len(qs) > 1 && f.alone() && f.leadLen <= 2:
		return 0, fmt.Errorf("ifxtype: parse DATETIME %q: a number alone may be any of %s; give the qualifier "+
			"(ParseDateTime, or the DateTime's Qualifier before Scan or UnmarshalText)", s, dateTimeNames(qs))
	}
	return qs[0], nil
}

// dateTimeNames lists DATETIME qualifiers for an error message.
func dateTimeNames(qs []Qualifier) string {
	names := make([]string, len(qs))
	for i, q := range qs {
		names[i] = q.DateTimeString()
	}
	return strings.Join(names, ", ")
}

// otherReadings adds to a parse error of s as q, a qualifier inferred
// from s, the other qualifiers that write the same form.
func otherReadings(err error, qs []Qualifier, q Qualifier) error {
	var others []Qualifier
	for _, o := range qs {
		if o != q {
			others = append(others, o)
		}
	}
	if len(others) == 0 {
		return err
	}
	return fmt.Errorf("%w (read as %s, the default for its form; set the qualifier to read it as %s)",
		err, q.DateTimeString(), dateTimeNames(others))
}

// parseDateTimeText parses s with the qualifier its form implies
// (inferDateTime).
func parseDateTimeText(s string) (DateTime, error) {
	q, err := inferDateTime(s)
	if err != nil {
		return DateTime{}, err
	}
	d, err := ParseDateTime(s, q)
	if err != nil {
		f, _ := formOf(s)
		return DateTime{}, otherReadings(err, dateTimeReadings(f), q)
	}
	return d, nil
}

// scanDateTimeText reads DATETIME text for Scan and UnmarshalText: with
// the qualifier preset when it is valid and the text parses with it,
// otherwise with the qualifier the text's form implies.
func scanDateTimeText(s string, preset Qualifier) (DateTime, error) {
	if preset.Valid() {
		if d, err := ParseDateTime(s, preset); err == nil {
			return d, nil
		}
	}
	return parseDateTimeText(s)
}

// intervalTextLayout returns the layout an INTERVAL literal of form f has
// in its class (year-month when ym): the leading field takes up to 18
// digits and a day-time fraction up to 9, so that every value has a text
// form, as in String. Of two readings ("a:b") the larger first unit is
// taken, HOUR TO MINUTE; a number alone, which could be any field of the
// class, is refused.
func intervalTextLayout(s string, ym bool) (fieldLayout, error) {
	f, ok := formOf(s)
	lo, hi, class := fieldDay, fieldSecond, "day-time"
	if ym {
		lo, hi, class = fieldYear, fieldMonth, "year-month"
	}
	if ok && f.alone() {
		return fieldLayout{}, fmt.Errorf("a number alone may be any field of a %s INTERVAL; give the qualifier "+
			"(ParseInterval, or the value's Qualifier before Scan or UnmarshalText)", class)
	}
	for first := lo; ok && first <= hi; first++ {
		if last, fits := f.wholeFields(first, hi); fits {
			l := fieldLayout{first: first, last: last, lead: 18}
			if last == fieldSecond {
				l.frac = 9
			}
			return l, nil
		}
	}
	return fieldLayout{}, fmt.Errorf("not the literal form of any %s INTERVAL qualifier", class)
}
