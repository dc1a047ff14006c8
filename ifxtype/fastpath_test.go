package ifxtype

import (
	"bytes"
	"strings"
	"testing"
)

// TestAppendASCIIPrefixThenConvert checks Append on strings whose ASCII
// run crosses the eight-byte words asciiPrefix tests: the ASCII is copied,
// the rest converted, and a character the code set lacks is named at its
// byte offset in the whole string. Latin-1 é is byte E9 (ISO 8859-1).
func TestAppendASCIIPrefixThenConvert(t *testing.T) {
	tests := []struct {
		name    string
		cs      CodeSet
		in      string
		want    []byte
		wantErr string
	}{
		{"ascii 17 bytes", Latin1, "customer 12345678", []byte("customer 12345678"), ""},
		{"é after 9 ascii", Latin1, "customer é", append([]byte("customer "), 0xe9), ""},
		{"€ at byte 10 in 8859-1", Latin1, "abcdefghij€", nil, "at byte 10 "},
		{"é at byte 8 in ASCII", mustCodeSet(t, "ASCII"), "abcdefghé", nil, "at byte 8 "},
		{"invalid UTF-8 at byte 16", Latin1, "abcdefghijklmnop\xff", nil, "invalid UTF-8 at byte 16"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.cs.Append([]byte(">"), tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Append(%q) = %q, %v; want an error containing %q", tt.in, got, err, tt.wantErr)
				}
				if string(got) != ">" {
					t.Errorf("Append(%q) left %q, want dst unchanged", tt.in, got)
				}
				return
			}
			if err != nil || !bytes.Equal(got, append([]byte(">"), tt.want...)) {
				t.Errorf("Append(%q) = % x, %v; want 3e % x", tt.in, got, err, tt.want)
			}
		})
	}
}

// TestASCIIPrefix checks the word-at-a-time scan at every position of a
// non-ASCII byte in a 20-byte input.
func TestASCIIPrefix(t *testing.T) {
	for i := 0; i <= 20; i++ {
		b := bytes.Repeat([]byte{'a'}, 20)
		want := 20
		if i < 20 {
			b[i], want = 0x80, i
		}
		if got := asciiPrefix(b); got != want {
			t.Errorf("asciiPrefix with byte 80 at %d = %d, want %d", i, got, want)
		}
		if got := asciiPrefix(string(b)); got != want {
			t.Errorf("asciiPrefix(string) with byte 80 at %d = %d, want %d", i, got, want)
		}
	}
}

// TestPairAlignedPackedMatchesDigits checks that the pair-aligned
// encoder and decoder agree with the digit-grid ones for every DATETIME
// qualifier and for INTERVAL qualifiers of even leading precision, on the
// largest value of each layout and on a value with distinct digits.
func TestPairAlignedPackedMatchesDigits(t *testing.T) {
	var layouts []fieldLayout
	for start := range 16 {
		for end := range 16 {
			if e := dateTimeLayouts[start][end]; e.valid {
				layouts = append(layouts, e.l)
			}
			for _, p := range []int{2, 4, 6, 8} {
				if q, err := IntervalQualifier(TimeUnit(start), p, TimeUnit(end)); err == nil {
					l, err := layoutOf(q)
					if err != nil {
						t.Fatal(err)
					}
					layouts = append(layouts, l)
				}
			}
		}
	}
	if len(layouts) < 40 {
		t.Fatalf("only %d layouts", len(layouts))
	}
	for _, l := range layouts {
		if !l.pairAligned() {
			t.Fatalf("layout %+v is not pair-aligned", l)
		}
		for _, fv := range []fieldValues{maxFields(l, 9), maxFields(l, 3)} {
			pairs := l.appendFieldPairs(nil, fv)
			digits := l.appendFieldDigits(nil, fv)
			if !bytes.Equal(pairs, digits) {
				t.Errorf("layout %+v: pairs % x, digits % x", l, pairs, digits)
			}
			var grid [maxGridPairs]byte
			copy(grid[:], pairs)
			var a, b fieldValues
			errA, errB := l.fieldsFromPairs(&grid, &a), l.fieldsFromDigits(&grid, &b)
			if errA != nil || errB != nil || a != b || a != fv {
				t.Errorf("layout %+v: read back %+v (%v) and %+v (%v), want %+v", l, a, errA, b, errB, fv)
			}
		}
	}
}

// maxFields returns the value of l whose every digit is d.
func maxFields(l fieldLayout, d int64) fieldValues {
	var fv fieldValues
	rep := func(n int) int64 {
		var v int64
		for range n {
			v = v*10 + d
		}
		return v
	}
	for i := l.first; i <= l.last; i++ {
		w := 2
		if i == l.first {
			w = l.lead
		}
		fv.v[i] = rep(w)
	}
	fv.ns = rep(l.frac) * fracUnit[l.frac]
	return fv
}

// TestAppendPackedYearToFraction5 is a vector worked by hand from TYPES.md
// §5.5 and the fixed layout of appendPacked: 2026-05-04 12:34:56.12345 as
// YEAR TO FRACTION(5) has 14 whole digits (7 pairs) and 5 fraction digits
// padded to 6 (3 pairs), so the header is 0x80 | (7 + 64) = c7 and the
// pairs 20 26 05 04 12 34 56 12 34 50 are 14 1a 05 04 0c 22 38 0c 22 32.
func TestAppendPackedYearToFraction5(t *testing.T) {
	l, err := dateTimeLayout(qualYearToFraction5)
	if err != nil {
		t.Fatal(err)
	}
	fv := fieldValues{v: [fieldFraction]int64{2026, 5, 4, 12, 34, 56}, ns: 123450000}
	want := []byte{0xc7, 0x14, 0x1a, 0x05, 0x04, 0x0c, 0x22, 0x38, 0x0c, 0x22, 0x32}
	if got := l.appendPacked(nil, fv); !bytes.Equal(got, want) {
		t.Errorf("appendPacked = % x, want % x", got, want)
	}
	got, err := l.parsePacked(want)
	if err != nil || got != fv {
		t.Errorf("parsePacked = %+v, %v; want %+v", got, err, fv)
	}
}

// TestPairsCoef checks the uint64 and 128-bit parts of pairsCoef against
// numbers written out by hand: the pairs 12 34 … spell their decimal
// digits.
func TestPairsCoef(t *testing.T) {
	tests := []struct {
		pairs []byte
		want  string
	}{
		{nil, "0"},
		{[]byte{7}, "7"},
		{[]byte{12, 34, 56, 78, 90, 12, 34, 56, 78}, "123456789012345678"},
		{[]byte{99, 99, 99, 99, 99, 99, 99, 99, 99, 99}, "99999999999999999999"},
		{[]byte{12, 34, 56, 78, 90, 12, 34, 56, 78, 90, 12, 34, 56, 78, 90, 12}, "12345678901234567890123456789012"},
	}
	for _, tt := range tests {
		if got := string(pairsCoef(tt.pairs).appendDigits(nil)); got != tt.want {
			t.Errorf("pairsCoef(%v) = %s, want %s", tt.pairs, got, tt.want)
		}
	}
}
