package ifxtype_test

import (
	"database/sql"
	"fmt"
	"math/big"

	"github.com/go-informix/informix/ifxtype"
)

// ParseDecimal keeps trailing zeros as scale.
func ExampleParseDecimal() {
	d, err := ifxtype.ParseDecimal("-1234.500")
	if err != nil {
		panic(err)
	}
	fmt.Println(d, d.Scale(), d.Precision())
	e, err := ifxtype.ParseDecimal("1.5E+3")
	if err != nil {
		panic(err)
	}
	fmt.Println(e, e.Exponent())
	_, err = ifxtype.ParseDecimal("NaN")
	fmt.Println(err)
	// Output:
	// -1234.500 3 7
	// 1500 2
	// ifxtype: parse Decimal "NaN": a Decimal is finite: no NaN or infinity
}

// String never uses exponent notation.
func ExampleDecimal_String() {
	fmt.Println(ifxtype.NewDecimal(12, 2), ifxtype.NewDecimal(-1, -3), ifxtype.NewDecimal(0, -2))
	// Output: 1200 -0.001 0.00
}

// Round rounds half away from zero, as Informix's decround() does.
func ExampleDecimal_Round() {
	d := ifxtype.NewDecimal(1235, -3) // 1.235
	fmt.Println(d.Round(2), d.Neg().Round(2), d.Round(0), d.Round(5))
	// Output: 1.24 -1.24 1 1.235
}

// Rescale adds or removes trailing zeros and never rounds.
func ExampleDecimal_Rescale() {
	r, err := ifxtype.NewDecimal(15, -1).Rescale(2)
	fmt.Println(r, err)
	_, err = ifxtype.NewDecimal(125, -2).Rescale(1)
	fmt.Println(err)
	// Output:
	// 1.50 <nil>
	// ifxtype: rescale 1.25 to scale 1 would drop non-zero digits
}

// Cmp and Equal compare numbers; the exponent is part of the representation
// only.
func ExampleDecimal_Cmp() {
	a, b := ifxtype.NewDecimal(15, -1), ifxtype.NewDecimal(150, -2)
	fmt.Println(a, b, a.Cmp(b), a.Equal(b))
	fmt.Println(ifxtype.NewDecimal(-2, 0).Cmp(a))
	// Output:
	// 1.5 1.50 0 true
	// -1
}

// DecimalFromFloat64 takes the shortest decimal that reads back as the same
// float64; Float64 reports that 0.1 is not exact in binary.
func ExampleDecimalFromFloat64() {
	d, err := ifxtype.DecimalFromFloat64(0.1)
	if err != nil {
		panic(err)
	}
	f, exact := d.Float64()
	fmt.Println(d, f, exact)
	// Output: 0.1 0.1 false
}

// A fraction converts exactly when its denominator has no prime factor
// other than 2 and 5.
func ExampleDecimalFromRat() {
	d, err := ifxtype.DecimalFromRat(big.NewRat(3, 8))
	fmt.Println(d, err)
	_, err = ifxtype.DecimalFromRat(big.NewRat(1, 3))
	fmt.Println(err)
	// Output:
	// 0.375 <nil>
	// ifxtype: Decimal from big.Rat 1/3: no finite decimal expansion
}

// A nullable DECIMAL column scans into sql.Null[Decimal].
func ExampleDecimal_Scan() {
	var price sql.Null[ifxtype.Decimal]
	if err := price.Scan("19.90"); err != nil {
		panic(err)
	}
	fmt.Println(price.V, price.Valid)
	if err := price.Scan(nil); err != nil {
		panic(err)
	}
	fmt.Println(price.Valid)
	// Output:
	// 19.90 true
	// false
}
