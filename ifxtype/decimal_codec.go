package ifxtype

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/big"
	"reflect"

	"github.com/go-informix/informix/sqli"
)

// decimalCodec is the codec of DECIMAL (5) and MONEY (8). Both use the
// packed base-100 form of TYPES.md §5.5 ([H] decimal.h, [W/D] S1-a, [J] S3,
// S8); MONEY has exactly the bytes of a DECIMAL of the same precision and
// scale ([H]).
//
// Decoded values are Decimal. A fixed-scale column DECIMAL(p,s) decodes to
// exponent −s (DECIMAL(8,2) gives 1234.50, never 1234.5); a floating
// DECIMAL(p) decodes to the stored digits without trailing zeros (1.5, 12e2).
// Every value a decoder returns fits its column, so AppendRow encodes it
// again to a value that decodes equal.
//
// Encoders accept a Decimal, every Go integer kind, float32 and float64 (the
// shortest decimal that reads back as the same float, as DecimalFromFloat64),
// a string or []byte in ParseDecimal's syntax, a *big.Int and a *big.Rat with
// a finite decimal expansion (DecimalFromRat).
type decimalCodec struct{ code sqli.TypeCode }

func init() {
	register(decimalCodec{sqli.TypeDecimal})
	register(decimalCodec{sqli.TypeMoney})
}

// Encoded lengths (precision<<8 | scale, TYPES.md §2.1) of the types
// declared without parameters: DECIMAL is DECIMAL(16), floating, and MONEY
// is MONEY(16,2) ([H] S7). The codecs read a Type whose Length is 0 as the
// default of its base type.
const (
	DecimalDefaultLength = 16<<8 | 0xff // DECIMAL: DECIMAL(16), floating
	MoneyDefaultLength   = 16<<8 | 2    // MONEY: MONEY(16,2)
)

const (
	maxDecimalWidth  = 18 // bytes of a DECIMAL(32,s) with odd s or of DECIMAL(32): DECLEN(32, odd)
	maxDecimalPairs  = maxDecimalWidth - 1
	maxDecimalDigits = 32  // the largest DECIMAL precision ([H] S7)
	minPackedExp     = -64 // base-100 exponent of header 0x00/0x80 + 0 …
	maxPackedExp     = 63  // … and of header 0x7F/0xFF (excess-64, 7 bits)
	decimalGoTypes   = "Decimal, an integer, a float, a decimal string, *big.Int or *big.Rat"
)

// DecimalWidth returns the bytes a DECIMAL or MONEY value of type t takes
// in a row: PackedWidth of the encoded length, (p + (s & 1) + 3) / 2 (IBM's
// DECLEN; TYPES.md §2.2), with no cap. DECIMAL(8,2) takes 5 bytes,
// DECIMAL(32,31), DECIMAL(32,1) and the floating DECIMAL(32) 18, DECIMAL(16)
// floating 10. A Length of 0 stands for the type's default
// (DecimalDefaultLength, MoneyDefaultLength).
//
// This settles TYPES.md open question 1 and corrects TYPES.md §2.2's
// "apply min(width, 17)": IBM JDBC 15.0.0.1.1's decoder and informix-driver
// both size a packed DECIMAL/MONEY by the formula alone (informix-driver
// failed with "consumed 18 of 17" on a DECIMAL(32,1) column that ifxtest
// sent in 17 bytes), so IBM's 17-byte storage note does not describe the
// wire. Fixed-layout rows are sliced by column start positions all the
// same, and DecodeRow accepts any width.
func DecimalWidth(t Type) int {
	return PackedWidth(decimalLength(t))
}

func decimalLength(t Type) int32 {
	switch {
	case t.Length != 0:
		return t.Length
	case t.Base() == sqli.TypeMoney:
		return MoneyDefaultLength
	}
	return DecimalDefaultLength
}

// decColumn is a validated DECIMAL or MONEY type.
type decColumn struct {
	t     Type // with the default length filled in
	prec  int  // 1..32
	scale int  // 0..prec, or -1 for a floating DECIMAL(p)
	width int  // DecimalWidth
}

