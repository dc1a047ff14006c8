package ifxtype

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/transform"
)

// codeSetKind says how a code set converts.
type codeSetKind uint8

const (
	kindUTF8       codeSetKind = iota // Go strings are already UTF-8
	kindASCII                         // bytes 00–7F only
	kindLatin1                        // byte n is rune n
	kindSingleByte                    // an x/text charmap
	kindMultiByte                     // an x/text multi-byte encoding
)

// codeSet is the CodeSet of one row of the code-set table of TYPES.md §7.
// A codeSet is immutable and safe for concurrent use. Every code set in the
// table maps bytes 00–7F to the same ASCII characters, in both directions
// (checked by the tests against x/text), which the ASCII fast paths rely
// on.
type codeSet struct {
	name   string
	number int
	kind   codeSetKind
	table  *charmap.Charmap  // kindSingleByte
	enc    encoding.Encoding // kindMultiByte
}

var (
	utf8CodeSet   = &codeSet{name: "utf8", number: 57372, kind: kindUTF8}
	latin1CodeSet = &codeSet{name: "8859-1", number: 819, kind: kindLatin1}
)

// UTF8 is the Informix code set utf8 (number 57372), as in the locale
// en_US.utf8. Append copies valid UTF-8 and Decode is a validated copy.
var UTF8 CodeSet = utf8CodeSet

// Latin1 is the Informix code set 8859-1 (ISO 8859-1, number 819), the code
// set of Informix's default locale en_US.819 (TYPES.md §7). Each byte is the
// character of the same number, so Decode never fails; Append fails on a
// character above U+00FF.
var Latin1 CodeSet = latin1CodeSet

// knownCodeSets is the table of TYPES.md §7 (IBM's JDBC code-set table, [H]
// S7). The first name of a row is the one Name returns; the others are
// aliases that LookupCodeSet also accepts.
var knownCodeSets = []struct {
	aliases []string
	cs      *codeSet
}{
	{nil, latin1CodeSet},
	{nil, single("8859-2", 912, charmap.ISO8859_2)},
	{nil, single("8859-3", 57346, charmap.ISO8859_3)},
	{nil, single("8859-4", 57347, charmap.ISO8859_4)},
	{nil, single("8859-5", 915, charmap.ISO8859_5)},
	{nil, single("8859-6", 1089, charmap.ISO8859_6)},
	{nil, single("8859-7", 813, charmap.ISO8859_7)},
	{nil, single("8859-8", 916, charmap.ISO8859_8)},
	{nil, single("8859-9", 920, charmap.ISO8859_9)},
	{nil, &codeSet{name: "ASCII", number: 364, kind: kindASCII}},
	{nil, utf8CodeSet},
	{nil, single("CP1250", 1250, charmap.Windows1250)},
	{nil, single("CP1251", 1251, charmap.Windows1251)},
	{nil, single("CP1252", 1252, charmap.Windows1252)},
	{nil, single("CP1253", 1253, charmap.Windows1253)},
	{nil, single("CP1254", 1254, charmap.Windows1254)},
	{nil, single("CP1255", 1255, charmap.Windows1255)},
	{nil, single("CP1256", 1256, charmap.Windows1256)},
	{nil, single("CP1257", 1257, charmap.Windows1257)},
	{nil, multi("sjis-s", 932, japanese.ShiftJIS)},
	{nil, multi("sjis", 57350, japanese.ShiftJIS)},
	{nil, multi("ujis", 57351, japanese.EUCJP)},
	{nil, multi("big5", 57352, traditionalchinese.Big5)},
	{[]string{"ksc", "KS5601"}, multi("cp949", 57356, korean.EUCKR)},
	{[]string{"GB2312-80", "cp936"}, multi("gb", 57357, simplifiedchinese.GBK)},
}

// single returns a code set converted through a single-byte x/text charmap.
func single(name string, number int, m *charmap.Charmap) *codeSet {
	return &codeSet{name: name, number: number, kind: kindSingleByte, table: m}
}

// multi returns a code set converted through a multi-byte x/text encoding.
func multi(name string, number int, e encoding.Encoding) *codeSet {
	return &codeSet{name: name, number: number, kind: kindMultiByte, enc: e}
}

// codeSetByKey maps every accepted spelling, lower-cased, to its code set:
// each name and alias, and each number in decimal.
var codeSetByKey = func() map[string]*codeSet {
	m := make(map[string]*codeSet)
	for _, row := range knownCodeSets {
		for _, k := range append([]string{row.cs.name, strconv.Itoa(row.cs.number)}, row.aliases...) {
			m[strings.ToLower(k)] = row.cs
		}
	}
	return m
}()

