package informix_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/go-informix/informix"
	"github.com/go-informix/informix/ifxtest"
)

// startServer starts an in-process Informix stand-in for the examples; a
// program would use its real server's address instead.
func startServer() *ifxtest.Server {
	srv, err := ifxtest.Start(ifxtest.Config{})
	if err != nil {
		log.Fatal(err)
	}
	return srv
}

// Open a database with a DSN; the same works with the JDBC form
// jdbc:informix-sqli://HOST:PORT/testdb:INFORMIXSERVER=…;user=…;password=….
func Example_open() {
	srv := startServer()
	defer srv.Close()

	// srv.DSN gives informix://informix:in4mix@127.0.0.1:PORT/testdb?server=ifxtest
	db, err := sql.Open("informix", srv.DSN("testdb")+"&connect_timeout=10s&lock_wait=5")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	if err := db.Ping(); err != nil {
		log.Fatal(err)
	}
	fmt.Println("connected")
	// Output: connected
}

// Query with positional '?' parameters and scan DECIMAL and DATETIME
// columns.
func Example_query() {
	srv := startServer()
	defer srv.Close()
	db, err := sql.Open("informix", srv.DSN("testdb"))
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	if _, err := db.Exec("CREATE TABLE orders (id SERIAL, total DECIMAL(10,2), placed DATETIME YEAR TO SECOND)"); err != nil {
		log.Fatal(err)
	}
	placed := time.Date(2026, 5, 4, 12, 30, 0, 0, time.UTC)
	for _, total := range []string{"19.99", "250.5"} {
		d, err := informix.ParseDecimal(total)
		if err != nil {
			log.Fatal(err)
		}
		if _, err := db.Exec("INSERT INTO orders (total, placed) VALUES (?, ?)", d, placed); err != nil {
			log.Fatal(err)
		}
	}
	rows, err := db.Query("SELECT id, total, placed FROM orders WHERE total > ? ORDER BY id", 10)
	if err != nil {
		log.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id     int64
			total  informix.Decimal
			placed time.Time
		)
		if err := rows.Scan(&id, &total, &placed); err != nil {
			log.Fatal(err)
		}
		fmt.Println(id, total, placed.Format(time.DateTime))
	}
	if err := rows.Err(); err != nil {
		log.Fatal(err)
	}
	// Output:
	// 1 19.99 2026-05-04 12:30:00
	// 2 250.50 2026-05-04 12:30:00
}

// Run statements in a transaction at a chosen isolation level; a
// duplicate key is recognised with errors.Is.
func Example_transaction() {
	srv := startServer()
	defer srv.Close()
	db, err := sql.Open("informix", srv.DSN("testdb"))
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER)"); err != nil {
		log.Fatal(err)
	}

	ctx := context.Background()
	tx, err := db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO accounts VALUES (?, ?)", 1, 100); err != nil {
		log.Fatal(err)
	}
	_, err = tx.ExecContext(ctx, "INSERT INTO accounts VALUES (?, ?)", 1, 200)
	fmt.Println("duplicate:", errors.Is(err, informix.ErrUniqueViolation))
	if err := tx.Commit(); err != nil {
		log.Fatal(err)
	}

	var balance int
	if err := db.QueryRow("SELECT balance FROM accounts WHERE id = ?", 1).Scan(&balance); err != nil {
		log.Fatal(err)
	}
	fmt.Println("balance:", balance)
	// Output:
	// duplicate: true
	// balance: 100
}

// Cancel a statement that waits for a lock: the driver interrupts it on
// the server and the error matches the context's.
func Example_cancel() {
	srv := startServer()
	defer srv.Close()
	db, err := sql.Open("informix", srv.DSN("testdb")+"&lock_wait=wait")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE TABLE jobs (id INTEGER, state CHAR(10))"); err != nil {
		log.Fatal(err)
	}
	if _, err := db.Exec("INSERT INTO jobs VALUES (1, 'new')"); err != nil {
		log.Fatal(err)
	}

	// One transaction holds the row's lock…
	holder, err := db.Begin()
	if err != nil {
		log.Fatal(err)
	}
	if _, err := holder.Exec("UPDATE jobs SET state = 'running' WHERE id = 1"); err != nil {
		log.Fatal(err)
	}

	// …so this update waits until its context ends.
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err = db.ExecContext(ctx, "UPDATE jobs SET state = 'done' WHERE id = 1")
	fmt.Println("deadline exceeded:", errors.Is(err, context.DeadlineExceeded))

	if err := holder.Rollback(); err != nil {
		log.Fatal(err)
	}
	// Output: deadline exceeded: true
}
