package ifxtype

import (
	"fmt"

	"github.com/go-informix/informix/sqli"
)

// Codec converts the values of one logical base type between Go and the two
// wire forms: the column bytes inside an SQ_TUPLE row, and the value bytes
// of an SQ_BIND parameter.
//
// Each codec documents the Go types it produces and accepts. Decoders
// return nil for NULL and never keep a reference to their input; decoders
// of malformed bytes return an error, never panic. Encoders refuse a value
// they cannot represent exactly (out of range, too long, a character the
// code set lacks) with an error that says what was wrong.
type Codec interface {
	// Code returns the logical base type this codec handles (Type.Base).
	Code() sqli.TypeCode

	// RowSize returns how many bytes the value at the start of b takes in
	// a row of type t (TYPES.md §3.3). In a fixed-layout row (sequential
	// false) a column takes its declared width; in a sequential row the
	// variable-length types carry their own length.
	RowSize(t Type, b []byte, sequential bool) (int, error)

	// DecodeRow decodes one column from exactly its bytes in a row.
	DecodeRow(t Type, b []byte, sequential bool, cs CodeSet) (any, error)

	// AppendRow appends v (nil for NULL) as a column of type t in a row.
	AppendRow(dst []byte, t Type, v any, sequential bool, cs CodeSet) ([]byte, error)

	// DecodeBind decodes a non-NULL SQ_BIND value of this type; data is the
	// value as sqli.Bind framed it (any length prefix included, pad excluded).
	DecodeBind(prec int16, data []byte, cs CodeSet) (any, error)

	// AppendBind appends v, which must not be nil, as an SQ_BIND value of
	// this type and returns the precision field to send with it.
	AppendBind(dst []byte, v any, cs CodeSet) (prec int16, out []byte, err error)
}

// CodeSet converts character data between Go strings (UTF-8) and the bytes
// of an Informix code set (TYPES.md §7).
type CodeSet interface {
	// Name returns the Informix name of the code set, e.g. "utf8" or "8859-1".
	Name() string
	// Number returns the Informix code-set number, e.g. 57372 or 819.
	Number() int
	// Append appends s in this code set, or fails naming the first
	// character the code set cannot hold and its position.
	Append(dst []byte, s string) ([]byte, error)
	// Decode returns b as a Go string, or fails on a byte sequence that is
	// not valid in this code set.
	Decode(b []byte) (string, error)
}

// registry holds the codecs by logical base type, which is the low byte
// of a type code (Type.Base): an array, so that CodecFor, called for every
// bind value, costs an index rather than a map lookup.
var registry [256]Codec

// register adds c to the registry; it panics on a duplicate or a code
// over one byte, which are programming errors caught by any test run.
func register(c Codec) {
	code := c.Code()
	if code > 0xff || registry[code] != nil {
		panic(fmt.Sprintf("ifxtype: codec for %v registered twice or not a base type", code))
	}
	registry[code] = c
}

// CodecFor returns the codec of t's logical base type.
func CodecFor(t Type) (Codec, error) {
	if c := registry[t.Base()&0xff]; c != nil {
		return c, nil
	}
	return nil, fmt.Errorf("ifxtype: no codec for type %v (code %d, xid %d, name %q)", t.Base(), t.Code, t.XID, t.Name)
}

// Codecs returns every registered codec, ordered by type code.
func Codecs() []Codec {
	var out []Codec
	for _, c := range registry {
		if c != nil {
			out = append(out, c)
		}
	}
	return out
}
