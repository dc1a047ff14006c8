package ifxtype

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// mustCodeSet returns the code set called name or fails the test.
func mustCodeSet(t testing.TB, name string) CodeSet {
	t.Helper()
	cs, err := LookupCodeSet(name)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// checkCodeSetVector requires that s converts to exactly the bytes wantHex
// in cs and back.
func checkCodeSetVector(t *testing.T, cs CodeSet, s, wantHex string) {
	t.Helper()
	want := scalarHex(t, wantHex)
	got, err := cs.Append([]byte{0xAA}, s)
	if err != nil || !bytes.Equal(got, append([]byte{0xAA}, want...)) {
		t.Errorf("%s Append(%q) = % x, %v; want aa % x", cs.Name(), s, got, err, want)
	}
	back, err := cs.Decode(want)
	if err != nil || back != s {
		t.Errorf("%s Decode(% x) = %q, %v; want %q", cs.Name(), want, back, err, s)
	}
}

// TestLookupCodeSetForms checks every row of the table of TYPES.md §7 ([H]
// S7) under each of its name forms, its number, and as a locale, in any
// case.
func TestLookupCodeSetForms(t *testing.T) {
	table := []struct {
		names  []string
		number int
	}{
		{[]string{"8859-1"}, 819}, {[]string{"8859-2"}, 912}, {[]string{"8859-3"}, 57346},
		{[]string{"8859-4"}, 57347}, {[]string{"8859-5"}, 915}, {[]string{"8859-6"}, 1089},
		{[]string{"8859-7"}, 813}, {[]string{"8859-8"}, 916}, {[]string{"8859-9"}, 920},
		{[]string{"ASCII"}, 364}, {[]string{"utf8"}, 57372},
		{[]string{"CP1250"}, 1250}, {[]string{"CP1251"}, 1251}, {[]string{"CP1252"}, 1252},
		{[]string{"CP1253"}, 1253}, {[]string{"CP1254"}, 1254}, {[]string{"CP1255"}, 1255},
		{[]string{"CP1256"}, 1256}, {[]string{"CP1257"}, 1257},
		{[]string{"sjis-s"}, 932}, {[]string{"sjis"}, 57350}, {[]string{"ujis"}, 57351},
		{[]string{"big5"}, 57352}, {[]string{"cp949", "ksc", "KS5601"}, 57356},
		{[]string{"gb", "GB2312-80", "cp936"}, 57357},
	}
	for _, row := range table {
		num := scalarItoa(row.number)
		forms := []string{num, "en_US." + num}
		for _, n := range row.names {
			forms = append(forms, n, strings.ToUpper(n), strings.ToLower(n), "en_US."+n, "de_DE."+strings.ToUpper(n))
		}
		for _, f := range forms {
			cs, err := LookupCodeSet(f)
			if err != nil || cs.Number() != row.number {
				t.Errorf("LookupCodeSet(%q) = %v, %v; want number %d", f, cs, err, row.number)
			}
		}
	}
}

// scalarItoa formats n without strconv, so the test does not share the code's
// formatting of numbers.
func scalarItoa(n int) string {
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// TestLookupCodeSetExamples checks the forms the assignment names and the
// exported variables.
func TestLookupCodeSetExamples(t *testing.T) {
	for name, want := range map[string]int{
		"en_US.utf8": 57372, "en_US.57372": 57372, "en_US.8859-1": 819, "en_US.819": 819,
		"de_DE.CP1252": 1252, "utf8": 57372, "8859-1": 819, "CP1252": 1252, "1252": 1252, "sjis-s": 932,
		"819": 819, "57372": 57372, "EN_us.UTF8": 57372,
	} {
		if cs := mustCodeSet(t, name); cs.Number() != want {
			t.Errorf("LookupCodeSet(%q).Number() = %d, want %d", name, cs.Number(), want)
		}
	}
	if UTF8.Name() != "utf8" || UTF8.Number() != 57372 || Latin1.Name() != "8859-1" || Latin1.Number() != 819 {
		t.Errorf("UTF8 = %s %d, Latin1 = %s %d", UTF8.Name(), UTF8.Number(), Latin1.Name(), Latin1.Number())
	}
}

// TestLookupCodeSetUnknown checks the error for unknown names.
func TestLookupCodeSetUnknown(t *testing.T) {
	for _, name := range []string{"en_US.klingon", "", "utf-16", ".utf8", "en_US", "en_US.utf8.x", "8859-1 ", "0819"} {
		_, err := LookupCodeSet(name)
		requireErrorNaming(t, err, "\""+name+"\"", "en_US.utf8", "8859-1", "819")
	}
}

// TestUTF8 checks 2- and 4-byte characters (bytes from the UTF-8 encoding
// rules: U+00E9 = 110_00011 10_101001, U+1F600 = 11110_000 10_011111
// 10_011000 10_000000) and invalid input.
func TestUTF8(t *testing.T) {
	checkCodeSetVector(t, UTF8, "café", "63 61 66 C3 A9") // TYPES.md §5.9, computed, unconfirmed
	checkCodeSetVector(t, UTF8, "😀", "F0 9F 98 80")
	checkCodeSetVector(t, UTF8, "", "")
	_, err := UTF8.Decode(scalarHex(t, "61 62 C3 28"))
	requireErrorNaming(t, err, "utf8", "invalid UTF-8", "byte 2", "c3 28")
	_, err = UTF8.Decode(scalarHex(t, "ED A0 80")) // a UTF-16 surrogate
	requireErrorNaming(t, err, "byte 0")
	_, err = UTF8.Append(nil, "ab\xffc")
	requireErrorNaming(t, err, "invalid UTF-8", "byte 2", "ff")
}

// TestLatin1 checks 'café' (TYPES.md §5.9: 63 61 66 E9, computed,
// unconfirmed), every byte mapping to the character of the same number
// (the definition of ISO 8859-1), and a character outside it.
func TestLatin1(t *testing.T) {
	checkCodeSetVector(t, Latin1, "café", "63 61 66 E9")
	all := make([]byte, 256)
	var want strings.Builder
	for i := range all {
		all[i] = byte(i)
		want.WriteRune(rune(i))
	}
	if s, err := Latin1.Decode(all); err != nil || s != want.String() {
		t.Errorf("Decode of all 256 bytes: %v", err)
	}
	_, err := Latin1.Append(nil, "abc€")
	requireErrorNaming(t, err, "8859-1", "'€'", "U+20AC", "byte 3")
	_, err = Latin1.Append(nil, "x😀")
	requireErrorNaming(t, err, "'😀'", "U+1F600", "byte 1")
}

// TestCP1252 checks the IBM technote fact of TYPES.md §7 (CP1252 byte 80 is
// "€", E2 82 AC in UTF-8), a character outside CP1252, and a byte CP1252
// leaves undefined (81, "#UNDEFINED" in unicode.org's CP1252.TXT).
func TestCP1252(t *testing.T) {
	cs := mustCodeSet(t, "CP1252")
	checkCodeSetVector(t, cs, "€", "80")
	checkCodeSetVector(t, cs, "café", "63 61 66 E9")
	_, err := cs.Append(nil, "ok Ā")
	requireErrorNaming(t, err, "CP1252", "'Ā'", "U+0100", "byte 3")
	_, err = cs.Decode(scalarHex(t, "41 81"))
	requireErrorNaming(t, err, "CP1252", "0x81", "offset 1")
}

// TestMultiByteCodeSets checks round trips of a few characters. The bytes
// were worked out by hand: 日 and 本 are JIS X 0208 0x467C and 0x4B5C,
// which give Shift-JIS 93 FA and 96 7B and EUC-JP C6 FC and CB DC (JIS +
// 0x8080); 中 and 文 are Big5 A4 A4 and A4 E5 and GB 2312 D6 D0 and CE C4;
// 한 and 국 are KS X 1001 C7 D1 and B1 B9. Half-width katakana ｱ (U+FF71)
// is the single Shift-JIS byte B1.
func TestMultiByteCodeSets(t *testing.T) {
	checkCodeSetVector(t, mustCodeSet(t, "sjis-s"), "a日本", "61 93 FA 96 7B")
	checkCodeSetVector(t, mustCodeSet(t, "sjis"), "ｱ", "B1")
	checkCodeSetVector(t, mustCodeSet(t, "ujis"), "日本", "C6 FC CB DC")
	checkCodeSetVector(t, mustCodeSet(t, "big5"), "中文", "A4 A4 A4 E5")
	checkCodeSetVector(t, mustCodeSet(t, "ksc"), "한국", "C7 D1 B1 B9")
	checkCodeSetVector(t, mustCodeSet(t, "cp936"), "中文", "D6 D0 CE C4")
}

// TestMultiByteErrors checks characters a multi-byte code set cannot hold
// and byte sequences it does not define.
func TestMultiByteErrors(t *testing.T) {
	sjis := mustCodeSet(t, "sjis-s")
	_, err := sjis.Append(nil, "日本é")
	requireErrorNaming(t, err, "sjis-s", "'é'", "U+00E9", "byte 6")
	_, err = sjis.Append(nil, "a\xff")
	requireErrorNaming(t, err, "invalid UTF-8", "byte 1")
	_, err = sjis.Decode(scalarHex(t, "61 62 FF 63")) // FF is no Shift-JIS byte
	requireErrorNaming(t, err, "sjis-s", "offset 2", "ff")
	_, err = sjis.Decode(scalarHex(t, "93 FA 93")) // a lead byte with no trail byte
	requireErrorNaming(t, err, "offset 2", "93")
	_, err = sjis.Decode(scalarHex(t, "93 FA 93 20")) // a trail byte outside 40..FC
	requireErrorNaming(t, err, "offset 2")
	// x/text decodes byte 80 as U+0080 but cannot encode U+0080 back.
	_, err = sjis.Decode(scalarHex(t, "61 80"))
	requireErrorNaming(t, err, "U+0080", "cannot encode back")
	_, err = mustCodeSet(t, "big5").Decode(scalarHex(t, "A4"))
	requireErrorNaming(t, err, "big5", "offset 0")
}

// TestCodeSetASCIICompatible checks what the fast paths assume: in every
// code set, ASCII bytes and characters convert to themselves. For code sets
// backed by x/text this asks x/text, not our fast path.
func TestCodeSetASCIICompatible(t *testing.T) {
	var ascii []byte
	for b := range utf8.RuneSelf {
		ascii = append(ascii, byte(b))
	}
	for _, row := range knownCodeSets {
		c := row.cs
		switch c.kind {
		case kindSingleByte:
			for _, b := range ascii {
				if r := c.table.DecodeByte(b); r != rune(b) {
					t.Errorf("%s: x/text decodes %#x as %U", c.name, b, r)
				}
				if e, ok := c.table.EncodeRune(rune(b)); !ok || e != b {
					t.Errorf("%s: x/text encodes %U as %#x, %v", c.name, b, e, ok)
				}
			}
		case kindMultiByte:
			dec, err := c.enc.NewDecoder().Bytes(ascii)
			if err != nil || !bytes.Equal(dec, ascii) {
				t.Errorf("%s: x/text decodes ASCII as % x, %v", c.name, dec, err)
			}
			enc, err := c.enc.NewEncoder().Bytes(ascii)
			if err != nil || !bytes.Equal(enc, ascii) {
				t.Errorf("%s: x/text encodes ASCII as % x, %v", c.name, enc, err)
			}
		}
		checkCodeSetVector(t, c, string(ascii), scalarHexOf(ascii))
	}
	if charmap.ISO8859_1.DecodeByte(0xE9) != 'é' {
		t.Error("x/text ISO8859_1 disagrees with the Latin1 fast path")
	}
}

// scalarHexOf formats b as hex digits for scalarHex.
func scalarHexOf(b []byte) string {
	const digits = "0123456789abcdef"
	out := make([]byte, 0, 2*len(b))
	for _, x := range b {
		out = append(out, digits[x>>4], digits[x&15])
	}
	return string(out)
}

// TestCodeSetASCIIAllocs checks that pure ASCII decodes with one allocation,
// the string, in every code set.
func TestCodeSetASCIIAllocs(t *testing.T) {
	in := []byte("SELECT name FROM customer WHERE id = 42")
	for _, row := range knownCodeSets {
		cs := row.cs
		allocs := testing.AllocsPerRun(50, func() {
			if _, err := cs.Decode(in); err != nil {
				t.Fatal(err)
			}
		})
		if allocs != 1 {
			t.Errorf("%s: %v allocations to decode ASCII, want 1", cs.name, allocs)
		}
	}
}

// TestCodeSetDecodeReencode checks, for random input in every code set,
// that whatever Decode accepts Append takes back and decodes to the same
// string, and that Append followed by Decode is the identity.
func TestCodeSetDecodeReencode(t *testing.T) {
	r := scalarRand(8)
	for _, row := range knownCodeSets {
		cs := row.cs
		var good []string
		for range 3000 {
			b := make([]byte, 1+r.IntN(6))
			for i := range b {
				b[i] = byte(r.Uint32())
			}
			s, err := cs.Decode(b)
			if err != nil {
				continue
			}
			good = append(good, s)
			enc, err := cs.Append(nil, s)
			if err != nil {
				t.Fatalf("%s: Decode(% x) = %q, but Append fails: %v", cs.name, b, s, err)
			}
			if s2, err := cs.Decode(enc); err != nil || s2 != s {
				t.Fatalf("%s: % x → %q → % x → %q, %v", cs.name, b, s, enc, s2, err)
			}
		}
		if len(good) < 100 {
			t.Errorf("%s: only %d of 3000 random inputs decoded; the test proves little", cs.name, len(good))
		}
	}
}

// TestCodeSetAppendKeepsDst checks that a failed Append leaves dst as it
// was.
func TestCodeSetAppendKeepsDst(t *testing.T) {
	for _, name := range []string{"8859-1", "sjis-s", "utf8", "ASCII"} {
		cs := mustCodeSet(t, name)
		dst := []byte("keep")
		got, err := cs.Append(dst, "ab\xff")
		if err == nil || string(got) != "keep" {
			t.Errorf("%s: Append = %q, %v", name, got, err)
		}
	}
	_, err := mustCodeSet(t, "ASCII").Append(nil, "é")
	requireErrorNaming(t, err, "ASCII", "U+00E9", "byte 0")
	_, err = mustCodeSet(t, "ASCII").Decode([]byte{'a', 0x80})
	requireErrorNaming(t, err, "ASCII", "0x80", "offset 1")
}

// FuzzCodeSets checks, for arbitrary bytes in every code set, that Decode
// never panics and that whatever it accepts Append takes back and decodes
// to the same string; and that Append of the bytes read as a Go string
// either fails or decodes back to that string.
func FuzzCodeSets(f *testing.F) {
	for _, s := range []string{"", "abc", "café", "\x80\x81", "\x93\xfa\x96\x7b", "\xa4\xa4", "😀", "a\xffb"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, row := range knownCodeSets {
			cs := row.cs
			if s, err := cs.Decode(b); err == nil {
				enc, err := cs.Append(nil, s)
				if err != nil {
					t.Fatalf("%s: Decode(% x) = %q, but Append fails: %v", cs.name, b, s, err)
				}
				if s2, err := cs.Decode(enc); err != nil || s2 != s {
					t.Fatalf("%s: % x → %q → % x → %q, %v", cs.name, b, s, enc, s2, err)
				}
			}
			if enc, err := cs.Append(nil, string(b)); err == nil {
				if s, err := cs.Decode(enc); err != nil || s != string(b) {
					t.Fatalf("%s: Append(%q) = % x, which decodes to %q, %v", cs.name, b, enc, s, err)
				}
			}
		}
	})
}
