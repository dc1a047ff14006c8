package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// env returns a getenv over vars.
func env(vars map[string]string) func(string) string {
	return func(name string) string { return vars[name] }
}

func TestDSNPrecedence(t *testing.T) {
	const (
		argDSN  = "informix://a:pa@arg/db"
		flagDSN = "informix://f:pf@flag/db"
		envDSN  = "jdbc:informix-sqli://envhost:9088/db:user=e;password=pe"
	)
	tests := []struct {
		name       string
		args       []string
		env        string
		dsn, where string
	}{
		{"argument over -d and env", []string{"-d", flagDSN, argDSN}, envDSN, argDSN, "the argument"},
		{"argument before flags", []string{argDSN, "-o", "csv"}, envDSN, argDSN, "the argument"},
		{"-d over env", []string{"-d", flagDSN}, envDSN, flagDSN, "-d"},
		{"env alone", nil, envDSN, envDSN, "$INFORMIX_DSN"},
		{"none", []string{"-c", "SELECT 1"}, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, err := parseArgs(tt.args, env(map[string]string{dsnEnv: tt.env}), &bytes.Buffer{})
			if err != nil {
				t.Fatal(err)
			}
			if o.dsn != tt.dsn || o.dsnSource != tt.where {
				t.Errorf("DSN %q from %q, want %q from %q", o.dsn, o.dsnSource, tt.dsn, tt.where)
			}
		})
	}
}

func TestParseArgs(t *testing.T) {
	o, err := parseArgs([]string{"-o", "json", "-c", "", "-null", "∅", "-x", "-timing", "-history", "", "-out", "r.json"},
		env(map[string]string{"HOME": "/home/u"}), &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	want := options{command: "", hasCommand: true, format: "json", outFile: "r.json", null: "∅", vertical: true, timing: true}
	if o != want {
		t.Errorf("got %+v, want %+v", o, want)
	}
	o, err = parseArgs(nil, env(map[string]string{"HOME": "/home/u"}), &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if o.history != "/home/u/.ifxsql_history" || o.format != formatTable || o.hasCommand {
		t.Errorf("defaults: %+v", o)
	}
	o, err = parseArgs([]string{"--", "-not-a-flag"}, env(nil), &bytes.Buffer{})
	if err != nil || o.dsn != "-not-a-flag" {
		t.Errorf("after --: %+v, %v", o, err)
	}
}

func TestParseArgsUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-bogus"}, "-bogus"},
		{[]string{"-o", "xml"}, `"xml"`},
		{[]string{"-c", "SELECT 1", "-f", "x.sql"}, "-c and -f"},
		{[]string{"dsn1", "dsn2"}, "one DSN argument"},
		{[]string{"-o"}, "-o"},
	}
	for _, tt := range tests {
		_, err := parseArgs(tt.args, env(nil), &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want one containing %q", tt.args, err, tt.want)
		}
	}
	var help bytes.Buffer
	if _, err := parseArgs([]string{"-h"}, env(nil), &help); !errors.Is(err, errHelp) || !strings.Contains(help.String(), "usage: ifxsql") {
		t.Errorf("-h: %v, %q", err, help.String())
	}
}

func TestMaskDSN(t *testing.T) {
	tests := []struct{ dsn, want string }{
		{"informix://informix:in4mix@127.0.0.1:9088/sample?server=ifxtest",
			"informix://informix:****@127.0.0.1:9088/sample?server=ifxtest"},
		{"INFORMIX://u:p%40ss@h/db", "INFORMIX://u:****@h/db"},
		{"informix://u@h/db?server=s&password=se%26cret&tls=require",
			"informix://u@h/db?server=s&password=****&tls=require"},
		{"informix://u:a@h/db?PASSWORD=b", "informix://u:****@h/db?PASSWORD=****"},
		{"informix://h/db", "informix://h/db"},
		// Malformed (the driver refuses it): the password's '/' was not
		// encoded. Everything up to the last '@' is masked.
		{"informix://u:pa/ss@h/db", "informix://u:****@h/db"},
		{"jdbc:informix-sqli://h:9088/db:INFORMIXSERVER=s;user=u;password=p&w;x=1",
			"jdbc:informix-sqli://h:9088/db:INFORMIXSERVER=s;user=u;password=****;x=1"},
		{"jdbc:informix-sqli://h:9088/db:Password = p", "jdbc:informix-sqli://h:9088/db:Password =****"},
		{"postgres://u:secret@h/db", "****"},
	}
	for _, tt := range tests {
		got := maskDSN(tt.dsn)
		if got != tt.want {
			t.Errorf("maskDSN(%q) = %q, want %q", tt.dsn, got, tt.want)
		}
		for _, secret := range []string{"in4mix", "secret", "se%26cret", "p%40ss", "pa/ss", "p&w"} {
			if strings.Contains(tt.dsn, secret) && strings.Contains(got, secret) {
				t.Errorf("maskDSN(%q) = %q still holds %q", tt.dsn, got, secret)
			}
		}
	}
}
