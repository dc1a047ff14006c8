package sqli

// Tuple (SQ_TUPLE) carries one row (SQLI.md §6.12; [W: S1; J: S2; D: S3, S5]).
//
// Layout: i16 warnings, i32 length, length bytes of row payload, one pad byte
// when length is odd. The payload holds the column values back to back with
// no alignment between them (TYPES.md §3.2); ifxtype splits it into columns.
type Tuple struct {
	Warnings int16
	// Data is the row payload. After Decode it aliases the Reader's buffer
	// and is valid until the Reader starts the next message.
	Data []byte
}

// Tag implements Message: it returns the message's tag.
func (*Tuple) Tag() Tag       { return TagTuple }
func (*Tuple) serverMessage() {}

// Encode implements Message: it appends the message, tag first, to e.
func (m *Tuple) Encode(e *Encoder) {
	e.Tag(TagTuple)
	m.encodeBody(e)
}

// encodeBody writes the payload after the tag; SGKTuple shares it.
func (m *Tuple) encodeBody(e *Encoder) {
	e.Int16(m.Warnings)
	e.Length32(len(m.Data), "SQ_TUPLE length")
	e.Raw(m.Data)
	e.Pad(len(m.Data))
}

// Decode implements Message: it reads the payload that follows the tag from r.
func (m *Tuple) Decode(r *Reader) error {
	m.Warnings = r.Int16()
	n := int64(r.Int32())
	m.Data = r.PaddedBytes(n, r.limits.MaxTuple, "SQ_TUPLE length")
	return r.Err()
}
