package informix

import (
	"database/sql/driver"
	"fmt"
	"time"

	"github.com/go-informix/informix/ifxtype"
)

// The value types of package ifxtype, re-exported so that a program needs
// only this package. Their documentation is in ifxtype.
type (
	// Decimal is an exact decimal number, the value of DECIMAL and MONEY.
	Decimal = ifxtype.Decimal
	// DateTime is a DATETIME value together with its qualifier.
	DateTime = ifxtype.DateTime
	// IntervalYM is an INTERVAL of the year-month class.
	IntervalYM = ifxtype.IntervalYM
	// IntervalDS is an INTERVAL of the day-time class.
	IntervalDS = ifxtype.IntervalDS
	// Qualifier is the qualifier of a DATETIME or INTERVAL.
	Qualifier = ifxtype.Qualifier
	// TimeUnit is a unit of a Qualifier (UnitYear … UnitFraction5).
	TimeUnit = ifxtype.TimeUnit
)

// Time units of a Qualifier.
const (
	UnitYear      = ifxtype.UnitYear
	UnitMonth     = ifxtype.UnitMonth
	UnitDay       = ifxtype.UnitDay
	UnitHour      = ifxtype.UnitHour
	UnitMinute    = ifxtype.UnitMinute
	UnitSecond    = ifxtype.UnitSecond
	UnitFraction  = ifxtype.UnitFraction
	UnitFraction1 = ifxtype.UnitFraction1
	UnitFraction2 = ifxtype.UnitFraction2
	UnitFraction3 = ifxtype.UnitFraction3
	UnitFraction4 = ifxtype.UnitFraction4
	UnitFraction5 = ifxtype.UnitFraction5
)

// Constructors and parsers of the value types; see their documentation in
// ifxtype.
var (
	// NewDecimal returns coef × 10^exp.
	NewDecimal = ifxtype.NewDecimal
	// ParseDecimal reads a decimal number such as "-123.45".
	ParseDecimal = ifxtype.ParseDecimal
	// DecimalFromFloat64 returns the shortest decimal that reads back as f.
	DecimalFromFloat64 = ifxtype.DecimalFromFloat64
	// DecimalFromInt64 returns v as a Decimal.
	DecimalFromInt64 = ifxtype.DecimalFromInt64
	// DecimalFromRat returns a big.Rat with a finite decimal expansion.
	DecimalFromRat = ifxtype.DecimalFromRat
	// DecimalFromBigInt returns coef × 10^exp.
	DecimalFromBigInt = ifxtype.DecimalFromBigInt
	// NewDateTime returns the fields of a time.Time that a qualifier has.
	NewDateTime = ifxtype.NewDateTime
	// ParseDateTime parses a DATETIME literal of a qualifier, or infers the
	// qualifier from the literal when it is zero.
	ParseDateTime = ifxtype.ParseDateTime
	// DateTimeQualifier returns the qualifier of DATETIME start TO end.
	DateTimeQualifier = ifxtype.DateTimeQualifier
	// IntervalQualifier returns the qualifier of INTERVAL start(p) TO end.
	IntervalQualifier = ifxtype.IntervalQualifier
	// NewIntervalYM returns years·12 + months.
	NewIntervalYM = ifxtype.NewIntervalYM
	// ParseIntervalYM parses a year-month INTERVAL literal of a qualifier,
	// or by its form when the qualifier is zero.
	ParseIntervalYM = ifxtype.ParseIntervalYM
	// NewIntervalDS returns a day-time span from its parts.
	NewIntervalDS = ifxtype.NewIntervalDS
	// ParseIntervalDS parses a day-time INTERVAL literal of a qualifier, or
	// by its form when the qualifier is zero.
	ParseIntervalDS = ifxtype.ParseIntervalDS
	// IntervalDSFromDuration returns a time.Duration as an IntervalDS.
	IntervalDSFromDuration = ifxtype.IntervalDSFromDuration
)

// Date is a calendar date, the value of a DATE column, which binds as DATE
// (as JDBC's setDate). The zero Date is not a valid date: Year must be 1 to
// 9999, the years Informix dates span, and Day must exist in Month.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// Time returns d at midnight in loc (UTC when loc is nil).
func (d Date) Time(loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// Valid reports why d is not a date Informix stores, or nil.
func (d Date) Valid() error {
	if d.Year < 1 || d.Year > 9999 {
		return fmt.Errorf("informix: date %v: year outside 1..9999", d)
	}
	if DateOf(d.Time(nil)) != d {
		return fmt.Errorf("informix: date %04d-%02d-%02d does not exist", d.Year, int(d.Month), d.Day)
	}
	return nil
}

// String returns d as YYYY-MM-DD.
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Value implements driver.Valuer with d at midnight UTC, for drivers that
// do not know Date; this driver binds a Date as DATE directly.
func (d Date) Value() (driver.Value, error) {
	if err := d.Valid(); err != nil {
		return nil, err
	}
	return d.Time(nil), nil
}

// Scan implements sql.Scanner: it accepts a time.Time (its calendar date in
// its own location) and a string or []byte in YYYY-MM-DD form. NULL is an
// error: scan a nullable column into sql.Null[Date].
func (d *Date) Scan(src any) error {
	switch x := src.(type) {
	case time.Time:
		*d = DateOf(x)
		return nil
	case string:
		return d.parse(x)
	case []byte:
		return d.parse(string(x))
	case nil:
		return fmt.Errorf("informix: cannot scan NULL into Date; use sql.Null[informix.Date]")
	}
	return fmt.Errorf("informix: cannot scan %T into Date", src)
}

func (d *Date) parse(s string) error {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return fmt.Errorf("informix: date %q is not YYYY-MM-DD: %w", s, err)
	}
	*d = DateOf(t)
	return nil
}
