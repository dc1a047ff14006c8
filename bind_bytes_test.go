package informix

import (
	"database/sql"
	"errors"
	"strings"
	"testing"

	"github.com/go-informix/informix/ifxtest"
)

// TestBindBytesIntoCharLatin1: in testdb (8859-1), the 8859-1 bytes of
// "hé" (68 E9) bound as a []byte land in CHAR(5) and VARCHAR(10) columns
// and read back as "hé" (CHAR blank-padded), as the string does.
func TestBindBytesIntoCharLatin1(t *testing.T) {
	db := openDB(t, "testdb")
	mustExecDB(t, db, "CREATE TABLE fb_t (k INTEGER, c CHAR(5), v VARCHAR(10))")
	mustExecDB(t, db, "INSERT INTO fb_t VALUES (1, ?, ?)", []byte{'h', 0xe9}, []byte{'h', 0xe9})
	mustExecDB(t, db, "INSERT INTO fb_t VALUES (2, ?, ?)", "hé", "hé")
	rows, err := db.Query("SELECT c, v FROM fb_t ORDER BY k")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var c, v string
		if err := rows.Scan(&c, &v); err != nil {
			t.Fatal(err)
		}
		if c != "hé   " || v != "hé" {
			t.Errorf("read back %q, %q; want \"hé   \", \"hé\"", c, v)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

// TestBindBytesUnchangedInUTF8: in utf8db a []byte goes on the wire as it
// is, never converted: the 8859-1 bytes 68 E9 stay 68 E9 (the string "hé"
// would be 68 C3 A9), and FF 41, invalid in UTF-8, is sent for the server
// to judge rather than refused by the driver; the CHAR bind value is
// `u16 n` + the bytes behind type, indicator and precision words of 0
// (docs/protocol.md, bind table). Valid UTF-8 bytes read back as their
// text.
func TestBindBytesUnchangedInUTF8(t *testing.T) {
	w := &clientBytes{}
	srv := startServer(t, ifxtest.Config{WireLog: w})
	db, err := sql.Open("informix", srv.DSN("utf8db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	mustExecDB(t, db, "CREATE TABLE fu_t (v VARCHAR(10))")
	cases := []struct {
		name string
		arg  []byte
		wire string
	}{
		{"8859-1 bytes", []byte{'h', 0xe9}, "\x00\x00\x00\x00\x00\x00\x00\x02h\xe9"},
		{"invalid UTF-8", []byte{0xff, 'A'}, "\x00\x00\x00\x00\x00\x00\x00\x02\xffA"},
	}
	for _, tc := range cases {
		w.sent()
		_, err := db.Exec("INSERT INTO fu_t VALUES (?)", tc.arg)
		var ie *Error
		if err != nil && !errors.As(err, &ie) {
			t.Errorf("%s: the driver refused the bytes: %v", tc.name, err)
		}
		if sent := w.sent(); !strings.Contains(sent, tc.wire) {
			t.Errorf("%s: the SQ_BIND does not carry the bytes unchanged (% x)", tc.name, tc.wire)
		}
	}
	mustExecDB(t, db, "DELETE FROM fu_t")
	mustExecDB(t, db, "INSERT INTO fu_t VALUES (?)", []byte("hé"))
	var v string
	if err := db.QueryRow("SELECT v FROM fu_t").Scan(&v); err != nil || v != "hé" {
		t.Errorf("UTF-8 bytes read back as %q, %v; want \"hé\"", v, err)
	}
}

// TestBindBytesLengthLimit: a []byte longer than a CHAR bind holds (32767
// bytes, TYPES.md §5.9) is refused by the driver with the limit named,
// nothing cut; one of 32767 bytes is sent.
func TestBindBytesLengthLimit(t *testing.T) {
	db := openDB(t, "testdb")
	mustExecDB(t, db, "CREATE TABLE fl_t (v LVARCHAR(32739))")
	_, err := db.Exec("INSERT INTO fl_t VALUES (?)", make([]byte, 32768))
	var ie *Error
	if err == nil || errors.As(err, &ie) || !strings.Contains(err.Error(), "over the maximum of 32767") {
		t.Errorf("32768 raw bytes: %v; want the driver's error naming 32767", err)
	}
	_, err = db.Exec("INSERT INTO fl_t VALUES (?)", []byte(strings.Repeat("x", 32767)))
	if err != nil && !errors.As(err, &ie) {
		t.Errorf("32767 raw bytes refused by the driver: %v", err)
	}
}
