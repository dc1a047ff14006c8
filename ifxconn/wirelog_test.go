package ifxconn

import (
	"testing"

	"github.com/go-informix/informix/internal/transcript"
)

// memWireLog keeps every connection's wire log in memory (an
// ifxtest.WireLog), so a test can render what the driver sent.
type memWireLog struct{ transcript.MemLog }

func newMemWireLog() *memWireLog { return &memWireLog{} }

// transcriptOf renders connection id's wire log (1 for the first).
func (l *memWireLog) transcriptOf(t *testing.T, id uint64) []string {
	t.Helper()
	lines, err := l.Render(id)
	if err != nil {
		t.Fatal(err)
	}
	return lines
}

// goldenConnections reads a golden transcript of conformance/testdata into
// its connections' lines.
func goldenConnections(t *testing.T, name string) [][]string {
	t.Helper()
	conns, err := transcript.ReadGolden("../conformance/testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return conns
}

// compareTranscripts requires got to equal want line by line, reporting
// the first differences.
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

// clip shortens a value for an error message.
func clip(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}
