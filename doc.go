// Package informix is a pure-Go database/sql driver for IBM Informix. It
// speaks Informix's native SQLI protocol over TCP (or TLS), with no client
// SDK, and is registered with database/sql as "informix":
//
//	import _ "github.com/go-informix/informix"
//
//	db, err := sql.Open("informix", "informix://user:secret@dbhost:9088/stores?server=ol_informix")
//
// Under it, package ifxconn runs one connection, ifxtype converts values and
// sqli encodes the messages; this package parses the configuration,
// implements database/sql's interfaces over ifxconn, converts Go values and
// maps errors.
//
// # Data source names
//
// Two forms are accepted (see ParseDSN):
//
//	informix://USER:PASSWORD@HOST[:PORT]/DATABASE?server=NAME&option=value…
//	jdbc:informix-sqli://HOST[:PORT][/DATABASE]:INFORMIXSERVER=NAME;user=USER;password=PASSWORD;OPTION=value…
//
// The URL form percent-decodes the user, password, database and option
// values; a user name or password containing '/', '?' or '@' must encode it
// (%2F, %3F, %40). An IPv6 host goes in brackets. The port defaults to 9088.
// The JDBC form takes IBM's JDBC URL as users have it; its values are
// literal. Option names are case-insensitive in both forms. When the DSN
// names no server, CLIENT_LOCALE or DB_LOCALE, the environment variables
// INFORMIXSERVER, CLIENT_LOCALE and DB_LOCALE are used. Config.FormatDSN
// writes a Config back in the URL form.
//
// Options (JDBC property names in parentheses, accepted in either form):
//
//	server (INFORMIXSERVER)         the Informix server name sent at login
//	user, password                  as an option instead of in the URL's user part
//	client_locale (CLIENT_LOCALE)   default en_US.8859-1, as JDBC
//	db_locale (DB_LOCALE)           default: the database's own locale, asked after login;
//	                                it picks the code set of character data
//	connect_timeout                 a duration ("10s") or whole seconds; bounds dial, TLS and login
//	(LOGINTIMEOUT)                  the same in whole milliseconds, JDBC's unit
//	interrupt_timeout               how long a cancel waits for the server's answer; default 5s
//	fetch_buffer_size (FET_BUF_SIZE)  bytes per fetch request, default 32767 (JDBC's is 4096)
//	lock_wait (IFX_LOCK_MODE_WAIT)  wait | nowait | seconds (-1 is wait, 0 nowait):
//	                                SET LOCK MODE after login; default: the server's (not wait)
//	isolation                       dirty read | committed read | last committed (COMMITTED READ
//	                                LAST COMMITTED) | cursor stability | repeatable read, each but
//	                                the last optionally followed by "retain update locks":
//	                                SET ISOLATION after login; default: the server's
//	(IFX_ISOLATION_LEVEL)           1 dirty read, 2 committed read, 3 cursor stability,
//	                                4 repeatable read, 5 last committed; a trailing U retains update locks
//	tls                             disable (default) | require | verify-ca | verify-full
//	(SSLCONNECTION, encrypt)        true is tls=verify-full
//	tls_ca, tls_cert, tls_key       PEM files: trusted roots (default: the system's), client certificate and key
//	tls_server_name                 the name the server certificate must carry (default: the host)
//	tls_skip_verify                 true accepts any certificate; allowed only with tls=require
//	app_name                        the application name sent at login
//	OPTOFC                          1 (the default) lets the server close a cursor after its last row,
//	                                saving the CLOSE round trip (a one-row SELECT takes one); 0 turns it off
//	PDQPRIORITY, DBDATE, …          Informix environment variables sent to the server at login
//
// The environment variables passed at login are DBANSIWARN, DBCENTURY,
// DBDATE, DBLANG, DBSPACETEMP, DBTEMP, DBTIME, DBUPSPACE, DELIMIDENT,
// GL_DATE, GL_DATETIME, IFX_AUTOFREE, IFX_DIRECTIVES, IFX_EXTDIRECTIVES,
// IFX_UPDDESC, INFORMIXCONRETRY, INFORMIXCONTIME, INFORMIXOPCACHE,
// INFORMIXSTACKSIZE, NODEFDAC, OPTCOMPIND, OPTOFC, OPT_GOAL, PDQPRIORITY,
// PSORT_DBTEMP, PSORT_NPROCS, STMT_CACHE and USELASTCOMMITTED. Any other
// option name is an error naming it, as is an option given twice, so a
// typing mistake never passes unnoticed. No error ever contains the
// password; FormatDSN's result does, by design.
//
// # TLS
//
// With tls=disable (the default) the connection is plaintext. Every other
// mode is TLS from the first byte, as an Informix onsocssl listener
// expects, and never falls back to plaintext: a server that does not speak
// TLS makes the connection fail. Certificates are verified unless the DSN
// says otherwise in so many words:
//
//	tls=require                        chain and host name verified (as verify-full)
//	tls=require&tls_skip_verify=true   encrypted, certificate not verified: the only unverified mode
//	tls=verify-ca                      chain verified against tls_ca (or the system roots); host name not checked
//	tls=verify-full                    chain verified and the certificate must name the host (or tls_server_name)
//
// A program may instead set Config.TLSConfig and use NewConnector.
//
// # Types
//
// Arguments are bound with the SQ_BIND type IBM's JDBC driver uses for the
// matching setter, so the bytes on the wire are the same as JDBC's:
//
//	Go                              bound as
//	int8, int16                     SMALLINT
//	int32                           INTEGER
//	int, int64, uint kinds          BIGINT (a uint64 above MaxInt64 is an error)
//	float32, float64                SMALLFLOAT, FLOAT
//	bool                            BOOLEAN
//	string                          CHAR, converted to the database's code set
//	[]byte                          CHAR, its bytes sent unchanged (no code-set conversion or validation)
//	Decimal                         DECIMAL
//	time.Time                       DATETIME YEAR TO FRACTION(5), its wall clock in its own location, cut to 10µs
//	DateTime                        DATETIME of its own qualifier
//	Date                            DATE
//	IntervalYM, IntervalDS          INTERVAL of their qualifier
//	time.Duration                   INTERVAL DAY(9) TO FRACTION(5), cut to 10µs
//	nil, nil pointers               NULL
//
// Named types bind as their kind, pointers as what they point to, and a
// driver.Valuer as what its Value returns. Parameters are positional ('?'):
// sql.Named and sql.Out are refused.
//
// Columns come back as:
//
//	Informix                                      Go value           also scans into
//	SMALLINT, INTEGER, INT8, BIGINT, SERIAL…      int64
//	SMALLFLOAT, FLOAT                             float64
//	DECIMAL, MONEY                                string "1234.50"   *Decimal (exact, scale kept), *float64
//	CHAR, NCHAR, VARCHAR, NVARCHAR, LVARCHAR      string (CHAR keeps its trailing blanks)
//	BOOLEAN                                       bool
//	DATE                                          time.Time, midnight UTC   *Date
//	DATETIME YEAR TO …                            time.Time, UTC     *DateTime (as YEAR TO FRACTION(5))
//	DATETIME without YEAR (HOUR TO MINUTE…)       string "12:34"     *DateTime (qualifier from the text)
//	INTERVAL                                      string "-3 04:05:06.5"   *IntervalYM, *IntervalDS
//	NULL                                          nil                sql.Null[T], sql.NullString, …
//
// DECIMAL and INTERVAL values come back as text because database/sql's
// Scan can put text into *string, *float64 and sql.NullString as well as
// into *Decimal and *IntervalDS, whose Scan methods read it exactly; it
// cannot put a Decimal struct into a *string. A DATETIME without a year
// comes back as its literal text rather than a time.Time on an invented
// date; scan it into *string, or into *DateTime or sql.Null[DateTime] to
// get its fields (for a one-field qualifier such as HOUR TO HOUR, whose
// text "12" names no unit, set the destination's Qualifier first).
//
// *DateTime, *IntervalYM and *IntervalDS also scan text, such as a
// DATETIME or INTERVAL cast to CHAR, in the literal form of any qualifier:
// the qualifier is inferred from the text's separators and digit counts
// ("12:34" is HOUR TO MINUTE, "05-04 12:34:56.123" MONTH TO FRACTION(3),
// "2026-05-04" YEAR TO DAY), see ParseDateTime. The few forms that several
// qualifiers write are read as the one with the larger first unit ("12:34"
// as hours and minutes), or refused (a number alone of one or two digits);
// a destination whose Qualifier is already set reads the text with that
// qualifier when it fits.
// Rows.ColumnTypes reports each column's ScanType, its DatabaseTypeName
// (the base name, "DECIMAL", "VARCHAR"; DATETIME and INTERVAL with their
// qualifier, "DATETIME YEAR TO SECOND", since the qualifier says which
// fields the values have), Length (character types), DecimalSize
// (DECIMAL/MONEY precision and scale; DATETIME/INTERVAL total and fraction
// digits) and Nullable.
//
// # Statements while rows are open
//
// A connection may run other statements while a Rows of it is open, as
// database/sql allows inside a Tx or on a sql.Conn: iterate a result and
// update each row, or read two results in turn. The cursor stays open on
// the server between fetches; when another statement starts in the middle
// of a fetch answer, the rest of that answer (at most one fetch buffer,
// fetch_buffer_size) is read into a buffer the Rows owns first, and the
// Rows goes on from it. Memory stays bounded by the fetch buffer. A
// COMMIT closes the server's open cursors, so keep such work inside one
// Tx: in an ANSI database outside a Tx every statement commits, and a
// statement run on a sql.Conn while a Rows is open there ends that Rows
// with an error (-400) once its buffered rows are read.
//
// Exec of a statement that returns rows (a SELECT, a procedure that
// returns values) runs it to its end and drops the rows, as pgx and
// go-sql-driver/mysql do: the cursor is opened, every row fetched one
// batch at a time and dropped, and the cursor closed. RowsAffected is the
// number of rows, LastInsertId an error; an error at any row is the Exec's.
//
// # Batches
//
// A Batch runs one statement over many rows with one round trip per 1000
// rows rather than one per row, as IBM JDBC's executeBatch does (the bytes
// on the wire are JDBC's):
//
//	rows := informix.Batch{{1, "a"}, {2, "b"}, {3, "c"}}
//	res, err := tx.ExecContext(ctx, "INSERT INTO t VALUES (?, ?)", rows)
//
// It is accepted as the only argument of ExecContext on *sql.DB, *sql.Tx,
// *sql.Conn and prepared *sql.Stmt. Values convert as single arguments do,
// and a column keeps the bind type of its first non-NULL value across the
// batch. The batch stops at the first row that fails, with a *BatchError
// giving the row's index; the rows before it ran, so use a transaction to
// make a batch all or nothing. RowsAffected is the total.
//
// # Performance
//
// Rows stream: each fetch request asks for fetch_buffer_size bytes of rows,
// and the server answers with as many whole rows as fit, so the option
// trades round trips for memory. The default, 32767, is the largest buffer
// IBM's JDBC driver asks of a server without large fetch buffers (SQLI.md
// §6.10); it fetches eight times as many rows per round trip as JDBC's own
// default of 4096, which counts on a network where a round trip costs far
// more than decoding the rows. Memory stays at one buffer whatever the
// result's size.
//
// Values are decoded without an allocation each: integers, floats, times,
// DECIMAL text and strings are boxed into slabs that a few hundred values
// of a result share and that are never rewritten, so a value stays valid
// however long it is kept; a value kept alive (scanned into *any, say)
// keeps its slab, at most 4 KiB, alive with it. Scanning into *int64,
// *float64, *time.Time and *string allocates nothing per value; scanning
// an INTEGER into *int32 costs an allocation in database/sql itself, which
// converts between integer sizes through text.
//
// # Transactions
//
// Outside a transaction every statement commits on its own (in an ANSI
// database ifxconn commits after each statement to give the same result).
// BeginTx starts a transaction; in a database created without a log it
// fails, since Informix has no transactions there. Isolation levels map to
// SET ISOLATION: LevelReadUncommitted is DIRTY READ, LevelReadCommitted
// COMMITTED READ, LevelRepeatableRead and LevelSerializable REPEATABLE READ
// (Informix's strongest level, which IBM documents as what SET TRANSACTION
// calls SERIALIZABLE); LevelSnapshot and the others are refused with an
// error. A level set for a transaction is set back to the connection's own
// (the isolation option, else the server default) when it ends. ReadOnly
// sends SET TRANSACTION READ ONLY, after which the server refuses writes
// until the transaction ends. An error from Commit other than an *Error
// means the outcome is unknown.
//
// Lock waiting is a connection setting (lock_wait); a statement that waits
// too long fails with an error matching ErrLockTimeout.
//
// # Cancellation
//
// Every method takes its context. When a context ends during a request,
// the driver sends Informix's interrupt (a TCP urgent byte, as IBM's
// clients do) and waits up to interrupt_timeout for the server to abandon
// the statement; the connection is kept when the server confirms, and
// closed otherwise, so a late interrupt can never hit the next statement.
// The error matches the context's with errors.Is. The interrupt does not
// roll back an open transaction.
//
// # Errors
//
// Server errors are *Error values with the SQLCODE, the ISAM code, a
// message from this package's catalog (the server sends codes only), the
// object the error names, the offset and the statement. SQLState maps the
// common codes to portable SQLSTATE classes (our mapping; Informix itself
// reports IX000). Sentinels work with errors.Is: ErrUniqueViolation,
// ErrNotNullViolation, ErrLockTimeout, ErrDeadlock, ErrNoSuchTable,
// ErrNoSuchColumn, ErrSyntax, ErrBadLogin. database/sql retries a request on
// another connection (driver.ErrBadConn) only when no byte of it reached
// the server.
package informix
