package e2e

import (
	"database/sql"
	"reflect"
	"strings"
	"testing"

	"github.com/go-informix/informix"
	"github.com/go-informix/informix/ifxtest"
	"github.com/go-informix/informix/internal/transcript"
	"github.com/go-informix/informix/sqli"
)

// The tests of this file run IBM JDBC 15.0.0.1.1's conformance scenarios
// (conformance/jdbc/Scenarios.java) through database/sql against ifxtest
// and require the bytes to equal JDBC's golden transcripts
// (conformance/testdata/jdbc). ifxconn's tests compare ifxconn's own calls
// with the same goldens; these add what lies above it: the root package's
// choice of bind type for each Go value (CheckNamedValue) and the calls
// database/sql makes. JDBC's calls map to database/sql's as
//
//	Statement.execute(sql)           DB.Prepare, Stmt.Exec, Stmt.Close
//	Statement.executeUpdate(sql)     DB.Exec without arguments (SQ_COMMAND)
//	Statement.executeQuery(sql)      DB.QueryRow (or Query), Rows.Close
//	PreparedStatement.setX, execute  Stmt.Exec with the Go value of setX
//	setAutoCommit(false), commit     DB.Begin, Tx.Commit (and Rollback)
//	Connection.close                 DB.Close
//
// Transcripts are rendered by internal/transcript. The fields that
// legitimately differ between two clients, or two runs of one, are masked
// there, and only they: all in the login packet (SQLI.md §3.2 fields
// 27–28), the packet length {len} (which follows from the others), the
// process id {pid}, the thread id {thread}, the host name {host}, the
// current directory {cwd}, and the SQ_ASCMISC_60 string {misc} (JDBC's
// thread and jar description, our application name). Everything else, the
// server's answers included, must be equal.
//
// These tests always use a server of their own, whatever the target: the
// goldens are ifxtest's answers to JDBC.

// memWireLog keeps every connection's wire log in memory.
type memWireLog struct{ transcript.MemLog }

// transcriptOf renders connection id (1 for the first accepted).
func (l *memWireLog) transcriptOf(t *testing.T, id uint64) []string {
	t.Helper()
	lines, err := l.Render(id)
	if err != nil {
		t.Fatal(err)
	}
	return lines
}

