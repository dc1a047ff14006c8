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

func (*RollbackSavepoint) Tag() Tag       { return TagRollbackSavepoint }
func (*RollbackSavepoint) clientMessage() {}

func (m *RollbackSavepoint) Encode(e *Encoder) {
	encodeSavepointName(e, TagRollbackSavepoint, m.Name)
}

func (m *RollbackSavepoint) Decode(r *Reader) error {
	m.Name = r.String("SQ_SQLIRBACKSVPT name")
	return r.Err()
}
