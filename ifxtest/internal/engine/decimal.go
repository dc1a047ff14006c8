package engine

import (
	"math/big"
	"strings"

	"github.com/go-informix/informix/ifxtype"
)

// DECIMAL and MONEY values live in SQLite as BLOB sort keys: the packed
// base-100 form of TYPES.md §5.5 (sign bit and excess-64 base-100 exponent
// in the first byte, digit pairs after it, negatives as a complement),
// normalized so that no leading or trailing zero pair remains and without
// padding. Equal numbers have equal keys whatever their scale, and
// SQLite's memcmp order of the keys is numeric order: a shorter key that is
// a prefix of a longer one is the smaller number, for negatives as well,
// because the complement of a longer negative's extra pairs is not zero. So
// =, <, ORDER BY, DISTINCT, GROUP BY, MIN, MAX and UNIQUE indexes work on
// the keys unchanged; arithmetic goes through the ifx_dec_* functions.

// maxKeyExp bounds the base-100 exponent a key holds (7 bits, excess 64).
const maxKeyExp = 63

// decKey returns the sort key of d, or -1200/-1201 when its magnitude is
// beyond 10^126 or below 10^-128.
func decKey(d ifxtype.Decimal) ([]byte, *Error) {
	if d.Sign() == 0 {
		return []byte{0x80}, nil
	}
	digits := new(big.Int).Abs(d.Coefficient()).String()
	intDigits := len(digits) + int(d.Exponent())
	if intDigits%2 != 0 {
		digits = "0" + digits
		intDigits++
	}
	if len(digits)%2 != 0 {
		digits += "0"
	}
	exp := intDigits / 2
	pairs := make([]byte, 0, len(digits)/2)
	for i := 0; i < len(digits); i += 2 {
		pairs = append(pairs, (digits[i]-'0')*10+digits[i+1]-'0')
	}
	for len(pairs) > 0 && pairs[0] == 0 {
		pairs, exp = pairs[1:], exp-1
	}
	for len(pairs) > 0 && pairs[len(pairs)-1] == 0 {
		pairs = pairs[:len(pairs)-1]
	}
	switch {
	case exp > maxKeyExp:
		return nil, ifxErr(errDecOverflow, "")
	case exp < -64:
		return []byte{0x80}, nil
	}
	key := make([]byte, 1, 1+len(pairs))
	if d.Sign() > 0 {
		key[0] = 0x80 | byte(exp+64)
		return append(key, pairs...), nil
	}
	key[0] = byte(exp+64) ^ 0x7f
	key = append(key, pairs...)
	complementPairs(key[1:])
	return key, nil
}

// complementPairs replaces base-100 digits by their 100's complement: the
// last non-zero pair d by 100−d and every pair before it by 99−d. The
// operation is its own inverse on keys without trailing zero pairs.
func complementPairs(p []byte) {
	i := len(p) - 1
	for i >= 0 && p[i] == 0 {
		i--
	}
	if i < 0 {
		return
	}
	p[i] = 100 - p[i]
	for i--; i >= 0; i-- {
		p[i] = 99 - p[i]
	}
}

// decFromKey decodes a key made by decKey. A malformed key (which only a
// bug can produce) decodes as an error.
func decFromKey(key []byte) (ifxtype.Decimal, bool) {
	if len(key) == 0 {
		return ifxtype.Decimal{}, false
	}
	if key[0] == 0x80 && len(key) == 1 {
		return ifxtype.Decimal{}, true
	}
	neg := key[0]&0x80 == 0
	h := key[0]
	if neg {
		h ^= 0x7f
	}
	exp := int(h&0x7f) - 64
	pairs := append([]byte(nil), key[1:]...)
	if neg {
		complementPairs(pairs)
	}
	var sb strings.Builder
	for _, p := range pairs {
		if p > 99 {
			return ifxtype.Decimal{}, false
		}
		sb.WriteByte('0' + p/10)
		sb.WriteByte('0' + p%10)
	}
	coef, ok := new(big.Int).SetString(sb.String(), 10)
	if !ok {
		return ifxtype.Decimal{}, false
	}
	if neg {
		coef.Neg(coef)
	}
	return ifxtype.DecimalFromBigInt(coef, int32(2*(exp-len(pairs)))), true
}

