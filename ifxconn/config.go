package ifxconn

import (
	"context"
	"crypto/tls"
	"net"
	"time"

	"github.com/go-informix/informix/sqli"
)

// Defaults for the fields of Config left zero.
const (
	// DefaultClientLocale is JDBC's default CLIENT_LOCALE.
	DefaultClientLocale = "en_US.8859-1"
	// DefaultFetchBufferSize is the SQ_NFETCH buffer when Config leaves it
	// zero: 32767 bytes, the largest JDBC sends to a server that does not
	// announce large fetch buffers (SQLI.md §6.10), eight times JDBC's
	// default of 4096 (every SQ_NFETCH of conformance/testdata/jdbc asks
	// for 4096). A result then takes an eighth of the round trips, which
	// is most of a fetch's time on a network; informix-driver asks real
	// servers for up to 4 MiB [SQLI.md §6.10, S3]. Memory stays bounded by
	// it: one answer is decoded at a time.
	DefaultFetchBufferSize = 32767
	// DefaultInterruptTimeout bounds the wait for the server's answer
	// after an interrupt.
	DefaultInterruptTimeout = 5 * time.Second
	// DefaultAppName is the login misc string when Config.AppName is empty.
	DefaultAppName = "go-informix"
)

// maxFetchBufferSize caps Config.FetchBufferSize: the SQ_NFETCH field is an
// int32, and FET_BUF_SIZE goes up to 2 GiB (SQLI.md §6.10).
const maxFetchBufferSize = 1<<31 - 1

// Config is everything a connection needs; the root package builds it from
// a DSN. Connect copies it, so later changes to the caller's value (or to
// the slices and the TLS config it points to) must not be made while
// Connect runs, and have no effect after it.
type Config struct {
	Addr     string // host:port of the SQLI listener
	User     string // login user name
	Password string // login password, sent in clear text inside the login packet (use TLS); never in an error
	Server   string // INFORMIXSERVER name sent at login
	Database string // opened with SQ_DBOPEN after login; empty: none
	// TLS, when set, makes the connection speak TLS from the first byte, as
	// an onsocssl listener expects (SQLI.md §1.2); there is never a
	// plaintext fallback.
	TLS *tls.Config
	// Dial opens the TCP connection; nil uses a net.Dialer. The interrupt
	// (SQLI.md §7.9) needs the *net.TCPConn it returns; with any other
	// net.Conn a cancelled statement closes the connection instead.
	Dial func(ctx context.Context, network, addr string) (net.Conn, error)
	// ConnectTimeout bounds Connect as a whole (dial, TLS handshake, login,
	// SQ_DBOPEN, the locale lookup); 0 leaves only ctx to bound it.
	ConnectTimeout time.Duration
	// ClientLocale is sent as CLIENT_LOCALE; empty sends JDBC's default,
	// en_US.8859-1, unless DBLocale is set (JDBC then sends none).
	ClientLocale string
	// DBLocale is sent as DB_LOCALE when non-empty and picks the code set of
	// character data; when empty the database's own locale is looked up
	// after SQ_DBOPEN, as JDBC does.
	DBLocale string
	// Env is further login environment (PDQPRIORITY, OPTCOMPIND, …), sent
	// after JDBC's own entries; a DBDATE here takes the place of JDBC's
	// default. OPTOFC goes in SQ_INFO instead, as JDBC sends it, and is 1
	// unless Env says OPTOFC=0 (see sessionInfo).
	Env []sqli.EnvVar
	// FetchBufferSize is the SQ_NFETCH buffer in bytes; 0 means
	// DefaultFetchBufferSize (32767).
	FetchBufferSize int
	// LockWait, when set, is applied after login: -1 is SET LOCK MODE TO
	// WAIT, 0 NOT WAIT, n > 0 WAIT n (seconds).
	LockWait *int
	// Isolation, when set, is applied after login as SET ISOLATION TO
	// Isolation, e.g. "COMMITTED READ LAST COMMITTED".
	Isolation string
	// Limits caps the lengths read from the wire; zero fields take
	// sqli.DefaultLimits.
	Limits sqli.Limits
	// InterruptTimeout bounds the wait for the server's answer after an
	// interrupt, and the polite SQ_EXIT of Close; 0 means 5s.
	InterruptTimeout time.Duration
	// AppName is the login misc string (JDBC puts a thread description
	// there); empty means "go-informix".
	AppName string
}

func (c *Config) fetchBufferSize() int32 {
	if c.FetchBufferSize <= 0 {
		return DefaultFetchBufferSize
	}
	return int32(min(c.FetchBufferSize, maxFetchBufferSize))
}

func (c *Config) interruptTimeout() time.Duration {
	if c.InterruptTimeout <= 0 {
		return DefaultInterruptTimeout
	}
	return c.InterruptTimeout
}

func (c *Config) appName() string {
	if c.AppName == "" {
		return DefaultAppName
	}
	return c.AppName
}