// decimalColumn validates t: a 16-bit encoded length with a precision of
// 1 to 32 and a scale of at most the precision, or 0xFF (TYPES.md §2.1).
func decimalColumn(t Type) (decColumn, error) {
	t.Length = decimalLength(t)
	col := decColumn{t: t, prec: t.Precision(), scale: t.Scale(), width: DecimalWidth(t)}
	switch {
	case t.Length < 0 || t.Length > 0xffff:
		return col, fmt.Errorf("ifxtype: %v: encoded length %#x is not precision<<8 | scale", t.Base(), t.Length)
	case col.prec < 1 || col.prec > maxDecimalDigits:
		return col, fmt.Errorf("ifxtype: %v: encoded length %#x: precision %d outside 1..%d", t.Base(), t.Length, col.prec, maxDecimalDigits)
	case col.scale > col.prec:
		return col, fmt.Errorf("ifxtype: %v: encoded length %#x: scale %d over precision %d", t.Base(), t.Length, col.scale, col.prec)
	}
	return col, nil
}

// errorf returns an error about the column, prefixed with its SQL name.
func (col decColumn) errorf(format string, args ...any) error {
	return fmt.Errorf("ifxtype: %s: %w", col.t.SQLName(), fmt.Errorf(format, args...))
}

// Code returns the type code the codec handles.
func (c decimalCodec) Code() sqli.TypeCode { return c.code }

// RowSize returns DecimalWidth(t) in either layout, or an error if t is
// not a valid DECIMAL or MONEY type or b is shorter.
func (c decimalCodec) RowSize(t Type, b []byte, _ bool) (int, error) {
	col, err := decimalColumn(t)
	if err != nil {
		return 0, err
	}
	return fixedRowSize(c.code, col.width, b)
}

// rowWidth returns DecimalWidth(t) when t is a valid DECIMAL or MONEY.
func (c decimalCodec) rowWidth(t Type) (int, bool) {
	col, err := decimalColumn(t)
	return col.width, err == nil
}

// DecodeRow decodes a packed value of any width of at least 2 bytes (a
// fixed-layout row hands over the bytes up to the next column's start):
// nil when its first two bytes are 00 00 (TYPES.md §6; [J] S3, [D] S1),
// else a Decimal that fits the column, as the codec's doc describes. A
// stored value the column cannot hold (more digits than its precision or
// scale allow) is an error, not a rounded value.
func (c decimalCodec) DecodeRow(t Type, b []byte, _ bool, cs CodeSet) (any, error) {
	col, err := decimalColumn(t)
	if err != nil {
		return nil, err
	}
	return col.decodeCell(&t, b, cs, nil)
}

// prepareColumn returns the validated column, whose cells it decodes.
func (c decimalCodec) prepareColumn(t Type) (cellDecoder, bool) {
	col, err := decimalColumn(t)
	return col, err == nil
}

// decodeCell is DecodeRow of the column boxing into a.
func (col decColumn) decodeCell(_ *Type, b []byte, _ CodeSet, a *Arena) (any, error) {
	d, null, err := col.decode(b)
	if err != nil || null {
		return nil, err
	}
	return a.Decimal(d), nil
}

// decode decodes the packed value b of the column; null reports the NULL
// form.
func (col decColumn) decode(b []byte) (d Decimal, null bool, err error) {
	if IsNullPacked(b) {
		return d, true, nil
	}
	neg, coef, exp10, err := unpackDecimal(b, col.width-1)
	if err != nil {
		return d, false, col.errorf("decode %d-byte value: %w", len(b), err)
	}
	if col.scale < 0 {
		d, err = col.floatingValue(neg, coef, exp10)
	} else {
		d, err = col.fixedValue(neg, coef, exp10)
	}
	return d, false, err
}

// fixedValue returns ±coef × 10^exp10 with exponent −scale, or an error if
// it has more integer digits than precision − scale or more fraction
// digits than scale.
func (col decColumn) fixedValue(neg bool, coef u128, exp10 int) (Decimal, error) {
	s := col.scale
	if coef.isZero() {
		return Decimal{exp: int32(-s)}, nil
	}
	if n := coef.digits() + exp10; n > col.prec-s {
		return Decimal{}, col.errorf("stored value %s has %d integer digits, the column holds %d",
			makeDecimal(neg, coef, int32(exp10)).brief(), n, col.prec-s)
	}
	if exp10 < -s {
		q, rem := coef.shr10(-s - exp10)
		if rem {
			return Decimal{}, col.errorf("stored value %s has more than %d fraction digits",
				makeDecimal(neg, coef, int32(exp10)).brief(), s)
		}
		coef = q
	} else {
		coef, _ = coef.mulPow10(exp10 + s) // under 10^prec by the check above
	}
	return makeDecimal(neg, coef, int32(-s)), nil
}

