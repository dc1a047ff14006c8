package ifxtype

import (
	"cmp"
	"database/sql/driver"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// Decimal is an exact decimal number of arbitrary precision: a coefficient
// times a power of ten, coefficient × 10^Exponent. It is the Go value of
// DECIMAL and MONEY columns.
//
// A Decimal keeps its exponent, so 1.5 and 1.50 are different
// representations of the same number: String prints "1.5" and "1.50", Cmp
// and Equal treat them as equal. The zero value is 0. There is no negative
// zero: every operation that produces a zero coefficient produces a
// non-negative Decimal.
//
// Decimals are immutable values, safe to copy and to share between
// goroutines. Coefficients below 2^128 are held in two machine words (every
// Informix DECIMAL holds at most 32 digits, below 2^107, so decoding a column
// never allocates); larger ones in a big.Int that is never modified once set.
type Decimal struct {
	c   u128     // magnitude of the coefficient when big is nil
	big *big.Int // magnitude when it is 2^128 or more, else nil
	exp int32    // base-10 exponent
	neg bool     // sign; false whenever the magnitude is zero
}

// maxParsedExponent bounds the exponent written after "e" in ParseDecimal,
// so that a short input such as "1e999999999" cannot make String build a
// gigabyte of zeros.
const maxParsedExponent = 100000

// NewDecimal returns coef × 10^exp.
func NewDecimal(coef int64, exp int32) Decimal {
	m := uint64(coef)
	if coef < 0 {
		m = -m // two's complement: also right for math.MinInt64
	}
	return makeDecimal(coef < 0, u128{lo: m}, exp)
}

// DecimalFromInt64 returns v as a Decimal with exponent 0.
func DecimalFromInt64(v int64) Decimal { return NewDecimal(v, 0) }

// DecimalFromBigInt returns coef × 10^exp; a nil coef is 0. The Decimal
// does not keep a reference to coef.
func DecimalFromBigInt(coef *big.Int, exp int32) Decimal {
	if coef == nil {
		return Decimal{exp: exp}
	}
	return fromBig(coef.Sign() < 0, new(big.Int).Abs(coef), exp)
}

// DecimalFromFloat64 returns the shortest decimal that converts back to f
// (strconv.FormatFloat with format 'g' and precision -1), so 0.1 gives 0.1
// rather than the binary value 0.1000000000000000055511151231257827….
// NaN and the infinities are errors.
func DecimalFromFloat64(f float64) (Decimal, error) { return decimalFromFloat(f, 64) }

func decimalFromFloat(f float64, bitSize int) (Decimal, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return Decimal{}, fmt.Errorf("ifxtype: Decimal from float %v: not a finite number", f)
	}
	return ParseDecimal(strconv.FormatFloat(f, 'g', -1, bitSize))
}

// DecimalFromRat returns r exactly, with the smallest exponent that holds
// it (3/8 gives 0.375). A fraction whose reduced denominator has a prime
// factor other than 2 and 5, such as 1/3, has no finite decimal expansion
// and is an error, as is a nil r.
func DecimalFromRat(r *big.Rat) (Decimal, error) {
	if r == nil {
		return Decimal{}, errors.New("ifxtype: Decimal from nil *big.Rat")
	}
	den := new(big.Int).Set(r.Denom())
	twos := den.TrailingZeroBits()
	den.Rsh(den, twos)
	var fives uint
	five, q, m := big.NewInt(5), new(big.Int), new(big.Int)
	for den.BitLen() > 1 {
		q.QuoRem(den, five, m)
		if m.Sign() != 0 {
			return Decimal{}, fmt.Errorf("ifxtype: Decimal from big.Rat %s: no finite decimal expansion", shortValue(r.RatString()))
		}
		den, q = q, den
		fives++
	}
	n := max(twos, fives)
	if n > math.MaxInt32 {
		return Decimal{}, fmt.Errorf("ifxtype: Decimal from big.Rat: scale %d over the int32 exponent", n)
	}
	coef := new(big.Int).Abs(r.Num())
	coef.Lsh(coef, n-twos)
	coef.Mul(coef, new(big.Int).Exp(five, big.NewInt(int64(n-fives)), nil))
	return fromBig(r.Sign() < 0, coef, -int32(n)), nil
}

