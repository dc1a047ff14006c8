package ifxtype

import (
	"fmt"
	"math"
	"reflect"

	"github.com/go-informix/informix/sqli"
)

// This file holds the small helpers the scalar codecs share: turning the Go
// values a caller hands an encoder into int64, float64 or text, and the
// errors every codec words the same way.

// int64Of returns v as an int64 when v is a Go integer of any kind: int,
// int8 … int64, uint, uint8 … uint64, uintptr, or a named type of one of
// those kinds. ok is false when v is not an integer. fits is false when v is
// an unsigned value above math.MaxInt64, which no Informix integer type
// holds; n is then meaningless.
func int64Of(v any) (n int64, ok, fits bool) {
	switch x := v.(type) {
	case int64:
		return x, true, true
	case int:
		return int64(x), true, true
	case int32:
		return int64(x), true, true
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rv.Int(), true, true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		u := rv.Uint()
		return int64(u), true, u <= math.MaxInt64
	}
	return 0, false, false
}

// float64Of returns v as a float64 when v is a float32, a float64 or a named
// type of either kind; single reports a float32 kind. The conversion from
// float32 is exact.
func float64Of(v any) (f float64, single, ok bool) {
	switch x := v.(type) {
	case float64:
		return x, false, true
	case float32:
		return float64(x), true, true
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Float32:
		return rv.Float(), true, true
	case reflect.Float64:
		return rv.Float(), false, true
	}
	return 0, false, false
}

// intToFloat converts n to a float64, first rounded to float32 precision
// when single, and reports whether the result equals n exactly. Every
// integer of magnitude up to 2^53 (2^24 for single) is exact.
func intToFloat(n int64, single bool) (float64, bool) {
	f := float64(n)
	if single {
		f = float64(float32(n))
	}
	// Rounding can reach 2^63, which is not an int64 (and not n).
	if f >= math.MaxInt64 {
		return f, false
	}
	return f, int64(f) == n
}

// textOf returns v as text when it is a string or a []byte, which is read
// as UTF-8 text like a string; ok is false for any other type.
func textOf(v any) (s string, ok bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case []byte:
		return string(x), true
	}
	return "", false
}

// shortValue formats v for an error message, cut to 40 bytes so that a
// huge value does not flood the message.
func shortValue(v any) string {
	s := fmt.Sprintf("%v", v)
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// errGoType reports a Go value an encoder of type what does not accept;
// want lists the Go types it does accept.
func errGoType(what string, v any, want string) error {
	return fmt.Errorf("ifxtype: %s: cannot encode %T value %s; want %s", what, v, shortValue(v), want)
}

// errNilBind reports a nil value given to AppendBind: a NULL parameter is
// sent with indicator -1 and no value bytes (SQLI.md §6.7).
func errNilBind(code sqli.TypeCode) error {
	return fmt.Errorf("ifxtype: %v: nil has no bind value; a NULL parameter is sent with indicator -1", code)
}

// errNoCodeSet reports a character codec called without a code set.
func errNoCodeSet(what string) error {
	return fmt.Errorf("ifxtype: %s: no code set given for character data", what)
}

// fixedRowSize is RowSize for a type whose value always takes width bytes,
// in either row layout (TYPES.md §3.3): it fails when b holds fewer.
func fixedRowSize(code sqli.TypeCode, width int, b []byte) (int, error) {
	if len(b) < width {
		return 0, fmt.Errorf("ifxtype: %v needs %d bytes, %d left in the row", code, width, len(b))
	}
	return width, nil
}

// errWidth reports a fixed-width value given the wrong number of bytes.
func errWidth(code sqli.TypeCode, want, got int) error {
	return fmt.Errorf("ifxtype: %v value is %d bytes, want %d", code, got, want)
}
