package transcript

import (
	"strings"
	"testing"

	"github.com/go-informix/informix/ifxtest"
	"github.com/go-informix/informix/sqli"
)

// loginChunk encodes a login request whose run-dependent fields are set
// from the arguments.
func loginChunk(t *testing.T, pid, thread int32, host, cwd, misc string) ifxtest.WireChunk {
	t.Helper()
	req := sqli.NewLoginRequest("informix", "in4mix", "ifxtest")
	req.Env = []sqli.EnvVar{{Name: "DBPATH", Value: "."}}
	req.PID, req.ThreadID, req.Hostname, req.Cwd, req.Misc = pid, thread, host, cwd, misc
	e := sqli.NewEncoder(nil, sqli.Features{})
	req.Encode(e)
	if err := e.Err(); err != nil {
		t.Fatal(err)
	}
	return ifxtest.WireChunk{Dir: ifxtest.FromClient, Data: e.Bytes()}
}

func chunk(dir ifxtest.Direction, hexBytes ...byte) ifxtest.WireChunk {
	return ifxtest.WireChunk{Dir: dir, Data: hexBytes}
}

func render(t *testing.T, chunks ...ifxtest.WireChunk) []string {
	t.Helper()
	lines, err := Render(chunks)
	if err != nil {
		t.Fatal(err)
	}
	return lines
}

// TestRenderMasksLogin checks that two logins differing only in the masked
// fields render to the same line, and that the masks sit where SQLI.md §3.2
// fields 27–28 put them: after marker 107 (00 6b) and a zero word, and
// before the final marker 127 (00 7f).
func TestRenderMasksLogin(t *testing.T) {
	a := render(t, loginChunk(t, 4242, 1, "host-a", "/work/a", "Thread[main]"))
	b := render(t, loginChunk(t, 7, 99, "another-host", "/", "informix-db@pid7"))
	if len(a) != 1 || len(b) != 1 {
		t.Fatalf("want one line each, got %q and %q", a, b)
	}
	if a[0] != b[0] {
		t.Errorf("masked logins differ:\n%s\n%s", a[0], b[0])
	}
	if !strings.HasPrefix(a[0], "C LOGIN_REQUEST {len}") {
		t.Errorf("line %q does not start with the masked length", a[0])
	}
	if want := "006b00000000{pid}{thread}{host}0000{cwd}0074{misc}007f"; !strings.HasSuffix(a[0], want) {
		t.Errorf("line %q does not end with %q", a[0], want)
	}
}

// TestRenderOrderAndUndecoded checks that request and answer groups
// alternate whatever the chunk order, that an urgent byte follows the
// client group logged before it, that SQ_ACK (00 80) is named, and that
// bytes no decoder knows end their direction in one UNDECODED line.
func TestRenderOrderAndUndecoded(t *testing.T) {
	lines := render(t,
		loginChunk(t, 1, 1, "h", "/", "m"),
		chunk(ifxtest.FromClient, 0x00, 0x80, 0x00, 0x0c), // SQ_ACK, SQ_EOT
		chunk(ifxtest.ToClient, 0x00, 0x0c),               // SQ_EOT (no login answer: undecodable)
		chunk(ifxtest.UrgentFromClient, 0x42),
		chunk(ifxtest.FromClient, 0x7f, 0xf0, 0x01), // no such tag
	)
	want := []string{
		"C LOGIN_REQUEST ",
		"S UNDECODED(",
		"C SQ_ACK 0080",
		"C SQ_EOT 000c",
		"C! URGENT 42",
		"C UNDECODED(sqli:_unknown_client_message_tag_32752",
	}
	checkPrefixes(t, lines, want)
	if !strings.HasSuffix(lines[5], ") 7ff001") {
		t.Errorf("undecoded line %q does not end with the bytes 7ff001", lines[5])
	}
}

// TestRenderPipelined checks that two request groups sent before the first
// answer render as request, answer, request, answer.
func TestRenderPipelined(t *testing.T) {
	loginAnswer := &sqli.LoginResponse{SLType: sqli.SLAccept, SLProtocol: sqli.SLProtocolSQLI, Result: sqli.ASCEOT}
	e := sqli.NewEncoder(nil, sqli.Features{})
	loginAnswer.Encode(e)
	if err := e.Err(); err != nil {
		t.Fatal(err)
	}
	lines := render(t,
		loginChunk(t, 1, 1, "h", "/", "m"),
		ifxtest.WireChunk{Dir: ifxtest.ToClient, Data: e.Bytes()},
		// SQ_BEGIN, SQ_EOT, SQ_CMMTWORK, SQ_EOT in one chunk.
		chunk(ifxtest.FromClient, 0x00, 0x23, 0x00, 0x0c, 0x00, 0x13, 0x00, 0x0c),
		chunk(ifxtest.ToClient, 0x00, 0x0c),
		chunk(ifxtest.ToClient, 0x00, 0x0c),
	)
	checkPrefixes(t, lines, []string{"C LOGIN_REQUEST", "S LOGIN_RESPONSE",
		"C SQ_BEGIN 0023", "C SQ_EOT", "S SQ_EOT", "C SQ_CMMTWORK 0013", "C SQ_EOT", "S SQ_EOT"})
}

func checkPrefixes(t *testing.T, lines, want []string) {
	t.Helper()
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(want), strings.Join(lines, "\n"))
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q, want prefix %q", i+1, lines[i], w)
		}
	}
}

// TestElide checks the elision rules on runs one over and at maxRun: of
// one line, of a two-line block, and of exchanges.
func TestElide(t *testing.T) {
	block := func(n int, names ...string) []line {
		var ls []line
		for i := range n {
			for _, nm := range names {
				ls = append(ls, line{dir: "S", name: nm, text: "S " + nm + " " + strings.Repeat("0", i%3+1)})
			}
		}
		return ls
	}
	if got := elideRuns(block(maxRun, "SQ_TUPLE")); len(got) != maxRun {
		t.Errorf("a run of %d lines became %d lines", maxRun, len(got))
	}
	got := elideRuns(block(maxRun+1, "SQ_TUPLE"))
	if len(got) != 6 || !strings.HasPrefix(got[3].text, "S … 16 more of the 1-message block starting SQ_TUPLE, sha256 ") {
		t.Errorf("a run of %d lines: got %d lines:\n%v", maxRun+1, len(got), got)
	}
	got = elideRuns(block(maxRun+1, "SQ_DONE", "SQ_COST"))
	if len(got) != 11 || !strings.HasPrefix(got[6].text, "S … 16 more of the 2-message block starting SQ_DONE, sha256 ") {
		t.Errorf("%d two-line blocks: got %d lines:\n%v", maxRun+1, len(got), got)
	}
	var ex []line
	for range maxRun + 1 {
		ex = append(ex, line{dir: "C", name: "SQ_BIND", text: "C SQ_BIND 01"},
			line{dir: "C", name: "SQ_EOT", text: "C SQ_EOT 000c"},
			line{dir: "S", name: "SQ_EOT", text: "S SQ_EOT 000c"})
	}
	out := elideExchanges(ex)
	if len(out) != 16 || !strings.HasPrefix(out[9], "… 16 more exchanges of the same shape, sha256 ") {
		t.Errorf("%d exchanges became %d lines:\n%s", maxRun+1, len(out), strings.Join(out, "\n"))
	}
}
