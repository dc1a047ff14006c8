package informix

import (
	"context"
	"database/sql"
	"testing"

	"github.com/go-informix/informix/ifxtest"
)

// BenchmarkQueryRowOne runs the one-row SELECT of bench_one through a
// prepared *sql.Stmt against ifxtest's replay mode, the bench harness's
// select_one workload in process: with OPTOFC on (the default) one round
// trip per query.
func BenchmarkQueryRowOne(b *testing.B) {
	srv, err := ifxtest.Start(ifxtest.Config{Replay: ifxtest.BenchTables()[2:3]})
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	db, err := sql.Open(DriverName, srv.DSN(ifxtest.DefaultDatabase))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	ctx := context.Background()
	st, err := db.PrepareContext(ctx, "SELECT one FROM "+ifxtest.BenchOne)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	var one int64
	b.ReportAllocs()
	for b.Loop() {
		if err := st.QueryRowContext(ctx).Scan(&one); err != nil || one != 1 {
			b.Fatal(one, err)
		}
	}
}
