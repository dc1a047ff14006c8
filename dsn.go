package informix

import (
	"errors"
	"net/url"
	"os"
	"strconv"
	"strings"
)

const (
	urlScheme  = "informix://"
	jdbcScheme = "jdbc:informix-sqli://"
)

// ParseDSN parses a data source name in either of two forms:
//
//	informix://USER:PASSWORD@HOST:PORT/DATABASE?server=NAME&option=value…
//	jdbc:informix-sqli://HOST:PORT/DATABASE:INFORMIXSERVER=NAME;user=USER;password=PASSWORD;OPTION=value…
//
// The package documentation lists the options. In the URL form the user
// name, password, database and option values are percent-decoded (in the
// query '+' is a space); the user name and password must percent-encode
// '/', '?' and '@'. An IPv6 host goes in brackets; the port defaults to
// DefaultPort. When the DSN names no server, client locale or database
// locale, the environment variables INFORMIXSERVER, CLIENT_LOCALE and
// DB_LOCALE supply them.
//
// An unknown option, an option given twice and a malformed value are
// errors that name the option; no error ever contains the password.
func ParseDSN(dsn string) (*Config, error) {
	var (
		c   *Config
		err error
	)
	switch {
	case hasPrefixFold(dsn, urlScheme):
		c, err = parseURL(dsn[len(urlScheme):])
	case hasPrefixFold(dsn, jdbcScheme):
		c, err = parseJDBC(dsn[len(jdbcScheme):])
	default:
		return nil, errors.New("informix: DSN: want informix://… or jdbc:informix-sqli://…")
	}
	if err != nil {
		return nil, err
	}
	envDefault(&c.Server, "INFORMIXSERVER")
	envDefault(&c.ClientLocale, "CLIENT_LOCALE")
	envDefault(&c.DBLocale, "DB_LOCALE")
	if err := c.validate(); err != nil {
		return nil, err
	}
	return c, nil
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// envDefault sets *field from the environment variable name when it is
// empty.
func envDefault(field *string, name string) {
	if *field == "" {
		*field = os.Getenv(name)
	}
}

// parseURL parses what follows informix://. The authority ends at the first
// '/' or '?' (RFC 3986); a raw '@' after it means a user name or password
// held an unencoded '/' or '?', and is refused before any part is read, so
// no piece of a password can reach an error message.
func parseURL(s string) (*Config, error) {
	end := strings.IndexAny(s, "/?")
	if end < 0 {
		end = len(s)
	}
	authority, rest := s[:end], s[end:]
	if strings.Contains(rest, "@") {
		return nil, errors.New("informix: DSN: '@' after the host: percent-encode '/', '?' and '@' " +
			"in the user name and password (and '@' in option values)")
	}
	c := &Config{}
	seen := map[string]bool{}
	if at := strings.LastIndexByte(authority, '@'); at >= 0 {
		if err := c.setUserinfo(authority[:at], seen); err != nil {
			return nil, err
		}
		authority = authority[at+1:]
	}
	if err := c.setHostPort(authority, true); err != nil {
		return nil, err
	}
	path, query, _ := strings.Cut(rest, "?")
	if path != "" {
		db, err := url.PathUnescape(path[1:])
		if err != nil || strings.Contains(path[1:], "/") {
			return nil, errors.New("informix: DSN: the database name is malformed (a '/' or a bad percent-encoding)")
		}
		c.Database = db
	}
	return c, c.setQuery(query, seen)
}

// setUserinfo reads user[:password], percent-decoded.
func (c *Config) setUserinfo(s string, seen map[string]bool) error {
	user, password, hasPassword := strings.Cut(s, ":")
	u, err := url.PathUnescape(user)
	if err != nil {
		return errors.New("informix: DSN: the user name has a malformed percent-encoding")
	}
	p, err := url.PathUnescape(password)
	if err != nil {
		return errors.New("informix: DSN: the password has a malformed percent-encoding")
	}
	c.User, c.Password = u, p
	seen["user"] = u != ""
	seen["password"] = hasPassword
	return nil
}

// setHostPort reads HOST, HOST:PORT, [IPV6] or [IPV6]:PORT. Errors do not
// quote the text: in a DSN whose '@' is missing it may be USER:PASSWORD.
func (c *Config) setHostPort(s string, decode bool) error {
	host, port := s, ""
	if strings.HasPrefix(s, "[") {
		i := strings.IndexByte(s, ']')
		if i < 0 {
			return errors.New("informix: DSN: an IPv6 host has no closing ']'")
		}
		host, port = s[1:i], s[i+1:]
		if port != "" && port[0] != ':' {
			return errors.New("informix: DSN: text after the IPv6 host's ']' is not ':PORT'")
		}
		port = strings.TrimPrefix(port, ":")
		if port == "" && strings.HasSuffix(s, ":") {
			return errors.New("informix: DSN: empty port after ':'")
		}
	} else if i := strings.IndexByte(s, ':'); i >= 0 {
		host, port = s[:i], s[i+1:]
		if strings.Contains(port, ":") {
			return errors.New("informix: DSN: a host with ':' must be an IPv6 address in brackets")
		}
		if port == "" {
			return errors.New("informix: DSN: empty port after ':'")
		}
	}
	if decode {
		h, err := url.PathUnescape(host)
		if err != nil {
			return errors.New("informix: DSN: the host has a malformed percent-encoding")
		}
		host = h
	}
	if host == "" {
		return errors.New("informix: DSN: no host")
	}
	c.Host = host
	if port != "" {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 || port[0] == '+' {
			return errors.New("informix: DSN: the port is not a number from 1 to 65535")
		}
		c.Port = n
	}
	return nil
}

// setQuery applies the URL form's name=value&… options.
func (c *Config) setQuery(query string, seen map[string]bool) error {
	for _, part := range strings.Split(query, "&") {
		if part == "" {
			continue
		}
		name, value, ok := strings.Cut(part, "=")
		if !ok {
			return errors.New("informix: DSN: a query part has no '=' (options are name=value)")
		}
		n, err1 := url.QueryUnescape(name)
		v, err2 := url.QueryUnescape(value)
		if err1 != nil || err2 != nil {
			return errors.New("informix: DSN: an option has a malformed percent-encoding")
		}
		if err := applyOption(c, n, v, seen); err != nil {
			return err
		}
	}
	return nil
}

// parseJDBC parses what follows jdbc:informix-sqli://: HOST[:PORT]
// [/DATABASE][:NAME=VALUE;…], with IBM's JDBC property names (matched
// case-insensitively) and values taken literally, as IBM's driver does.
func parseJDBC(s string) (*Config, error) {
	hostEnd := 0
	if strings.HasPrefix(s, "[") {
		hostEnd = strings.IndexByte(s, ']') + 1
		if hostEnd == 0 {
			return nil, errors.New("informix: DSN: an IPv6 host has no closing ']'")
		}
	}
	end := hostEnd + strings.IndexAny(s[hostEnd:], "/:")
	if end < hostEnd {
		end = len(s)
	}
	if end < len(s) && s[end] == ':' {
		// HOST:PORT: the port runs to '/' or the next ':'.
		if j := strings.IndexAny(s[end+1:], "/:"); j >= 0 {
			end += 1 + j
		} else {
			end = len(s)
		}
	}
	c := &Config{}
	if err := c.setHostPort(s[:end], false); err != nil {
		return nil, err
	}
	rest := s[end:]
	if strings.HasPrefix(rest, "/") {
		db, props, _ := strings.Cut(rest[1:], ":")
		c.Database, rest = db, ":"+props
	}
	if rest == "" || rest == ":" {
		return c, nil
	}
	seen := map[string]bool{}
	for _, part := range strings.Split(rest[1:], ";") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		name, value, ok := strings.Cut(part, "=")
		if !ok {
			return nil, errors.New("informix: DSN: a JDBC property has no '=' (properties are NAME=value;…)")
		}
		if err := applyOption(c, strings.TrimSpace(name), value, seen); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// FormatDSN returns c in the URL form, which ParseDSN reads back to an
// equal Config: every option that differs from its zero value is written,
// the password included (handle the result as a secret). TLSConfig and Dial
// have no DSN form and are left out.
func (c *Config) FormatDSN() string {
	var b strings.Builder
	b.WriteString(urlScheme)
	if c.User != "" || c.Password != "" {
		b.WriteString(escape(c.User))
		if c.Password != "" {
			b.WriteString(":" + escape(c.Password))
		}
		b.WriteString("@")
	}
	if strings.Contains(c.Host, ":") {
		b.WriteString("[" + escape(c.Host) + "]")
	} else {
		b.WriteString(escape(c.Host))
	}
	if c.Port != 0 {
		b.WriteString(":" + strconv.Itoa(c.Port))
	}
	b.WriteString("/" + escape(c.Database))
	q := c.queryPairs()
	for i, kv := range q {
		if i == 0 {
			b.WriteString("?")
		} else {
			b.WriteString("&")
		}
		b.WriteString(url.QueryEscape(kv[0]) + "=" + url.QueryEscape(kv[1]))
	}
	return b.String()
}

// queryPairs lists c's non-zero options as name, value pairs.
func (c *Config) queryPairs() [][2]string {
	var q [][2]string
	add := func(name, value string, set bool) {
		if set {
			q = append(q, [2]string{name, value})
		}
	}
	add("server", c.Server, c.Server != "")
	add("client_locale", c.ClientLocale, c.ClientLocale != "")
	add("db_locale", c.DBLocale, c.DBLocale != "")
	add("app_name", c.AppName, c.AppName != "")
	add("connect_timeout", c.ConnectTimeout.String(), c.ConnectTimeout != 0)
	add("interrupt_timeout", c.InterruptTimeout.String(), c.InterruptTimeout != 0)
	add("fetch_buffer_size", strconv.Itoa(c.FetchBufferSize), c.FetchBufferSize != 0)
	if c.LockWait != nil {
		add("lock_wait", lockWaitText(*c.LockWait), true)
	}
	add("isolation", c.Isolation, c.Isolation != "")
	add("tls", c.TLSMode.String(), c.TLSMode != TLSDisable)
	add("tls_ca", c.TLSCAFile, c.TLSCAFile != "")
	add("tls_cert", c.TLSCertFile, c.TLSCertFile != "")
	add("tls_key", c.TLSKeyFile, c.TLSKeyFile != "")
	add("tls_server_name", c.TLSServerName, c.TLSServerName != "")
	add("tls_skip_verify", "true", c.TLSSkipVerify)
	for _, e := range c.Env {
		add(e.Name, e.Value, true)
	}
	return q
}

func lockWaitText(w int) string {
	switch w {
	case -1:
		return "wait"
	case 0:
		return "nowait"
	}
	return strconv.Itoa(w)
}

// escape percent-encodes every byte of s but the unreserved characters of
// RFC 3986, which is safe in each part of the URL form.
func escape(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || strings.IndexByte("-._~", ch) >= 0 {
			b.WriteByte(ch)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[ch>>4])
		b.WriteByte(hex[ch&15])
	}
	return b.String()
}
