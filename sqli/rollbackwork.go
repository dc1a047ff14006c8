package sqli

// RollbackWork (SQ_RBWORK) rolls back the transaction. The server answers
// with SQ_XACTSTAT (probably) and SQ_EOT (SQLI.md §6.18, §7.5).
//
// Layout, as sent by default: i16 tag, i16 0. With Bare set: i16 tag alone.
//
// The i16 0 settles SQLI.md open question 3 (§6.18 [X]): IBM JDBC
// 15.0.0.1.1 sends 00 14 00 00 for Connection.rollback
// (conformance/testdata/jdbc/transactions.golden), as S3, a driver run
// against live servers, does; S4's JDBC bytes hold no rollback at all.
//
// Decode accepts both forms by looking at the next two bytes: the optional
// field is always 0, and no message a client sends has tag 0. It therefore
// needs the next message's tag (in a real group at least SQ_EOT) to be
// readable; on a Reader over a complete byte slice, the end of the slice
// right after the tag is the bare form.
type RollbackWork struct {
	// Bare selects the form without the int16 0, which no client is known
	// to send (S4 shows JDBC sending SQ_BEGIN and SQ_CMMTWORK bare); it is
	// kept so that a decoder meeting it can say so. Decode sets it to the
	// form it met.
	Bare bool
}

// Tag implements Message: it returns the message's tag.
func (*RollbackWork) Tag() Tag       { return TagRollbackWork }
func (*RollbackWork) clientMessage() {}

// Encode implements Message: it appends the message, tag first, to e.
func (m *RollbackWork) Encode(e *Encoder) {
	e.Tag(TagRollbackWork)
	if !m.Bare {
		e.Int16(0)
	}
}

// Decode implements Message: it reads the payload that follows the tag from r.
func (m *RollbackWork) Decode(r *Reader) error {
	m.Bare = !rollbackFieldFollows(r)
	if !m.Bare {
		r.Skip(2)
	}
	return r.Err()
}

// rollbackFieldFollows reports whether the int16 0 of JDBC's SQ_RBWORK form
// comes next. On a stream it waits for two more bytes; a failure to get
// them is recorded in r and reported as false.
func rollbackFieldFollows(r *Reader) bool {
	if r.AtEnd() {
		return false
	}
	next, err := r.PeekTag()
	return err == nil && next == 0
}
