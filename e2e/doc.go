// Package e2e holds the end-to-end suite of go-informix: tests that drive
// the driver only through database/sql (sql.Open("informix", …),
// informix.NewConnector with sql.OpenDB) against a server, as a program
// would. The package has no code of its own; everything is in its _test.go
// files:
//
//	main_test.go         the target server (ifxtest or IFX_TEST_DSN), and helpers
//	wire_test.go         a dial hook that records and faults a connection's bytes
//	config_test.go       DSN forms, environment fallback, timeouts, fetch size, options
//	tls_test.go          the TLS modes against a self-signed certificate
//	types_test.go        every value of conformance/testdata/types.tsv, bound and read back
//	bind_test.go         every Go kind bound, what is refused, code sets
//	scan_test.go         every type scanned into each kind of destination
//	columns_test.go      Rows.ColumnTypes for every type
//	statements_test.go   Exec, Query, prepared statements, serials, streaming, DDL
//	interleave_test.go   statements run while a Rows of the connection is open
//	tx_test.go           transactions, savepoints, isolation, logging modes
//	cancel_test.go       context cancellation and its races
//	errors_test.go       *informix.Error, sentinels, retry safety, lost servers
//	concurrency_test.go  one *sql.DB shared by many goroutines; pool reuse
//	jdbc_test.go         the driver's bytes equal IBM JDBC's golden transcripts
//
// informix/create-databases.sh creates the four databases in the container
// of ../compose.yaml.
//
// Without IFX_TEST_DSN the tests run against an in-process ifxtest server
// holding four databases (logged testdb, nologdb without logging, ANSI
// ansidb, utf8db in en_US.utf8). With IFX_TEST_DSN=informix://… (or the
// JDBC form) they run against that server; IFX_TEST_DSN_NOLOG,
// IFX_TEST_DSN_ANSI and IFX_TEST_DSN_UTF8 name the extra databases, and a
// test that needs one that was not given is skipped with a message (only
// then: against ifxtest nothing is skipped). A few tests always use an
// in-process ifxtest whatever the target, because they need a server this
// suite controls: the TLS policy (a certificate the test made) and the
// comparison with IBM JDBC's bytes (the goldens were recorded against
// ifxtest). The README's "Running the suite against a real server" gives
// the commands.
//
// The suite lives in its own directory rather than beside the root
// package's tests so that its helpers share no namespace with
// package informix_test (the examples) or with other test files at the
// module root, and so that it can be run on its own:
// go test -race ./e2e.
package e2e
