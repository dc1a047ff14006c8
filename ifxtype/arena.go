package ifxtype

import (
	"time"
	"unsafe"
)

// This file is the only one of the module that builds interface values by
// hand. Storing an int64, a float64, a time.Time or a string in an
// interface makes Go copy the value to a new heap object of its own (one
// allocation per value, except small integers); a result of 100 000 rows
// of five columns makes half a million of them. An Arena instead copies
// each value into a slab, a slice of that type allocated once per few
// hundred values, and makes the interface point into it.
//
// Why that is sound: an interface holding a type that is not
// pointer-shaped is a type word and a pointer to an immutable copy of the
// value (the layout of runtime.eface, unchanged since Go 1.4). A slab
// element is written once, before the interface that points to it exists,
// and never again: slabs are filled by append only, and a full slab is
// dropped, never reused. So every interface sees a value that no one
// changes, as one Go built would. The data word is an ordinary pointer
// into the slab's array, which the garbage collector follows as any
// interior pointer, keeping the whole slab alive while any value in it is
// referenced. None of the boxed types below is pointer-shaped (only
// pointers, maps, channels, functions and structs or arrays of exactly one
// of those are stored directly in the data word), which TestArenaBoxes
// checks against Go's own boxing.
//
// Strings are handled alike: their bytes are appended to a byte slab that
// is never rewritten, and the string points into it (unsafe.String).
//
// The cost is memory: a value kept alive keeps its slab (at most slabBytes)
// alive with it. A program that keeps one value of every few hundred rows
// holds up to a slab per value.

// slabBytes is the largest size of one slab; a string longer than a
// quarter of it gets an allocation of its own. Slabs start small
// (firstSlabBytes) and double up to it, so a result of one row, the
// common single-row query, does not pay for 4 KiB slabs it hardly uses.
const (
	slabBytes      = 4096
	firstSlabBytes = 128
)

// nextSlabCap returns the capacity in elements of the slab that follows one
// of capacity prev, for elements of size bytes.
func nextSlabCap(prev, size int) int {
	return max(1, min(slabBytes, max(firstSlabBytes, 2*prev*size))/size)
}

// Arena boxes decoded values into interfaces without an allocation per
// value (see the comment above). The zero Arena is ready to use, and a nil
// *Arena boxes as Go does, one allocation per value. An Arena is not safe
// for concurrent use; the values it returns are immutable and may be used
// anywhere, for as long as wanted.
type Arena struct {
	ints   slab[int64]
	floats slab[float64]
	times  slab[time.Time]
	strs   slab[string]
	dts    slab[DateTime]
	decs   slab[Decimal]
	text   []byte // the bytes of strings, appended and never rewritten
}

// eface is the layout of an interface value holding a type that is not
// pointer-shaped: the type word and a pointer to the value.
type eface struct {
	typ  unsafe.Pointer
	data unsafe.Pointer
}

// slab is an append-only array of boxed values of one type.
type slab[T any] struct {
	buf []T
	typ unsafe.Pointer // the type word of T in an interface
}

// box copies v into the slab and returns an interface holding it.
func (s *slab[T]) box(v T) any {
	if s.typ == nil {
		var zero any = *new(T)
		s.typ = (*eface)(unsafe.Pointer(&zero)).typ
	}
	if len(s.buf) == cap(s.buf) {
		s.buf = make([]T, 0, nextSlabCap(cap(s.buf), int(unsafe.Sizeof(v))))
	}
	s.buf = append(s.buf, v)
	var out any
	e := (*eface)(unsafe.Pointer(&out))
	e.typ, e.data = s.typ, unsafe.Pointer(&s.buf[len(s.buf)-1])
	return out
}

// Int64 returns v in an interface.
func (a *Arena) Int64(v int64) any {
	if a == nil {
		return v
	}
	return a.ints.box(v)
}

// Float64 returns v in an interface.
func (a *Arena) Float64(v float64) any {
	if a == nil {
		return v
	}
	return a.floats.box(v)
}

// Time returns v in an interface.
func (a *Arena) Time(v time.Time) any {
	if a == nil {
		return v
	}
	return a.times.box(v)
}

// Box returns s in an interface.
func (a *Arena) Box(s string) any {
	if a == nil {
		return s
	}
	return a.strs.box(s)
}

// DateTime returns v in an interface.
func (a *Arena) DateTime(v DateTime) any {
	if a == nil {
		return v
	}
	return a.dts.box(v)
}

// Decimal returns v in an interface.
func (a *Arena) Decimal(v Decimal) any {
	if a == nil {
		return v
	}
	return a.decs.box(v)
}

// String returns b as a string whose bytes live in the arena's byte slab;
// b itself is not kept.
func (a *Arena) String(b []byte) string {
	switch {
	case a == nil:
		return string(b)
	case len(b) == 0:
		return ""
	case len(b) > slabBytes/4:
		return string(b)
	case cap(a.text)-len(a.text) < len(b):
		a.text = make([]byte, 0, max(len(b), nextSlabCap(cap(a.text), 1)))
	}
	start := len(a.text)
	a.text = append(a.text, b...)
	return unsafe.String(&a.text[start], len(b))
}
