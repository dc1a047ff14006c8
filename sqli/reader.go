package sqli

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// defaultBufferSize is the Reader's initial buffer. An NFETCH batch is
// 4096 bytes of tuples by default (SQLI.md §6.10), so most answers fit twice.
const defaultBufferSize = 8192

// Reader decodes SQLI messages from a byte stream. It buffers the stream,
// bounds every read by the bytes that actually arrived, checks every length
// from the wire against Limits before allocating, and keeps the first error
// (sticky): after a failure every read returns a zero value and Err reports
// the failure.
//
// Slices returned by Bytes, Char and the decoders alias the Reader's buffer.
// They stay valid until the next call to ReadTag, which starts a new message
// and may reuse the buffer.
type Reader struct {
	src      io.Reader
	buf      []byte
	start    int // first unread byte
	end      int // one past the last buffered byte
	msgStart int // first byte of the current message; earlier bytes are free
	err      error
	initial  int
	limits   Limits

	// Features selects the widths of feature-dependent fields.
	Features Features
}

// NewReader returns a Reader over src with default limits and no features.
func NewReader(src io.Reader) *Reader {
	return &Reader{src: src, buf: make([]byte, defaultBufferSize), initial: defaultBufferSize, limits: DefaultLimits}
}

// NewBytesReader returns a Reader over a complete byte slice; reading past
// its end is io.ErrUnexpectedEOF.
func NewBytesReader(b []byte) *Reader {
	return &Reader{buf: b, end: len(b), initial: len(b), limits: DefaultLimits}
}

// SetLimits sets the caps on lengths read from the wire; zero fields take
// their value from DefaultLimits.
func (r *Reader) SetLimits(l Limits) { r.limits = l.withDefaults() }

// Limits returns the caps in force.
func (r *Reader) Limits() Limits { return r.limits }

// Err returns the first error the Reader met, or nil.
func (r *Reader) Err() error { return r.err }

// Fail records err as the Reader's error unless one is already recorded.
// Decoders use it to report an impossible value.
func (r *Reader) Fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

// Failf records a formatted decoding error unless one is already recorded.
func (r *Reader) Failf(format string, args ...any) {
	r.Fail(fmt.Errorf("sqli: "+format, args...))
}

// Buffered returns the number of bytes received but not yet read.
func (r *Reader) Buffered() int { return r.end - r.start }

// TupleBuffered reports whether the next message is an SQ_TUPLE whose
// bytes have all arrived (SQLI.md §6.12: tag, i16 warnings, i32 length,
// the payload and its pad), so that decoding it reads nothing from the
// stream and cannot block. It reads nothing itself, and reports false for
// a length the Limits refuse, leaving the error to the decoder.
func (r *Reader) TupleBuffered() bool {
	const head = 8 // tag, warnings, length
	if r.err != nil || r.end-r.start < head {
		return false
	}
	b := r.buf[r.start:r.end]
	if Tag(binary.BigEndian.Uint16(b)) != TagTuple {
		return false
	}
	n := int64(int32(binary.BigEndian.Uint32(b[4:])))
	if n < 0 || n > int64(r.limits.MaxTuple) {
		return false
	}
	return int64(len(b)) >= head+n+n%2
}

// ReadTag starts a new message and reads its tag. The bytes of the previous
// message are released. A clean end of stream before the tag is io.EOF.
func (r *Reader) ReadTag() (Tag, error) {
	r.beginMessage()
	if r.err != nil {
		return 0, r.err
	}
	if r.start == r.end && !r.fillAny() {
		return 0, r.err
	}
	return Tag(r.Int16()), r.err
}

// PeekTag reports the tag of the next message without consuming it, reading
// from the stream if needed.
func (r *Reader) PeekTag() (Tag, error) {
	if !r.ensure(2) {
		return 0, r.err
	}
	return Tag(binary.BigEndian.Uint16(r.buf[r.start:])), nil
}

// beginMessage releases the bytes before the read position so the buffer can
// be compacted, and shrinks a buffer that grew for one large message.
func (r *Reader) beginMessage() {
	if r.src == nil {
		r.msgStart = r.start
		return
	}
	unread := r.end - r.start
	switch {
	case len(r.buf) > 4*r.initial && unread <= r.initial:
		nb := make([]byte, r.initial)
		copy(nb, r.buf[r.start:r.end])
		r.buf, r.start, r.end = nb, 0, unread
	case unread == 0:
		r.start, r.end = 0, 0
	case r.start > len(r.buf)/2:
		copy(r.buf, r.buf[r.start:r.end])
		r.start, r.end = 0, unread
	}
	r.msgStart = r.start
}

// fillAny reads at least one byte; at a clean end of stream it records io.EOF.
func (r *Reader) fillAny() bool {
	if r.src == nil {
		r.err = io.EOF
		return false
	}
	if r.end == len(r.buf) {
		r.grow()
	}
	for {
		n, err := r.src.Read(r.buf[r.end:])
		r.end += n
		if n > 0 {
			return true
		}
		if err != nil {
			r.err = err
			return false
		}
	}
}

// ensure makes n unread bytes available, reading from the stream and
// growing the buffer geometrically as bytes arrive (so a large declared
// length that never arrives does not allocate its full size up front).
func (r *Reader) ensure(n int) bool {
	if r.err != nil {
		return false
	}
	for r.end-r.start < n {
		if r.src == nil {
			r.err = io.ErrUnexpectedEOF
			return false
		}
		if r.end == len(r.buf) {
			r.grow()
		}
		m, err := r.src.Read(r.buf[r.end:])
		r.end += m
		if err != nil && r.end-r.start < n {
			if errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			r.err = err
			return false
		}
	}
	return true
}

