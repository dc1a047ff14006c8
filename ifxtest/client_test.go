package ifxtest

import (
	"bytes"
	"crypto/tls"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"reflect"
	"testing"
	"time"

	"github.com/go-informix/informix/sqli"
)

// This file holds a minimal SQLI client built on package sqli's client
// messages, so that the tests can speak to the server the way IBM JDBC
// does (the groups of jdbc-notes.md and SQLI.md §7).

// testTimeout bounds every read of a test client, so a server that fails
// to answer fails the test instead of hanging it.
const testTimeout = 10 * time.Second

// jdbcEnv is the login environment IBM JDBC 15.0.0.1.1 sends when no
// DB_LOCALE is given (jdbc-notes.md, item 1).
var jdbcEnv = []sqli.EnvVar{
	{Name: "DBPATH", Value: "."}, {Name: "CLIENT_LOCALE", Value: "en_US.8859-1"},
	{Name: "CLNT_PAM_CAPABLE", Value: "1"}, {Name: "DBDATE", Value: "Y4MD-"},
	{Name: "IFX_UPDDESC", Value: "1"}, {Name: "NODEFDAC", Value: "no"},
}

// testClient is one client connection.
type testClient struct {
	t    *testing.T
	conn net.Conn
	r    *sqli.Reader
	dec  *sqli.ServerDecoder
	w    *sqli.Writer
	env  []sqli.EnvVar // the login environment; jdbcEnv unless a test sets another
}

// dial connects to srv without logging in.
func dial(t *testing.T, srv *Server) *testClient {
	t.Helper()
	nc, err := net.Dial("tcp", srv.Addr())
	if err != nil {
		t.Fatalf("dial %s: %v", srv.Addr(), err)
	}
	return newTestClient(t, nc)
}

// dialTLS connects to srv over TLS without verifying its certificate.
func dialTLS(t *testing.T, srv *Server) *testClient {
	t.Helper()
	nc, err := tls.Dial("tcp", srv.Addr(), &tls.Config{InsecureSkipVerify: true})
	if err != nil {
		t.Fatalf("dial TLS %s: %v", srv.Addr(), err)
	}
	return newTestClient(t, nc)
}

func newTestClient(t *testing.T, nc net.Conn) *testClient {
	r := sqli.NewReader(nc)
	c := &testClient{t: t, conn: nc, r: r, dec: sqli.NewServerDecoder(r), w: sqli.NewWriter(nc), env: jdbcEnv}
	t.Cleanup(func() { nc.Close() })
	return c
}

// connect dials srv, logs in as informix/in4mix, negotiates JDBC's
// features, sends JDBC's SQ_INFO and opens db unless it is empty.
func connect(t *testing.T, srv *Server, db string) *testClient {
	t.Helper()
	c := dial(t, srv)
	c.handshake(db)
	return c
}

// handshake runs the login of connect on an open connection.
func (c *testClient) handshake(db string) {
	c.t.Helper()
	if resp := c.login(DefaultUser, DefaultPassword, ""); resp.Err() != nil {
		c.t.Fatalf("login: %v", resp.Err())
	}
	c.negotiate(sqli.JDBCFeatureOffer())
	c.expectOK(c.roundTrip(&sqli.Info{Env: []sqli.EnvVar{{Name: "DBTEMP", Value: "/tmp"}, {Name: "SUBQCACHESZ", Value: "10"}}}))
	if db != "" {
		c.expectOK(c.roundTrip(&sqli.DBOpen{Database: db}))
	}
}

// login sends a JDBC-shaped login request and returns the answer.
func (c *testClient) login(user, password, database string) *sqli.LoginResponse {
	c.t.Helper()
	req := sqli.NewLoginRequest(user, password, DefaultServerName)
	req.Env = c.env
	req.Hostname, req.Cwd, req.Misc = "testhost", "/", "ifxtest client"
	e := sqli.NewEncoder(nil, sqli.Features{})
	req.Encode(e)
	if e.Err() != nil {
		c.t.Fatalf("encode login: %v", e.Err())
	}
	pkt := e.Bytes()
	if database != "" {
		pkt = withLoginDatabase(c.t, pkt, database)
	}
	c.sendRaw(pkt)
	var resp sqli.LoginResponse
	c.conn.SetReadDeadline(time.Now().Add(testTimeout))
	if err := resp.Decode(c.r); err != nil {
		c.t.Fatalf("read login answer: %v", err)
	}
	return &resp
}