// makeDecimal builds a Decimal from a 128-bit magnitude, dropping the sign
// of zero.
func makeDecimal(neg bool, c u128, exp int32) Decimal {
	return Decimal{c: c, exp: exp, neg: neg && !c.isZero()}
}

// fromBig builds a Decimal from a magnitude the caller owns, moving it to
// the 128-bit form when it fits so that each value has one representation.
func fromBig(neg bool, mag *big.Int, exp int32) Decimal {
	if mag.BitLen() <= 128 {
		var b [16]byte
		mag.FillBytes(b[:])
		return makeDecimal(neg, u128{binary.BigEndian.Uint64(b[:8]), binary.BigEndian.Uint64(b[8:])}, exp)
	}
	return Decimal{big: mag, exp: exp, neg: neg}
}

// magBig returns a new big.Int holding the magnitude of the coefficient.
func (d Decimal) magBig() *big.Int {
	if d.big != nil {
		return new(big.Int).Set(d.big)
	}
	return d.c.bigInt()
}

// Coefficient returns the signed coefficient: d equals
// Coefficient × 10^Exponent. The result is a new big.Int the caller may
// modify.
func (d Decimal) Coefficient() *big.Int {
	m := d.magBig()
	if d.neg {
		m.Neg(m)
	}
	return m
}

// Exponent returns the base-10 exponent: d equals Coefficient × 10^Exponent.
func (d Decimal) Exponent() int32 { return d.exp }

// Scale returns the number of digits after the decimal point: −Exponent
// when the exponent is negative, else 0. 1.50 has scale 2, 1200 scale 0.
// For the exponent math.MinInt32, whose negation an int32 cannot hold,
// Scale returns math.MaxInt32.
func (d Decimal) Scale() int32 {
	switch {
	case d.exp == math.MinInt32:
		return math.MaxInt32
	case d.exp < 0:
		return -d.exp
	}
	return 0
}

// Precision returns the number of decimal digits of the coefficient,
// trailing zeros included: 1.50 has precision 3, 0.001 precision 1, and
// zero precision 1.
func (d Decimal) Precision() int {
	if d.big != nil {
		return len(d.big.Text(10))
	}
	return d.c.digits()
}

// Sign returns -1, 0 or +1 as d is negative, zero or positive.
func (d Decimal) Sign() int {
	switch {
	case d.neg:
		return -1
	case d.big == nil && d.c.isZero():
		return 0
	}
	return 1
}

// IsZero reports whether d is zero, whatever its exponent.
func (d Decimal) IsZero() bool { return d.Sign() == 0 }

// Neg returns −d; the negation of zero is zero.
func (d Decimal) Neg() Decimal {
	if d.IsZero() {
		return d
	}
	d.neg = !d.neg
	return d
}

// Cmp compares d and e numerically and returns -1, 0 or +1 as d is less
// than, equal to or greater than e. Representations of the same number
// compare equal: 1.5 and 1.50, 12e2 and 1200.
func (d Decimal) Cmp(e Decimal) int {
	ds, es := d.Sign(), e.Sign()
	switch {
	case ds < es:
		return -1
	case ds > es:
		return 1
	case ds == 0:
		return 0
	}
	return ds * cmpMagnitude(d, e)
}

// Equal reports whether d and e are the same number (Cmp is 0), whatever
// their exponents. Use reflect.DeepEqual or compare Exponent as well to
// tell 1.5 from 1.50.
func (d Decimal) Equal(e Decimal) bool { return d.Cmp(e) == 0 }

