package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseCommand(t *testing.T) {
	tests := []struct {
		line string
		want command
		bad  bool
	}{
		{line: "run fetch_rows 3 SELECT id, name FROM bench_rows", want: command{fetchRows, 3, "SELECT id, name FROM bench_rows"}},
		{line: "run connect 100", want: command{connectOp, 100, ""}},
		{line: "run insert 5 INSERT INTO t VALUES (?, ?)", want: command{insertRows, 5, "INSERT INTO t VALUES (?, ?)"}},
		{line: "run nosuch 1", bad: true},
		{line: "run connect 0", bad: true},
		{line: "run connect x", bad: true},
		{line: "walk connect 1", bad: true},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			got, err := parseCommand(tt.line)
			if tt.bad {
				if err == nil {
					t.Fatalf("parseCommand = %+v, want an error", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("parseCommand = %+v, want %+v", got, tt.want)
			}
			if got.line() != tt.line {
				t.Errorf("line() = %q, want %q", got.line(), tt.line)
			}
		})
	}
}

func TestParseResult(t *testing.T) {
	w, r, err := parseResult("result select_one 3 3 450000 100000 150000 200000")
	if err != nil {
		t.Fatal(err)
	}
	if w != selectOne || r.count != 3 || r.checksum != 3 || r.elapsed != 450*time.Microsecond {
		t.Errorf("parseResult = %s %+v", w, r)
	}
	want := []time.Duration{100 * time.Microsecond, 150 * time.Microsecond, 200 * time.Microsecond}
	if len(r.samples) != 3 || r.samples[0] != want[0] || r.samples[1] != want[1] || r.samples[2] != want[2] {
		t.Errorf("samples = %v, want %v", r.samples, want)
	}
	if got := r.line(w); got != "result select_one 3 3 450000 100000 150000 200000" {
		t.Errorf("line() = %q", got)
	}
	for _, bad := range []string{"result fetch_rows 1 2", "ready", "result fetch_rows 1 2 x", "result fetch_rows 1 2 0"} {
		if _, _, err := parseResult(bad); err == nil {
			t.Errorf("parseResult(%q): no error", bad)
		}
	}
}

// fakeClient answers every command with n rows, n·10 as checksum and n ms,
// and fails for the connect workload.
type fakeClient struct{ closed bool }

func (f *fakeClient) run(_ context.Context, c command) (result, error) {
	if c.w == connectOp {
		return result{}, errors.New("refused\nsecond line")
	}
	return result{count: int64(c.n), checksum: int64(c.n) * 10, elapsed: time.Duration(c.n) * time.Millisecond}, nil
}

func (f *fakeClient) close() error {
	f.closed = true
	return nil
}

func TestServeClient(t *testing.T) {
	in := strings.NewReader("run fetch_wide 2 SELECT * FROM bench_wide\nrun connect 1\nbogus\nquit\nrun fetch_wide 9\n")
	var out bytes.Buffer
	c := &fakeClient{}
	if err := serveClient(context.Background(), in, &out, c, []string{"runtime test"}); err != nil {
		t.Fatal(err)
	}
	want := "info runtime test\nready\n" +
		"result fetch_wide 2 20 2000000\n" +
		"error connect: refused | second line\n" +
		"error protocol: \"bogus\" is not a run command\n"
	if out.String() != want {
		t.Errorf("output:\n%s\nwant:\n%s", out.String(), want)
	}
	if !c.closed {
		t.Error("the client was not closed after quit")
	}
}