// withLoginDatabase returns the login packet pkt with database in its
// database slot (SQLI.md §3.2 field 24), which sqli refuses to encode:
// the empty slot (u16 0) follows the server name, an ASC string.
func withLoginDatabase(t *testing.T, pkt []byte, database string) []byte {
	t.Helper()
	name := append([]byte{0, byte(len(DefaultServerName) + 1)}, DefaultServerName+"\x00\x00\x00"...)
	i := bytes.Index(pkt, name)
	if i < 0 {
		t.Fatal("login packet: server name not found")
	}
	slot := i + len(name) - 2
	out := append([]byte(nil), pkt[:slot]...)
	out = binary.BigEndian.AppendUint16(out, uint16(len(database)+1))
	out = append(out, database...)
	out = append(out, 0)
	out = append(out, pkt[slot+2:]...)
	binary.BigEndian.PutUint16(out, uint16(len(out)))
	return out
}

// negotiate sends SQ_PROTOCOLS with offer and applies the granted features.
func (c *testClient) negotiate(offer []byte) []byte {
	c.t.Helper()
	ans := c.roundTrip(&sqli.Protocols{Bitmap: offer})
	if len(ans) != 1 {
		c.t.Fatalf("SQ_PROTOCOLS answer: %d messages, want 1", len(ans))
	}
	p, ok := ans[0].(*sqli.Protocols)
	if !ok {
		c.t.Fatalf("SQ_PROTOCOLS answer is %T", ans[0])
	}
	f := p.Features()
	c.r.Features = f
	c.w.SetFeatures(f)
	return p.Bitmap
}

