package ifxconn

import (
	"bufio"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/go-informix/informix/ifxtest"
	"github.com/go-informix/informix/internal/transcript"
)

// memWireLog keeps every connection's wire log in memory (an
// ifxtest.WireLog), so a test can render what the driver sent.
type memWireLog struct {
	mu    sync.Mutex
	conns map[uint64]*memConnLog
}

type memConnLog struct {
	mu     sync.Mutex
	chunks []ifxtest.WireChunk
}

func newMemWireLog() *memWireLog { return &memWireLog{conns: map[uint64]*memConnLog{}} }

func (l *memWireLog) Connection(id uint64, _ string) ifxtest.ConnLog {
	l.mu.Lock()
	defer l.mu.Unlock()
	c := &memConnLog{}
	l.conns[id] = c
	return c
}

func (c *memConnLog) Chunk(dir ifxtest.Direction, offset int64, b []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.chunks = append(c.chunks, ifxtest.WireChunk{Dir: dir, Offset: offset, Data: append([]byte(nil), b...)})
}

func (c *memConnLog) Close() error { return nil }

// transcriptOf renders connection id's wire log (1 for the first).
func (l *memWireLog) transcriptOf(t *testing.T, id uint64) []string {
	t.Helper()
	l.mu.Lock()
	c := l.conns[id]
	l.mu.Unlock()
	if c == nil {
		t.Fatalf("no wire log of connection %d", id)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	lines, err := transcript.Render(c.chunks)
	if err != nil {
		t.Fatal(err)
	}
	return lines
}

// goldenConnections reads a golden transcript of conformance/testdata into
// its connections' lines.
func goldenConnections(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open("../conformance/testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var conns [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "#"):
		case strings.HasPrefix(l, "== connection"):
			conns = append(conns, nil)
		case len(conns) > 0:
			conns[len(conns)-1] = append(conns[len(conns)-1], l)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return conns
}

// compareTranscripts requires got to equal want line by line, reporting
// the first differences.
func compareTranscripts(t *testing.T, want, got []string) {
	t.Helper()
	diffs := 0
	for i := 0; i < max(len(want), len(got)); i++ {
		var w, g string
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w != g {
			diffs++
			if diffs <= 5 {
				t.Errorf("line %d:\nJDBC: %s\nours: %s", i+1, clip(w), clip(g))
			}
		}
	}
	if diffs > 0 {
		t.Errorf("%d lines differ (JDBC %d lines, ours %d)", diffs, len(want), len(got))
	}
}

func clip(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}
