package ifxconn

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"

	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// glCollateSQL is the statement IBM JDBC runs after SQ_DBOPEN, when no
// DB_LOCALE was configured, to learn the database locale (SQLI.md §3.9
// [W: S1]; conformance/testdata/jdbc/connect.golden, byte for byte).
const glCollateSQL = "select FIRST 1 site from informix.systables where tabname = ' GL_COLLATE'"

// defaultDBLocale is the locale assumed for a database whose GL_COLLATE
// row is missing: Informix's default locale (TYPES.md §7).
const defaultDBLocale = "en_US.819"

// Connect dials cfg.Addr, logs in, negotiates features and opens
// cfg.Database, as IBM JDBC 15.0.0.1.1 does byte for byte
// (conformance/testdata/jdbc/connect.golden): the login packet, SQ_PROTOCOLS
// with JDBC's offer, SQ_ACK when the server grants feature 44 or 59,
// SQ_INFO, SQ_DBOPEN, and the GL_COLLATE lookup when no DB_LOCALE is
// configured. Then it applies cfg.LockWait and cfg.Isolation with SQL.
//
// ctx and cfg.ConnectTimeout bound every step, the TLS handshake and the
// login answer included; when either ends, the socket is closed and the
// error matches ctx's error with errors.Is. A refused login is a
// *ServerError carrying the answer's service error (e.g. -951); an
// unknown database is the server's *ServerError (e.g. -329). No error
// holds the password.
func Connect(ctx context.Context, cfg *Config) (*Conn, error) {
	if cfg == nil {
		return nil, errorf("connect", true, "nil Config")
	}
	if cfg.ConnectTimeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, cfg.ConnectTimeout)
		defer cancel()
	}
	c := &Conn{cfg: *cfg, lock: make(chan struct{}, 1)}
	c.cfg.Env = append([]sqli.EnvVar(nil), cfg.Env...)
	if err := c.dial(ctx); err != nil {
		return nil, connectError(ctx, err)
	}
	stop := context.AfterFunc(ctx, func() { c.raw.Close() })
	err := c.setUp(ctx)
	if !stop() || err != nil {
		c.shutdown(err)
		return nil, connectError(ctx, err)
	}
	return c, nil
}

// connectError wraps a failure of Connect, adding ctx's error when ctx
// ended. A *ServerError (a refused login, an unknown database) is returned
// as it is when ctx did not end.
func connectError(ctx context.Context, err error) error {
	var se *ServerError
	if ctx.Err() == nil && errors.As(err, &se) && err == error(se) {
		return se
	}
	var ce *connError
	if errors.As(err, &ce) {
		if ce.ctx == nil {
			ce.ctx = ctx.Err()
		}
		return ce
	}
	return &connError{op: "connect", err: err, ctx: ctx.Err()}
}

// dial opens the TCP connection and, with cfg.TLS, completes the TLS
// handshake, both bounded by ctx.
func (c *Conn) dial(ctx context.Context) error {
	dial := c.cfg.Dial
	if dial == nil {
		dial = (&net.Dialer{}).DialContext
	}
	raw, err := dial(ctx, "tcp", c.cfg.Addr)
	if err != nil {
		return fmt.Errorf("dial %s: %w", c.cfg.Addr, err)
	}
	c.raw, c.nc = raw, raw
	if c.cfg.TLS != nil {
		tc := tls.Client(raw, tlsConfig(c.cfg.TLS, c.cfg.Addr))
		if err := tc.HandshakeContext(ctx); err != nil {
			raw.Close()
			return fmt.Errorf("TLS handshake with %s: %w", c.cfg.Addr, err)
		}
		c.nc = tc
	}
	c.r = sqli.NewReader(c.nc)
	c.r.SetLimits(c.cfg.Limits)
	c.dec = sqli.NewServerDecoder(c.r)
	c.w = sqli.NewWriter(c.nc)
	return nil
}

// tlsConfig returns base with ServerName set from addr when base leaves it
// empty, so that the certificate is checked against the host dialed.
func tlsConfig(base *tls.Config, addr string) *tls.Config {
	if base.ServerName != "" {
		return base
	}
	cfg := base.Clone()
	if host, _, err := net.SplitHostPort(addr); err == nil {
		cfg.ServerName = host
	}
	return cfg
}