// cmpMagnitude compares |a| and |b| for non-zero a and b: first by the
// position of the leading digit, then by the coefficients aligned to the
// smaller exponent (the shift is then at most the difference in digits).
func cmpMagnitude(a, b Decimal) int {
	pa, pb := a.Precision(), b.Precision()
	la, lb := int64(a.exp)+int64(pa), int64(b.exp)+int64(pb)
	if la != lb {
		return cmp.Compare(la, lb)
	}
	if a.exp < b.exp {
		return -cmpMagnitude(b, a)
	}
	shift := int(int64(a.exp) - int64(b.exp)) // = pb − pa: small
	if a.big == nil && b.big == nil {
		if c, ok := a.c.mulPow10(shift); ok {
			return c.cmp(b.c)
		}
	}
	m := a.magBig()
	m.Mul(m, pow10Big(shift))
	return m.Cmp(b.magBig())
}

// pow10Big returns 10^k as a new big.Int.
func pow10Big(k int) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil)
}

// roundExponent is the exponent Round and Rescale give their result:
// −scale, with math.MinInt32 (whose negation an int32 cannot hold) treated
// as math.MinInt32+1.
func roundExponent(scale int32) int32 {
	if scale == math.MinInt32 {
		return math.MaxInt32
	}
	return -scale
}

// Round returns d rounded to scale digits after the decimal point, half
// away from zero: 1.235 → 1.24, −1.235 → −1.24, 1.2349 → 1.23. A negative
// scale rounds to tens, hundreds and so on. When d has no more than scale
// fraction digits it is returned unchanged (Round never adds zeros; see
// Rescale); otherwise the result has exponent −scale (math.MaxInt32 for
// the scale math.MinInt32).
//
// Half away from zero is the rule of Informix's decround(), which adds
// 5×10^(−s−1) to a positive number (subtracts it from a negative one) and
// truncates ([H] the decround() page of the ESQL/C and DataBlade API
// manuals, with 1.685 → 1.69 at scale 2); IBM's DECIMAL(p,s) page
// states the same boundary ("numbers with an absolute value less than
// 0.5 × 10^−s have the value zero"). That the server applies this rule when
// it stores a value into a narrower column is our inference [I].
func (d Decimal) Round(scale int32) Decimal {
	target := roundExponent(scale)
	if d.exp >= target {
		return d
	}
	k := int64(target) - int64(d.exp)
	if k > int64(d.Precision()) {
		return Decimal{exp: target}
	}
	if d.big == nil {
		q, _ := d.c.shr10(int(k - 1))
		q, r := q.divmod64(10)
		if r >= 5 {
			q, _ = q.add64(1) // q ≤ (2^128−1)/10: no overflow
		}
		return makeDecimal(d.neg, q, target)
	}
	q := d.magBig()
	q.Quo(q, pow10Big(int(k-1)))
	r := new(big.Int)
	q.QuoRem(q, big.NewInt(10), r)
	if r.Int64() >= 5 {
		q.Add(q, big.NewInt(1))
	}
	return fromBig(d.neg, q, target)
}

// Rescale returns d with exactly scale digits after the decimal point
// (exponent −scale, math.MaxInt32 for the scale math.MinInt32), adding
// trailing zeros or removing them. It never
// rounds: removing a non-zero digit is an error (use Round first to round).
// Rescale(2) of 1.5 is 1.50; Rescale(1) of 1.50 is 1.5; Rescale(1) of 1.25
// fails.
func (d Decimal) Rescale(scale int32) (Decimal, error) {
	target := roundExponent(scale)
	switch {
	case d.exp == target:
		return d, nil
	case d.IsZero():
		return Decimal{exp: target}, nil
	case d.exp > target:
		k := int(int64(d.exp) - int64(target))
		if d.big == nil {
			if c, ok := d.c.mulPow10(k); ok {
				return makeDecimal(d.neg, c, target), nil
			}
		}
		m := d.magBig()
		return fromBig(d.neg, m.Mul(m, pow10Big(k)), target), nil
	}
	k := int64(target) - int64(d.exp)
	if k <= int64(d.Precision()) {
		if d.big == nil {
			if q, rem := d.c.shr10(int(k)); !rem {
				return makeDecimal(d.neg, q, target), nil
			}
		} else if q, r := new(big.Int).QuoRem(d.big, pow10Big(int(k)), new(big.Int)); r.Sign() == 0 {
			return fromBig(d.neg, q, target), nil
		}
	}
	return Decimal{}, fmt.Errorf("ifxtype: rescale %s to scale %d would drop non-zero digits", d.brief(), scale)
}

