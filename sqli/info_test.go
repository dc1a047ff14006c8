package sqli

import (
	"bytes"
	"strings"
	"testing"
)

var jdbcInfo = &Info{Env: []EnvVar{{"DBTEMP", "/tmp"}, {"SUBQCACHESZ", "10"}}}

var _ = addClientSamples(jdbcInfo, &Info{Env: []EnvVar{{"A", ""}, {"ODD", "abc"}}})

func TestInfoRoundTrip(t *testing.T) {
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			roundTrip(t, jdbcInfo, f)
			roundTrip(t, &Info{Env: []EnvVar{{"K", ""}, {"LONGER_KEY", "v"}}}, f)
			roundTrip(t, &Info{}, f)
		})
	}
}

// TestInfoVector checks the SQ_INFO + SQ_EOT example of SQLI.md §3.8.
// Computed, unconfirmed: the document's construction from the layout; its
// total 0x26 = 6 + (4+6+4) + (4+12+2) matches S4's captured bytes [B].
func TestInfoVector(t *testing.T) {
	want := unhex(t, `
		00 51 00 06 00 26 00 0c 00 04 00 06 44 42 54 45 4d 50 00 04 2f 74 6d 70
		00 0b 53 55 42 51 43 41 43 48 45 53 5a 00 00 02 31 30 00 00 00 00 00 0c`)
	got := append(mustEncode(t, jdbcInfo, Features{}), mustEncode(t, &EOT{}, Features{})...)
	if !bytes.Equal(got, want) {
		t.Fatalf("SQ_INFO\n got % x\nwant % x", got, want)
	}
	decodeAll(t, want[:len(want)-2], &Info{}, Features{})
}

// TestInfoToleratesTotal decodes S3's form, whose total is 2 bytes over
// the formula; the server accepted it (SQLI.md §3.8 [D: S3]).
func TestInfoToleratesTotal(t *testing.T) {
	b := mustEncode(t, jdbcInfo, Features{})
	b[5] += 2
	got := decodeAll(t, b, &Info{}, Features{}).(*Info)
	if len(got.Env) != 2 || got.Env[1] != (EnvVar{"SUBQCACHESZ", "10"}) {
		t.Fatalf("decoded %+v", got.Env)
	}
}

func TestInfoMalformed(t *testing.T) {
	cases := map[string]string{
		"item type 7":       "00 51 00 07 00 06 00 00 00 00 00 00 00 00",
		"end marker 0, 1":   "00 51 00 06 00 06 00 00 00 00 00 00 00 01",
		"value cut":         "00 51 00 06 00 0c 00 02 00 02 00 01 41 00 00 02 42",
		"no end marker":     "00 51 00 06 00 0c 00 02 00 02 00 01 41 00 00 01 42 00",
		"name over MaxChar": "00 51 00 06 00 06 00 00 00 00 ff ff",
	}
	for name, h := range cases {
		t.Run(name, func(t *testing.T) {
			r := NewBytesReader(unhex(t, h))
			r.SetLimits(Limits{MaxChar: 100})
			if _, err := r.ReadTag(); err != nil {
				t.Fatal(err)
			}
			if err := new(Info).Decode(r); err == nil {
				t.Fatal("decoded without error")
			}
		})
	}
}

func TestInfoEntryCap(t *testing.T) {
	b := mustEncode(t, &Info{Env: []EnvVar{{"A", "1"}, {"B", "2"}, {"C", "3"}}}, Features{})
	r := NewBytesReader(b)
	r.SetLimits(Limits{MaxEnv: 2})
	if _, err := r.ReadTag(); err != nil {
		t.Fatal(err)
	}
	var le *LimitError
	if err := new(Info).Decode(r); !asLimit(err, &le) || le.Limit != 2 {
		t.Fatalf("err = %v, want a LimitError with cap 2", err)
	}
}

func TestInfoEncodeErrors(t *testing.T) {
	for name, m := range map[string]*Info{
		"empty name":     {Env: []EnvVar{{"", "x"}}},
		"total over i16": {Env: []EnvVar{{"A", strings.Repeat("x", 20000)}, {"B", strings.Repeat("y", 20000)}}},
	} {
		if _, err := Encode(m, Features{}); err == nil {
			t.Errorf("%s: encoded without error", name)
		}
	}
}
