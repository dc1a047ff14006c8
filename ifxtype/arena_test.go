package ifxtype

import (
	"fmt"
	"reflect"
	"runtime"
	"sync"
	"testing"
	"time"
)

// arenaValue is the i-th test value of each type an Arena boxes: its Go
// value and the interface the Arena made of it.
type arenaValue struct {
	want any
	got  any
}

// boxAll boxes n values of every Arena type, more than a slab holds, and
// returns them with the values Go itself boxes.
func boxAll(a *Arena, n int) []arenaValue {
	var out []arenaValue
	base := time.Date(2026, 5, 4, 12, 0, 0, 0, time.UTC)
	for i := range n {
		text := fmt.Sprintf("value %d %s", i, "é")
		dt := DateTime{Year: 2026, Month: 5, Day: 4, Hour: i % 24, Qualifier: 0x0e0a}
		dec := NewDecimal(int64(i)*1001, -2)
		out = append(out,
			arenaValue{int64(i) << 20, a.Int64(int64(i) << 20)},
			arenaValue{float64(i) / 3, a.Float64(float64(i) / 3)},
			arenaValue{base.Add(time.Duration(i) * time.Second), a.Time(base.Add(time.Duration(i) * time.Second))},
			arenaValue{text, a.Box(a.String([]byte(text)))},
			arenaValue{dt, a.DateTime(dt)},
			arenaValue{dec, a.Decimal(dec)},
		)
	}
	return out
}

// checkBoxes requires every boxed value to be its Go value: the same
// dynamic type, equal with ==, and the same through reflect.
func checkBoxes(t *testing.T, vals []arenaValue) {
	t.Helper()
	for i, v := range vals {
		if reflect.TypeOf(v.got) != reflect.TypeOf(v.want) || !reflect.DeepEqual(v.got, v.want) {
			t.Fatalf("value %d: boxed %#v (%T), want %#v (%T)", i, v.got, v.got, v.want, v.want)
		}
		if _, isDec := v.want.(Decimal); !isDec && v.got != v.want {
			t.Fatalf("value %d: boxed %#v != %#v", i, v.got, v.want)
		}
	}
}

// TestArenaBoxes: values boxed by an Arena, over several slabs, are the
// values Go boxes: same type, equal, and unchanged by the values boxed
// after them. The types must not be pointer-shaped, or the data word
// would be read as the value and these comparisons would fail.
func TestArenaBoxes(t *testing.T) {
	var a Arena
	vals := boxAll(&a, 3000)
	checkBoxes(t, vals)
	switch v := vals[0].got.(type) {
	case int64:
		if v != 0 {
			t.Errorf("type switch gave %d", v)
		}
	default:
		t.Errorf("type switch gave %T", v)
	}
}

// TestArenaNil: a nil Arena boxes as Go does.
func TestArenaNil(t *testing.T) {
	var a *Arena
	checkBoxes(t, boxAll(a, 10))
	if s := a.String([]byte("abc")); s != "abc" {
		t.Errorf("String = %q", s)
	}
}

// TestArenaGC keeps only the interfaces of boxed values, collects the
// garbage several times while allocating memory that would reuse a slab
// freed by mistake, and requires every value intact.
func TestArenaGC(t *testing.T) {
	var a Arena
	vals := boxAll(&a, 5000)
	a = Arena{}
	var junk [][]byte
	for range 5 {
		runtime.GC()
		for range 2000 {
			junk = append(junk, make([]byte, 4096))
		}
		for _, j := range junk {
			for k := range j {
				j[k] = 0xa5
			}
		}
		junk = junk[:0]
	}
	checkBoxes(t, vals)
}

// TestArenaConcurrentReaders hands boxed values to other goroutines while
// more are boxed, for the race detector: the values are never written
// after they are boxed.
func TestArenaConcurrentReaders(t *testing.T) {
	var a Arena
	ch := make(chan []arenaValue)
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			for vals := range ch {
				checkBoxes(t, vals)
			}
		})
	}
	for range 50 {
		ch <- boxAll(&a, 100)
	}
	close(ch)
	wg.Wait()
}

