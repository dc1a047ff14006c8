package engine

import (
	"context"
	"io"
	"strconv"
	"testing"
)

// BenchmarkSelect100k reads a 100 000-row table through a cursor at
// COMMITTED READ, the default of a logged database: with no other
// session holding a lock, and with another session holding a lock in a
// table the query does not read. Both take the common path, where the
// isolation check runs no query (isolation.go). For comparison, the same
// query at REPEATABLE READ in a transaction, which share-locks every row
// it reads.
func BenchmarkSelect100k(b *testing.B) {
	e := newEngine(b, BufferedLogging, "")
	s, other := newSession(b, e), newSession(b, e)
	exec(b, s, "create table big (a int, b varchar(20), c decimal(10,2))")
	exec(b, s, "create table side (a int)")
	for i := 1; i <= 1024; i++ {
		exec(b, s, "insert into big values (?, 'row', ?)", int64(i), dec(b, strconv.Itoa(i)+".25"))
	}
	for n := 1024; n < 100000; n *= 2 {
		exec(b, s, "insert into big select a + "+strconv.Itoa(n)+", b, c from big")
	}
	exec(b, s, "delete from big where a > 100000")
	if n := count(b, s, "big"); n != 100000 {
		b.Fatalf("%d rows, want 100000", n)
	}
	b.Run("no locks", func(b *testing.B) { readAll(b, s, "select a, b, c from big", 100000) })
	exec(b, other, "insert into side values (1)")
	exec(b, other, "begin work")
	exec(b, other, "update side set a = 2")
	b.Run("other table locked", func(b *testing.B) { readAll(b, s, "select a, b, c from big", 100000) })
	exec(b, other, "rollback work")
	exec(b, s, "set isolation to repeatable read")
	exec(b, s, "begin work")
	b.Run("repeatable read in a transaction", func(b *testing.B) { readAll(b, s, "select a, b, c from big", 100000) })
	exec(b, s, "rollback work")
}

// readAll runs query b.N times, reading every row; want is the row count.
func readAll(b *testing.B, s *Session, query string, want int) {
	b.Helper()
	st, err := s.Prepare(query)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cur, err := s.Open(ctx, st, []any{})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			_, err := cur.Next(ctx)
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		cur.Close()
		if n != want {
			b.Fatalf("%d rows, want %d", n, want)
		}
	}
}
