// Package ifxtest is an in-process server that speaks Informix's native
// SQLI wire protocol and behaves like an IBM Informix database server, so
// that tests can run Informix clients (this module's driver, IBM's JDBC
// driver, informix-driver) without one.
//
// Start a server, point a client at Server.Addr or Server.DSN, and Close it
// at the end:
//
//	srv, err := ifxtest.Start(ifxtest.Config{})
//	if err != nil { … }
//	defer srv.Close()
//	db, err := sql.Open("informix", srv.DSN("testdb"))
//
// The server half of the protocol (login, SQ_PROTOCOLS, statements,
// cursors and fetch batching, OPTOFC's closing of a cursor after its last
// row, transactions, the TCP urgent-byte interrupt) is implemented here on package sqli's messages and package ifxtype's
// value codecs; SQL runs in an internal engine on SQLite that keeps
// Informix types in its own catalog. Each choice where the public evidence
// is silent or disagrees is named in a comment with the SQLI.md section or
// the client observation it rests on.
//
// Replay mode (Config.Replay, ReplayTable, BenchTables) serves tables from
// rows encoded once at start-up, so that a benchmark measures its clients
// and not the server: a fetch answer is a copy of the next encoded rows.
package ifxtest
