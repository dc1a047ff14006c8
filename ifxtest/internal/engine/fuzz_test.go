package engine

import (
	"context"
	"errors"
	"io"
	"testing"
	"time"
)

// FuzzPrepare feeds arbitrary text to Prepare: it must never panic, and
// must return either a statement or an *Error.
func FuzzPrepare(f *testing.F) {
	for _, seed := range []string{
		"select FIRST 1 site from informix.systables where tabname = ' GL_COLLATE'",
		"select dbinfo('version','full') from  table (set{1});",
		"select a, count(*) from t where b between 1 and 2 group by 1 having count(*) > 1 order by 2 desc",
		"select skip 2 first 3 distinct a::int from t, u where t.a = u.a union all select 1 from systables",
		"insert into t (a, b) values (?, 'x')",
		"update t set (a, b) = (1, 2) where a in (select a from u)",
		"delete from t where a like 'x%' escape '!'",
		"create temp table x (a serial(5), b decimal(8,2) not null default 0, c datetime year to fraction(5), d interval day(5) to second, primary key (a))",
		"select case when a > 1 then 'x' else 'y' end, current year to second, datetime(2026-05-04) year to day, interval(3 04:05:06) day to second from t",
		"select extend(today, year to minute) - datetime(2026-05-04 12:00) year to minute from t",
		"execute procedure ifxtest_sleep(?)",
		"set lock mode to wait 10",
		"rollback work to savepoint s1",
		"select {", "select 'abc", "select ((((1", "select 1e999 from t", "select 99999999999999999999999999999999999 from t",
	} {
		f.Add(seed)
	}
	e := newEngine(f, BufferedLogging, "")
	s := newSession(f, e)
	exec(f, s, "create table t (a int, b varchar(10), c decimal(8,2), d date)")
	exec(f, s, "create table u (a int, e datetime year to second)")
	f.Fuzz(func(t *testing.T, text string) {
		st, err := s.Prepare(text)
		if err != nil {
			var ie *Error
			if !errors.As(err, &ie) {
				t.Fatalf("Prepare(%q) returned %T %v, want an *Error", text, err, err)
			}
			return
		}
		if st == nil {
			t.Fatalf("Prepare(%q) returned neither a statement nor an error", text)
		}
	})
}

// FuzzExecute prepares and runs arbitrary text, binding NULL to every
// parameter: every error must be an *Error, since anything else means the
// engine produced SQL that SQLite rejects or met a state it did not
// expect.
func FuzzExecute(f *testing.F) {
	for _, seed := range []string{
		"select a, b from t where c > 1.5 order by 1",
		"select count(*), sum(c), max(d) from t group by a having count(*) > 0",
		"insert into t values (1, 'x', 2.5, today)",
		"update t set c = c * 2 where b matches '[a-z]*'",
		"delete from t where d < today - 30",
		"select * from t, u where t.a = u.a",
		"select t.a from t left join u on t.a = u.a where u.e is null",
		"select a from t union select a from u",
		"select nvl(b, 'none') || '!' from t",
		"select extend(d, year to minute) from t",
		"select * from t where a in (select a from u)",
		"select (select max(a) from u) from t",
		"select substr(b, 2, 3), length(b), upper(b) from t",
		"select round(c, 1), trunc(c), abs(c), mod(a, 3) from t",
		"select e + interval(1) day to day from u",
		"create table x (a int)", "drop table x", "begin work", "commit work",
	} {
		f.Add(seed)
	}
	e := newEngine(f, BufferedLogging, "")
	s := newSession(f, e)
	exec(f, s, "create table t (a int, b varchar(10), c decimal(8,2), d date)")
	exec(f, s, "create table u (a int, e datetime year to second)")
	exec(f, s, "insert into t values (1, 'abc', 12.5, '2026-05-04')")
	exec(f, s, "insert into u values (1, '2026-05-04 12:00:00')")
	f.Fuzz(func(t *testing.T, text string) {
		st, err := s.Prepare(text)
		if err != nil {
			return
		}
		args := make([]any, len(st.Params))
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		if st.Cursor {
			err = drain(ctx, s, st, args)
		} else {
			_, err = s.Execute(ctx, st, args)
		}
		var ie *Error
		if err != nil && !errors.As(err, &ie) {
			t.Fatalf("running %q returned %T %v, want an *Error", text, err, err)
		}
	})
}

// drain opens a cursor and reads up to 1000 rows.
func drain(ctx context.Context, s *Session, st *Statement, args []any) error {
	cur, err := s.Open(ctx, st, args)
	if err != nil {
		return err
	}
	defer cur.Close()
	for i := 0; i < 1000; i++ {
		if _, err := cur.Next(ctx); err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
	}
	return nil
}
