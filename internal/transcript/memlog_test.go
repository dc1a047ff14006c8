package transcript

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/go-informix/informix/ifxtest"
)

// TestMemLog: the chunks of each connection are kept (copied, since the
// server reuses its buffers) and rendered; an unknown connection is an
// error. Two bytes are too few for a login answer, so Render shows them
// undecoded: 000c, not the 00ff written over the caller's buffer later.
func TestMemLog(t *testing.T) {
	var l MemLog
	c := l.Connection(1, "127.0.0.1:1")
	b := []byte{0x00, 0x0c} // SQ_EOT
	c.Chunk(ifxtest.ToClient, 0, b)
	b[1] = 0xff
	lines, err := l.Render(1)
	if err != nil || len(lines) != 1 || !strings.HasPrefix(lines[0], "S ") || !strings.HasSuffix(lines[0], " 000c") {
		t.Errorf("Render(1) = %q, %v; want one server line of bytes 000c", lines, err)
	}
	if _, err := l.Render(2); err == nil {
		t.Error("Render of an unknown connection succeeded")
	}
}

// TestReadGoldenAndDiff reads a two-connection golden and compares it.
func TestReadGoldenAndDiff(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.golden")
	text := "# comment\n== connection 1\nC A 01\nS B 02\n== connection 2\nC C 03\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	conns, err := ReadGolden(path)
	want := [][]string{{"C A 01", "S B 02"}, {"C C 03"}}
	if err != nil || !reflect.DeepEqual(conns, want) {
		t.Fatalf("ReadGolden = %q, %v; want %q", conns, err, want)
	}
	diffs, n := Diff("JDBC", conns[0], "ours", []string{"C A 01", "S B 09", "S extra"}, 1)
	if n != 2 || len(diffs) != 1 || !strings.Contains(diffs[0], "line 2:\nJDBC: S B 02\nours: S B 09") {
		t.Errorf("Diff = %q, %d; want 2 differences, the first at line 2", diffs, n)
	}
}