// normalize returns d without trailing zeros in its coefficient (1.50 →
// 1.5, 1200 → 12e2), and zero as the zero value.
func (d Decimal) normalize() Decimal {
	if d.IsZero() {
		return Decimal{}
	}
	if d.big == nil {
		for d.exp < math.MaxInt32 {
			q, r := d.c.divmod64(10)
			if r != 0 {
				break
			}
			d.c, d.exp = q, d.exp+1
		}
		return d
	}
	m, q, r := d.magBig(), new(big.Int), new(big.Int)
	for _, s := range [...]struct {
		k int32
		f int64
	}{{18, 1e18}, {1, 10}} {
		f := big.NewInt(s.f)
		for d.exp <= math.MaxInt32-s.k {
			if q.QuoRem(m, f, r); r.Sign() != 0 {
				break
			}
			m, q = q, m
			d.exp += s.k
		}
	}
	return fromBig(d.neg, m, d.exp)
}

// Int64 returns d as an int64. It fails if d has non-zero fraction digits
// (1.00 converts, 1.5 does not) or is outside the int64 range.
func (d Decimal) Int64() (int64, error) {
	if !d.IsZero() && int64(d.exp)+int64(d.Precision()) > 20 { // |d| ≥ 10^20
		return 0, fmt.Errorf("ifxtype: Decimal %s overflows int64", d.brief())
	}
	i, err := d.Rescale(0)
	if err != nil {
		return 0, fmt.Errorf("ifxtype: Decimal %s is not an integer", d.brief())
	}
	if i.big == nil && i.c.hi == 0 {
		switch {
		case !i.neg && i.c.lo <= math.MaxInt64:
			return int64(i.c.lo), nil
		case i.neg && i.c.lo <= 1<<63:
			return -int64(i.c.lo), nil // wraps to MinInt64 for 2^63, as intended
		}
	}
	return 0, fmt.Errorf("ifxtype: Decimal %s overflows int64", d.brief())
}

// Rat returns d as an exact big.Rat. The Rat's size grows with the
// exponent's magnitude: 1e100000 is a 100001-digit integer.
func (d Decimal) Rat() *big.Rat {
	m := d.Coefficient()
	if d.exp >= 0 {
		return new(big.Rat).SetInt(m.Mul(m, pow10Big(int(d.exp))))
	}
	return new(big.Rat).SetFrac(m, pow10Big(-int(d.exp)))
}

// Float64 returns the float64 nearest to d and whether it equals d
// exactly. Beyond the float64 range the result is ±Inf (or a zero of d's
// sign for magnitudes below the smallest denormal) with exact false.
func (d Decimal) Float64() (f float64, exact bool) {
	if d.IsZero() {
		return 0, true
	}
	lead := int64(d.exp) + int64(d.Precision()) // d < 10^lead
	switch {
	case lead > 310:
		return math.Inf(d.Sign()), false
	case lead < -330:
		return math.Copysign(0, float64(d.Sign())), false
	}
	return d.Rat().Float64()
}

// String returns d in plain notation, never with an exponent: "1234.56",
// "-0.001", "1.50", and "1200" for 12e2. ParseDecimal reads it back to the
// same number and scale (an exponent above zero becomes exponent 0). The
// length grows with the exponent: 1e100000 prints 100001 digits.
func (d Decimal) String() string { return string(d.appendPlain(nil)) }

// AppendText appends String's form of d to b (encoding.TextAppender).
func (d Decimal) AppendText(b []byte) ([]byte, error) { return d.appendPlain(b), nil }

