package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// lines returns the history from the oldest line to the newest, through
// the term.History methods.
func lines(h *history) []string {
	var out []string
	for i := h.Len() - 1; i >= 0; i-- {
		out = append(out, h.At(i))
	}
	return out
}

func TestHistory(t *testing.T) {
	h := &history{max: 3}
	for _, l := range []string{"a", "", "  ", "b", "b", "c", "d", "b"} {
		h.Add(l)
	}
	// Blank lines and the repeated "b" are dropped; "a" fell off (max 3).
	if got, want := lines(h), []string{"c", "d", "b"}; !slices.Equal(got, want) {
		t.Errorf("history %q, want %q", got, want)
	}
	if h.At(0) != "b" {
		t.Errorf("At(0) = %q, want the newest line", h.At(0))
	}
}

func TestHistoryFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hist")
	if err := os.WriteFile(path, []byte("SELECT 1;\n\nSELECT 2;\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	h, err := openHistory(path)
	if err != nil {
		t.Fatal(err)
	}
	h.Add("SELECT 3;")
	if err := h.close(); err != nil {
		t.Fatal(err)
	}
	if got, want := lines(h), []string{"SELECT 1;", "SELECT 2;", "SELECT 3;"}; !slices.Equal(got, want) {
		t.Errorf("history %q, want %q", got, want)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := "SELECT 1;\n\nSELECT 2;\nSELECT 3;\n"; string(data) != want {
		t.Errorf("file %q, want %q", data, want)
	}

	// A history that cannot be written is kept in memory, with an error
	// naming the file.
	h, err = openHistory(filepath.Join(t.TempDir(), "no-such-dir", "hist"))
	if err == nil || !strings.Contains(err.Error(), "no-such-dir") {
		t.Errorf("error %v, want one naming the file", err)
	}
	h.Add("x")
	if h.Len() != 1 {
		t.Errorf("in-memory history holds %d lines, want 1", h.Len())
	}
}