// TestArenaAllocs: boxing a fixed-width value costs no allocation of its
// own, only a share of a slab's (one per slabBytes of values): 4096 int64
// values need 8 slabs of 512.
func TestArenaAllocs(t *testing.T) {
	var a Arena
	a.Int64(1) // the first slab and the type word
	allocs := testing.AllocsPerRun(10, func() {
		for i := range 4096 {
			a.Int64(int64(i) << 20)
			a.Float64(float64(i))
			a.Time(time.Unix(int64(i), 0))
		}
	})
	// Per run: 8 slabs of int64, 8 of float64, 4096/170 ≈ 25 of time.Time.
	if allocs > 45 {
		t.Errorf("%v allocations for 3 × 4096 values, want at most 45 (slabs only)", allocs)
	}
}

// TestDecodeArenaAllocs: decoding rows of (INTEGER, FLOAT, DATE, DATETIME
// YEAR TO SECOND, DECIMAL(12,2), VARCHAR(32)) with an Arena costs no
// allocation per value: 1000 rows take fewer allocations than rows.
func TestDecodeArenaAllocs(t *testing.T) {
	cols := []Column{
		{Name: "i", Type: Type{Code: 2, Length: 4}},
		{Name: "f", Type: Type{Code: 3, Length: 8}},
		{Name: "d", Type: Type{Code: 7, Length: 4}},
		{Name: "dt", Type: Type{Code: 10, Length: 0x0e0a}},
		{Name: "m", Type: Type{Code: 5, Length: 12<<8 | 2}},
		{Name: "v", Type: Type{Code: 13, Length: 32}},
	}
	l, err := NewRowLayout(cols)
	if err != nil {
		t.Fatal(err)
	}
	dt := DateTime{Year: 2026, Month: 5, Day: 4, Hour: 12, Minute: 34, Second: 56, Qualifier: 0x0e0a}
	row := []any{int64(123456), 2.5, time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC), dt, NewDecimal(123450, -2), "customer 123456"}
	data, err := l.AppendRow(nil, row, UTF8)
	if err != nil {
		t.Fatal(err)
	}
	var a Arena
	dst := make([]any, len(cols))
	allocs := testing.AllocsPerRun(5, func() {
		for range 1000 {
			if err := l.DecodeArena(data, dst, UTF8, &a); err != nil {
				t.Fatal(err)
			}
		}
	})
	if allocs >= 1000 {
		t.Errorf("%v allocations for 1000 rows of 6 values, want fewer than one per row", allocs)
	}
	if !reflect.DeepEqual(dst, row) {
		t.Errorf("decoded %#v, want %#v", dst, row)
	}
}

// TestNextSlabCap: slabs start at firstSlabBytes (128) and double up to
// slabBytes (4096), in whole elements. Worked by hand: int64 (8 bytes)
// 16, 32, 64, 128, 256, 512, then 512; time.Time (24 bytes) 128/24 = 5,
// 240/24 = 10, 480/24 = 20, 960/24 = 40, 1920/24 = 80, 3840/24 = 160,
// then 4096/24 = 170; bytes 128 … 4096.
func TestNextSlabCap(t *testing.T) {
	for _, tc := range []struct {
		size int
		want []int
	}{
		{8, []int{16, 32, 64, 128, 256, 512, 512}},
		{24, []int{5, 10, 20, 40, 80, 160, 170, 170}},
		{1, []int{128, 256, 512, 1024, 2048, 4096, 4096}},
		{5000, []int{1, 1}},
	} {
		prev := 0
		for i, want := range tc.want {
			got := nextSlabCap(prev, tc.size)
			if got != want {
				t.Errorf("size %d, slab %d: capacity %d, want %d", tc.size, i+1, got, want)
			}
			prev = got
		}
	}
}
