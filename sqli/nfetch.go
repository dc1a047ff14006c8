package sqli

// NFetch (SQ_NFETCH) asks for the next batch of rows of the cursor given by
// the preceding SQ_ID. The server answers with as many whole SQ_TUPLE
// messages as fit in BufferSize bytes, then possibly an end marker (SQ_DONE,
// SQ_ERR 100 or SQ_CLOSE), then SQ_EOT (SQLI.md §6.10, §7.2; [W: S1, S2;
// D: S3, S5; B: S4]).
//
// Layout: i16 tag, i32 bufferSize, i16 arraySize.
//
// Open question (SQLI.md open question 23): S10, replaying IDS 11.50-era
// JDBC bytes, sends the buffer size as an i16 (00 09 10 00 00 00). Whether
// the i32 form is tied to a feature bit is unknown; this type always uses
// the i32 form, which S1 found the only one that works with VARCHAR rows on
// current servers.
type NFetch struct {
	// BufferSize is the number of bytes of tuples the server may send in
	// this batch. JDBC uses the larger of the row size and 4096, and caps it
	// at 32767 unless the server supports large fetch buffers (SQLI.md §6.10).
	BufferSize int32
	// ArraySize is 0 in every source.
	ArraySize int16
}

// Tag implements Message: it returns the message's tag.
func (*NFetch) Tag() Tag       { return TagNFetch }
func (*NFetch) clientMessage() {}

// Encode implements Message: it appends the message, tag first, to e.
func (m *NFetch) Encode(e *Encoder) {
	e.Tag(TagNFetch)
	e.Int32(m.BufferSize)
	e.Int16(m.ArraySize)
}

// Decode implements Message: it reads the payload that follows the tag from r.
func (m *NFetch) Decode(r *Reader) error {
	m.BufferSize = r.Int32()
	m.ArraySize = r.Int16()
	return r.Err()
}
