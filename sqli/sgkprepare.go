package sqli

// SGKPrepare (SQ_SGKPREPARE, tag 134, the name IBM JDBC 15.0.0.1.1's log
// gives it) asks the server to report the keys an INSERT generates. JDBC
// puts it between SQ_PREPARE and SQ_NDESCRIBE in the PREPARE group of a
// statement prepared with Statement.RETURN_GENERATED_KEYS, whether or not
// feature 48 (auto-generated keys) is granted (SQLI.md §4, §6.2; [B: S4];
// conformance/testdata/jdbc/dml_counts.golden). The server answers it in
// that group with SQ_SGKDESCRIBE (SGKDescribe), and each execution of the
// INSERT with SQ_SGKTUPLE (SGKTuple).
//
// Layout: i16 tag, i16 flag. Every sample (S4's JDBC bytes, IBM JDBC
// 15.0.0.1.1) has flag 1, which JDBC logs as "returnGeneratedKey: 1";
// what other values would mean is not published, so Decode keeps the
// value as read.
type SGKPrepare struct {
	// ReturnKeys is the i16 after the tag: 1 in every known sample.
	ReturnKeys int16
}

// Tag implements Message: it returns the message's tag.
func (*SGKPrepare) Tag() Tag       { return TagSGKPrepare }
func (*SGKPrepare) clientMessage() {}

// Encode implements Message: it appends the message, tag first, to e.
func (m *SGKPrepare) Encode(e *Encoder) {
	e.Tag(TagSGKPrepare)
	e.Int16(m.ReturnKeys)
}

// Decode implements Message: it reads the payload that follows the tag from r.
func (m *SGKPrepare) Decode(r *Reader) error {
	m.ReturnKeys = r.Int16()
	return r.Err()
}