// MarshalText returns String's form of d, so encoding/json writes a
// Decimal as a JSON string such as "1234.56".
func (d Decimal) MarshalText() ([]byte, error) { return d.appendPlain(nil), nil }

// UnmarshalText sets d from text in any form ParseDecimal accepts. With
// encoding/json the value must be a JSON string.
func (d *Decimal) UnmarshalText(text []byte) error {
	v, err := ParseDecimal(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func (d Decimal) appendPlain(dst []byte) []byte {
	var buf [40]byte
	var digits []byte
	if d.big != nil {
		digits = d.big.Append(buf[:0], 10)
	} else {
		digits = d.c.appendDigits(buf[:0])
	}
	if d.neg {
		dst = append(dst, '-')
	}
	if d.exp >= 0 {
		dst = append(dst, digits...)
		if d.IsZero() {
			return dst
		}
		return appendRepeat(dst, '0', int(d.exp))
	}
	frac := -int64(d.exp)
	if int64(len(digits)) > frac {
		cut := len(digits) - int(frac)
		dst = append(dst, digits[:cut]...)
		dst = append(dst, '.')
		return append(dst, digits[cut:]...)
	}
	dst = append(dst, '0', '.')
	dst = appendRepeat(dst, '0', int(frac)-len(digits))
	return append(dst, digits...)
}

// brief returns d for an error message: String's form when that is short,
// else scientific notation with at most 20 digits ("1e+2147483647",
// "-1.2345678901234567890…e+99 (60 digits)"), so that a message about a
// huge value stays short.
func (d Decimal) brief() string {
	var buf [40]byte
	var digits []byte
	if d.big != nil {
		digits = d.big.Append(buf[:0], 10)
	} else {
		digits = d.c.appendDigits(buf[:0])
	}
	if int64(len(digits))+max(int64(d.exp), -int64(d.exp)) <= 60 {
		return d.String()
	}
	var b strings.Builder
	if d.neg {
		b.WriteByte('-')
	}
	b.WriteByte(digits[0])
	if len(digits) > 1 {
		b.WriteByte('.')
		b.Write(digits[1:min(len(digits), 20)])
	}
	if len(digits) > 20 {
		b.WriteString("…")
	}
	b.WriteString("e" + strconv.FormatInt(int64(d.exp)+int64(len(digits))-1, 10))
	if len(digits) > 20 {
		b.WriteString(" (" + strconv.Itoa(len(digits)) + " digits)")
	}
	return b.String()
}

func appendRepeat(dst []byte, c byte, n int) []byte {
	for range n {
		dst = append(dst, c)
	}
	return dst
}

// ParseDecimal reads a decimal number: an optional sign, digits with at
// most one decimal point and at least one digit ("123", "-123.4500", ".5",
// "5."), and an optional exponent ("1e-5", "1.5E+3"). Trailing zeros are
// kept as scale: "1.50" has scale 2. The exponent after "e" may be at most
// 100000 in magnitude. Spaces, underscores, NaN and infinities are errors,
// which quote the input.
func ParseDecimal(s string) (Decimal, error) {
	d, err := parseDecimal(s)
	if err != nil {
		return Decimal{}, fmt.Errorf("ifxtype: parse Decimal %s: %w", quoteInput(s), err)
	}
	return d, nil
}

// quoteInput quotes s for an error message, shortening inputs over 80
// bytes (and saying so).
func quoteInput(s string) string {
	if len(s) <= 80 {
		return strconv.Quote(s)
	}
	return strconv.Quote(s[:80]) + "… (" + strconv.Itoa(len(s)) + " bytes)"
}

func parseDecimal(s string) (Decimal, error) {
	i := 0
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	mant := i
	i, fracDigits, n := scanMantissa(s, i)
	if n == 0 {
		return Decimal{}, noDigits(s, i)
	}
	e, err := parseExponent(s[i:], i)
	if err != nil {
		return Decimal{}, err
	}
	exp := e - int64(fracDigits)
	if exp < math.MinInt32 || exp > math.MaxInt32 {
		return Decimal{}, fmt.Errorf("exponent %d outside the int32 range", exp)
	}
	return decimalFromDigits(neg, s[mant:i], int32(exp)), nil
}

// scanMantissa reads digits with at most one '.' from s[i:] and returns
// where they end, how many digits follow the '.', and how many digits
// there are in all.
func scanMantissa(s string, i int) (end, fracDigits, n int) {
	dot := false
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			n++
			if dot {
				fracDigits++
			}
		case c == '.' && !dot:
			dot = true
		default:
			return i, fracDigits, n
		}
	}
	return i, fracDigits, n
}

