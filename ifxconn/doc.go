// Package ifxconn is one live connection to an Informix server over SQLI,
// Informix's native wire protocol: dial, TLS, login, feature negotiation,
// the statement lifecycle, the streaming fetch, transactions, cancellation
// (the SQLI interrupt) and poisoning. It imports sqli for the messages and
// ifxtype for the values, never database/sql; the root package adapts it.
//
// # Bytes
//
// Every request group is the one IBM's JDBC driver 15.0.0.1.1 sends for
// the same operation, byte for byte except for the run-dependent login
// fields (process id, thread id, host name, current directory, misc
// string); the tests compare the driver's transcripts with JDBC's golden
// transcripts in conformance/testdata/jdbc. Where JDBC's behaviour was
// learnt by running it against ifxtest rather than from those goldens (the
// login environment per locale setting, the commits of an ANSI database),
// the comment at the code says so ([J]).
//
// # States
//
// A Conn is idle, busy (one call runs, or a Rows is in the middle of a
// fetch answer) or closed (by Close, or poisoned by a fault). One entry
// lock serialises the calls: a second goroutine's call waits for the
// running one, or for its own context. Statements may run while Rows are
// open (several at once, too): a call that finds a Rows in the middle of
// a fetch answer reads the rest of it, at most one fetch buffer, into that
// Rows' buffer first, and the Rows goes on from there (SQLI.md §7.2: the
// cursor stays open between fetches). Any I/O error, partial write or
// protocol violation poisons the Conn: its socket is closed and nothing
// more is written.
// Requests are queued in a sqli.Writer and flushed once per group; a flush
// that wrote nothing fails safely (SafeToRetry) and leaves the Conn usable.
//
// # Errors
//
// An SQ_ERR is a *ServerError, after which the Conn stays usable. Every
// other error has a SafeToRetry() bool method, true when no byte of the
// request reached the socket; an error caused by a context that ended
// matches the context's error with errors.Is. No error holds the password.
//
// # Cancellation
//
// Each call watches its context with one context.AfterFunc. A context
// already done fails the call before anything is written. One that ends
// while a request is written cuts the write short (poisoning the Conn
// unless nothing was written); one that ends while an answer is awaited
// sends the SQLI interrupt, one TCP urgent byte 0x42 on the TCP socket
// (below TLS), as JDBC's Statement.cancel does (SQLI.md §7.9), and the
// answer must then arrive within Config.InterruptTimeout. The Conn is kept
// only if the answer carries -213 (the interrupt stopped the statement);
// otherwise the byte may still be pending at the server, where it would
// interrupt the next statement, so the Conn is poisoned. On platforms
// without TCP urgent data (Windows) the Conn is poisoned instead.
package ifxconn
