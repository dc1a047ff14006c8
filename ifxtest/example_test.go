package ifxtest_test

import (
	"fmt"
	"log"
	"net"
	"strings"

	"github.com/go-informix/informix/ifxtest"
)

// ExampleStart starts a server with the default configuration and shows
// what a client needs to reach it. With go-informix, pass the DSN to
// sql.Open("informix", …); with IBM JDBC, use the URL
// jdbc:informix-sqli://ADDR/testdb:INFORMIXSERVER=ifxtest;user=informix;password=in4mix.
func ExampleStart() {
	srv, err := ifxtest.Start(ifxtest.Config{})
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()

	host, _, _ := net.SplitHostPort(srv.Addr())
	fmt.Println("host:", host)
	dsn := srv.DSN("testdb")
	fmt.Println(strings.Replace(dsn, srv.Addr(), "HOST:PORT", 1))
	// Output:
	// host: 127.0.0.1
	// informix://informix:in4mix@HOST:PORT/testdb?server=ifxtest
}