// setUp runs everything after the dial.
func (c *Conn) setUp(ctx context.Context) error {
	c.db.CodeSet = ifxtype.Latin1 // until the database's locale is known; ASCII-safe
	steps := []func(context.Context) error{c.login, c.negotiate, c.openDatabase, c.pickCodeSet, c.applySettings}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return err
		}
	}
	return nil
}

// loginRequest builds the login packet as IBM JDBC 15.0.0.1.1 does.
func (c *Conn) loginRequest() *sqli.LoginRequest {
	req := sqli.NewLoginRequest(c.cfg.User, c.cfg.Password, c.cfg.Server)
	req.Env = loginEnv(&c.cfg)
	req.PID = int32(os.Getpid())
	req.ThreadID = 1
	req.Hostname, _ = os.Hostname()
	req.Cwd, _ = os.Getwd()
	req.Misc = c.cfg.appName()
	return req
}

// loginEnv returns the login environment in IBM JDBC 15.0.0.1.1's order
// ([J]: ifxtest's wire logs of JDBC with each locale setting; SQLI.md
// §3.2): DBPATH=.; CLIENT_LOCALE, the configured one, or en_US.8859-1 when
// neither locale is configured; CLNT_PAM_CAPABLE=1; DBDATE, the
// configured one, or Y4MD- when neither locale is configured; IFX_UPDDESC=1;
// DB_LOCALE when configured; NODEFDAC=no; then cfg.Env (a DBDATE there
// takes the DBDATE slot).
func loginEnv(cfg *Config) []sqli.EnvVar {
	noLocale := cfg.ClientLocale == "" && cfg.DBLocale == ""
	env := []sqli.EnvVar{{Name: "DBPATH", Value: "."}}
	switch {
	case cfg.ClientLocale != "":
		env = append(env, sqli.EnvVar{Name: "CLIENT_LOCALE", Value: cfg.ClientLocale})
	case noLocale:
		env = append(env, sqli.EnvVar{Name: "CLIENT_LOCALE", Value: DefaultClientLocale})
	}
	env = append(env, sqli.EnvVar{Name: "CLNT_PAM_CAPABLE", Value: "1"})
	var rest []sqli.EnvVar
	dbdate := ""
	if noLocale {
		dbdate = "Y4MD-"
	}
	for _, v := range cfg.Env {
		switch {
		case strings.EqualFold(v.Name, "DBDATE"):
			dbdate = v.Value
			continue
		case strings.EqualFold(v.Name, "OPTOFC"):
			continue // sent in SQ_INFO, as JDBC does (sessionInfo)
		}
		rest = append(rest, v)
	}
	if dbdate != "" {
		env = append(env, sqli.EnvVar{Name: "DBDATE", Value: dbdate})
	}
	env = append(env, sqli.EnvVar{Name: "IFX_UPDDESC", Value: "1"})
	if cfg.DBLocale != "" {
		env = append(env, sqli.EnvVar{Name: "DB_LOCALE", Value: cfg.DBLocale})
	}
	env = append(env, sqli.EnvVar{Name: "NODEFDAC", Value: "no"})
	return append(env, rest...)
}

// login sends the login packet and reads the answer. A refusal with a
// service error is a *ServerError with that code; any other refusal wraps
// the *sqli.LoginError.
func (c *Conn) login(ctx context.Context) error {
	o, err := c.begin(ctx, "login", nil)
	if err != nil {
		return err
	}
	defer o.end()
	c.loginRequest().Encode(c.w.Encoder())
	if err := o.send(); err != nil {
		return err
	}
	var resp sqli.LoginResponse
	o.setPhase(phaseRead)
	err = resp.Decode(c.r)
	o.setPhase(phaseIdle)
	if err != nil {
		c.poison(err)
		return o.fail(fmt.Errorf("read login answer: %w", err))
	}
	if lerr := resp.Err(); lerr != nil {
		if resp.ServiceError != 0 {
			return &ServerError{SQLCode: int(resp.ServiceError), Message: strings.Join(resp.Messages, "; ")}
		}
		return o.fail(lerr)
	}
	c.db.ServerVersion = resp.Version
	return nil
}
