package sqli

import (
	"reflect"
	"testing"
)

// The fuzz targets feed arbitrary bytes to the two stream decoders. The
// first input byte selects the negotiated features; the rest is the stream.
// Seeds are the encodings of every registered message, so each message's
// decoder is explored, and a new message is covered as soon as it is in the
// registry. The property: no panic, and anything that decodes re-encodes to
// bytes that decode to the same message.

func FuzzServerMessages(f *testing.F) {
	for tag, mk := range serverMessages {
		addSeeds(f, tag, mk())
	}
	for _, m := range serverSamples() {
		addSeeds(f, m.Tag(), m)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzStream(t, data, func(r *Reader) (Message, error) {
			return NewServerDecoder(r).Next()
		})
	})
}

func FuzzClientMessages(f *testing.F) {
	for tag, mk := range clientMessages {
		addSeeds(f, tag, mk())
	}
	for _, m := range clientSamples() {
		addSeeds(f, m.Tag(), m)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzStream(t, data, func(r *Reader) (Message, error) {
			return NewClientDecoder(r).Next()
		})
	})
}

// addSeeds adds m's encoding under every feature set, prefixed by the set's selector byte.
func addSeeds(f *testing.F, _ Tag, m Message) {
	for sel := range 16 {
		b, err := Encode(m, featuresFromSelector(byte(sel)))
		if err != nil {
			continue
		}
		f.Add(append([]byte{byte(sel)}, b...))
	}
}

func featuresFromSelector(b byte) Features {
	return Features{LongSQL: b&1 != 0, ExtDescribe: b&2 != 0, BigTuple: b&4 != 0, BigRowID: b&8 != 0}
}

// fuzzStream decodes messages from data until an error, checking each.
func fuzzStream(t *testing.T, data []byte, next func(*Reader) (Message, error)) {
	if len(data) == 0 {
		return
	}
	f := featuresFromSelector(data[0])
	r := NewBytesReader(data[1:])
	r.SetLimits(Limits{MaxTuple: 1 << 16, MaxSQL: 1 << 16, MaxNames: 1 << 16, MaxBindValue: 1 << 16})
	r.Features = f
	for range 64 {
		m, err := next(r)
		if err != nil {
			return
		}
		checkReencode(t, m, f)
	}
}

// checkReencode requires that a decoded message encodes, and that its
// encoding decodes to an equal message.
func checkReencode(t *testing.T, m Message, f Features) {
	b, err := Encode(m, f)
	if err != nil {
		return // a decoded value the encoder refuses (e.g. an over-long CHAR) is not a bug
	}
	r := NewBytesReader(b)
	r.Features = f
	if _, err := r.ReadTag(); err != nil {
		t.Fatalf("re-encoded %T has no tag: %v", m, err)
	}
	again := fresh(m)
	if err := again.Decode(r); err != nil {
		t.Fatalf("re-encoded %T does not decode: %v\n% x", m, err, b)
	}
	if !reflect.DeepEqual(normalize(again), normalize(m)) {
		t.Fatalf("%T changed across re-encoding:\n got %#v\nwant %#v", m, again, m)
	}
}
