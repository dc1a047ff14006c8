package main

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/go-informix/informix"
	"github.com/go-informix/informix/ifxtest"
)

// sampleDatabase is the name of the database the embedded server holds.
const sampleDatabase = "sample"

// sampleNotice is what ifxsql says on standard error when it starts the
// embedded server.
const sampleNotice = "no DSN given: started an embedded ifxtest server with the sample database; " +
	"connect to your own with -d informix://…"

// sampleSchema creates the sample tables, in Informix SQL. Informix would
// also take FOREIGN KEY (customer_num) REFERENCES customers and FOREIGN
// KEY (order_num) REFERENCES orders; ifxtest's engine has no foreign keys,
// so the sample does without them.
var sampleSchema = []string{
	`CREATE TABLE customers (
	customer_num SERIAL NOT NULL,
	name         VARCHAR(40) NOT NULL,
	city         VARCHAR(40),
	since        DATE,
	PRIMARY KEY (customer_num))`,
	`CREATE TABLE orders (
	order_num    SERIAL NOT NULL,
	customer_num INTEGER NOT NULL,
	order_date   DATE NOT NULL,
	placed       DATETIME YEAR TO SECOND,
	total        DECIMAL(10,2) NOT NULL,
	notes        LVARCHAR(2000),
	PRIMARY KEY (order_num))`,
	`CREATE INDEX orders_customer ON orders (customer_num)`,
	`CREATE TABLE items (
	item_num     SMALLINT NOT NULL,
	order_num    INTEGER NOT NULL,
	description  VARCHAR(60) NOT NULL,
	quantity     SMALLINT NOT NULL,
	unit_price   MONEY(8,2) NOT NULL,
	PRIMARY KEY (order_num, item_num))`,
}

// sampleCustomer is a row of customers; the SERIAL customer_num is its
// position in sampleCustomers, from 1. An empty city is NULL.
type sampleCustomer struct {
	name, city string
	since      informix.Date
}

// sampleCustomers are made up; the names are not ASCII-only on purpose.
// Customer 12 has no orders.
var sampleCustomers = []sampleCustomer{
	{"Jonas Müller", "Köln", informix.Date{Year: 2019, Month: 3, Day: 14}},
	{"Åsa Lindqvist", "Göteborg", informix.Date{Year: 2020, Month: 6, Day: 1}},
	{"Chiara Rossi", "Milano", informix.Date{Year: 2018, Month: 11, Day: 23}},
	{"Søren Dahl", "Aarhus", informix.Date{Year: 2021, Month: 1, Day: 8}},
	{"María José García", "Sevilla", informix.Date{Year: 2017, Month: 9, Day: 30}},
	{"Zoë Martin", "Lyon", informix.Date{Year: 2022, Month: 4, Day: 12}},
	{"Tomasz Wiśniewski", "Kraków", informix.Date{Year: 2019, Month: 12, Day: 2}},
	{"Ayşe Yılmaz", "İzmir", informix.Date{Year: 2023, Month: 2, Day: 17}},
	{"Liam O'Brien", "Dublin", informix.Date{Year: 2016, Month: 5, Day: 5}},
	{"Emma Johnson", "Portland", informix.Date{Year: 2024, Month: 7, Day: 19}},
	{"山田 花子", "東京", informix.Date{Year: 2020, Month: 10, Day: 10}},
	{"Noah Fischer", "", informix.Date{Year: 2025, Month: 1, Day: 3}},
}

// sampleItem is a row of items without its order_num.
type sampleItem struct {
	description string
	quantity    int16
	unitPrice   string
}

// sampleOrder is a row of orders with its items; the SERIAL order_num is
// its position in sampleOrders, from 1, and order_date is the date of
// placed. total is the sum of the items' quantity × unit_price, worked
// out by hand in the comment after each order. An empty notes is NULL.
type sampleOrder struct {
	customer int
	placed   string // YYYY-MM-DD hh:mm:ss
	total    string
	notes    string
	items    []sampleItem
}

