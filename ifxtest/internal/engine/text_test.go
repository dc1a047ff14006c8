package engine

import "testing"

// TestLikeMatches checks LIKE and MATCHES wildcards (IBM Guide to SQL:
// Syntax, LIKE and MATCHES Condition): % _ for LIKE, * ? [...] for
// MATCHES, backslash as the default escape.
func TestLikeMatches(t *testing.T) {
	tests := []struct {
		s, pat  string
		matches bool
		esc     rune
		want    bool
	}{
		{"abc", "abc", false, '\\', true},
		{"abc", "a%", false, '\\', true},
		{"abc", "%c", false, '\\', true},
		{"abc", "a_c", false, '\\', true},
		{"abc", "a_", false, '\\', false},
		{"ABC", "abc", false, '\\', false}, // case matters
		{"a%c", `a\%c`, false, '\\', true},
		{"abc", `a\%c`, false, '\\', false},
		{"a_c", "a!_c", false, '!', true},
		{"", "%", false, '\\', true},
		{"abc", "a*", true, '\\', true},
		{"abc", "?b?", true, '\\', true},
		{"abc", "[a-b]bc", true, '\\', true},
		{"cbc", "[a-b]bc", true, '\\', false},
		{"cbc", "[^a-b]bc", true, '\\', true},
		{"a*c", `a\*c`, true, '\\', true},
		{"abc", "a%", true, '\\', false}, // % is literal in MATCHES
		{"héllo", "h_llo", false, '\\', true},
		{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", "%a%a%a%a%a%a%a%a%c", false, '\\', false},
	}
	for _, tt := range tests {
		got := likeMatch([]rune(tt.s), compileLike([]rune(tt.pat), tt.esc, tt.matches))
		if got != tt.want {
			t.Errorf("%q LIKE/MATCHES(%v) %q = %v, want %v", tt.s, tt.matches, tt.pat, got, tt.want)
		}
	}
}

// TestDBDate checks DBDATE formats (IBM Guide to SQL: Reference, DBDATE):
// the order of month, day and year, two- or four-digit years, and the
// separator. Day numbers are those of TYPES.md §5.6 (2026-05-04 is 46145).
func TestDBDate(t *testing.T) {
	tests := []struct {
		dbdate, text string
		days         int64
	}{
		{"MDY4/", "05/04/2026", 46145},
		{"", "05/04/2026", 46145}, // MDY4/ is the default
		{"DMY4.", "04.05.2026", 46145},
		{"Y4MD-", "2026-05-04", 46145},
		{"Y2MD/", "26/05/04", 46145},
		{"DMY20", "040526", 46145},
		{"Y4MD0", "20260504", 46145},
		{"MDY4/", "12/31/1899", 0},
		{"MDY4/", "01/01/1900", 1},
	}
	for _, tt := range tests {
		f := parseDBDate(tt.dbdate)
		got, err := f.parse(tt.text)
		if err != nil || got != tt.days {
			t.Errorf("DBDATE %q: %q = %d, %v; want %d", tt.dbdate, tt.text, got, err, tt.days)
			continue
		}
		if back := f.format(got); back != tt.text {
			t.Errorf("DBDATE %q: day %d formats as %q, want %q", tt.dbdate, got, back, tt.text)
		}
	}
	for _, bad := range []struct {
		text string
		code int
	}{{"13/01/2026", -1205}, {"02/30/2026", -1206}, {"1/2", -1218}, {"1234567", -1209}, {"ab/cd/efgh", -1218}} {
		_, err := defaultDBDate.parse(bad.text)
		if err == nil || err.SQLCode != bad.code {
			t.Errorf("%q: %v, want %d", bad.text, err, bad.code)
		}
	}
}

// TestExtendFromNow checks that EXTEND takes the fields a DATETIME lacks
// before its first from the current time and sets those after its last to
// their lowest value (IBM Guide to SQL: Syntax, EXTEND).
func TestExtendFromNow(t *testing.T) {
	s := loggedSession(t)
	got := one(t, s, "select extend(datetime(12:30) hour to minute, year to second) from systables where tabid = 1")
	want := "2026-05-04 12:30:00" // the test clock's date
	if got.(interface{ String() string }).String() != want {
		t.Errorf("extend = %v, want %s", got, want)
	}
	got = one(t, s, "select extend(datetime(2026-02) year to month, year to day) from systables where tabid = 1")
	if got.(interface{ String() string }).String() != "2026-02-01" {
		t.Errorf("extend = %v, want 2026-02-01", got)
	}
}
