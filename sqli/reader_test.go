package sqli

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"testing"
	"testing/iotest"
)

// TestServerDecoderStream decodes an answer group from a stream that splits
// it at every byte, as TCP may.
func TestServerDecoderStream(t *testing.T) {
	f := Features{LongSQL: true, BigRowID: true}
	msgs := []ServerMessage{
		&Tuple{Data: []byte{0, 0, 0, 1}},
		&Tuple{Data: []byte{0, 0, 0, 2, 3, 'a', 'b', 'c'}},
		&Done{Rows: 2},
		&ErrorResponse{SQLCode: 100},
		&EOT{},
	}
	var wire []byte
	for _, m := range msgs {
		wire = append(wire, mustEncode(t, m, f)...)
	}
	r := NewReader(iotest.OneByteReader(bytes.NewReader(wire)))
	r.Features = f
	d := NewServerDecoder(r)
	for i, want := range msgs {
		got, err := d.Next()
		if err != nil {
			t.Fatalf("message %d: %v", i, err)
		}
		if got.Tag() != want.Tag() {
			t.Fatalf("message %d: %v, want %v", i, got.Tag(), want.Tag())
		}
	}
	if _, err := d.Next(); !errors.Is(err, io.EOF) {
		t.Fatalf("after the group: %v, want io.EOF", err)
	}
}

func TestServerDecoderUnknownTag(t *testing.T) {
	d := NewServerDecoder(NewBytesReader([]byte{0x7f, 0x00}))
	_, err := d.Next()
	var ute *UnknownTagError
	if !errors.As(err, &ute) || ute.Tag != 0x7f00 {
		t.Fatalf("err = %v, want UnknownTagError for 0x7f00", err)
	}
}

// TestReaderGrowKeepsSlices checks the ownership rule: slices handed out for
// the current message stay valid while the buffer grows for its later fields.
func TestReaderGrowKeepsSlices(t *testing.T) {
	small := []byte("first field")
	big := bytes.Repeat([]byte{0xab}, 3*defaultBufferSize)
	var wire []byte
	wire = append(wire, mustEncode(t, &Tuple{Data: small}, Features{})...)
	wire = append(wire, mustEncode(t, &Tuple{Data: big}, Features{})...)
	r2 := NewReader(iotest.HalfReader(bytes.NewReader(wire)))
	if _, err := r2.ReadTag(); err != nil {
		t.Fatal(err)
	}
	r2.Skip(2) // warnings
	n := r2.Int32()
	got1 := r2.PaddedBytes(int64(n), 1<<20, "a")
	// Read the second message's fields as if they belonged to the first, so the
	// buffer must grow while got1 is still in use.
	r2.Skip(2 + 2)
	n2 := r2.Int32()
	got2 := r2.PaddedBytes(int64(n2), 1<<20, "b")
	if r2.Err() != nil {
		t.Fatal(r2.Err())
	}
	if !bytes.Equal(got1, small) || !bytes.Equal(got2, big) {
		t.Fatal("a slice handed out before the buffer grew was overwritten")
	}
}

// TestReaderBoundedAllocation checks that a length under the cap whose bytes
// never arrive does not make the Reader allocate the declared size.
func TestReaderBoundedAllocation(t *testing.T) {
	wire := []byte{0x00, 0x0e, 0, 0, 0x00, 0xff, 0xff, 0xff, 1, 2, 3} // SQ_TUPLE declaring 16 MiB, 3 bytes sent
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r := NewReader(bytes.NewReader(wire))
	r.SetLimits(Limits{MaxTuple: 1 << 30})
	if _, err := r.ReadTag(); err != nil {
		t.Fatal(err)
	}
	err := new(Tuple).Decode(r)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatalf("err = %v, want io.ErrUnexpectedEOF", err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
		t.Fatalf("decoding a truncated 16 MiB tuple allocated %d bytes", grew)
	}
}

func TestReaderNegativeLength(t *testing.T) {
	wire := []byte{0x00, 0x0e, 0, 0, 0xff, 0xff, 0xff, 0xfe}
	r := NewBytesReader(wire)
	r.ReadTag()
	err := new(Tuple).Decode(r)
	var le *LimitError
	if !errors.As(err, &le) || le.Got != -2 {
		t.Fatalf("err = %v, want a LimitError for -2", err)
	}
}

func TestReaderStickyError(t *testing.T) {
	r := NewBytesReader([]byte{1})
	if v := r.Int32(); v != 0 || !errors.Is(r.Err(), io.ErrUnexpectedEOF) {
		t.Fatalf("Int32 = %d, err %v", v, r.Err())
	}
	r.Fail(errors.New("later"))
	if r.Uint8() != 0 || !errors.Is(r.Err(), io.ErrUnexpectedEOF) {
		t.Fatal("the first error did not stick")
	}
}

