package sqli

// Fuzz seeds beyond the zero value of each registered message. Each
// message's test file adds its own non-trivial samples at package level:
//
//	var _ = addServerSamples(&Done{Rows: 7})
var (
	serverSampleList []ServerMessage
	clientSampleList []ClientMessage
)

func addServerSamples(ms ...ServerMessage) bool {
	serverSampleList = append(serverSampleList, ms...)
	return true
}

func addClientSamples(ms ...ClientMessage) bool {
	clientSampleList = append(clientSampleList, ms...)
	return true
}

func serverSamples() []ServerMessage { return serverSampleList }

func clientSamples() []ClientMessage { return clientSampleList }

var _ = addServerSamples(
	&Tuple{Data: []byte{0, 0, 0, 42, 3, 'a', 'b', 'c'}},
	&Done{Warnings: 3, Rows: 7, RowID: 257, Serial: 9},
	&ErrorResponse{SQLCode: -206, Offset: 14, Message: "nosuchtable"},
)

var _ = addClientSamples(
	&Prepare{ParamCount: 1, SQL: "SELECT tabname FROM systables WHERE tabid > ?"},
)