// floatingValue returns ±coef × 10^exp10 without trailing zeros, or an
// error if it has more significant digits than the precision: DECIMAL(p)
// holds p significant digits ([H] S7), and a value beyond that could not be
// encoded again without rounding. That a server never sends more (the width
// has room for p+1 digits when p is odd) is our reading [I].
func (col decColumn) floatingValue(neg bool, coef u128, exp10 int) (Decimal, error) {
	if coef.isZero() {
		return Decimal{}, nil
	}
	// The last base-100 digit is not zero, so at most one decimal zero trails.
	if q, r := coef.divmod64(10); r == 0 {
		coef, exp10 = q, exp10+1
	}
	d := makeDecimal(neg, coef, int32(exp10))
	if n := coef.digits(); n > col.prec {
		return Decimal{}, col.errorf("stored value %s has %d significant digits, the column holds %d", d.brief(), n, col.prec)
	}
	return d, nil
}

// unpackDecimal reads the non-NULL packed decimal b (TYPES.md §5.5) as
// ±coef × 10^exp10. It refuses fewer than 2 bytes, a digit byte over 99,
// more than maxPairs (at most 16) significant base-100 digits, and a value
// whose leading zero digits put it below 100^−64, which the packed form
// cannot encode again. Trailing zero bytes are zero digits in either sign
// (the 100's complement leaves them), so a wide slice costs nothing.
func unpackDecimal(b []byte, maxPairs int) (neg bool, coef u128, exp10 int, err error) {
	if len(b) < 2 {
		return false, coef, 0, fmt.Errorf("%d bytes, a packed decimal needs at least 2", len(b))
	}
	for i, x := range b[1:] {
		if x > 99 {
			return false, coef, 0, fmt.Errorf("digit byte %d at offset %d is over 99", x, i+1)
		}
	}
	for len(b) > 2 && b[len(b)-1] == 0 {
		b = b[:len(b)-1]
	}
	var scratch [maxDecimalPairs]byte
	p, err := ParsePacked(b, scratch[:0])
	switch {
	case err != nil:
		return false, coef, 0, err
	case len(p.Digits) == 0:
		return false, coef, 0, nil
	case len(p.Digits) > maxPairs:
		return false, coef, 0, fmt.Errorf("%d significant base-100 digits, at most %d fit", len(p.Digits), maxPairs)
	case p.Exp < minPackedExp:
		return false, coef, 0, fmt.Errorf("leading zero digits put the exponent at 100^%d, below 100^%d", p.Exp, minPackedExp)
	}
	return p.Neg, pairsCoef(p.Digits), 2 * (p.Exp - len(p.Digits)), nil
}

// pairsCoef returns the number the base-100 digits d spell, at most 16 of
// them (under 10^32). The first 9 are summed in a uint64, which holds
// 100^9 − 1 < 2^64, and only the rest in 128 bits.
func pairsCoef(d []byte) u128 {
	var lo uint64
	n := min(len(d), 9)
	for _, x := range d[:n] {
		lo = lo*100 + uint64(x)
	}
	coef := u128{lo: lo}
	for _, x := range d[n:] {
		coef, _ = coef.mul64(100)
		coef, _ = coef.add64(uint64(x))
	}
	return coef
}

