package sqli

// This file holds the messages that are a bare tag with no payload. They
// share one file because each is four one-line methods; the layout of each
// is "i16 tag" (SQLI.md §4, §6.3, §6.14, §6.15, §6.18, §7.8).

// EOT (SQ_EOT) ends a request or an answer group; both sides send it.
type EOT struct{}

// NDescribe (SQ_NDESCRIBE) asks for the result description, with names, of
// the statement just prepared.
type NDescribe struct{}

// WantDone (SQ_WANTDONE) asks for an SQ_DONE after a PREPARE.
type WantDone struct{}

// Open (SQ_OPEN) opens the cursor of the statement named by the preceding SQ_ID.
type Open struct{}

// Execute (SQ_EXECUTE) runs the statement named by the preceding SQ_ID.
type Execute struct{}

// Close (SQ_CLOSE) closes a cursor. The client sends it after SQ_ID; the
// server sends it inside a fetch answer when it closed the cursor itself.
type Close struct{}

// Release (SQ_RELEASE) frees the statement named by the preceding SQ_ID.
type Release struct{}

// Hold (SQ_HOLD) makes the cursor being opened a WITH HOLD cursor.
type Hold struct{}

// AutoFree (SQ_AUTOFREE) asks the server to free the statement when its
// cursor closes.
type AutoFree struct{}

// Scroll (SQ_SCROLL) makes the cursor being opened scrollable.
type Scroll struct{}

// CIDescribe (SQ_CIDESCRIBE) asks for the description of the statement's
// input parameters (answered by SQ_IDESCRIBE).
type CIDescribe struct{}

// Begin (SQ_BEGIN) starts a transaction.
type Begin struct{}

// CommitWork (SQ_CMMTWORK) commits the transaction.
type CommitWork struct{}

// DBClose (SQ_DBCLOSE) closes the current database.
type DBClose struct{}

// Exit (SQ_EXIT) ends the session. JDBC sends it alone, without SQ_EOT, and
// the server answers with the same bare tag (SQLI.md §7.8).
type Exit struct{}

// BatchStart (SQ_BATCHSTART) opens a batch of executions (SQLI.md §7.3; [D: S3]).
type BatchStart struct{}

// BatchEnd (SQ_BATCHEND) closes a batch of executions.
type BatchEnd struct{}

func (*EOT) Tag() Tag        { return TagEOT }
func (*NDescribe) Tag() Tag  { return TagNDescribe }
func (*WantDone) Tag() Tag   { return TagWantDone }
func (*Open) Tag() Tag       { return TagOpen }
func (*Execute) Tag() Tag    { return TagExecute }
func (*Close) Tag() Tag      { return TagClose }
func (*Release) Tag() Tag    { return TagRelease }
func (*Hold) Tag() Tag       { return TagHold }
func (*AutoFree) Tag() Tag   { return TagAutoFree }
func (*Scroll) Tag() Tag     { return TagScroll }
func (*CIDescribe) Tag() Tag { return TagCIDescribe }
func (*Begin) Tag() Tag      { return TagBegin }
func (*CommitWork) Tag() Tag { return TagCommitWork }
func (*DBClose) Tag() Tag    { return TagDBClose }
func (*Exit) Tag() Tag       { return TagExit }
func (*BatchStart) Tag() Tag { return TagBatchStart }
func (*BatchEnd) Tag() Tag   { return TagBatchEnd }

func (m *EOT) Encode(e *Encoder)        { e.Tag(m.Tag()) }
func (m *NDescribe) Encode(e *Encoder)  { e.Tag(m.Tag()) }
func (m *WantDone) Encode(e *Encoder)   { e.Tag(m.Tag()) }
func (m *Open) Encode(e *Encoder)       { e.Tag(m.Tag()) }
func (m *Execute) Encode(e *Encoder)    { e.Tag(m.Tag()) }
func (m *Close) Encode(e *Encoder)      { e.Tag(m.Tag()) }
func (m *Release) Encode(e *Encoder)    { e.Tag(m.Tag()) }
func (m *Hold) Encode(e *Encoder)       { e.Tag(m.Tag()) }
func (m *AutoFree) Encode(e *Encoder)   { e.Tag(m.Tag()) }
func (m *Scroll) Encode(e *Encoder)     { e.Tag(m.Tag()) }
func (m *CIDescribe) Encode(e *Encoder) { e.Tag(m.Tag()) }
func (m *Begin) Encode(e *Encoder)      { e.Tag(m.Tag()) }
func (m *CommitWork) Encode(e *Encoder) { e.Tag(m.Tag()) }
func (m *DBClose) Encode(e *Encoder)    { e.Tag(m.Tag()) }
func (m *Exit) Encode(e *Encoder)       { e.Tag(m.Tag()) }
func (m *BatchStart) Encode(e *Encoder) { e.Tag(m.Tag()) }
func (m *BatchEnd) Encode(e *Encoder)   { e.Tag(m.Tag()) }

func (*EOT) Decode(r *Reader) error        { return r.Err() }
func (*NDescribe) Decode(r *Reader) error  { return r.Err() }
func (*WantDone) Decode(r *Reader) error   { return r.Err() }
func (*Open) Decode(r *Reader) error       { return r.Err() }
func (*Execute) Decode(r *Reader) error    { return r.Err() }
func (*Close) Decode(r *Reader) error      { return r.Err() }
func (*Release) Decode(r *Reader) error    { return r.Err() }
func (*Hold) Decode(r *Reader) error       { return r.Err() }
func (*AutoFree) Decode(r *Reader) error   { return r.Err() }
func (*Scroll) Decode(r *Reader) error     { return r.Err() }
func (*CIDescribe) Decode(r *Reader) error { return r.Err() }
func (*Begin) Decode(r *Reader) error      { return r.Err() }
func (*CommitWork) Decode(r *Reader) error { return r.Err() }
func (*DBClose) Decode(r *Reader) error    { return r.Err() }
func (*Exit) Decode(r *Reader) error       { return r.Err() }
func (*BatchStart) Decode(r *Reader) error { return r.Err() }
func (*BatchEnd) Decode(r *Reader) error   { return r.Err() }

func (*EOT) clientMessage()        {}
func (*EOT) serverMessage()        {}
func (*NDescribe) clientMessage()  {}
func (*WantDone) clientMessage()   {}
func (*Open) clientMessage()       {}
func (*Execute) clientMessage()    {}
func (*Close) clientMessage()      {}
func (*Close) serverMessage()      {}
func (*Release) clientMessage()    {}
func (*Hold) clientMessage()       {}
func (*AutoFree) clientMessage()   {}
func (*Scroll) clientMessage()     {}
func (*CIDescribe) clientMessage() {}
func (*Begin) clientMessage()      {}
func (*CommitWork) clientMessage() {}
func (*DBClose) clientMessage()    {}
func (*Exit) clientMessage()       {}
func (*Exit) serverMessage()       {}
func (*BatchStart) clientMessage() {}
func (*BatchEnd) clientMessage()   {}
