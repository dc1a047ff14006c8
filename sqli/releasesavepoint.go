package sqli

// ReleaseSavepoint (SQ_SQLIRELSVPT) releases a savepoint of the open
// transaction, like the SQL statement RELEASE SAVEPOINT. It needs feature 56
// (SQLI.md §3.6, §6.18; [D: S3]).
//
// Layout: i16 tag, CHAR name.
type ReleaseSavepoint struct {
	// Name is the savepoint's name; Encode refuses an empty one.
	Name string
}

// Tag implements Message: it returns the message's tag.
func (*ReleaseSavepoint) Tag() Tag       { return TagReleaseSavepoint }
func (*ReleaseSavepoint) clientMessage() {}

// Encode implements Message: it appends the message, tag first, to e.
func (m *ReleaseSavepoint) Encode(e *Encoder) {
	encodeSavepointName(e, TagReleaseSavepoint, m.Name)
}

// Decode implements Message: it reads the payload that follows the tag from r.
func (m *ReleaseSavepoint) Decode(r *Reader) error {
	m.Name = r.String("SQ_SQLIRELSVPT name")
	return r.Err()
}