// LookupCodeSet returns the code set of an Informix locale, code-set name or
// code-set number, compared case-insensitively. It accepts a locale as
// language_territory.codeset with the code set named or numbered
// ("en_US.utf8", "en_US.57372", "en_US.8859-1", "en_US.819",
// "de_DE.CP1252"), a bare code-set name ("utf8", "8859-1", "CP1252",
// "sjis-s") or a bare number ("819", "1252", "57372"), for every code set of
// TYPES.md §7. Anything else is an error that names the input and lists
// accepted forms.
//
// The caller picks which locale's code set to use; TYPES.md §7 recommends
// the database's (DB_LOCALE). Open question (TYPES.md open question 12):
// whether a 15.x server ever converts to CLIENT_LOCALE itself when the two
// differ.
func LookupCodeSet(name string) (CodeSet, error) {
	key := strings.ToLower(name)
	if lang, cs, ok := strings.Cut(key, "."); ok && lang != "" {
		key = cs
	}
	if cs, ok := codeSetByKey[key]; ok {
		return cs, nil
	}
	return nil, fmt.Errorf("ifxtype: unknown Informix locale or code set %q; accepted forms are a locale such as "+
		"\"en_US.utf8\", \"en_US.57372\" or \"en_US.819\", a code-set name such as \"utf8\", \"8859-1\", "+
		"\"CP1252\" or \"sjis-s\", or a code-set number such as \"819\" or \"1252\"", name)
}

// Name returns the Informix name of the code set, e.g. "utf8" or "8859-1".
func (c *codeSet) Name() string { return c.name }

// Number returns the Informix code-set number, e.g. 57372 or 819.
func (c *codeSet) Number() int { return c.number }

// String returns the name and number, e.g. "8859-1 (819)".
func (c *codeSet) String() string { return c.name + " (" + strconv.Itoa(c.number) + ")" }

// Append appends s converted to the code set. It fails, leaving dst as it
// was, on the first character the code set cannot hold, naming the
// character and its byte offset in s, and on invalid UTF-8 in s. The
// leading ASCII of s is copied as it is, since every code set writes ASCII
// as ASCII (see codeSet); only the rest is converted rune by rune.
func (c *codeSet) Append(dst []byte, s string) ([]byte, error) {
	switch c.kind {
	case kindUTF8:
		if utf8.ValidString(s) {
			return append(dst, s...), nil
		}
		return dst, c.encodeError(s, firstInvalidUTF8(s))
	case kindMultiByte:
		return c.appendMulti(dst, s)
	}
	start := len(dst)
	ascii := asciiPrefix(s)
	dst = append(dst, s[:ascii]...)
	if ascii == len(s) {
		return dst, nil
	}
	dst = slices.Grow(dst, len(s)-ascii)
	for i, r := range s[ascii:] {
		b, ok := c.encodeRune(r)
		if !ok {
			return dst[:start], c.encodeError(s, ascii+i)
		}
		dst = append(dst, b)
	}
	return dst, nil
}

// encodeRune returns the byte of r in a single-byte code set. Invalid UTF-8
// reaches it as utf8.RuneError, which no single-byte code set holds.
func (c *codeSet) encodeRune(r rune) (byte, bool) {
	switch {
	case r < utf8.RuneSelf:
		return byte(r), true
	case c.kind == kindLatin1:
		return byte(r), r <= 0xff
	case c.kind == kindASCII:
		return 0, false
	}
	return c.table.EncodeRune(r)
}

// appendMulti is Append for a multi-byte code set: ASCII is copied, the
// rest goes through the x/text encoder.
func (c *codeSet) appendMulti(dst []byte, s string) ([]byte, error) {
	start := len(dst)
	i := asciiPrefix(s)
	dst = append(dst, s[:i]...)
	if i == len(s) {
		return dst, nil
	}
	dst, n, err := transformAppend(c.enc.NewEncoder(), dst, []byte(s[i:]), true)
	if err != nil {
		return dst[:start], c.encodeError(s, i+n)
	}
	return dst, nil
}

// encodeError describes why the character at byte offset i of s cannot be
// encoded.
func (c *codeSet) encodeError(s string, i int) error {
	r, size := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && size <= 1 {
		return fmt.Errorf("ifxtype: code set %s: invalid UTF-8 at byte %d of the string (%s)", c.name, i, hexAround(s[i:]))
	}
	return fmt.Errorf("ifxtype: code set %s cannot hold %q (%U) at byte %d of the string", c.name, r, r, i)
}

// Decode returns b, in the code set, as a Go string. It fails on a byte or
// byte sequence the code set does not define (invalid UTF-8 for utf8), and
// for a multi-byte code set also on a character x/text decodes but cannot
// encode back, so that Append accepts whatever Decode returns. Pure ASCII
// input costs one allocation, the string.
func (c *codeSet) Decode(b []byte) (string, error) {
	switch c.kind {
	case kindUTF8:
		if utf8.Valid(b) {
			return string(b), nil
		}
		i := firstInvalidUTF8(string(b))
		return "", fmt.Errorf("ifxtype: code set utf8: invalid UTF-8 at byte %d (%s)", i, hexAround(string(b[i:])))
	case kindMultiByte:
		return c.decodeMulti(b)
	}
	if asciiPrefix(b) == len(b) {
		return string(b), nil
	}
	return c.decodeSingle(b)
}