// noDigits explains why s, whose mantissa ends at offset i, has no digits.
func noDigits(s string, i int) error {
	switch strings.ToLower(strings.TrimLeft(s, "+-")) {
	case "nan", "inf", "infinity":
		return errors.New("a Decimal is finite: no NaN or infinity")
	}
	switch {
	case s == "":
		return errors.New("empty input")
	case i < len(s):
		return fmt.Errorf("unexpected %q at offset %d", s[i], i)
	}
	return errors.New("no digits")
}

// parseExponent reads an optional "e" or "E" exponent that must end the
// input; off is the offset of rest in the whole input, for the message.
func parseExponent(rest string, off int) (int64, error) {
	if rest == "" {
		return 0, nil
	}
	if rest[0] != 'e' && rest[0] != 'E' {
		return 0, fmt.Errorf("unexpected %q at offset %d", rest[0], off)
	}
	body := rest[1:]
	if body != "" && (body[0] == '+' || body[0] == '-') {
		body = body[1:]
	}
	if body == "" {
		return 0, fmt.Errorf("exponent at offset %d has no digits", off)
	}
	var e int64
	for j := 0; j < len(body); j++ {
		c := body[j]
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("unexpected %q at offset %d", c, off+len(rest)-len(body)+j)
		}
		if e = e*10 + int64(c-'0'); e > maxParsedExponent {
			return 0, fmt.Errorf("exponent beyond ±%d", maxParsedExponent)
		}
	}
	if rest[1] == '-' {
		e = -e
	}
	return e, nil
}

// decimalFromDigits builds the Decimal of the digit string digits (which
// may hold one '.') times 10^exp, in 128 bits up to 38 significant digits
// (10^38 − 1 < 2^128) and in a big.Int beyond.
func decimalFromDigits(neg bool, digits string, exp int32) Decimal {
	var c u128
	n := 0
	for j := 0; j < len(digits); j++ {
		ch := digits[j]
		if ch == '.' || (n == 0 && ch == '0') {
			continue
		}
		if n == 38 {
			m, _ := new(big.Int).SetString(strings.Replace(digits, ".", "", 1), 10)
			return fromBig(neg, m, exp)
		}
		c, _ = c.mul64(10)
		c, _ = c.add64(uint64(ch - '0'))
		n++
	}
	return makeDecimal(neg, c, exp)
}

// Scan implements sql.Scanner. It accepts a Decimal, a string or []byte in
// ParseDecimal's syntax, an int64, and a float64 (through
// DecimalFromFloat64). NULL is an error: scan a nullable column into
// sql.Null[Decimal].
func (d *Decimal) Scan(src any) error {
	var v Decimal
	var err error
	switch x := src.(type) {
	case Decimal:
		v = x
	case string:
		v, err = ParseDecimal(x)
	case []byte:
		v, err = ParseDecimal(string(x))
	case int64:
		v = DecimalFromInt64(x)
	case float64:
		v, err = DecimalFromFloat64(x)
	case nil:
		return errors.New("ifxtype: cannot scan NULL into Decimal; scan into sql.Null[ifxtype.Decimal]")
	default:
		return fmt.Errorf("ifxtype: cannot scan %T into Decimal", src)
	}
	if err != nil {
		return fmt.Errorf("ifxtype: scan into Decimal: %w", err)
	}
	*d = v
	return nil
}

