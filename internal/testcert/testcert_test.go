package testcert

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"os"
	"testing"
)

// TestNew: the certificate verifies for 127.0.0.1 and localhost against
// its own pool, not for another name; the PEM forms load as a key pair;
// WriteCA writes the certificate.
func TestNew(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := x509.ParseCertificate(c.TLS.Certificate[0])
	if err != nil {
		t.Fatal(err)
	}
	for name, ok := range map[string]bool{"127.0.0.1": true, "localhost": true, "example.com": false} {
		_, err := leaf.Verify(x509.VerifyOptions{Roots: c.Pool, DNSName: name})
		if (err == nil) != ok {
			t.Errorf("verify for %s: %v, want success %v", name, err, ok)
		}
	}
	if _, err := tls.X509KeyPair(c.CertPEM, c.KeyPEM); err != nil {
		t.Errorf("X509KeyPair: %v", err)
	}
	file, err := c.WriteCA(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(file)
	if blk, _ := pem.Decode(b); err != nil || blk == nil || blk.Type != "CERTIFICATE" {
		t.Errorf("ca.pem: %q, %v", b, err)
	}
}