// Frequent items.
var (
	beans    = sampleItem{"Espresso beans, 1 kg", 1, "24.90"}
	filters  = sampleItem{"Paper filters (100)", 1, "4.95"}
	frother  = sampleItem{"Milk frother", 1, "39.00"}
	kettle   = sampleItem{"Pour-over kettle", 1, "54.50"}
	moka     = sampleItem{"Moka pot, 6 cups", 1, "32.00"}
	ground   = sampleItem{"Ground coffee, 250 g", 1, "7.25"}
	grinder  = sampleItem{"Burr grinder", 1, "129.00"}
	coldBrew = sampleItem{"Cold brew jar", 1, "28.40"}
	cups     = sampleItem{"Espresso cups, set of 4", 1, "22.00"}
)

// times returns it with quantity n.
func (it sampleItem) times(n int16) sampleItem { it.quantity = n; return it }

// sampleOrders: per customer, the totals are Müller (1) 88.80 + 84.60 +
// 56.80 = 230.20 in 3 orders, María José García (5) 129.00 + 61.00 =
// 190.00, Søren Dahl (4) 178.80, Åsa Lindqvist (2) 54.50 + 46.90 = 101.40,
// Chiara Rossi (3) 61.00 + 24.90 = 85.90; all 16 orders 1104.45.
var sampleOrders = []sampleOrder{
	// order 1: 2 × 24.90 + 39.00 = 49.80 + 39.00 = 88.80
	{1, "2024-01-15 09:12:44", "88.80", "Leave at the back door.",
		[]sampleItem{beans.times(2), frother}},
	// order 2: 54.50
	{2, "2024-01-22 14:03:10", "54.50", "",
		[]sampleItem{kettle}},
	// order 3: 3 × 24.90 + 2 × 4.95 = 74.70 + 9.90 = 84.60
	{1, "2024-02-03 18:45:00", "84.60", "Gift wrap, please.\nCard: \"Alles Gute!\"",
		[]sampleItem{beans.times(3), filters.times(2)}},
	// order 4: 32.00 + 4 × 7.25 = 32.00 + 29.00 = 61.00
	{3, "2024-02-11 11:30:27", "61.00", "",
		[]sampleItem{moka, ground.times(4)}},
	// order 5: 129.00
	{5, "2024-03-02 08:05:51", "129.00", "Ring twice.",
		[]sampleItem{grinder}},
	// order 6: 28.40 + 4.95 = 33.35
	{7, "2024-03-09 20:14:33", "33.35", "",
		[]sampleItem{coldBrew, filters}},
	// order 7: 22.00 + 24.90 = 46.90
	{2, "2024-03-18 10:00:00", "46.90", "",
		[]sampleItem{cups, beans}},
	// order 8: 2 × 18.75 + 2 × 7.25 = 37.50 + 14.50 = 52.00
	{8, "2024-04-01 16:20:09", "52.00", "Kapıda ödeme",
		[]sampleItem{{"Turkish coffee pot (cezve)", 2, "18.75"}, ground.times(2)}},
	// order 9: 54.50 + 3 × 4.95 = 54.50 + 14.85 = 69.35
	{11, "2024-04-07 07:45:30", "69.35", "午前中に配達してください",
		[]sampleItem{kettle, filters.times(3)}},
	// order 10: 129.00 + 2 × 24.90 = 129.00 + 49.80 = 178.80
	{4, "2024-04-19 12:12:12", "178.80", "",
		[]sampleItem{grinder, beans.times(2)}},
	// order 11: 39.00
	{9, "2024-05-05 19:30:00", "39.00", "",
		[]sampleItem{frother}},
	// order 12: 32.00 + 2 × 22.00 = 32.00 + 44.00 = 76.00
	{6, "2024-05-21 13:47:05", "76.00", "",
		[]sampleItem{moka, cups.times(2)}},
	// order 13: 2 × 28.40 = 56.80
	{1, "2024-06-02 09:01:59", "56.80", "",
		[]sampleItem{coldBrew.times(2)}},
	// order 14: 6 × 7.25 + 4.95 = 43.50 + 4.95 = 48.45
	{10, "2024-06-14 17:25:40", "48.45", "",
		[]sampleItem{ground.times(6), filters}},
	// order 15: 24.90
	{3, "2024-07-01 10:10:10", "24.90", "",
		[]sampleItem{beans}},
	// order 16: 39.00 + 22.00 = 61.00
	{5, "2024-07-15 15:55:00", "61.00", "",
		[]sampleItem{frother, cups}},
}