// grow makes room for more bytes. Bytes of the current message that were
// already handed out are never moved within the old array, so slices into
// them stay valid; the buffer at most doubles per call, so memory follows
// the bytes that actually arrived rather than a length the peer declared.
func (r *Reader) grow() {
	keep := r.end - r.msgStart
	if r.start == r.msgStart && r.msgStart > 0 {
		copy(r.buf, r.buf[r.msgStart:r.end])
		r.start, r.end, r.msgStart = 0, keep, 0
		if r.end < len(r.buf) {
			return
		}
	}
	nb := make([]byte, max(2*len(r.buf), defaultBufferSize))
	copy(nb, r.buf[r.msgStart:r.end])
	r.start -= r.msgStart
	r.end -= r.msgStart
	r.msgStart = 0
	r.buf = nb
}

// next returns the next n bytes and consumes them, or nil after a failure.
func (r *Reader) next(n int) []byte {
	if !r.ensure(n) {
		return nil
	}
	b := r.buf[r.start : r.start+n : r.start+n]
	r.start += n
	return b
}

// Peek returns the next n bytes without consuming them, reading from the
// stream if needed, or nil after a failure. The result aliases the buffer
// and is valid until the next read.
func (r *Reader) Peek(n int) []byte {
	if !r.ensure(n) {
		return nil
	}
	return r.buf[r.start : r.start+n : r.start+n]
}

// AtEnd reports whether a Reader over a complete byte slice (NewBytesReader)
// has no bytes left. A Reader over a stream never is at its end: more bytes
// may still arrive.
func (r *Reader) AtEnd() bool { return r.src == nil && r.start == r.end }

// Uint8 reads one byte.
func (r *Reader) Uint8() uint8 {
	if b := r.next(1); b != nil {
		return b[0]
	}
	return 0
}

// Int16 reads a big-endian int16.
func (r *Reader) Int16() int16 { return int16(r.Uint16()) }

// Uint16 reads a big-endian uint16.
func (r *Reader) Uint16() uint16 {
	if b := r.next(2); b != nil {
		return binary.BigEndian.Uint16(b)
	}
	return 0
}

// Int32 reads a big-endian int32.
func (r *Reader) Int32() int32 {
	if b := r.next(4); b != nil {
		return int32(binary.BigEndian.Uint32(b))
	}
	return 0
}

// Int64 reads a big-endian int64.
func (r *Reader) Int64() int64 {
	if b := r.next(8); b != nil {
		return int64(binary.BigEndian.Uint64(b))
	}
	return 0
}

// Skip consumes n bytes.
func (r *Reader) Skip(n int) { r.next(n) }

// Bytes reads n bytes after checking n against limit; what names the field
// in a LimitError. The result aliases the buffer (see Reader).
func (r *Reader) Bytes(n int64, limit int, what string) []byte {
	if !r.checkLen(n, limit, what) {
		return nil
	}
	return r.next(int(n))
}

// PaddedBytes reads n bytes like Bytes, then the pad byte that follows an
// odd-length field (SQLI.md §1.3).
func (r *Reader) PaddedBytes(n int64, limit int, what string) []byte {
	b := r.Bytes(n, limit, what)
	if n%2 == 1 {
		r.next(1)
	}
	return b
}

// checkLen refuses a negative length or one over limit.
func (r *Reader) checkLen(n int64, limit int, what string) bool {
	if r.err != nil {
		return false
	}
	if n < 0 || n > int64(limit) {
		r.err = &LimitError{What: what, Limit: limit, Got: n}
		return false
	}
	return true
}

// Char reads a post-login CHAR: a uint16 length, the bytes, and a pad byte
// when the length is odd (SQLI.md §1.3). The result aliases the buffer.
func (r *Reader) Char(what string) []byte {
	n := int64(r.Uint16())
	return r.PaddedBytes(n, r.limits.MaxChar, what)
}

// String reads a CHAR and copies it into a string.
func (r *Reader) String(what string) string { return string(r.Char(what)) }

// SQLText reads statement text: like a CHAR, but the length is an int32 when
// feature 62 is negotiated (SQLI.md §1.3, §3.6).
func (r *Reader) SQLText(what string) string {
	var n int64
	if r.Features.LongSQL {
		n = int64(r.Int32())
	} else {
		n = int64(r.Uint16())
	}
	return string(r.PaddedBytes(n, r.limits.MaxSQL, what))
}

// Count reads an int16 element count and checks it against limit.
func (r *Reader) Count(limit int, what string) int {
	n := int64(r.Int16())
	if !r.checkLen(n, limit, what) {
		return 0
	}
	return int(n)
}

// ASCString reads a login-packet string: a uint16 length, then that many
// bytes including a trailing NUL, never padded (SQLI.md §1.3). The NUL is
// dropped from the result; a non-empty string without one is an error.
func (r *Reader) ASCString(what string) string {
	n := int64(r.Uint16())
	b := r.Bytes(n, r.limits.MaxChar, what)
	if len(b) == 0 {
		return ""
	}
	if b[len(b)-1] != 0 {
		r.Failf("%s: login string not NUL-terminated", what)
		return ""
	}
	return string(b[:len(b)-1])
}
