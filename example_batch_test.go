package informix_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log"

	"github.com/go-informix/informix"
)

// Insert many rows in one transaction with a Batch: the rows travel in
// groups of up to 1000, one round trip each. A row the server refuses
// stops the batch; BatchError says which, and the rollback removes the
// rows before it.
func Example_batch() {
	srv := startServer()
	defer srv.Close()
	db, err := sql.Open("informix", srv.DSN("testdb"))
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE TABLE readings (id INTEGER PRIMARY KEY, sensor VARCHAR(20), value FLOAT)"); err != nil {
		log.Fatal(err)
	}

	rows := make(informix.Batch, 0, 5000)
	for i := range 5000 {
		rows = append(rows, []any{i, fmt.Sprintf("sensor-%d", i%7), float64(i) / 4})
	}
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		log.Fatal(err)
	}
	res, err := tx.ExecContext(ctx, "INSERT INTO readings VALUES (?, ?, ?)", rows)
	if err != nil {
		tx.Rollback()
		log.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		log.Fatal(err)
	}
	n, _ := res.RowsAffected()
	fmt.Println("inserted:", n)

	// Row 2 repeats id 0: the batch stops there.
	tx, err = db.BeginTx(ctx, nil)
	if err != nil {
		log.Fatal(err)
	}
	_, err = tx.ExecContext(ctx, "INSERT INTO readings VALUES (?, ?, ?)",
		informix.Batch{{5000, "late", 1.5}, {5001, "late", 2.5}, {0, "again", 3.5}})
	var be *informix.BatchError
	if errors.As(err, &be) {
		fmt.Println("stopped at row", be.Row, "duplicate:", errors.Is(err, informix.ErrUniqueViolation))
	}
	if err := tx.Rollback(); err != nil {
		log.Fatal(err)
	}
	var count int
	if err := db.QueryRow("SELECT COUNT(*) FROM readings").Scan(&count); err != nil {
		log.Fatal(err)
	}
	fmt.Println("rows:", count)
	// Output:
	// inserted: 5000
	// stopped at row 2 duplicate: true
	// rows: 5000
}
