package main

import (
	"math"
	"testing"
	"time"
)

// stringer is a value with a String method, as the driver's DateTime of
// a DATETIME without YEAR.
type stringer struct{}

func (stringer) String() string { return "12:34" }

func TestTimeLayout(t *testing.T) {
	// 2024-01-02 03:04:05.678901234 written in each layout, by hand.
	v := time.Date(2024, 1, 2, 3, 4, 5, 678901234, time.UTC)
	tests := []struct{ dbType, want string }{
		{"DATE", "2024-01-02"},
		{"DATETIME YEAR TO YEAR", "2024"},
		{"DATETIME YEAR TO MONTH", "2024-01"},
		{"DATETIME YEAR TO DAY", "2024-01-02"},
		{"DATETIME YEAR TO HOUR", "2024-01-02 03"},
		{"DATETIME YEAR TO MINUTE", "2024-01-02 03:04"},
		{"DATETIME YEAR TO SECOND", "2024-01-02 03:04:05"},
		{"DATETIME YEAR TO FRACTION(1)", "2024-01-02 03:04:05.6"},
		{"DATETIME YEAR TO FRACTION(3)", "2024-01-02 03:04:05.678"},
		{"DATETIME YEAR TO FRACTION(5)", "2024-01-02 03:04:05.67890"},
		{"VARCHAR", "2024-01-02 03:04:05.678901234"},
	}
	for _, tt := range tests {
		c := column{dbType: tt.dbType, layout: timeLayout(tt.dbType)}
		if got, _ := c.text(v); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.dbType, got, tt.want)
		}
	}
}

func TestText(t *testing.T) {
	c := column{layout: timeLayout("")}
	tests := []struct {
		v    any
		want string
		null bool
	}{
		{nil, "", true},
		{"Åsa", "Åsa", false},
		{int64(-42), "-42", false},
		{1e6, "1000000", false},
		{1e21, "1e+21", false},
		{1e-7, "1e-7", false},
		{0.1, "0.1", false},
		{math.Inf(-1), "-Inf", false},
		{true, "t", false},
		{false, "f", false},
		{[]byte{0x00, 0xff}, "00ff", false},
		{stringer{}, "12:34", false},
		{int32(7), "7", false},
	}
	for _, tt := range tests {
		got, null := c.text(tt.v)
		if got != tt.want || null != tt.null {
			t.Errorf("text(%#v) = %q, %v; want %q, %v", tt.v, got, null, tt.want, tt.null)
		}
	}
}

func TestVisible(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain Müller", "plain Müller"},
		{"a\nb\r\tc", `a\nb\r\tc`},
		{"bell\x07", `bell\x07`},
		{"del\x7f", `del\x7f`},
		{"c1\u0085", `c1\x85`},
	}
	for _, tt := range tests {
		if got := visible(tt.in); got != tt.want {
			t.Errorf("visible(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDisplayWidth(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"Müller", 6},
		{"Mu\u0308ller", 6}, // u + combining diaeresis
		{"山田 花子", 9},
		{"ＡＢ", 4}, // full-width Latin
	}
	for _, tt := range tests {
		if got := displayWidth(tt.in); got != tt.want {
			t.Errorf("displayWidth(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
