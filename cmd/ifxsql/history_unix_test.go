//go:build unix

package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestHistoryFileMode: the history file is private to its owner (Unix
// permissions; Windows has none of this form).
func TestHistoryFileMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hist")
	h, err := openHistory(path)
	if err != nil {
		t.Fatal(err)
	}
	defer h.close()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm != 0o600 {
		t.Errorf("history file mode %v, want -rw-------", perm)
	}
}