// Decimal arithmetic. Informix computes DECIMAL arithmetic to 32
// significant digits (the precision of DECIMAL(32), IBM Guide to SQL:
// Reference, DECIMAL); results with more digits are rounded to 32.

func decAdd(a, b ifxtype.Decimal) ifxtype.Decimal {
	e := min(a.Exponent(), b.Exponent())
	x := scaleCoef(a, e)
	x.Add(x, scaleCoef(b, e))
	return roundSignificant(ifxtype.DecimalFromBigInt(x, e), maxDecimalDigits)
}

func decSub(a, b ifxtype.Decimal) ifxtype.Decimal { return decAdd(a, b.Neg()) }

func decMul(a, b ifxtype.Decimal) ifxtype.Decimal {
	x := new(big.Int).Mul(a.Coefficient(), b.Coefficient())
	return roundSignificant(ifxtype.DecimalFromBigInt(x, a.Exponent()+b.Exponent()), maxDecimalDigits)
}

// decDiv returns a/b to 32 significant digits, or -1202 for b = 0.
func decDiv(a, b ifxtype.Decimal) (ifxtype.Decimal, *Error) {
	if b.Sign() == 0 {
		return ifxtype.Decimal{}, ifxErr(errDivideByZero, "")
	}
	if a.Sign() == 0 {
		return ifxtype.Decimal{}, nil
	}
	// Scale the dividend so that the integer quotient has at least 34
	// digits, then round to 32.
	shift := 34 + len(b.Coefficient().String()) - len(a.Coefficient().String())
	if shift < 0 {
		shift = 0
	}
	num := new(big.Int).Mul(a.Coefficient(), pow10Big(shift))
	q := new(big.Int).Quo(num, b.Coefficient())
	d := ifxtype.DecimalFromBigInt(q, a.Exponent()-b.Exponent()-int32(shift))
	return roundSignificant(d, maxDecimalDigits), nil
}

// scaleCoef returns d's coefficient scaled to exponent e ≤ d.Exponent().
func scaleCoef(d ifxtype.Decimal, e int32) *big.Int {
	c := d.Coefficient()
	if k := d.Exponent() - e; k > 0 {
		c.Mul(c, pow10Big(int(k)))
	}
	return c
}

// pow10Big returns 10^k.
func pow10Big(k int) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil) }

// roundSignificant rounds d to n significant digits, half away from zero.
func roundSignificant(d ifxtype.Decimal, n int) ifxtype.Decimal {
	digits := len(new(big.Int).Abs(d.Coefficient()).String())
	if d.Sign() == 0 || digits <= n {
		return d
	}
	return d.Round(-(d.Exponent() + int32(digits-n)))
}

// integerDigits returns the digits left of the decimal point of d (0 for
// |d| < 1).
func integerDigits(d ifxtype.Decimal) int {
	n := len(new(big.Int).Abs(d.Coefficient()).String()) + int(d.Exponent())
	if d.Sign() == 0 || n < 0 {
		return 0
	}
	return n
}

// fitDecimal rounds d into a column of type t: to the column's scale for a
// fixed DECIMAL(p,s) or MONEY, to p significant digits for a floating
// DECIMAL(p). A value with more integer digits than the column holds is
// -1226 (rds_en_US.properties: "Decimal or money value exceeds maximum
// precision").
func fitDecimal(d ifxtype.Decimal, t ifxtype.Type) (ifxtype.Decimal, *Error) {
	p, s := t.Precision(), t.Scale()
	if s < 0 {
		return roundSignificant(d, p), nil
	}
	r := d.Round(int32(s))
	if integerDigits(r) > p-s {
		return ifxtype.Decimal{}, ifxErr(errDecPrecision, "")
	}
	return r, nil
}
