package ifxtest

import (
	"bytes"
	"encoding/hex"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/go-informix/informix/sqli"
)

func TestLoginAccepted(t *testing.T) {
	srv := startServer(t, Config{})
	c := dial(t, srv)
	resp := c.login(DefaultUser, DefaultPassword, "")
	if err := resp.Err(); err != nil {
		t.Fatalf("login refused: %v", err)
	}
	// The fields JDBC 15.0.0.1.1 accepted (jdbc-notes.md item 2) and the
	// constants of S1's capture (SQLI.md appendix C).
	if resp.SLType != sqli.SLAccept || resp.SLProtocol != 60 || resp.SLFlags != 0x1000 ||
		resp.ProtocolID != 61 || resp.FloatFormat != "IEEEI" || resp.Product != "srvinfx" ||
		resp.Result != sqli.ASCEOT {
		t.Errorf("accept = %+v", resp)
	}
	if resp.Version != "IBM Informix Dynamic Server Version 15.0.0.1" || resp.ServerName != "ifxtest" {
		t.Errorf("version %q, server name %q", resp.Version, resp.ServerName)
	}
	if resp.Cap1 != 316 {
		t.Errorf("Cap1 = %d, want the client's 316 echoed", resp.Cap1)
	}
}

func TestLoginRefused(t *testing.T) {
	srv := startServer(t, Config{Users: map[string]string{"alice": "secret"}})
	tests := []struct {
		name, user, password, database string
		code                           int16
	}{
		// -951: IBM JDBC 15.0.0.1.1 reports "Incorrect password or user
		// (alice) is not known on the database server." for exactly this
		// answer: SL type 3, result 102, service error -951.
		{"wrong password", "alice", "nope", "", -951},
		{"unknown user", "bob", "secret", "", -951},
		{"empty password", "alice", "", "", -951},
		// S2: a database in the login packet fails the login with -408.
		{"database in login", "alice", "secret", "testdb", -408},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := dial(t, srv)
			resp := c.login(tt.user, tt.password, tt.database)
			if resp.SLType != sqli.SLReject || resp.Result != sqli.ASCInitResp || resp.ServiceError != tt.code {
				t.Fatalf("answer SL type %d, result %d, service error %d; want 3, 102, %d",
					resp.SLType, resp.Result, resp.ServiceError, tt.code)
			}
			var le *sqli.LoginError
			if err := resp.Err(); !errors.As(err, &le) || le.ServiceError != tt.code {
				t.Errorf("Err() = %v", err)
			}
			c.conn.SetReadDeadline(time.Now().Add(testTimeout))
			if _, err := c.conn.Read(make([]byte, 1)); !errors.Is(err, io.EOF) {
				t.Errorf("after the refusal: read %v, want the connection closed", err)
			}
		})
	}
}

func TestProtocolsAnswer(t *testing.T) {
	srv := startServer(t, Config{})
	tests := []struct {
		name, offer, want string
	}{
		// Computed, unconfirmed: the offer ANDed with the IDS 15.0.1.0.3
		// answer bd be 9f fe 7f b7 ff ef ff less features 52 and 61
		// (byte 6: ff &^ 0x08 = f7; byte 7: ef &^ 0x04 = eb), by hand:
		// ff&bd=bd fc&be=bc 7f&9f=1f fc&fe=fc 3c&7f=3c 8c&b7=84 aa&f7=a2
		// 97&eb=83 06&ff=06.
		{"JDBC 15 offer", "fffc7ffc3c8caa9706", "bdbc1ffc3c84a28306"},
		// informix-driver's 8-byte offer (its _capabilities.py).
		{"informix-driver offer", "fffc7ffc3c8caa97", "bdbc1ffc3c84a283"},
		// PAM (44, byte 5 mask 0x08) is never granted.
		{"PAM only", "0000000000080000", "0000000000000000"},
		{"odd length", "ff", "bd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := dial(t, srv)
			if err := c.login(DefaultUser, DefaultPassword, "").Err(); err != nil {
				t.Fatal(err)
			}
			offer, _ := hex.DecodeString(tt.offer)
			got := c.negotiate(offer)
			if hex.EncodeToString(got) != tt.want {
				t.Errorf("answer %x, want %s", got, tt.want)
			}
			if sqli.HasFeature(got, sqli.FeaturePAM) {
				t.Error("PAM granted")
			}
		})
	}
}