// AppendRow appends v in the column's width, or the NULL form 00 00 …
// for nil.
//
// A fixed-scale DECIMAL(p,s) value is first rounded to s fraction digits,
// half away from zero (Decimal.Round: DECIMAL(8,2) stores 1.235 as 1.24 and
// −1.235 as −1.24); a value left with more than p−s integer digits is an
// error, Informix's -1226. The width holds every digit the column allows:
// a DECIMAL(32,s) keeps all 32 (DecimalWidth).
//
// A floating DECIMAL(p) value is rounded half away from zero to p
// significant digits (IBM: DECIMAL(p) holds p significant digits, [H] S7;
// the rounding rule is our inference [I]). A value outside the packed range
// 10^−130 ≤ |v| < 10^126 is an error, as is a negative value so large that
// its bytes would start 00 00 and read as NULL.
func (c decimalCodec) AppendRow(dst []byte, t Type, v any, _ bool, _ CodeSet) ([]byte, error) {
	col, err := decimalColumn(t)
	if err != nil {
		return dst, err
	}
	if v == nil {
		return appendRepeat(dst, 0, col.width), nil
	}
	d, ok, err := decimalFromValue(v)
	switch {
	case !ok:
		return dst, errGoType(col.t.SQLName(), v, decimalGoTypes)
	case err != nil:
		return dst, col.errorf("%w", err)
	}
	var buf [maxDecimalPairs + 1]byte
	var p Packed
	if col.scale < 0 {
		p, err = col.packFloating(d, buf[:0])
	} else {
		p, err = col.packFixed(d, buf[:0])
	}
	if err != nil {
		return dst, col.errorf("%w", err)
	}
	out, err := appendPackedValue(dst, p, col.width, d)
	if err != nil {
		return dst, col.errorf("%w", err)
	}
	return out, nil
}

// packFixed rounds d to the column's scale and packs it, or fails with
// Informix's -1226 when the integer part is too long.
func (col decColumn) packFixed(d Decimal, buf []byte) (Packed, error) {
	r := d.Round(int32(col.scale))
	if n := integerDigits(r); n > int64(col.prec-col.scale) {
		return Packed{}, fmt.Errorf("%s has %d integer digits, the column holds %d (Informix error -1226)", d.brief(), n, col.prec-col.scale)
	}
	return packDecimal(r, buf)
}

// packFloating rounds d to the column's significant digits and packs it.
func (col decColumn) packFloating(d Decimal, buf []byte) (Packed, error) {
	if lead := integerDigits(d); !d.IsZero() && (lead > maxPackedExp*2+1 || lead < minPackedExp*2-3) {
		return Packed{}, errPackedRange(d)
	}
	return packDecimal(roundDigits(d, col.prec), buf)
}

// integerDigits returns the number of digits left of the decimal point of
// d (zero or negative for |d| < 0.1 … 1): precision plus exponent.
func integerDigits(d Decimal) int64 {
	if d.IsZero() {
		return 0
	}
	return int64(d.Precision()) + int64(d.exp)
}

// roundDigits rounds d half away from zero to n significant digits; d's
// exponent must be moderate (packFloating checks it first).
func roundDigits(d Decimal, n int) Decimal {
	p := d.Precision()
	if p <= n {
		return d
	}
	return d.Round(-d.exp - int32(p-n))
}

// packDecimal converts d to the normalized packed digits of TYPES.md §5.5
// (no leading or trailing zero pairs), into buf's array when it has room
// for 17 pairs. It fails if d has more than 32 significant digits.
func packDecimal(d Decimal, buf []byte) (Packed, error) {
	n := d.normalize()
	if n.IsZero() {
		return Packed{}, nil
	}
	if digits := n.Precision(); digits > maxDecimalDigits {
		return Packed{}, fmt.Errorf("%s has %d significant digits, Informix DECIMAL holds at most %d", d.brief(), digits, maxDecimalDigits)
	}
	coef, exp := n.c, int(n.exp)
	if exp%2 != 0 { // align the digits to base-100 pairs
		coef, _ = coef.mul64(10)
		exp--
	}
	var tmp [maxDecimalPairs + 1]byte
	i := len(tmp)
	for !coef.isZero() {
		var r uint64
		coef, r = coef.divmod64(100)
		i--
		tmp[i] = byte(r)
	}
	return Packed{Neg: n.neg, Exp: len(tmp) - i + exp/2, Digits: append(buf[:0], tmp[i:]...)}, nil
}

// errPackedRange reports a value the packed form cannot hold: its
// base-100 exponent would leave −64..63.
func errPackedRange(d Decimal) error {
	return fmt.Errorf("%s is outside the packed decimal range 10^-130 ≤ |v| < 10^126", d.brief())
}

