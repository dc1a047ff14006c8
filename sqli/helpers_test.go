package sqli

import (
	"bytes"
	"encoding/hex"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

// featureSets are the layouts every message is tested under.
var featureSets = map[string]Features{
	"none": {},
	"all":  {LongSQL: true, ExtDescribe: true, BigTuple: true, BigRowID: true},
}

// mustEncode encodes m with f and fails the test on an encoding error.
func mustEncode(t testing.TB, m Message, f Features) []byte {
	t.Helper()
	b, err := Encode(m, f)
	if err != nil {
		t.Fatalf("encode %T: %v", m, err)
	}
	return b
}

// fresh returns a new zero value of m's type.
func fresh(m Message) Message {
	return reflect.New(reflect.TypeOf(m).Elem()).Interface().(Message)
}

// decodeAll reads one message of m's type from b with features f and
// requires that it consumed every byte.
func decodeAll(t testing.TB, b []byte, m Message, f Features) Message {
	t.Helper()
	r := NewBytesReader(b)
	r.Features = f
	tag, err := r.ReadTag()
	if err != nil {
		t.Fatalf("read tag of %T: %v", m, err)
	}
	if tag != m.Tag() {
		t.Fatalf("tag = %v, want %v", tag, m.Tag())
	}
	got := fresh(m)
	if err := got.Decode(r); err != nil {
		t.Fatalf("decode %T from % x: %v", m, b, err)
	}
	if r.Buffered() != 0 {
		t.Fatalf("decode %T left %d of %d bytes unread", m, r.Buffered(), len(b))
	}
	return got
}

// roundTrip checks that m survives encode→decode under f, and that every
// proper prefix of its encoding is an error (never a value, never a panic).
func roundTrip(t *testing.T, m Message, f Features) []byte {
	t.Helper()
	b := mustEncode(t, m, f)
	got := decodeAll(t, b, m, f)
	if !reflect.DeepEqual(normalize(got), normalize(m)) {
		t.Fatalf("round trip of %T:\n got %#v\nwant %#v", m, got, m)
	}
	requireNoShortRead(t, b, m, f)
	requireSplitReads(t, b, m, f)
	return b
}

// requireNoShortRead decodes every proper prefix of b and requires an error.
func requireNoShortRead(t *testing.T, b []byte, m Message, f Features) {
	t.Helper()
	for i := 0; i < len(b); i++ {
		r := NewBytesReader(b[:i])
		r.Features = f
		tag, err := r.ReadTag()
		if err != nil {
			continue
		}
		if tag != m.Tag() {
			t.Fatalf("prefix %d: tag %v", i, tag)
		}
		if err := fresh(m).Decode(r); err == nil {
			t.Fatalf("%T: prefix of %d/%d bytes decoded without error", m, i, len(b))
		}
	}
}

// requireSplitReads decodes b from a stream that delivers one byte per read,
// as a slow network would, and requires the same message.
func requireSplitReads(t *testing.T, b []byte, m Message, f Features) {
	t.Helper()
	r := NewReader(iotest.OneByteReader(bytes.NewReader(b)))
	r.Features = f
	if _, err := r.ReadTag(); err != nil {
		t.Fatalf("split read of %T: tag: %v", m, err)
	}
	got := fresh(m)
	if err := got.Decode(r); err != nil {
		t.Fatalf("split read of %T: %v", m, err)
	}
	if !reflect.DeepEqual(normalize(got), normalize(m)) {
		t.Fatalf("split read of %T:\n got %#v\nwant %#v", m, got, m)
	}
}

// normalize returns a copy of m's value in which empty slices are nil, so
// that a decoded empty field compares equal to an unset one.
func normalize(m any) any {
	v := reflect.ValueOf(m)
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	normalizeValue(c)
	return c.Interface()
}

func normalizeValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.Slice:
		if v.Len() == 0 {
			if v.CanSet() {
				v.Set(reflect.Zero(v.Type()))
			}
			return
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return
		}
		cp := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(cp, v)
		for i := 0; i < cp.Len(); i++ {
			normalizeValue(cp.Index(i))
		}
		if v.CanSet() {
			v.Set(cp)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Field(i).CanSet() {
				normalizeValue(v.Field(i))
			}
		}
	}
}

// unhex turns a hex dump with arbitrary spaces and newlines into bytes.
func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.Join(strings.Fields(s), ""))
	if err != nil {
		t.Fatalf("bad hex vector: %v", err)
	}
	return b
}
