package sqli

// serverMessages lists every message type a server may send, by tag.
var serverMessages = map[Tag]func() ServerMessage{
	TagEOT:   func() ServerMessage { return new(EOT) },
	TagExit:  func() ServerMessage { return new(Exit) },
	TagClose: func() ServerMessage { return new(Close) },
	TagDone:  func() ServerMessage { return new(Done) },
	TagTuple: func() ServerMessage { return new(Tuple) },
	TagErr:   func() ServerMessage { return new(ErrorResponse) },
}

// clientMessages lists every message type a client may send, by tag.
var clientMessages = map[Tag]func() ClientMessage{
	TagEOT:        func() ClientMessage { return new(EOT) },
	TagExit:       func() ClientMessage { return new(Exit) },
	TagPrepare:    func() ClientMessage { return new(Prepare) },
	TagNDescribe:  func() ClientMessage { return new(NDescribe) },
	TagWantDone:   func() ClientMessage { return new(WantDone) },
	TagOpen:       func() ClientMessage { return new(Open) },
	TagExecute:    func() ClientMessage { return new(Execute) },
	TagClose:      func() ClientMessage { return new(Close) },
	TagRelease:    func() ClientMessage { return new(Release) },
	TagHold:       func() ClientMessage { return new(Hold) },
	TagAutoFree:   func() ClientMessage { return new(AutoFree) },
	TagScroll:     func() ClientMessage { return new(Scroll) },
	TagCIDescribe: func() ClientMessage { return new(CIDescribe) },
	TagBegin:      func() ClientMessage { return new(Begin) },
	TagCommitWork: func() ClientMessage { return new(CommitWork) },
	TagDBClose:    func() ClientMessage { return new(DBClose) },
	TagBatchStart: func() ClientMessage { return new(BatchStart) },
	TagBatchEnd:   func() ClientMessage { return new(BatchEnd) },
}