// appendPackedValue appends p in width bytes after checking its exponent,
// and refuses bytes that would read as NULL (a negative value with base-100
// exponent 63 whose first digit is 99 complements to 00 00). d names the
// value in errors.
func appendPackedValue(dst []byte, p Packed, width int, d Decimal) ([]byte, error) {
	if len(p.Digits) > 0 && (p.Exp < minPackedExp || p.Exp > maxPackedExp) {
		return dst, errPackedRange(d)
	}
	out, err := AppendPacked(dst, p, width)
	if errors.Is(err, ErrPackedNull) {
		return dst, fmt.Errorf("%s cannot be encoded: %w", d.brief(), err)
	}
	return out, err
}

// DecodeBind decodes SQ_BIND value bytes: u16 n, then n packed bytes
// (TYPES.md §4; [W] S1-c). A length prefix that disagrees with the bytes,
// fewer than 2 or more than 18 packed bytes, more than 32 significant
// digits, the NULL form 00 00 and a negative prec are errors.
//
// For DECIMAL, prec is the value's scale ([J: IBM JDBC 15.0.0.1.1's binds,
// conformance/testdata/jdbc/types.golden], [R] S3, libsqli): the result has
// exactly prec fraction digits, so DecodeBind returns the Decimal
// AppendBind was given (with exponent 0 for one above zero), and a value
// with more fraction digits than prec is an error. For MONEY, IBM JDBC
// 15.0.0.1.1 sends prec 0 whatever the value (99.95 as 00 03 c1 63 5f), so
// the scale comes from the packed value: two digits per digit byte after
// the decimal point (99.95, 0.50, 100). A non-zero MONEY prec, which no
// client is known to send, is not read either: the packed bytes hold the
// whole value, and AppendBind, which sends 0, then reproduces what
// DecodeBind returns.
func (c decimalCodec) DecodeBind(prec int16, data []byte, _ CodeSet) (any, error) {
	b, err := c.bindBytes(prec, data)
	if err != nil {
		return nil, err
	}
	neg, coef, exp10, err := unpackDecimal(b, maxDecimalPairs)
	if n := significantDigits(coef); err == nil && n > maxDecimalDigits {
		err = fmt.Errorf("%d significant digits, Informix DECIMAL holds at most %d", n, maxDecimalDigits)
	}
	if err != nil {
		return nil, fmt.Errorf("ifxtype: %v bind: %w", c.code, err)
	}
	// IBM JDBC sends the value's scale, informix-driver the encoded length
	// p<<8|s (docs/protocol.md, "Bind value framing"), and a real server
	// accepts both: the low byte is the scale either way. MONEY (JDBC sends
	// 0) and a floating scale byte 0xFF take the scale from the digits.
	scale := int32(prec) & 0xff
	if c.code == sqli.TypeMoney || scale == 0xff {
		scale = int32(max(0, -exp10))
	}
	d, err := makeDecimal(neg, coef, int32(exp10)).Rescale(scale)
	if err != nil {
		return nil, fmt.Errorf("ifxtype: %v bind: precision field %d gives scale %d: %w", c.code, prec, scale, err)
	}
	return d, nil
}

// significantDigits returns the digits of coef without the one trailing
// zero a last base-100 digit may add (unpackDecimal's coefficient ends
// with a non-zero pair).
func significantDigits(coef u128) int {
	if q, r := coef.divmod64(10); r == 0 && !coef.isZero() {
		return q.digits()
	}
	return coef.digits()
}

// bindBytes checks a bind value's length prefix and precision field and
// returns its packed bytes.
func (c decimalCodec) bindBytes(prec int16, data []byte) ([]byte, error) {
	if len(data) < 2 {
		return nil, fmt.Errorf("ifxtype: %v bind: %d bytes, too short for the u16 length prefix", c.code, len(data))
	}
	n, b := int(binary.BigEndian.Uint16(data)), data[2:]
	switch {
	case n != len(b):
		return nil, fmt.Errorf("ifxtype: %v bind: length prefix says %d bytes, %d follow", c.code, n, len(b))
	case n < 2 || n > maxDecimalWidth:
		return nil, fmt.Errorf("ifxtype: %v bind: %d packed bytes, want 2..%d", c.code, n, maxDecimalWidth)
	case IsNullPacked(b):
		return nil, fmt.Errorf("ifxtype: %v bind: value bytes 00 00 are the NULL form; a NULL parameter has indicator -1", c.code)
	case prec < 0:
		return nil, fmt.Errorf("ifxtype: %v bind: precision field %d is not a scale", c.code, prec)
	}
	return b, nil
}

