// Package testcert makes the self-signed certificates the TLS tests of
// ifxtest, ifxconn, the driver and the end-to-end suite serve and trust.
package testcert

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"time"
)

// Cert is a self-signed server certificate for 127.0.0.1 and localhost,
// valid from an hour before it was made to a day after, that is also its
// own certificate authority.
type Cert struct {
	TLS     tls.Certificate // for a server's tls.Config
	CertPEM []byte          // the certificate, PEM-encoded
	KeyPEM  []byte          // its ECDSA key, PEM-encoded
	Pool    *x509.CertPool  // a pool trusting the certificate, for a client
}

// New makes a Cert.
func New() (*Cert, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "ifxtest"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1")},
		DNSNames:              []string{"localhost"},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, err
	}
	parsed, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, err
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	pool.AddCert(parsed)
	return &Cert{
		TLS:     tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key},
		CertPEM: pemBlock("CERTIFICATE", der),
		KeyPEM:  pemBlock("EC PRIVATE KEY", kder),
		Pool:    pool,
	}, nil
}

// WriteCA writes the certificate as PEM to ca.pem in dir and returns the
// file's path, for a DSN's tls_ca.
func (c *Cert) WriteCA(dir string) (string, error) {
	file := filepath.Join(dir, "ca.pem")
	return file, os.WriteFile(file, c.CertPEM, 0o600)
}

// pemBlock encodes der as one PEM block of type typ.
func pemBlock(typ string, der []byte) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der})
}
