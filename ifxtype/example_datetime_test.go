package ifxtype_test

import (
	"fmt"
	"time"

	"github.com/go-informix/informix/ifxtype"
)

// A DATETIME HOUR TO MINUTE is a time of day: it keeps its qualifier, and
// converts to a time.Time on 0001-01-01.
func ExampleParseDateTime() {
	q, err := ifxtype.DateTimeQualifier(ifxtype.UnitHour, ifxtype.UnitMinute)
	if err != nil {
		panic(err)
	}
	d, err := ifxtype.ParseDateTime("12:34", q)
	if err != nil {
		panic(err)
	}
	fmt.Println(d, "is DATETIME", d.Qualifier.DateTimeString())
	fmt.Println(d.Time(nil))
	// Output:
	// 12:34 is DATETIME HOUR TO MINUTE
	// 0001-01-01 12:34:00 +0000 UTC
}

// NewDateTime keeps the fields its qualifier has and cuts finer precision.
func ExampleNewDateTime() {
	q, err := ifxtype.DateTimeQualifier(ifxtype.UnitYear, ifxtype.UnitFraction3)
	if err != nil {
		panic(err)
	}
	d, err := ifxtype.NewDateTime(time.Date(2026, 5, 4, 12, 34, 56, 123987654, time.UTC), q)
	if err != nil {
		panic(err)
	}
	fmt.Println(d)
	// Output: 2026-05-04 12:34:56.123
}

// A day-time INTERVAL is read as an IntervalDS and converts to a
// time.Duration: -(3·24 + 4) hours, 5 minutes and 6 seconds.
func ExampleParseIntervalDS() {
	q, err := ifxtype.IntervalQualifier(ifxtype.UnitDay, 5, ifxtype.UnitSecond)
	if err != nil {
		panic(err)
	}
	v, err := ifxtype.ParseIntervalDS("-3 04:05:06", q)
	if err != nil {
		panic(err)
	}
	d, err := v.Duration()
	if err != nil {
		panic(err)
	}
	fmt.Println(v, "=", d)
	// Output: -3 04:05:06 = -76h5m6s
}

// A year-month INTERVAL is a count of months.
func ExampleParseIntervalYM() {
	q, err := ifxtype.IntervalQualifier(ifxtype.UnitYear, 4, ifxtype.UnitMonth)
	if err != nil {
		panic(err)
	}
	v, err := ifxtype.ParseIntervalYM("3-06", q)
	if err != nil {
		panic(err)
	}
	fmt.Println(v.Months, "months;", "negated:", v.Neg())
	// Output: 42 months; negated: -3-06
}