// AppendBind appends v as SQ_BIND value bytes, u16 n and n packed bytes
// with the fewest base-100 digits that hold the value (at least one), and
// returns the precision field: for DECIMAL the value's scale, for MONEY 0,
// as IBM JDBC 15.0.0.1.1 sends them (conformance/testdata/jdbc/types.golden;
// TYPES.md §4, §4.1): DECIMAL 1234.56 is 00 04 C2 0C 22 38 with precision
// 2, MONEY 99.95 00 03 c1 63 5f with precision 0. The value is sent
// exactly: more than 32 significant digits (Informix DECIMAL's maximum), a
// DECIMAL scale over 32767 and a value outside 10^−130 ≤ |v| < 10^126 are
// errors, never rounded. 32 digits that straddle a pair boundary take 17
// digit bytes, the width of a DECIMAL(32,s) with odd s.
func (c decimalCodec) AppendBind(dst []byte, v any, _ CodeSet) (int16, []byte, error) {
	if v == nil {
		return 0, dst, errNilBind(c.code)
	}
	d, ok, err := decimalFromValue(v)
	switch {
	case !ok:
		return 0, dst, errGoType(c.bindName(), v, decimalGoTypes)
	case err != nil:
		return 0, dst, fmt.Errorf("ifxtype: %s: %w", c.bindName(), err)
	case c.code == sqli.TypeDecimal && d.Exponent() < -math.MaxInt16:
		return 0, dst, fmt.Errorf("ifxtype: %s: scale %d of %s over the 16-bit precision field", c.bindName(), d.Scale(), d.brief())
	}
	var buf [maxDecimalPairs + 1]byte
	p, err := packDecimal(d, buf[:0])
	if err != nil {
		return 0, dst, fmt.Errorf("ifxtype: %s: %w", c.bindName(), err)
	}
	width := 1 + max(1, len(p.Digits))
	out, err := appendPackedValue(binary.BigEndian.AppendUint16(dst, uint16(width)), p, width, d)
	if err != nil {
		return 0, dst, fmt.Errorf("ifxtype: %s: %w", c.bindName(), err)
	}
	if c.code == sqli.TypeMoney {
		return 0, out, nil
	}
	return int16(d.Scale()), out, nil
}

// bindName names the codec's bind values in an error, e.g. "DECIMAL bind";
// it is built only for an error, so that encoding allocates nothing.
func (c decimalCodec) bindName() string { return c.code.String() + " bind" }

// decimalFromValue converts an encoder's argument to a Decimal. ok is
// false for a Go type the DECIMAL codecs do not accept; err reports a value
// of an accepted type that is not a finite decimal.
func decimalFromValue(v any) (d Decimal, ok bool, err error) {
	switch x := v.(type) {
	case Decimal:
		return x, true, nil
	case *big.Int:
		if x == nil {
			return Decimal{}, true, errors.New("nil *big.Int")
		}
		return DecimalFromBigInt(x, 0), true, nil
	case *big.Rat:
		d, err := DecimalFromRat(x)
		return d, true, err
	}
	if n, ok, fits := int64Of(v); ok {
		if !fits { // an unsigned value above math.MaxInt64
			return makeDecimal(false, u128{lo: reflect.ValueOf(v).Uint()}, 0), true, nil
		}
		return DecimalFromInt64(n), true, nil
	}
	if f, single, ok := float64Of(v); ok {
		bitSize := 64
		if single {
			bitSize = 32
		}
		d, err := decimalFromFloat(f, bitSize)
		return d, true, err
	}
	if s, ok := textOf(v); ok {
		d, err := ParseDecimal(s)
		return d, true, err
	}
	return Decimal{}, false, nil
}
