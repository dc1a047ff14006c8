package sqli

import "testing"

func TestBareMessages(t *testing.T) {
	bare := []Message{
		&EOT{}, &NDescribe{}, &WantDone{}, &Open{}, &Execute{}, &Close{}, &Release{},
		&Hold{}, &AutoFree{}, &Scroll{}, &CIDescribe{}, &Begin{}, &CommitWork{},
		&DBClose{}, &Exit{}, &BatchStart{}, &BatchEnd{},
	}
	for _, m := range bare {
		t.Run(m.Tag().String(), func(t *testing.T) {
			b := roundTrip(t, m, Features{})
			if len(b) != 2 || Tag(int16(b[0])<<8|int16(b[1])) != m.Tag() {
				t.Fatalf("%T encodes to % x, want the bare tag %d", m, b, m.Tag())
			}
		})
	}
}

// TestExitBytes checks JDBC's disconnect: a lone 00 38 (SQLI.md §7.8; [J: S1]).
func TestExitBytes(t *testing.T) {
	if b := mustEncode(t, &Exit{}, Features{}); string(b) != "\x00\x38" {
		t.Fatalf("SQ_EXIT = % x", b)
	}
}
