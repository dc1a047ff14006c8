package sqli

import (
	"encoding/binary"
	"fmt"
	"math"
)

// Encoder appends SQLI fields to a byte slice. Like Reader, it keeps the
// first error: a value that cannot be represented (a CHAR over 65 535 bytes,
// a count over 32 767) is refused rather than truncated, and nothing encoded
// after the failure counts. Writer and Encode check Err before using Bytes.
type Encoder struct {
	buf []byte
	err error

	// Features selects the widths of feature-dependent fields.
	Features Features
}

// NewEncoder returns an Encoder that appends to dst.
func NewEncoder(dst []byte, f Features) *Encoder { return &Encoder{buf: dst, Features: f} }

// Bytes returns the encoded bytes.
func (e *Encoder) Bytes() []byte { return e.buf }

// Err returns the first error, or nil.
func (e *Encoder) Err() error { return e.err }

// Len returns the number of bytes encoded so far.
func (e *Encoder) Len() int { return len(e.buf) }

// Fail records err unless an error is already recorded.
func (e *Encoder) Fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

// Failf records a formatted encoding error unless one is already recorded.
func (e *Encoder) Failf(format string, args ...any) {
	e.Fail(fmt.Errorf("sqli: "+format, args...))
}

// Tag appends a message tag.
func (e *Encoder) Tag(t Tag) { e.Int16(int16(t)) }

// Uint8 appends one byte.
func (e *Encoder) Uint8(v uint8) { e.buf = append(e.buf, v) }

// Int16 appends a big-endian int16.
func (e *Encoder) Int16(v int16) { e.buf = binary.BigEndian.AppendUint16(e.buf, uint16(v)) }

// Uint16 appends a big-endian uint16.
func (e *Encoder) Uint16(v uint16) { e.buf = binary.BigEndian.AppendUint16(e.buf, v) }

// Int32 appends a big-endian int32.
func (e *Encoder) Int32(v int32) { e.buf = binary.BigEndian.AppendUint32(e.buf, uint32(v)) }

// Int64 appends a big-endian int64.
func (e *Encoder) Int64(v int64) { e.buf = binary.BigEndian.AppendUint64(e.buf, uint64(v)) }

// Raw appends bytes as they are.
func (e *Encoder) Raw(b []byte) { e.buf = append(e.buf, b...) }

// RawString appends the bytes of s as they are.
func (e *Encoder) RawString(s string) { e.buf = append(e.buf, s...) }

// Zeros appends n zero bytes.
func (e *Encoder) Zeros(n int) {
	for range n {
		e.buf = append(e.buf, 0)
	}
}

// Pad appends the zero byte that follows a field of odd length n.
func (e *Encoder) Pad(n int) {
	if n%2 == 1 {
		e.buf = append(e.buf, 0)
	}
}

// Count appends an int16 element count, refusing one that does not fit.
func (e *Encoder) Count(n int, what string) {
	if n < 0 || n > math.MaxInt16 {
		e.Failf("%s: count %d does not fit in an int16", what, n)
		return
	}
	e.Int16(int16(n))
}

// Length32 appends n as an int32 length, refusing one that does not fit.
func (e *Encoder) Length32(n int, what string) {
	if n < 0 || n > math.MaxInt32 {
		e.Failf("%s: length %d does not fit in an int32", what, n)
		return
	}
	e.Int32(int32(n))
}

// Char appends a post-login CHAR: uint16 length, bytes, pad when odd.
func (e *Encoder) Char(s string, what string) {
	if len(s) > math.MaxUint16 {
		e.Failf("%s: %d bytes do not fit in a CHAR (max 65535)", what, len(s))
		return
	}
	e.Uint16(uint16(len(s)))
	e.RawString(s)
	e.Pad(len(s))
}

// CharBytes appends a CHAR whose content is b.
func (e *Encoder) CharBytes(b []byte, what string) {
	if len(b) > math.MaxUint16 {
		e.Failf("%s: %d bytes do not fit in a CHAR (max 65535)", what, len(b))
		return
	}
	e.Uint16(uint16(len(b)))
	e.Raw(b)
	e.Pad(len(b))
}

// SQLText appends statement text: an int32 length with feature 62, a uint16
// length otherwise, then the bytes and a pad when odd (SQLI.md §1.3).
func (e *Encoder) SQLText(s string, what string) {
	if e.Features.LongSQL {
		if len(s) > math.MaxInt32 {
			e.Failf("%s: %d bytes of statement text do not fit in an int32", what, len(s))
			return
		}
		e.Int32(int32(len(s)))
	} else {
		if len(s) > math.MaxUint16 {
			e.Failf("%s: %d bytes of statement text need feature 62 (max 65535 without it)", what, len(s))
			return
		}
		e.Uint16(uint16(len(s)))
	}
	e.RawString(s)
	e.Pad(len(s))
}

// ASCString appends a login-packet string: uint16 length counting a trailing
// NUL, the bytes, the NUL, never padded (SQLI.md §1.3).
func (e *Encoder) ASCString(s string, what string) {
	if len(s)+1 > math.MaxUint16 {
		e.Failf("%s: %d bytes do not fit in a login string", what, len(s))
		return
	}
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			e.Failf("%s: login string holds a NUL byte at offset %d", what, i)
			return
		}
	}
	e.Uint16(uint16(len(s) + 1))
	e.RawString(s)
	e.Uint8(0)
}

// Encode returns the bytes of m encoded with features f.
func Encode(m Message, f Features) ([]byte, error) {
	e := NewEncoder(nil, f)
	m.Encode(e)
	return e.buf, e.err
}
