package ifxconn

import (
	"crypto/tls"
	"testing"

	"github.com/go-informix/informix/internal/testcert"
)

// tlsPair is a self-signed certificate for 127.0.0.1 as a server config,
// and a client config that trusts it.
type tlsPair struct {
	server, client *tls.Config
}

func testTLS(t *testing.T) tlsPair {
	t.Helper()
	c, err := testcert.New()
	if err != nil {
		t.Fatal(err)
	}
	return tlsPair{
		server: &tls.Config{Certificates: []tls.Certificate{c.TLS}},
		client: &tls.Config{RootCAs: c.Pool},
	}
}