// Value implements driver.Valuer. It returns String's form, a string, so a
// Decimal can also be passed to drivers that do not know this type.
func (d Decimal) Value() (driver.Value, error) { return d.String(), nil }

// u128 is an unsigned 128-bit integer, hi·2^64 + lo.
type u128 struct{ hi, lo uint64 }

// pow10u128[k] is 10^k; 10^38 is the largest power of ten under 2^128.
var pow10u128 = func() (t [39]u128) {
	t[0] = u128{lo: 1}
	for k := 1; k < len(t); k++ {
		t[k], _ = t[k-1].mul64(10)
	}
	return t
}()

func (a u128) isZero() bool { return a.hi|a.lo == 0 }

func (a u128) cmp(b u128) int {
	if a.hi != b.hi {
		return cmp.Compare(a.hi, b.hi)
	}
	return cmp.Compare(a.lo, b.lo)
}

// mul64 returns a·m and whether it fits in 128 bits.
func (a u128) mul64(m uint64) (u128, bool) {
	hl, ll := bits.Mul64(a.lo, m)
	hh, lh := bits.Mul64(a.hi, m)
	hi, carry := bits.Add64(hl, lh, 0)
	return u128{hi, ll}, hh == 0 && carry == 0
}

// add64 returns a+m and whether it fits in 128 bits.
func (a u128) add64(m uint64) (u128, bool) {
	lo, carry := bits.Add64(a.lo, m, 0)
	hi, carry := bits.Add64(a.hi, 0, carry)
	return u128{hi, lo}, carry == 0
}

// divmod64 returns a/m and a%m for m > 0.
func (a u128) divmod64(m uint64) (u128, uint64) {
	qh, r := a.hi/m, a.hi%m
	ql, r := bits.Div64(r, a.lo, m)
	return u128{qh, ql}, r
}

// mulPow10 returns a·10^k and whether it fits in 128 bits.
func (a u128) mulPow10(k int) (u128, bool) {
	if a.isZero() {
		return a, true
	}
	if k >= len(pow10u128) {
		return u128{}, false
	}
	for k > 0 {
		step := min(k, 19)
		var ok bool
		if a, ok = a.mul64(pow10u128[step].lo); !ok {
			return u128{}, false
		}
		k -= step
	}
	return a, true
}

// shr10 returns a/10^k and whether the division left a non-zero remainder.
func (a u128) shr10(k int) (q u128, rem bool) {
	for k > 0 && !a.isZero() {
		step := min(k, 19)
		var r uint64
		a, r = a.divmod64(pow10u128[step].lo)
		rem = rem || r != 0
		k -= step
	}
	return a, rem
}

// digits returns the number of decimal digits of a (1 for zero).
func (a u128) digits() int {
	n := bits.Len64(a.lo)
	if a.hi != 0 {
		n = 64 + bits.Len64(a.hi)
	}
	t := n * 1233 >> 12 // ⌊n·log10(2)⌋ for n ≤ 128, at most 38
	if a.cmp(pow10u128[t]) >= 0 {
		t++
	}
	return max(t, 1)
}

// appendDigits appends the decimal digits of a, "0" for zero; a value
// that fits 64 bits is formatted by strconv.
func (a u128) appendDigits(dst []byte) []byte {
	if a.hi == 0 {
		return strconv.AppendUint(dst, a.lo, 10)
	}
	var buf [39]byte
	i := len(buf)
	for {
		var r uint64
		a, r = a.divmod64(1e19)
		for j := 0; j < 19 && (r != 0 || !a.isZero()); j++ {
			i--
			buf[i] = byte('0' + r%10)
			r /= 10
		}
		if a.isZero() {
			break
		}
	}
	if i == len(buf) {
		return append(dst, '0')
	}
	return append(dst, buf[i:]...)
}

func (a u128) bigInt() *big.Int {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], a.hi)
	binary.BigEndian.PutUint64(b[8:], a.lo)
	return new(big.Int).SetBytes(b[:])
}
