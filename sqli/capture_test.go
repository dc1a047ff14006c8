package sqli

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

// captureExcerptPath holds the only real-server login bytes the project
// has: the first 80 bytes each way of IBM JDBC logging in to IDS 15.0
// (SQLI.md appendix C; provenance in the file's header).
const captureExcerptPath = "testdata/connect-only-excerpt.txt"

// parseCaptureExcerpt returns the client's ("> OUT") and the server's
// ("< IN") bytes of a socat hex excerpt, ignoring "#" header lines, ";"
// annotations and the "..." cut marks.
func parseCaptureExcerpt(path string) (out, in []byte, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	var cur *[]byte
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), ";")
		line = strings.TrimSpace(line)
		switch {
		case line == "" || line == "..." || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "> OUT"):
			cur, line = &out, strings.TrimPrefix(line, "> OUT")
		case strings.HasPrefix(line, "< IN"):
			cur, line = &in, strings.TrimPrefix(line, "< IN")
		}
		if cur == nil {
			return nil, nil, fmt.Errorf("%s:%d: bytes before any direction marker", path, n)
		}
		b, err := hex.DecodeString(strings.Join(strings.Fields(line), ""))
		if err != nil {
			return nil, nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		*cur = append(*cur, b...)
	}
	return out, in, sc.Err()
}

// readCaptureExcerpt is parseCaptureExcerpt for tests; each direction must
// hold the 80 bytes the excerpt published.
func readCaptureExcerpt(t *testing.T) (out, in []byte) {
	t.Helper()
	out, in, err := parseCaptureExcerpt(captureExcerptPath)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 80 || len(in) != 80 {
		t.Fatalf("excerpt has %d client and %d server bytes, want 80 each", len(out), len(in))
	}
	return out, in
}

// captureReaders returns the two ways a packet reaches Decode: a complete slice,
// and a stream that delivers one byte per read.
func captureReaders(b []byte) map[string]*Reader {
	return map[string]*Reader{
		"bytes":  NewBytesReader(b),
		"stream": NewReader(iotest.OneByteReader(bytes.NewReader(b))),
	}
}

// TestCaptureLoginRequest decodes the client's 80 bytes. The header
// announces 451 bytes, so decoding stops short, inside the user name, with
// io.ErrUnexpectedEOF after 74 of the 445 body bytes. The fields before the
// cut are SQLI.md §3.2's decoding of this excerpt [W]; Decode reaching
// them also proves SL type 1 and markers 100, 101 and 108, which it checks.
// The product field here is the 13-byte form, so "9.280" decoding at all
// shows the tolerant reading (open question 20).
func TestCaptureLoginRequest(t *testing.T) {
	out, _ := readCaptureExcerpt(t)
	want := LoginRequest{
		PacketLength: 451, SLProtocol: 60, SLFlags: 0,
		ProtocolID: 61, FloatFormat: "IEEEM", Product: "sqlexec", Version: "9.280",
		Serial: "RDS#R000000", Application: "sqli", Cap1: 316, Cap2: 0, Cap3: 0, UserType: 1,
	}
	for name, r := range captureReaders(out) {
		t.Run(name, func(t *testing.T) {
			var got LoginRequest
			err := got.Decode(r)
			if !errors.Is(err, io.ErrUnexpectedEOF) || !strings.Contains(err.Error(), "74 of 445 bytes") {
				t.Fatalf("err = %v, want io.ErrUnexpectedEOF after 74 of 445 body bytes", err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("decoded before the cut:\n got %#v\nwant %#v", got, want)
			}
		})
	}
}

// TestCaptureLoginResponse decodes the server's 80 bytes: a CONACC of 276
// bytes with flags 0x1000, cut inside the 47-byte version string after its
// first 41 bytes (SQLI.md appendix C [W]).
func TestCaptureLoginResponse(t *testing.T) {
	_, in := readCaptureExcerpt(t)
	want := LoginResponse{
		PacketLength: 276, SLType: SLAccept, SLProtocol: 60, SLFlags: 0x1000,
		ProtocolID: 61, FloatFormat: "IEEEI", Product: "srvinfx",
		Version: "IBM Informix Dynamic Server Version 15.0.",
	}
	for name, r := range captureReaders(in) {
		t.Run(name, func(t *testing.T) {
			var got LoginResponse
			err := got.Decode(r)
			if !errors.Is(err, io.ErrUnexpectedEOF) || !strings.Contains(err.Error(), "74 of 270 bytes") {
				t.Fatalf("err = %v, want io.ErrUnexpectedEOF after 74 of 270 body bytes", err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("decoded before the cut:\n got %#v\nwant %#v", got, want)
			}
		})
	}
}

// TestCaptureDirections checks that each decoder refuses the other
// direction's packet on its session-layer type: the client's packet is
// type 1 (CONREQ), the server's type 2 (CONACC) [W].
func TestCaptureDirections(t *testing.T) {
	out, in := readCaptureExcerpt(t)
	if err := new(LoginRequest).Decode(NewBytesReader(in)); err == nil || !strings.Contains(err.Error(), "session-layer type 2") {
		t.Fatalf("server packet as a request: err = %v, want a refusal of SL type 2", err)
	}
	if err := new(LoginResponse).Decode(NewBytesReader(out)); err == nil || !strings.Contains(err.Error(), "session-layer type 1") {
		t.Fatalf("client packet as an answer: err = %v, want a refusal of SL type 1", err)
	}
}
