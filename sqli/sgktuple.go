package sqli

// SGKTuple (SQ_SGKTUPLE, tag 136; IBM JDBC 15.0.0.1.1 reads it in a method
// named receiveSGKTuple) carries one row of generated keys, laid out as
// the columns of the statement's SQ_SGKDESCRIBE: the values an INSERT
// prepared after SQ_SGKPREPARE generated. It comes before SQ_INSERTDONE
// and SQ_DONE in the answer to the execution (SQLI.md §4 [B: S4]).
//
// Layout: the layout of SQ_TUPLE (Tuple): i16 warnings, i32 length, length
// bytes of row payload, a pad byte when length is odd. Found against IBM
// JDBC 15.0.0.1.1 as a black box (conformance/testdata/jdbc/dml_counts.golden):
// after SQ_SGKDESCRIBE, JDBC's getGeneratedKeys returns the row 88 00 00
// 00 00 00 04 00 00 00 2a carries (42). S4's reading "i16 length 4, i32
// key" is wrong for JDBC 15: given it, JDBC reads the i16, takes the next
// four bytes as a length and waits for data that never comes; without the
// SQ_SGKDESCRIBE it fails with -79716 after reading the i16. JDBC accepted
// warnings 0 and 1 alike.
type SGKTuple struct {
	Tuple
}

// Tag implements Message: it returns the message's tag.
func (*SGKTuple) Tag() Tag       { return TagSGKTuple }
func (*SGKTuple) serverMessage() {}

// Encode implements Message: it appends the message, tag first, to e.
func (m *SGKTuple) Encode(e *Encoder) {
	e.Tag(TagSGKTuple)
	m.encodeBody(e)
}
