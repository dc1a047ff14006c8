package main

import (
	"regexp"
	"strings"
)

// dsnEnv is the environment variable a DSN is taken from when the command
// line gives none.
const dsnEnv = "INFORMIX_DSN"

// chooseDSN returns the DSN to connect with and where it came from: the
// first argument, else -d, else $INFORMIX_DSN, in that order. An empty
// DSN means none was given (ifxsql then starts the embedded server).
func chooseDSN(arg, flagValue, envValue string) (dsn, source string) {
	switch {
	case arg != "":
		return arg, "the argument"
	case flagValue != "":
		return flagValue, "-d"
	case envValue != "":
		return envValue, "$" + dsnEnv
	}
	return "", ""
}

// passwordMask stands for a password in a DSN ifxsql writes.
const passwordMask = "****"

// Password settings in the two DSN forms: password=… in the URL form's
// query, ending at '&'; password=… among the JDBC form's properties,
// ending at ';' (JDBC values are literal, so an '&' belongs to the value).
// Option names are case-insensitive in both forms (doc.go).
var (
	urlPassword  = regexp.MustCompile(`(?i)([?&]password=)[^&]*`)
	jdbcPassword = regexp.MustCompile(`(?i)((?:^|[:;])\s*password\s*=)[^;]*`)
)

// maskDSN returns dsn with every password in it replaced by "****": the
// one after "user:" in the URL form's authority, and any password option
// in either form. A DSN of neither form is masked whole, since where its
// password is cannot be known.
func maskDSN(dsn string) string {
	switch {
	case hasPrefixFold(dsn, "informix://"):
		return maskURL(dsn)
	case hasPrefixFold(dsn, "jdbc:informix-sqli://"):
		return jdbcPassword.ReplaceAllString(dsn, "${1}"+passwordMask)
	}
	return passwordMask
}

// maskURL masks the URL form. The user information ends at the last '@':
// the driver reads it so when the DSN is well formed (dsn.go, parseURL),
// and for one it refuses (a '/' or '?' in the password not encoded) taking
// the last '@' masks at least the whole password.
func maskURL(dsn string) string {
	const scheme = len("informix://")
	rest := dsn[scheme:]
	if at := strings.LastIndexByte(rest, '@'); at >= 0 {
		if colon := strings.IndexByte(rest[:at], ':'); colon >= 0 {
			rest = rest[:colon+1] + passwordMask + rest[at:]
		}
	}
	return dsn[:scheme] + urlPassword.ReplaceAllString(rest, "${1}"+passwordMask)
}

// hasPrefixFold reports whether s begins with prefix, ignoring case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
