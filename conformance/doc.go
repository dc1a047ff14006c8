// Package conformance is the oracle harness of go-informix: it runs clients
// we did not write, IBM's JDBC driver (as a black box) and the pure-Python
// informix-driver, against cmd/ifxtestd, and records what they exchange.
//
// Everything lives in its tests. conformance_test.go builds and starts
// ifxtestd, runs every scenario of jdbc/Scenarios.java (varchar_params in
// jdbc/VarcharParams.java) and python/scenarios.py as a subtest, and
// compares each scenario's wire log, decoded with package sqli into a
// transcript, with a golden file under testdata/ (go test ./conformance
// -update rewrites them). bind_test.go holds ifxtype's bind encoders and
// row decoders to the bytes JDBC sent and read in those transcripts.
// matrix_test.go derives the conformance matrix of docs/protocol.md (which
// oracle shows each message and each type, each way) from the golden files
// and keeps the document equal to it. setup.sh installs the oracles into
// the repository's .cache/; scripts/test.sh runs it and sets IFX_ORACLES=1.
package conformance