func TestReaderShrinksAfterLargeMessage(t *testing.T) {
	var wire []byte
	wire = append(wire, mustEncode(t, &Tuple{Data: make([]byte, 1<<20)}, Features{})...)
	wire = append(wire, mustEncode(t, &EOT{}, Features{})...)
	r := NewReader(bytes.NewReader(wire))
	d := NewServerDecoder(r)
	if _, err := d.Next(); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Next(); err != nil {
		t.Fatal(err)
	}
	if len(r.buf) > 4*defaultBufferSize {
		t.Fatalf("buffer still %d bytes after the large message", len(r.buf))
	}
}

func TestASCStringNeedsNUL(t *testing.T) {
	r := NewBytesReader([]byte{0, 3, 'a', 'b', 'c'})
	if r.ASCString("x"); r.Err() == nil {
		t.Fatal("a login string without its NUL was accepted")
	}
	e := NewEncoder(nil, Features{})
	if e.ASCString("a\x00b", "x"); e.Err() == nil {
		t.Fatal("a login string holding a NUL was encoded")
	}
}

func TestWriterRefusesHalfEncodedGroup(t *testing.T) {
	var out bytes.Buffer
	w := NewWriter(&out)
	w.Send(&Prepare{SQL: string(make([]byte, 70000))})
	w.Send(&EOT{})
	err := w.Flush()
	var we *WriteError
	if !errors.As(err, &we) || !we.SafeToRetry() || out.Len() != 0 {
		t.Fatalf("err = %v, wrote %d bytes", err, out.Len())
	}
}

type shortWriter struct{ n int }

func (s *shortWriter) Write(p []byte) (int, error) {
	if len(p) > s.n {
		return s.n, errors.New("connection reset")
	}
	return len(p), nil
}

func TestWriterReportsPartialWrite(t *testing.T) {
	w := NewWriter(&shortWriter{n: 3})
	w.Send(&Prepare{SQL: "SELECT 1"})
	err := w.Flush()
	var we *WriteError
	if !errors.As(err, &we) || we.Written != 3 || we.SafeToRetry() {
		t.Fatalf("err = %v", err)
	}
	w2 := NewWriter(&shortWriter{n: 0})
	w2.Send(&EOT{})
	if err := w2.Flush(); !errors.As(err, &we) || !we.SafeToRetry() {
		t.Fatalf("a write of 0 bytes: %v", err)
	}
}

// TestTupleBuffered: TupleBuffered reports an SQ_TUPLE only once every
// byte of it, pad included, is buffered, and never reads. The tuple is
// SQLI.md §6.12's layout written by hand: tag 00 0e, warnings 00 00,
// length 00 00 00 03, "abc", one pad byte: 12 bytes.
func TestTupleBuffered(t *testing.T) {
	tuple := []byte{0x00, 0x0e, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 'a', 'b', 'c', 0x00}
	for _, tc := range []struct {
		name     string
		stream   []byte
		buffered int // bytes Peek makes arrive before the question
		want     bool
	}{
		{"nothing buffered", tuple, 0, false},
		{"header only", tuple, 8, false},
		{"pad missing", tuple, 11, false},
		{"whole tuple", tuple, 12, true},
		{"an SQ_EOT", []byte{0x00, 0x0c, 0, 0, 0, 0, 0, 0}, 8, false},
		{"length over the cap", []byte{0x00, 0x0e, 0x00, 0x00, 0x7f, 0xff, 0xff, 0xff}, 8, false},
		{"negative length", []byte{0x00, 0x0e, 0x00, 0x00, 0xff, 0xff, 0xff, 0xfd}, 8, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := &countingReader{r: iotest.OneByteReader(bytes.NewReader(tc.stream))}
			r := NewReader(src)
			if tc.buffered > 0 && r.Peek(tc.buffered) == nil {
				t.Fatal(r.Err())
			}
			reads := src.n
			if got := r.TupleBuffered(); got != tc.want {
				t.Errorf("TupleBuffered = %v, want %v", got, tc.want)
			}
			if src.n != reads {
				t.Errorf("TupleBuffered read %d times", src.n-reads)
			}
			if !tc.want {
				return
			}
			m, err := NewServerDecoder(r).Next()
			if tp, ok := m.(*Tuple); err != nil || !ok || string(tp.Data) != "abc" || src.n != reads {
				t.Errorf("decoded %v, %v after %d more reads; want the tuple \"abc\" without reading", m, err, src.n-reads)
			}
		})
	}
}

// countingReader counts the Read calls made on r.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	c.n++
	return c.r.Read(p)
}