// unchanged reports whether b, in the code set, is the same bytes in
// UTF-8, so that Decode would return string(b): valid UTF-8 in utf8, pure
// ASCII in every other code set (each maps 00–7F to ASCII).
func (c *codeSet) unchanged(b []byte) bool {
	if c.kind == kindUTF8 {
		return utf8.Valid(b)
	}
	return asciiPrefix(b) == len(b)
}

// decodeByte returns the character of byte x in a single-byte code set, or
// utf8.RuneError for a byte the code set leaves undefined.
func (c *codeSet) decodeByte(x byte) rune {
	switch {
	case x < utf8.RuneSelf || c.kind == kindLatin1:
		return rune(x)
	case c.kind == kindASCII:
		return utf8.RuneError
	}
	return c.table.DecodeByte(x)
}

// decodeSingle decodes a single-byte code set into a string of exactly the
// right size.
func (c *codeSet) decodeSingle(b []byte) (string, error) {
	n := 0
	for i, x := range b {
		r := c.decodeByte(x)
		if r == utf8.RuneError {
			return "", fmt.Errorf("ifxtype: code set %s: byte %#02x at offset %d is not defined", c.name, x, i)
		}
		n += utf8.RuneLen(r)
	}
	var sb strings.Builder
	sb.Grow(n)
	for _, x := range b {
		sb.WriteRune(c.decodeByte(x))
	}
	return sb.String(), nil
}

// decodeMulti decodes a multi-byte code set through x/text, whose decoders
// replace an invalid sequence by U+FFFD; none of these code sets can hold
// U+FFFD, so its presence marks invalid input.
func (c *codeSet) decodeMulti(b []byte) (string, error) {
	if asciiPrefix(b) == len(b) {
		return string(b), nil
	}
	out, _, err := transformAppend(c.enc.NewDecoder(), make([]byte, 0, 2*len(b)), b, true)
	if err != nil {
		return "", fmt.Errorf("ifxtype: code set %s: decode: %w", c.name, err)
	}
	if bytes.ContainsRune(out, utf8.RuneError) {
		start, end := c.firstInvalid(b)
		return "", fmt.Errorf("ifxtype: code set %s: invalid byte sequence at offset %d (% x)", c.name, start, b[start:end])
	}
	if n, err := checkEncodable(c.enc.NewEncoder(), out); err != nil {
		r, _ := utf8.DecodeRune(out[n:])
		return "", fmt.Errorf("ifxtype: code set %s: the input decodes to %q (%U), which the code set cannot encode back", c.name, r, r)
	}
	return string(out), nil
}

// firstInvalid locates the first byte sequence of b the decoder replaces by
// U+FFFD. Decoding a prefix b[:i] as a non-final chunk yields U+FFFD from
// some length on and never before, so a binary search finds the shortest
// such prefix, b[:end]; decoding b[:end-1] stops where that sequence
// starts.
func (c *codeSet) firstInvalid(b []byte) (start, end int) {
	decode := func(i int) ([]byte, int) {
		out, n, _ := transformAppend(c.enc.NewDecoder(), nil, b[:i], i == len(b))
		return out, n
	}
	end = sort.Search(len(b), func(i int) bool {
		out, _ := decode(i + 1)
		return bytes.ContainsRune(out, utf8.RuneError)
	}) + 1
	_, start = decode(end - 1)
	return start, end
}

// transformAppend runs t over src and appends the output to dst. It returns
// how many bytes of src were consumed and the first error other than
// transform.ErrShortDst, which it handles by growing dst.
func transformAppend(t transform.Transformer, dst, src []byte, atEOF bool) ([]byte, int, error) {
	n := 0
	for {
		dst = slices.Grow(dst, len(src)-n+16)
		nDst, nSrc, err := t.Transform(dst[len(dst):cap(dst)], src[n:], atEOF)
		dst = dst[:len(dst)+nDst]
		n += nSrc
		if err != transform.ErrShortDst {
			return dst, n, err
		}
	}
}

// checkEncodable runs the encoder t over s, discarding its output, and
// returns the offset of the first character it refuses.
func checkEncodable(t transform.Transformer, s []byte) (int, error) {
	var scratch [512]byte
	n := 0
	for {
		_, nSrc, err := t.Transform(scratch[:], s[n:], true)
		n += nSrc
		if err != transform.ErrShortDst {
			return n, err
		}
	}
}

// asciiPrefix returns the length of the longest prefix of s that is ASCII.
// It tests eight bytes at a time while it can: their OR has the high bit
// clear exactly when all eight are ASCII.
func asciiPrefix[T ~string | ~[]byte](s T) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := s[i : i+8]
		if w[0]|w[1]|w[2]|w[3]|w[4]|w[5]|w[6]|w[7] >= utf8.RuneSelf {
			break
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return i
		}
	}
	return len(s)
}

// firstInvalidUTF8 returns the byte offset of the first invalid UTF-8
// sequence in s, or len(s) if there is none.
func firstInvalidUTF8(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i
			}
		}
	}
	return len(s)
}

// hexAround formats up to the first 4 bytes of s in hex, for error messages.
func hexAround(s string) string {
	if len(s) > 4 {
		s = s[:4]
	}
	return fmt.Sprintf("% x", s)
}
