package sqli

// RollbackSavepoint (SQ_SQLIRBACKSVPT) rolls the open transaction back to a
// savepoint, like the SQL statement ROLLBACK TO SAVEPOINT. It needs feature
// 56 (SQLI.md §3.6, §6.18; [D: S3]).
//
// Layout: i16 tag, CHAR name.
type RollbackSavepoint struct {
	// Name is the savepoint's name; Encode refuses an empty one.
	Name string
}

// Tag implements Message: it returns the message's tag.
func (*RollbackSavepoint) Tag() Tag       { return TagRollbackSavepoint }
func (*RollbackSavepoint) clientMessage() {}

// Encode implements Message: it appends the message, tag first, to e.
func (m *RollbackSavepoint) Encode(e *Encoder) {
	encodeSavepointName(e, TagRollbackSavepoint, m.Name)
}

// Decode implements Message: it reads the payload that follows the tag from r.
func (m *RollbackSavepoint) Decode(r *Reader) error {
	m.Name = r.String("SQ_SQLIRBACKSVPT name")
	return r.Err()
}
