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

func (*ReleaseSavepoint) Tag() Tag       { return TagReleaseSavepoint }
func (*ReleaseSavepoint) clientMessage() {}

func (m *ReleaseSavepoint) Encode(e *Encoder) {
	encodeSavepointName(e, TagReleaseSavepoint, m.Name)
}

func (m *ReleaseSavepoint) Decode(r *Reader) error {
	m.Name = r.String("SQ_SQLIRELSVPT name")
	return r.Err()
}