// sendRaw writes b as it is.
func (c *testClient) sendRaw(b []byte) {
	c.t.Helper()
	if _, err := c.conn.Write(b); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

// send writes msgs and SQ_EOT as one group.
func (c *testClient) send(msgs ...sqli.Message) {
	c.t.Helper()
	for _, m := range msgs {
		c.w.Send(m)
	}
	c.w.Send(&sqli.EOT{})
	if err := c.w.Flush(); err != nil {
		c.t.Fatalf("send group: %v", err)
	}
}

// roundTrip sends a group and returns the answer without its SQ_EOT.
func (c *testClient) roundTrip(msgs ...sqli.Message) []sqli.ServerMessage {
	c.t.Helper()
	c.send(msgs...)
	return c.answer()
}

// answer reads messages up to SQ_EOT and returns copies of them.
func (c *testClient) answer() []sqli.ServerMessage {
	c.t.Helper()
	ans, err := c.readAnswer()
	if err != nil {
		c.t.Fatalf("read answer (after %d messages): %v", len(ans), err)
	}
	return ans
}

// readAnswer reads messages up to SQ_EOT or SQ_EXIT (which it keeps).
func (c *testClient) readAnswer() ([]sqli.ServerMessage, error) {
	var out []sqli.ServerMessage
	for {
		c.conn.SetReadDeadline(time.Now().Add(testTimeout))
		m, err := c.dec.Next()
		if err != nil {
			return out, err
		}
		switch m.(type) {
		case *sqli.EOT:
			return out, nil
		case *sqli.Exit:
			return append(out, &sqli.Exit{}), nil
		}
		out = append(out, cloneMessage(m))
	}
}

// cloneMessage copies a decoded message out of the decoder's reused value
// and the Reader's buffer.
func cloneMessage(m sqli.ServerMessage) sqli.ServerMessage {
	v := reflect.New(reflect.TypeOf(m).Elem())
	v.Elem().Set(reflect.ValueOf(m).Elem())
	out := v.Interface().(sqli.ServerMessage)
	switch x := out.(type) {
	case *sqli.Tuple:
		x.Data = append([]byte(nil), x.Data...)
	case *sqli.SGKTuple:
		x.Data = append([]byte(nil), x.Data...)
	case *sqli.Protocols:
		x.Bitmap = append([]byte(nil), x.Bitmap...)
	}
	return out
}

// expectOK fails the test if ans holds an SQ_ERR.
func (c *testClient) expectOK(ans []sqli.ServerMessage) []sqli.ServerMessage {
	c.t.Helper()
	if e := findErr(ans); e != nil {
		c.t.Fatalf("unexpected SQ_ERR %d (ISAM %d, offset %d, %q)", e.SQLCode, e.ISAMCode, e.Offset, e.Message)
	}
	return ans
}

// expectErr returns the SQ_ERR of ans, failing the test if there is none.
func (c *testClient) expectErr(ans []sqli.ServerMessage) *sqli.ErrorResponse {
	c.t.Helper()
	e := findErr(ans)
	if e == nil {
		c.t.Fatalf("answer %s has no SQ_ERR", tags(ans))
	}
	return e
}

func findErr(ans []sqli.ServerMessage) *sqli.ErrorResponse {
	for _, m := range ans {
		if e, ok := m.(*sqli.ErrorResponse); ok {
			return e
		}
	}
	return nil
}

// tags returns the tags of ans, for messages.
func tags(ans []sqli.ServerMessage) []sqli.Tag {
	out := make([]sqli.Tag, len(ans))
	for i, m := range ans {
		out[i] = m.Tag()
	}
	return out
}

// exec runs sql the way JDBC's Statement.executeUpdate does (SQ_COMMAND,
// SQ_NDESCRIBE, SQ_EXECUTE, SQ_RELEASE; SQLI.md §6.1) and returns the
// answer.
func (c *testClient) exec(sql string) []sqli.ServerMessage {
	c.t.Helper()
	return c.roundTrip(&sqli.Command{SQL: sql}, &sqli.NDescribe{}, &sqli.Execute{}, &sqli.Release{})
}

// mustExec runs sql with exec and fails the test on an SQ_ERR.
func (c *testClient) mustExec(sql string) *sqli.Done {
	c.t.Helper()
	ans := c.exec(sql)
	if e := findErr(ans); e != nil {
		c.t.Fatalf("%s: SQ_ERR %d (ISAM %d, %q)", sql, e.SQLCode, e.ISAMCode, e.Message)
	}
	for _, m := range ans {
		if d, ok := m.(*sqli.Done); ok {
			return d
		}
	}
	c.t.Fatalf("%s: answer %v has no SQ_DONE", sql, tags(ans))
	return nil
}

// prepare prepares sql as JDBC does and returns its description.
func (c *testClient) prepare(sql string, params int) *sqli.Describe {
	c.t.Helper()
	ans := c.expectOK(c.roundTrip(&sqli.Prepare{ParamCount: int16(params), SQL: sql}, &sqli.NDescribe{}, &sqli.WantDone{}))
	want := []sqli.Tag{sqli.TagDescribe, sqli.TagDone, sqli.TagCost}
	if got := tags(ans); !reflect.DeepEqual(got, want) {
		c.t.Fatalf("PREPARE %q answer %v, want %v", sql, got, want)
	}
	return ans[0].(*sqli.Describe)
}

// exit sends SQ_EXIT alone, as JDBC does, and checks the bare answer.
func (c *testClient) exit() {
	c.t.Helper()
	c.w.Send(&sqli.Exit{})
	if err := c.w.Flush(); err != nil {
		c.t.Fatalf("send SQ_EXIT: %v", err)
	}
	ans, err := c.readAnswer()
	if err != nil || len(ans) != 1 || ans[0].Tag() != sqli.TagExit {
		c.t.Fatalf("SQ_EXIT answer %v, %v; want SQ_EXIT", tags(ans), err)
	}
	c.conn.SetReadDeadline(time.Now().Add(testTimeout))
	if _, err := c.r.ReadTag(); !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		c.t.Fatalf("after SQ_EXIT: read %v, want end of stream", err)
	}
}

// startServer starts a server with cfg and closes it when the test ends.
func startServer(t *testing.T, cfg Config) *Server {
	t.Helper()
	if cfg.Logf == nil {
		cfg.Logf = t.Logf
	}
	srv, err := Start(cfg)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() {
		if err := srv.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return srv
}
