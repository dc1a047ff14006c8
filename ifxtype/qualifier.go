package ifxtype

import (
	"fmt"
	"strconv"
)

// TimeUnit is a DATETIME/INTERVAL time-unit code from datetime.h
// (TYPES.md §5.7; [H] S2).
type TimeUnit uint8

// Time units. FRACTION(n) as an end unit is 10+n; FRACTION as a start unit
// is UnitFraction (TU_FRAC, 12), which makes the digit count of FRACTION TO
// FRACTION(n) come out as n.
const (
	UnitYear      TimeUnit = 0
	UnitMonth     TimeUnit = 2
	UnitDay       TimeUnit = 4
	UnitHour      TimeUnit = 6
	UnitMinute    TimeUnit = 8
	UnitSecond    TimeUnit = 10
	UnitFraction1 TimeUnit = 11
	UnitFraction  TimeUnit = 12 // TU_FRAC: FRACTION as a start unit
	UnitFraction2 TimeUnit = 12
	UnitFraction3 TimeUnit = 13
	UnitFraction4 TimeUnit = 14
	UnitFraction5 TimeUnit = 15
)

var unitNames = [...]string{
	UnitYear: "YEAR", UnitMonth: "MONTH", UnitDay: "DAY", UnitHour: "HOUR",
	UnitMinute: "MINUTE", UnitSecond: "SECOND",
}

// String returns the SQL name of the unit as an end unit ("FRACTION(3)").
func (u TimeUnit) String() string {
	switch {
	case u > UnitSecond && u <= UnitFraction5:
		return "FRACTION(" + strconv.Itoa(int(u-UnitSecond)) + ")"
	case int(u) < len(unitNames) && unitNames[u] != "":
		return unitNames[u]
	}
	return "UNIT(" + strconv.Itoa(int(u)) + ")"
}

// Qualifier is the encoded length of a DATETIME or INTERVAL column: total
// digits << 8 | start unit << 4 | end unit (TU_DTENCODE / TU_IENCODE;
// TYPES.md §5.7–§5.8; [H] S2). DATETIME YEAR TO MINUTE is 0x0C08.
type Qualifier uint16

// Digits returns the total digit count (the high byte).
func (q Qualifier) Digits() int { return int(q >> 8) }

// Start returns the first unit.
func (q Qualifier) Start() TimeUnit { return TimeUnit(q>>4) & 0x0f }

// End returns the last unit.
func (q Qualifier) End() TimeUnit { return TimeUnit(q) & 0x0f }

// FractionDigits returns the digits after the decimal point (0 to 5).
func (q Qualifier) FractionDigits() int {
	if e := q.End(); e > UnitSecond {
		return int(e - UnitSecond)
	}
	return 0
}

// LeadingPrecision returns the digits of the first field: for an INTERVAL
// the declared precision n of its leading unit, for a DATETIME 4 when it
// starts at YEAR and 2 otherwise. A FRACTION start yields 2, the offset that
// makes FRACTION TO FRACTION(n) count n digits.
func (q Qualifier) LeadingPrecision() int {
	return q.Digits() - (int(q.End()) - int(q.Start()))
}

// DateTimeQualifier returns the qualifier of DATETIME start TO end.
func DateTimeQualifier(start, end TimeUnit) (Qualifier, error) {
	if err := checkUnits(start, end); err != nil {
		return 0, fmt.Errorf("ifxtype: DATETIME %v TO %v: %w", start, end, err)
	}
	lead := 2
	if start == UnitYear {
		lead = 4
	}
	return Qualifier((int(end)-int(start)+lead)<<8 | int(start)<<4 | int(end)), nil
}

// IntervalQualifier returns the qualifier of INTERVAL start(precision) TO
// end, where precision (1 to 9) is the number of digits of the first field.
// Year-month and day-time intervals never mix: start and end must both be
// at most MONTH, or both at least DAY. FRACTION TO FRACTION(n) has no
// leading precision of its own: precision is ignored and the qualifier
// counts n digits.
func IntervalQualifier(start TimeUnit, precision int, end TimeUnit) (Qualifier, error) {
	if start == UnitFraction {
		precision = 2
	}
	if err := checkUnits(start, end); err != nil {
		return 0, fmt.Errorf("ifxtype: INTERVAL %v TO %v: %w", start, end, err)
	}
	if (start <= UnitMonth) != (end <= UnitMonth) {
		return 0, fmt.Errorf("ifxtype: INTERVAL %v TO %v mixes year-month and day-time units", start, end)
	}
	if precision < 1 || precision > 9 {
		return 0, fmt.Errorf("ifxtype: INTERVAL leading precision %d outside 1..9", precision)
	}
	return Qualifier((int(end)-int(start)+precision)<<8 | int(start)<<4 | int(end)), nil
}

// checkUnits validates a start/end unit pair.
func checkUnits(start, end TimeUnit) error {
	validStart := start <= UnitSecond && start%2 == 0 || start == UnitFraction
	validEnd := end <= UnitSecond && end%2 == 0 || end >= UnitFraction1 && end <= UnitFraction5
	switch {
	case !validStart:
		return fmt.Errorf("bad start unit %d", start)
	case !validEnd:
		return fmt.Errorf("bad end unit %d", end)
	case start == UnitFraction && end < UnitFraction1:
		return fmt.Errorf("FRACTION must end in FRACTION(n)")
	case start != UnitFraction && end < start:
		return fmt.Errorf("end before start")
	}
	return nil
}

// Valid reports whether q is a well-formed DATETIME qualifier.
func (q Qualifier) Valid() bool {
	want, err := DateTimeQualifier(q.Start(), q.End())
	return err == nil && want == q
}

// ValidInterval reports whether q is a well-formed INTERVAL qualifier.
func (q Qualifier) ValidInterval() bool {
	p := q.LeadingPrecision()
	want, err := IntervalQualifier(q.Start(), p, q.End())
	return err == nil && want == q
}

// DateTimeString returns the qualifier as SQL text, e.g. "YEAR TO SECOND".
func (q Qualifier) DateTimeString() string {
	return startName(q.Start()) + " TO " + q.End().String()
}

// IntervalString returns the qualifier as SQL text for an INTERVAL, e.g.
// "DAY(5) TO SECOND".
func (q Qualifier) IntervalString() string {
	if q.Start() == UnitFraction {
		return q.DateTimeString()
	}
	return startName(q.Start()) + "(" + strconv.Itoa(q.LeadingPrecision()) + ") TO " + q.End().String()
}

// startName names a start unit; FRACTION as a start has no digit count.
func startName(u TimeUnit) string {
	if u == UnitFraction {
		return "FRACTION"
	}
	return u.String()
}
