package main

import (
	"fmt"
	"io"
	"time"
)

// progressEvery is the least time between two updates of the progress
// line: four a second at most.
const progressEvery = 250 * time.Millisecond

// progress shows, on one line of w that it rewrites with '\r', how many
// rows of a result have been written so far. It is meant for a terminal
// on standard error while the result itself goes to a file or a pipe
// (progressFor decides). Nothing is shown for a result that ends
// within its first interval; the line is updated at most once per
// interval, and a result that showed it ends it with the final count and
// a newline. The methods of a nil *progress do nothing.
type progress struct {
	w        io.Writer
	now      func() time.Time
	interval time.Duration
	last     time.Time
	rows     int64
	shown    bool
}

// progressFor returns the progress line for results written to out: on
// stderr when stderr is a terminal and out is not (a file, a pipe), else
// none. isTerm says whether a writer is a terminal.
func progressFor(stderr, out io.Writer, isTerm func(any) bool) *progress {
	if isTerm(stderr) && !isTerm(out) {
		return newProgress(stderr, time.Now, progressEvery)
	}
	return nil
}

// newProgress returns a progress writing to w, reading the time from now.
func newProgress(w io.Writer, now func() time.Time, interval time.Duration) *progress {
	return &progress{w: w, now: now, interval: interval}
}

// begin starts counting the rows of a result.
func (p *progress) begin() {
	if p == nil {
		return
	}
	p.rows, p.shown, p.last = 0, false, p.now()
}

// add counts one row written and shows the count when the interval has
// passed since it was last shown (or since begin).
func (p *progress) add() {
	if p == nil {
		return
	}
	p.rows++
	if t := p.now(); t.Sub(p.last) >= p.interval {
		p.last, p.shown = t, true
		fmt.Fprintf(p.w, "\rrows: %d", p.rows)
	}
}

// done ends the result: when the count was shown, it is shown a last time,
// completed, on a line of its own.
func (p *progress) done() {
	if p == nil || !p.shown {
		return
	}
	fmt.Fprintf(p.w, "\rrows: %d, done\n", p.rows)
	p.shown = false
}
