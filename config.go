package informix

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"time"

	"github.com/go-informix/informix/ifxconn"
	"github.com/go-informix/informix/sqli"
)

// DefaultPort is the port a DSN without one connects to: 9088, the port of
// IBM's Informix images and the usual onsoctcp listener (SQLI.md §1.1).
const DefaultPort = 9088

// TLSMode says whether and how a connection uses TLS. Whenever TLS is on,
// the connection is TLS from its first byte (an onsocssl listener, SQLI.md
// §1.2) and never falls back to plaintext: a server that does not speak TLS
// makes the connection fail.
type TLSMode int

// TLS modes, as the tls DSN option names them.
const (
	// TLSDisable: plaintext (the default).
	TLSDisable TLSMode = iota
	// TLSRequire: TLS, with the server's certificate verified as in
	// TLSVerifyFull unless Config.TLSSkipVerify is set, which is the only
	// way to accept a certificate that is not verified.
	TLSRequire
	// TLSVerifyCA: TLS; the certificate chain must lead to a trusted root
	// (Config.TLSCAFile, else the system roots), but the host name is not
	// checked.
	TLSVerifyCA
	// TLSVerifyFull: TLS; the chain must lead to a trusted root and the
	// certificate must name the host (Config.TLSServerName, else Host).
	TLSVerifyFull
)

var tlsModeNames = []string{"disable", "require", "verify-ca", "verify-full"}

// String returns the mode's DSN spelling, e.g. "verify-full".
func (m TLSMode) String() string {
	if m < 0 || int(m) >= len(tlsModeNames) {
		return "TLSMode(" + strconv.Itoa(int(m)) + ")"
	}
	return tlsModeNames[m]
}

// EnvVar is one Informix environment variable sent to the server at login
// (OPTOFC, PDQPRIORITY, DBDATE, …). Name is upper case.
type EnvVar struct {
	Name  string
	Value string
}

// Config is everything needed to open connections. ParseDSN builds one from
// a DSN; a program may also fill one in and pass it to NewConnector, which
// copies it, so later changes to a Config do not affect a Connector. The
// zero values of the optional fields mean the defaults their comments give.
type Config struct {
	Host     string // host name or IP address; required
	Port     int    // TCP port; 0 means DefaultPort
	User     string // user name; required
	Password string // password; FormatDSN includes it, errors never do
	Database string // database opened after login; empty opens none
	Server   string // INFORMIXSERVER: the server name sent at login

	TLSMode       TLSMode     // see TLSMode; TLSDisable by default
	TLSCAFile     string      // PEM file of trusted roots; empty: the system roots
	TLSCertFile   string      // PEM client certificate, with TLSKeyFile
	TLSKeyFile    string      // PEM private key of TLSCertFile
	TLSServerName string      // name the certificate must carry; empty: Host
	TLSSkipVerify bool        // with TLSRequire only: accept any certificate
	TLSConfig     *tls.Config // when set, used (cloned) instead of the TLS fields above; TLS is then on

	ConnectTimeout   time.Duration // bound on dial, TLS and login together; 0: only the context bounds it
	InterruptTimeout time.Duration // wait for the server's answer to a cancel; 0: 5s (ifxconn's default)
	ClientLocale     string        // CLIENT_LOCALE; empty: as IBM's JDBC driver (en_US.8859-1, none when DBLocale is set)
	DBLocale         string        // DB_LOCALE; empty: the database's own locale, asked after login
	FetchBufferSize  int           // SQ_NFETCH buffer size in bytes; 0: 32767 (JDBC's default is 4096)
	LockWait         *int          // nil: server default; -1: wait forever; 0: do not wait; n > 0: wait n seconds
	Isolation        string        // words after SET ISOLATION TO, upper case; empty: the server default
	AppName          string        // sent in the login's application field
	Env              []EnvVar      // further environment variables sent at login, in order

	// Dial, when set, opens the TCP connection instead of a net.Dialer.
	Dial func(ctx context.Context, network, addr string) (net.Conn, error)
}

// validate checks the fields a DSN may not have checked (a Config filled in
// by hand) and returns an error naming the first bad one. It never quotes
// the password.
func (c *Config) validate() error {
	switch {
	case c.Host == "":
		return errors.New("informix: config: no host")
	case c.Port < 0 || c.Port > 65535:
		return fmt.Errorf("informix: config: port %d is outside 1..65535", c.Port)
	case c.User == "":
		return errors.New("informix: config: no user name")
	case c.TLSMode < TLSDisable || c.TLSMode > TLSVerifyFull:
		return fmt.Errorf("informix: config: unknown TLS mode %d", int(c.TLSMode))
	case c.TLSSkipVerify && c.TLSMode != TLSRequire:
		return fmt.Errorf("informix: config: tls_skip_verify needs tls=require, not tls=%v", c.TLSMode)
	case (c.TLSCertFile == "") != (c.TLSKeyFile == ""):
		return errors.New("informix: config: tls_cert and tls_key go together")
	case c.ConnectTimeout < 0 || c.InterruptTimeout < 0:
		return errors.New("informix: config: negative timeout")
	case c.FetchBufferSize < 0:
		return fmt.Errorf("informix: config: fetch buffer size %d is negative", c.FetchBufferSize)
	case c.LockWait != nil && *c.LockWait < -1:
		return fmt.Errorf("informix: config: lock wait %d; want -1 (wait), 0 (no wait) or seconds", *c.LockWait)
	}
	if c.Isolation != "" {
		if _, err := parseIsolation(c.Isolation); err != nil {
			return err
		}
	}
	for _, e := range c.Env {
		if err := checkEnvName(e.Name); err != nil {
			return err
		}
	}
	return nil
}

