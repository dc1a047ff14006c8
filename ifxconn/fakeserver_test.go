package ifxconn

import (
	"net"
	"testing"
	"time"

	"github.com/go-informix/informix/sqli"
)

// fakeServer is a scripted SQLI server built on sqli's server-side
// encoders: it accepts one connection, answers the login like ifxtest
// (granting features 62, 63, 69 and 70, so the layouts match JDBC's) and
// then runs script, which reads the client's request groups and answers
// them message by message or with raw bytes.
type fakeServer struct {
	t    testing.TB
	ln   net.Listener
	done chan struct{}
}

// fakeConn is the server side of one connection.
type fakeConn struct {
	t   testing.TB
	nc  net.Conn
	r   *sqli.Reader
	dec *sqli.ClientDecoder
	w   *sqli.Writer
}

// serverFeatures are the features ifxtest grants JDBC's offer
// (conformance/testdata/jdbc/connect.golden, S SQ_PROTOCOLS).
var serverFeatures = []byte{0xbd, 0xbc, 0x1f, 0xfc, 0x3c, 0x84, 0xa2, 0x83, 0x06}

func startFake(t testing.TB, script func(fc *fakeConn)) *fakeServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	fs := &fakeServer{t: t, ln: ln, done: make(chan struct{})}
	go func() {
		defer close(fs.done)
		nc, err := ln.Accept()
		if err != nil {
			return
		}
		defer nc.Close()
		nc.SetDeadline(time.Now().Add(30 * time.Second))
		r := sqli.NewReader(nc)
		fc := &fakeConn{t: t, nc: nc, r: r, dec: sqli.NewClientDecoder(r), w: sqli.NewWriter(nc)}
		script(fc)
	}()
	t.Cleanup(func() {
		ln.Close()
		<-fs.done
	})
	return fs
}

// config returns a client Config for the fake server: database "db" with
// DB_LOCALE set, so that no GL_COLLATE lookup runs.
func (fs *fakeServer) config() *Config {
	return &Config{Addr: fs.ln.Addr().String(), User: "u", Password: "p", Server: "s", Database: "db",
		DBLocale: "en_US.819", InterruptTimeout: 2 * time.Second}
}

// handshake answers the login, SQ_PROTOCOLS, SQ_INFO and SQ_DBOPEN (a
// logged database). It reports false when the client went away.
func (fc *fakeConn) handshake() bool {
	var req sqli.LoginRequest
	if err := req.Decode(fc.r); err != nil {
		return false
	}
	resp := &sqli.LoginResponse{SLType: sqli.SLAccept, SLProtocol: sqli.SLProtocolSQLI, ProtocolID: 61,
		FloatFormat: "IEEEI", Product: "srvinfx", Version: "fake", Result: sqli.ASCEOT}
	resp.Encode(fc.w.Encoder())
	if fc.w.Flush() != nil || fc.group() == nil {
		return false
	}
	fc.r.Features = sqli.FeaturesOf(serverFeatures)
	fc.w.SetFeatures(fc.r.Features)
	fc.send(&sqli.Protocols{Bitmap: serverFeatures}, &sqli.EOT{})
	if fc.group() == nil {
		return false
	}
	fc.send(&sqli.EOT{})
	if fc.group() == nil {
		return false
	}
	fc.send(&sqli.Done{Warnings: sqli.DoneLogged}, &sqli.Cost{}, &sqli.EOT{})
	return true
}

// group reads one request group and returns its tags (SQ_EOT last), or
// nil when the client went away or sent something undecodable.
func (fc *fakeConn) group() []sqli.Tag {
	var tags []sqli.Tag
	for {
		m, err := fc.dec.Next()
		if err != nil {
			return nil
		}
		tags = append(tags, m.Tag())
		if m.Tag() == sqli.TagEOT {
			return tags
		}
	}
}

// send encodes msgs and writes them in one write.
func (fc *fakeConn) send(msgs ...sqli.ServerMessage) {
	for _, m := range msgs {
		fc.w.Send(m)
	}
	if err := fc.w.Flush(); err != nil {
		fc.t.Logf("fake server: %v", err)
	}
}

// sendRaw writes b as it is.
func (fc *fakeConn) sendRaw(b []byte) { fc.nc.Write(b) }

// describeInt is the SQ_DESCRIBE of "SELECT n" with one INTEGER column,
// as statement 0.
func describeInt() *sqli.Describe {
	return &sqli.Describe{StatementType: sqli.StmtSelect, TupleSize: 4,
		Columns: []sqli.DescribeColumn{{Name: "n", Type: sqli.TypeInteger, Length: 4}}}
}

// intTuple is the SQ_TUPLE of one INTEGER row.
func intTuple(n byte) *sqli.Tuple { return &sqli.Tuple{Data: []byte{0, 0, 0, n}} }
