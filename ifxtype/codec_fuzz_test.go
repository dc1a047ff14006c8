package ifxtype

import (
	"encoding/binary"
	"testing"
)

// FuzzCodecs feeds arbitrary bytes to every registered codec, enumerated
// from the registry, so a codec is fuzzed as soon as it is registered.
//
// Input: byte 0 picks the codec, byte 1 the path (bit 0: sequential row,
// bit 1: SQ_BIND instead of a row) and the code set (bits 2–3), bytes 2–3
// the column's encoded length (row path) or the bind precision field (bind
// path); the rest is the value bytes. The property: no panic, a row size
// never beyond the bytes given, and whatever decodes re-encodes without
// error to bytes that decode to an equal value.
func FuzzCodecs(f *testing.F) {
	// Seeds: each codec with a typical encoded length for its family and a
	// few payloads (a packed number, a counted string, a NULL-ish form).
	lengths := []uint16{1, 10, 0x0802, 0x0e0a, 0x0b4a, 0x1464}
	payloads := [][]byte{{0, 0, 0, 0, 1, 1}, {0xc2, 0x0c, 0x22, 0x38, 0}, {0, 4, 0xc2, 0x0c, 0x22, 0x38},
		{3, 'a', 'b', 'c'}, {0xc7, 0x14, 0x1a, 5, 4, 0x0c, 0x22, 0x38}, {0x80, 0, 0, 0, 0, 0, 0, 0}}
	for i := range Codecs() {
		for j, l := range lengths {
			for path := range byte(4) {
				p := payloads[(j+int(path))%len(payloads)]
				f.Add(append([]byte{byte(i), path, byte(l >> 8), byte(l)}, p...))
			}
		}
	}
	codecs := Codecs()
	codeSets := []CodeSet{UTF8, Latin1, mustCodeSet(f, "sjis-s"), mustCodeSet(f, "CP1252")}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 4 {
			return
		}
		c := codecs[int(data[0])%len(codecs)]
		sequential, bind := data[1]&1 != 0, data[1]&2 != 0
		cs := codeSets[int(data[1]>>2)%len(codeSets)]
		field := binary.BigEndian.Uint16(data[2:])
		if bind {
			fuzzBind(t, c, int16(field), data[4:], cs)
			return
		}
		fuzzRow(t, c, Type{Code: c.Code(), Length: int32(field)}, data[4:], sequential, cs)
	})
}

// fuzzRow checks one row value: its size, its decoding and its re-encoding.
func fuzzRow(t *testing.T, c Codec, ty Type, b []byte, sequential bool, cs CodeSet) {
	n, err := c.RowSize(ty, b, sequential)
	if err != nil {
		return
	}
	if n < 0 || n > len(b) {
		t.Fatalf("%v RowSize = %d for %d bytes", c.Code(), n, len(b))
	}
	checkWidth(t, c, ty, n, sequential)
	v, err := c.DecodeRow(ty, b[:n], sequential, cs)
	checkArena(t, c, ty, b[:n], cs, v, err)
	if err != nil {
		return
	}
	enc, err := c.AppendRow(nil, ty, v, sequential, cs)
	if err != nil {
		t.Fatalf("%v (%s): decoded %#v from % x, which does not re-encode: %v", c.Code(), ty.SQLName(), v, b[:n], err)
	}
	if sequential {
		if m, err := c.RowSize(ty, enc, true); err != nil || m != len(enc) {
			t.Fatalf("%v: RowSize of its own encoding % x = %d, %v", c.Code(), enc, m, err)
		}
	}
	again, err := c.DecodeRow(ty, enc, sequential, cs)
	if err != nil || !scalarEqual(again, v) {
		t.Fatalf("%v (%s): % x → %#v → % x → %#v, %v", c.Code(), ty.SQLName(), b[:n], v, enc, again, err)
	}
}

// fuzzBind checks one bind value: its decoding and its re-encoding, which is
// decoded with the precision field AppendBind chose (an INTERVAL, say, is
// always re-bound with its widest qualifier).
func fuzzBind(t *testing.T, c Codec, prec int16, b []byte, cs CodeSet) {
	v, err := c.DecodeBind(prec, b, cs)
	if err != nil {
		return
	}
	if v == nil {
		t.Fatalf("%v: DecodeBind returned NULL; a NULL parameter has indicator -1 and no bytes", c.Code())
	}
	prec2, enc, err := c.AppendBind(nil, v, cs)
	if err != nil {
		t.Fatalf("%v: bind value %#v from % x does not re-encode: %v", c.Code(), v, b, err)
	}
	again, err := c.DecodeBind(prec2, enc, cs)
	if err != nil || !scalarEqual(again, v) {
		t.Fatalf("%v: bind % x → %#v → % x → %#v, %v", c.Code(), b, v, enc, again, err)
	}
}

// checkWidth requires a codec's fixed width, when it has one for ty, to be
// what RowSize measured in a sequential row.
func checkWidth(t *testing.T, c Codec, ty Type, n int, sequential bool) {
	fw, ok := c.(fixedWidther)
	if !ok || !sequential {
		return
	}
	if w, ok := fw.rowWidth(ty); ok && w != n {
		t.Fatalf("%v (%s): rowWidth %d, RowSize %d", c.Code(), ty.SQLName(), w, n)
	}
}

// checkArena requires the prepared decoder of a codec, boxing into an
// Arena, to decode b as DecodeRow did: the same value, or an error when
// DecodeRow failed.
func checkArena(t *testing.T, c Codec, ty Type, b []byte, cs CodeSet, want any, wantErr error) {
	var cd cellDecoder
	switch x := c.(type) {
	case columnPreparer:
		prepared, ok := x.prepareColumn(ty)
		if !ok {
			if wantErr == nil {
				t.Fatalf("%v (%s): prepareColumn refused a type DecodeRow decodes % x with", c.Code(), ty.SQLName(), b)
			}
			return
		}
		cd = prepared
	case cellDecoder:
		cd = x
	default:
		return
	}
	var a Arena
	got, err := cd.decodeCell(&ty, b, cs, &a)
	if (err != nil) != (wantErr != nil) || err == nil && !scalarEqual(got, want) {
		t.Fatalf("%v (%s): % x: arena %#v, %v; DecodeRow %#v, %v", c.Code(), ty.SQLName(), b, got, err, want, wantErr)
	}
}