// jdbcServer starts an ifxtest server with the databases of the JDBC
// conformance run (conformance_test.go), recording every connection.
func jdbcServer(t *testing.T) (*ifxtest.Server, *memWireLog) {
	t.Helper()
	log := &memWireLog{}
	srv, err := ifxtest.Start(ifxtest.Config{WireLog: log, Databases: []ifxtest.Database{
		{Name: "testdb", Logging: ifxtest.UnbufferedLogging},
		{Name: "nologdb", Logging: ifxtest.NoLogging},
		{Name: "utf8db", Logging: ifxtest.BufferedLogging, Locale: "en_US.utf8"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv, log
}

// openOne opens a *sql.DB of one connection on srv's database with the
// DSN options, at JDBC's defaults where the driver's differ (a 4096-byte
// fetch buffer, OPTOFC off), since the goldens are JDBC's bytes at its
// defaults.
func openOne(t *testing.T, srv *ifxtest.Server, database string, options ...string) *sql.DB {
	t.Helper()
	options = append([]string{"fetch_buffer_size=4096", "OPTOFC=0"}, options...)
	db, err := sql.Open("informix", withOptions(srv.DSN(database), options...))
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	return db
}

// goldenConnections reads a golden transcript into its connections' lines.
func goldenConnections(t *testing.T, name string) [][]string {
	t.Helper()
	conns, err := transcript.ReadGolden("../conformance/testdata/jdbc/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return conns
}

// compareTranscripts requires got to equal want line by line.
func compareTranscripts(t *testing.T, want, got []string) {
	t.Helper()
	diffs, n := transcript.Diff("JDBC", want, "ours", got, 5)
	for _, d := range diffs {
		t.Error(d)
	}
	if n > 0 {
		t.Errorf("%d lines differ (JDBC %d lines, ours %d)", n, len(want), len(got))
	}
}

// execute runs query as JDBC's Statement.execute does: prepared, executed
// and released.
func execute(t *testing.T, db interface {
	Prepare(string) (*sql.Stmt, error)
}, query string) {
	t.Helper()
	st, err := db.Prepare(query)
	if err != nil {
		t.Fatalf("Prepare %q: %v", query, err)
	}
	if _, err := st.Exec(); err != nil {
		t.Fatalf("Exec %q: %v", query, err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestJDBCBytesConnect: the connect scenario (login, SQ_PROTOCOLS, SQ_INFO,
// SQ_DBOPEN, the GL_COLLATE lookup, a query, SQ_EXIT).
func TestJDBCBytesConnect(t *testing.T) {
	srv, log := jdbcServer(t)
	db := openOne(t, srv, "testdb")
	if n := queryInt(t, db, "SELECT 1 FROM systables WHERE tabid = 1"); n != 1 {
		t.Errorf("select 1 = %d", n)
	}
	db.Close()
	srv.Close() // waits until the server has logged its last byte
	compareTranscripts(t, goldenConnections(t, "connect.golden")[0], log.transcriptOf(t, 1))
}

// TestJDBCBytesTransactions: the transactions scenario up to its first
// savepoint (JDBC's setSavepoint sends SQ_SQLISETSVPT, which database/sql
// has no call for): DDL, a rolled-back INSERT, a query and an INSERT
// committed, a query and an INSERT in the next transaction.
func TestJDBCBytesTransactions(t *testing.T) {
	srv, log := jdbcServer(t)
	db := openOne(t, srv, "testdb")
	execute(t, db, "CREATE TABLE tx_t (id INTEGER)")
	begin := func() *sql.Tx {
		t.Helper()
		tx, err := db.Begin()
		if err != nil {
			t.Fatal(err)
		}
		return tx
	}
	tx := begin()
	execute(t, tx, "INSERT INTO tx_t VALUES (1)")
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	tx = begin()
	if n := queryInt(t, tx, "SELECT COUNT(*) FROM tx_t"); n != 0 {
		t.Errorf("rollback discards: count %d", n)
	}
	execute(t, tx, "INSERT INTO tx_t VALUES (2)")
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	tx = begin()
	if n := queryInt(t, tx, "SELECT COUNT(*) FROM tx_t"); n != 1 {
		t.Errorf("commit keeps: count %d", n)
	}
	execute(t, tx, "INSERT INTO tx_t VALUES (3)")
	db.Close()
	srv.Close()
	want := goldenConnections(t, "transactions.golden")[0]
	cut := 0
	for i, l := range want {
		if strings.HasPrefix(l, "C SQ_SQLISETSVPT") {
			cut = i
			break
		}
	}
	if cut == 0 {
		t.Fatal("no savepoint in transactions.golden")
	}
	got := log.transcriptOf(t, 1)
	compareTranscripts(t, want[:cut], got[:min(cut, len(got))])
}

// TestJDBCBytesBigSelect: the big_select scenario: prepared INSERTs with an
// int32 bound as INTEGER, an INSERT … SELECT of 100 000 rows through
// executeUpdate's SQ_COMMAND, and a query over them in 500 fetch batches.
func TestJDBCBytesBigSelect(t *testing.T) {
	srv, log := jdbcServer(t)
	db := openOne(t, srv, "testdb")
	create, err := db.Prepare("CREATE TABLE big_digits (d INTEGER)")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := create.Exec(); err != nil {
		t.Fatal(err)
	}
	ins, err := db.Prepare("INSERT INTO big_digits VALUES (?)")
	if err != nil {
		t.Fatal(err)
	}
	for d := range int32(10) {
		if _, err := ins.Exec(d); err != nil {
			t.Fatal(err)
		}
	}
	// JDBC closes the PreparedStatement, then the Statement that ran the
	// CREATE, which it had kept prepared.
	ins.Close()
	create.Close()
	execute(t, db, "CREATE TABLE big_rows (n INTEGER, label VARCHAR(20))")
	n := "a.d * 10000 + b.d * 1000 + e.d * 100 + f.d * 10 + g.d"
	res := mustExec(t, db, "INSERT INTO big_rows SELECT "+n+", 'row ' || ("+n+")"+
		" FROM big_digits a, big_digits b, big_digits e, big_digits f, big_digits g")
	if c, _ := res.RowsAffected(); c != 100000 {
		t.Errorf("insert 100000 rows: %d", c)
	}
	rows, err := db.Query("SELECT n, label FROM big_rows ORDER BY n")
	if err != nil {
		t.Fatal(err)
	}
	count := 0
	for ; rows.Next(); count++ {
	}
	if rows.Err() != nil || count != 100000 {
		t.Errorf("%d rows, %v", count, rows.Err())
	}
	rows.Close()
	db.Close()
	srv.Close()
	compareTranscripts(t, goldenConnections(t, "big_select.golden")[0], log.transcriptOf(t, 1))
}

// differentChoice lists the column types for which IBM JDBC binds a type
// code other than the one the root package binds for the Go value of the
// same setter: JDBC takes the code from the described column, the root
// package from the Go type (int64 is BIGINT, Decimal is DECIMAL, string is
// CHAR, Date is DATE; CheckNamedValue). The values are the two codes,
// JDBC's first; the test requires exactly these differences.
var differentChoice = map[string][2]sqli.TypeCode{
	"SERIAL":               {sqli.TypeSerial, sqli.TypeInteger},
	"INT8":                 {sqli.TypeInt8, sqli.TypeBigInt},
	"SERIAL8":              {sqli.TypeSerial8, sqli.TypeBigInt},
	"BIGSERIAL":            {sqli.TypeBigSerial, sqli.TypeBigInt},
	"MONEY(16,2)":          {sqli.TypeMoney, sqli.TypeDecimal},
	"DATETIME YEAR TO DAY": {sqli.TypeDateTime, sqli.TypeDate},
	"LVARCHAR(32000)":      {sqli.TypeLVarChar, sqli.TypeChar},
}

// jdbcValue returns the Go value a program passes for the JDBC setter of
// case k (Scenarios.java TypeScenario.kind): setDate a Date, setTimestamp
// a time.Time, setTime a DateTime HOUR TO SECOND, setString a string, and
// the natural types of goKind for the others.
func jdbcValue(t *testing.T, k typeCase) any {
	t.Helper()
	if k.Value == "NULL" {
		return nil
	}
	u := strings.ToUpper(k.SQLType)
	switch {
	case u == "DATETIME YEAR TO DAY":
		v, err := kindDate.value(k.Value, 0)
		if err != nil {
			t.Fatal(err)
		}
		return v
	case strings.HasPrefix(u, "DATETIME HOUR"):
		v := k.Value
		if len(v) == len("12:34") {
			v += ":00"
		}
		dt, err := informix.ParseDateTime(v, mustQualifier(t, informix.UnitHour, informix.UnitSecond))
		if err != nil {
			t.Fatal(err)
		}
		return dt
	case strings.HasPrefix(u, "DATETIME MONTH"):
		return k.Value
	}
	kind, q := kindOf(t, k.SQLType)
	v, err := kind.value(k.Value, q)
	if err != nil {
		t.Fatalf("case %d: %v", k.ID, err)
	}
	return v
}

// TestJDBCBytesBinds binds every value of types.tsv through database/sql
// with the Go value of JDBC's setter for the case and requires each
// SQ_BIND value, NULLs included, to equal the one JDBC sent for the same
// case in jdbc/types.golden, except for the type choices of
// differentChoice.
func TestJDBCBytesBinds(t *testing.T) {
	srv, log := jdbcServer(t)
	var order []string
	tables := map[string][]typeCase{}
	for _, k := range loadTypeCases(t) {
		if tables[k.Table] == nil {
			order = append(order, k.Table)
		}
		tables[k.Table] = append(tables[k.Table], k)
	}
	for _, name := range order {
		bindTable(t, srv, tables[name])
	}
	srv.Close()
	ours := map[int]sqli.BindValue{}
	for id := range uint64(len(order)) {
		if err := transcript.CollectCaseBinds(log.transcriptOf(t, id+1), ours); err != nil {
			t.Fatal(err)
		}
	}
	theirs := map[int]sqli.BindValue{}
	for _, conn := range goldenConnections(t, "types.golden") {
		if err := transcript.CollectCaseBinds(conn, theirs); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range order {
		for _, k := range tables[name] {
			checkBind(t, k, theirs, ours)
		}
	}
}

// bindTable runs one table's cases on a connection of its own, as the JDBC
// scenario does.
func bindTable(t *testing.T, srv *ifxtest.Server, group []typeCase) {
	t.Helper()
	var options []string
	if group[0].DB == "utf8db" {
		options = []string{"db_locale=en_US.utf8", "client_locale=en_US.utf8"}
	}
	db := openOne(t, srv, group[0].DB, options...)
	defer db.Close()
	execute(t, db, "CREATE TABLE "+group[0].Table+" (id INTEGER, v "+group[0].SQLType+")")
	ins, err := db.Prepare("INSERT INTO " + group[0].Table + " VALUES (?, ?)")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range group {
		if _, err := ins.Exec(int32(k.ID), jdbcValue(t, k)); err != nil {
			t.Errorf("case %d %s: %v", k.ID, k.SQLType, err)
		}
	}
	if err := ins.Close(); err != nil {
		t.Fatal(err)
	}
}

func checkBind(t *testing.T, k typeCase, theirs, ours map[int]sqli.BindValue) {
	t.Helper()
	j, okJ := theirs[k.ID]
	o, okO := ours[k.ID]
	if !okJ || !okO {
		t.Errorf("case %d %s: bind seen in JDBC's transcript %v, in ours %v", k.ID, k.SQLType, okJ, okO)
		return
	}
	if d, listed := differentChoice[k.SQLType]; listed && k.Value != "NULL" {
		if j.Type != d[0] || o.Type != d[1] {
			t.Errorf("case %d %s: JDBC bound %v and we bound %v; differentChoice says %v and %v", k.ID, k.SQLType, j.Type, o.Type, d[0], d[1])
		}
		return
	}
	if !reflect.DeepEqual(j, o) {
		t.Errorf("case %d %s %q:\nJDBC %+v\nours %+v", k.ID, k.SQLType, clip(k.Value), j, o)
	}
}