// clone returns a deep copy of c.
func (c *Config) clone() *Config {
	d := *c
	if c.LockWait != nil {
		w := *c.LockWait
		d.LockWait = &w
	}
	if c.TLSConfig != nil {
		d.TLSConfig = c.TLSConfig.Clone()
	}
	d.Env = append([]EnvVar(nil), c.Env...)
	return &d
}

// connConfig returns the ifxconn configuration of c, reading the TLS files.
func (c *Config) connConfig() (*ifxconn.Config, error) {
	tc, err := c.tlsConfig()
	if err != nil {
		return nil, err
	}
	port := c.Port
	if port == 0 {
		port = DefaultPort
	}
	env := make([]sqli.EnvVar, len(c.Env))
	for i, e := range c.Env {
		env[i] = sqli.EnvVar{Name: e.Name, Value: e.Value}
	}
	cc := &ifxconn.Config{
		Addr:             net.JoinHostPort(c.Host, strconv.Itoa(port)),
		User:             c.User,
		Password:         c.Password,
		Server:           c.Server,
		Database:         c.Database,
		TLS:              tc,
		Dial:             c.Dial,
		ConnectTimeout:   c.ConnectTimeout,
		ClientLocale:     c.ClientLocale,
		DBLocale:         c.DBLocale,
		Env:              env,
		FetchBufferSize:  c.FetchBufferSize,
		Isolation:        c.Isolation,
		InterruptTimeout: c.InterruptTimeout,
		AppName:          c.AppName,
	}
	if c.LockWait != nil {
		w := *c.LockWait
		cc.LockWait = &w
	}
	return cc, nil
}

// tlsConfig builds the *tls.Config of c's TLS settings, or nil for
// plaintext. Verification is on in every mode but TLSRequire with
// TLSSkipVerify (reliability.md §4.3: explicit modes, verified by default,
// no plaintext fallback).
func (c *Config) tlsConfig() (*tls.Config, error) {
	if c.TLSConfig != nil {
		return c.TLSConfig.Clone(), nil
	}
	if c.TLSMode == TLSDisable {
		return nil, nil
	}
	tc := &tls.Config{MinVersion: tls.VersionTLS12, ServerName: c.TLSServerName}
	if tc.ServerName == "" {
		tc.ServerName = c.Host
	}
	if c.TLSCAFile != "" {
		pool, err := loadRoots(c.TLSCAFile)
		if err != nil {
			return nil, err
		}
		tc.RootCAs = pool
	}
	if c.TLSCertFile != "" {
		cert, err := tls.LoadX509KeyPair(c.TLSCertFile, c.TLSKeyFile)
		if err != nil {
			return nil, fmt.Errorf("informix: config: tls_cert %q, tls_key %q: %w", c.TLSCertFile, c.TLSKeyFile, err)
		}
		tc.Certificates = []tls.Certificate{cert}
	}
	switch {
	case c.TLSMode == TLSRequire && c.TLSSkipVerify:
		tc.InsecureSkipVerify = true
	case c.TLSMode == TLSVerifyCA:
		// crypto/tls checks the chain and the name together; verify-ca
		// checks the chain alone, in VerifyConnection.
		tc.InsecureSkipVerify = true
		tc.VerifyConnection = verifyChain(tc.RootCAs)
	}
	return tc, nil
}

// loadRoots reads a PEM file of trusted root certificates.
func loadRoots(file string) (*x509.CertPool, error) {
	pem, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("informix: config: tls_ca: %w", err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("informix: config: tls_ca %q holds no PEM certificate", file)
	}
	return pool, nil
}

// verifyChain returns a VerifyConnection callback that accepts a server
// certificate whose chain leads to roots (the system roots when nil),
// whatever name it carries.
func verifyChain(roots *x509.CertPool) func(tls.ConnectionState) error {
	return func(cs tls.ConnectionState) error {
		if len(cs.PeerCertificates) == 0 {
			return errors.New("informix: tls verify-ca: the server sent no certificate")
		}
		inter := x509.NewCertPool()
		for _, c := range cs.PeerCertificates[1:] {
			inter.AddCert(c)
		}
		_, err := cs.PeerCertificates[0].Verify(x509.VerifyOptions{Roots: roots, Intermediates: inter})
		if err != nil {
			return fmt.Errorf("informix: tls verify-ca: %w", err)
		}
		return nil
	}
}