// startSample starts an embedded ifxtest server with a logged UTF-8
// database named sample, fills it (loadSample) and returns the server and
// the DSN of the database. The caller closes the server.
func startSample(ctx context.Context) (*ifxtest.Server, string, error) {
	srv, err := ifxtest.Start(ifxtest.Config{Databases: []ifxtest.Database{{
		Name: sampleDatabase, Logging: ifxtest.UnbufferedLogging, Locale: "en_US.utf8",
	}}})
	if err != nil {
		return nil, "", fmt.Errorf("start the embedded server: %w", err)
	}
	dsn := srv.DSN(sampleDatabase)
	db, err := sql.Open(informix.DriverName, dsn)
	if err == nil {
		err = loadSample(ctx, db)
		if cerr := db.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		srv.Close()
		return nil, "", fmt.Errorf("create the sample database: %w", err)
	}
	return srv, dsn, nil
}

// loadSample creates the sample tables in db and inserts their rows, in
// one transaction.
func loadSample(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() // after Commit, a no-op
	for _, stmt := range sampleSchema {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return err
		}
	}
	if err := insertCustomers(ctx, tx); err != nil {
		return err
	}
	if err := insertOrders(ctx, tx); err != nil {
		return err
	}
	return tx.Commit()
}

// insertCustomers inserts sampleCustomers.
func insertCustomers(ctx context.Context, tx *sql.Tx) error {
	for _, c := range sampleCustomers {
		var city any
		if c.city != "" {
			city = c.city
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO customers (name, city, since) VALUES (?, ?, ?)",
			c.name, city, c.since); err != nil {
			return fmt.Errorf("customer %s: %w", c.name, err)
		}
	}
	return nil
}

// insertOrders inserts sampleOrders and their items.
func insertOrders(ctx context.Context, tx *sql.Tx) error {
	yearToSecond, err := informix.DateTimeQualifier(informix.UnitYear, informix.UnitSecond)
	if err != nil {
		return err
	}
	for i, o := range sampleOrders {
		placed, err := informix.ParseDateTime(o.placed, yearToSecond)
		if err != nil {
			return fmt.Errorf("order %d: %w", i+1, err)
		}
		total, err := informix.ParseDecimal(o.total)
		if err != nil {
			return fmt.Errorf("order %d: %w", i+1, err)
		}
		var notes any
		if o.notes != "" {
			notes = o.notes
		}
		if _, err := tx.ExecContext(ctx,
			"INSERT INTO orders (customer_num, order_date, placed, total, notes) VALUES (?, ?, ?, ?, ?)",
			o.customer, informix.DateOf(placed.Time(time.UTC)), placed, total, notes); err != nil {
			return fmt.Errorf("order %d: %w", i+1, err)
		}
		if err := insertItems(ctx, tx, i+1, o.items); err != nil {
			return err
		}
	}
	return nil
}

// insertItems inserts the items of order orderNum, numbered from 1.
func insertItems(ctx context.Context, tx *sql.Tx, orderNum int, items []sampleItem) error {
	for j, it := range items {
		price, err := informix.ParseDecimal(it.unitPrice)
		if err != nil {
			return fmt.Errorf("order %d item %d: %w", orderNum, j+1, err)
		}
		if _, err := tx.ExecContext(ctx,
			"INSERT INTO items (item_num, order_num, description, quantity, unit_price) VALUES (?, ?, ?, ?, ?)",
			int16(j+1), orderNum, it.description, it.quantity, price); err != nil {
			return fmt.Errorf("order %d item %d: %w", orderNum, j+1, err)
		}
	}
	return nil
}
