package main

import (
	"bytes"
	"testing"
	"time"
)

// fakeClock is a clock the test moves by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

// TestProgress drives the progress line with a clock that moves 100 ms
// per row and an interval of 250 ms: the count is shown at the rows
// where 250 ms or more have passed since it was last shown (or since
// begin), rows 3 (300 ms) and 6 (600 ms), then completed at the end.
func TestProgress(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	var b bytes.Buffer
	p := newProgress(&b, clock.now, 250*time.Millisecond)
	p.begin()
	for range 7 {
		clock.t = clock.t.Add(100 * time.Millisecond)
		p.add()
	}
	p.done()
	if want := "\rrows: 3\rrows: 6\rrows: 7, done\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}

	// A short result shows nothing, and a new result counts from 0.
	b.Reset()
	p.begin()
	p.add()
	p.done()
	if b.Len() != 0 {
		t.Errorf("short result wrote %q", b.String())
	}
}

func TestProgressNil(t *testing.T) {
	var p *progress
	p.begin()
	p.add()
	p.done() // must not panic
}

func TestProgressFor(t *testing.T) {
	stderr, out := &bytes.Buffer{}, &bytes.Buffer{}
	tests := []struct {
		stderrTerm, outTerm, want bool
	}{
		{true, false, true},   // results to a file, stderr on the terminal
		{true, true, false},   // results on the terminal themselves
		{false, false, false}, // nobody to show it to
		{false, true, false},
	}
	for _, tt := range tests {
		isTerm := func(w any) bool {
			if w == any(stderr) {
				return tt.stderrTerm
			}
			return tt.outTerm
		}
		if got := progressFor(stderr, out, isTerm) != nil; got != tt.want {
			t.Errorf("stderr terminal %v, out terminal %v: progress %v, want %v", tt.stderrTerm, tt.outTerm, got, tt.want)
		}
	}
}