// TestJDBCAck checks the SQ_ACK IBM JDBC 15.0.0.1.1 may send after
// SQ_PROTOCOLS: answered by a bare SQ_EOT, after which JDBC goes on
// (jdbc-notes.md item 4).
func TestJDBCAck(t *testing.T) {
	srv := startServer(t, Config{})
	c := dial(t, srv)
	if err := c.login(DefaultUser, DefaultPassword, "").Err(); err != nil {
		t.Fatal(err)
	}
	c.negotiate(sqli.JDBCFeatureOffer())
	c.sendRaw([]byte{0x00, 0x80, 0x00, 0x0c})
	if ans := c.answer(); len(ans) != 0 {
		t.Fatalf("answer to SQ_ACK: %v, want SQ_EOT alone", tags(ans))
	}
	c.expectOK(c.roundTrip(&sqli.DBOpen{Database: DefaultDatabase}))
}

func TestOpenDatabase(t *testing.T) {
	srv := startServer(t, Config{Databases: []Database{
		{Name: "logged", Logging: UnbufferedLogging},
		{Name: "buffered", Logging: BufferedLogging},
		{Name: "ansidb", Logging: ANSI},
		{Name: "plain", Logging: NoLogging},
	}})
	tests := []struct {
		db       string
		warnings int16 // SQLI.md §3.9 [J: S2]: 1 logged, 2 ANSI
	}{
		{"logged", 1}, {"buffered", 1}, {"ansidb", 3}, {"plain", 0},
	}
	for _, tt := range tests {
		t.Run(tt.db, func(t *testing.T) {
			c := connect(t, srv, "")
			ans := c.expectOK(c.roundTrip(&sqli.DBOpen{Database: tt.db}))
			if len(ans) != 2 || ans[0].Tag() != sqli.TagDone || ans[1].Tag() != sqli.TagCost {
				t.Fatalf("answer %v, want SQ_DONE SQ_COST", tags(ans))
			}
			if w := ans[0].(*sqli.Done).Warnings; w != tt.warnings {
				t.Errorf("warnings %#x, want %#x", w, tt.warnings)
			}
		})
	}
	t.Run("unknown", func(t *testing.T) {
		c := connect(t, srv, "")
		e := c.expectErr(c.roundTrip(&sqli.DBOpen{Database: "nosuch"}))
		if e.SQLCode != -329 || e.ISAMCode != -111 {
			t.Errorf("SQ_ERR %d (ISAM %d), want -329 (ISAM -111)", e.SQLCode, e.ISAMCode)
		}
		// The connection stays usable.
		c.expectOK(c.roundTrip(&sqli.DBOpen{Database: "logged"}))
	})
}

func TestExit(t *testing.T) {
	srv := startServer(t, Config{})
	c := connect(t, srv, DefaultDatabase)
	c.exit()
}

// TestLoginGarbage checks that a connection whose first bytes are not a
// login packet is dropped, and that the server goes on serving.
func TestLoginGarbage(t *testing.T) {
	srv := startServer(t, Config{})
	for _, junk := range [][]byte{
		[]byte("GET / HTTP/1.0\r\n\r\n"),
		{0x00, 0x03, 0x01, 0x3c, 0, 0}, // total length shorter than its header
		append([]byte{0x00, 0x20, 0x01, 0x3c, 0, 0}, bytes.Repeat([]byte{0xff}, 26)...),
	} {
		c := dial(t, srv)
		c.sendRaw(junk)
		c.conn.SetReadDeadline(time.Now().Add(testTimeout))
		if n, err := c.conn.Read(make([]byte, 64)); !errors.Is(err, io.EOF) {
			t.Errorf("after %q: read %d bytes, %v; want the connection closed", junk, n, err)
		}
	}
	connect(t, srv, DefaultDatabase).exit()
}
