package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// helpText is what \? prints.
const helpText = `\d           list the tables (systables rows with tabid >= 100)
\d NAME      describe table NAME (or OWNER.NAME): columns, Informix types, nullability
\timing      toggle printing each statement's elapsed time
\x           toggle vertical output (one line per column) in table format
\q           quit (so does Ctrl-D at an empty prompt)
\?           this help
Statements end with ';' and may span lines. Ctrl-C cancels a running
statement (the server is interrupted; the session stays), or clears the
input at the prompt.
`

// errQuit is returned by meta for \q.
var errQuit = errors.New("quit")

// isMeta reports whether line is a backslash command.
func isMeta(line string) bool { return strings.HasPrefix(strings.TrimSpace(line), `\`) }

// meta runs the backslash command in line. It returns errQuit for \q, and
// an error naming the command when it is unknown or fails. Results (\d,
// \?) go to the results output; what a toggle (\timing, \x) says goes to
// the error output, beside the prompt, never into a -out file.
func (s *session) meta(ctx context.Context, line string) error {
	fields := strings.Fields(line)
	cmd, args := fields[0], fields[1:]
	switch {
	case cmd == `\q` && len(args) == 0:
		return errQuit
	case cmd == `\?` && len(args) == 0:
		_, err := s.out.WriteString(helpText)
		return s.flush(err)
	case cmd == `\timing` && len(args) == 0:
		s.timing = !s.timing
		fmt.Fprintln(s.errOut, "timing is "+onOff(s.timing))
		return nil
	case cmd == `\x` && len(args) == 0:
		s.vertical = !s.vertical
		fmt.Fprintln(s.errOut, "vertical output is "+onOff(s.vertical))
		return nil
	case cmd == `\d` && len(args) == 0:
		return s.flush(s.listTables(ctx))
	case cmd == `\d` && len(args) == 1:
		return s.flush(s.describeTable(ctx, args[0]))
	}
	return fmt.Errorf("%s: unknown command or wrong arguments (\\? lists the commands)", strings.Join(fields, " "))
}

// onOff returns "on" or "off".
func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

// flush flushes the results, keeping err when there is one.
func (s *session) flush(err error) error {
	if ferr := s.out.Flush(); err == nil && ferr != nil {
		return fmt.Errorf("write results: %w", ferr)
	}
	return err
}

// tableTypes names systables.tabtype (IBM Guide to SQL: Reference,
// SYSTABLES).
var tableTypes = map[string]string{
	"T": "table", "V": "view", "P": "private synonym", "S": "synonym", "E": "external table", "Q": "sequence",
}

// listTables writes the user tables: the rows of systables with tabid
// 100 or more (the system catalog has the tabids below 100; IBM Guide to
// SQL: Reference, SYSTABLES).
func (s *session) listTables(ctx context.Context) error {
	conn, err := s.connection(ctx)
	if err != nil {
		return err
	}
	rows, err := conn.QueryContext(ctx, "SELECT tabname, owner, tabtype FROM systables WHERE tabid >= 100 ORDER BY tabname")
	if err != nil {
		return fmt.Errorf(`\d: read systables: %w`, err)
	}
	defer rows.Close()
	var out [][]any
	for rows.Next() {
		var name, owner, typ string
		if err := rows.Scan(&name, &owner, &typ); err != nil {
			return fmt.Errorf(`\d: read systables: %w`, err)
		}
		kind, ok := tableTypes[strings.TrimSpace(typ)]
		if !ok {
			kind = typ
		}
		out = append(out, []any{strings.TrimSpace(name), strings.TrimSpace(owner), kind})
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf(`\d: read systables: %w`, err)
	}
	return s.writeText([]string{"name", "owner", "type"}, out)
}

// describeTable writes the columns of table name (OWNER.NAME, NAME, or
// either part in double quotes to keep its case): each column's name, its
// Informix type decoded from syscolumns and whether it takes NULL.
func (s *session) describeTable(ctx context.Context, name string) error {
	owner, table, err := splitTableName(name)
	if err != nil {
		return fmt.Errorf(`\d %s: %w`, name, err)
	}
	conn, err := s.connection(ctx)
	if err != nil {
		return err
	}
	cols, err := readColumns(ctx, conn, owner, table)
	if err != nil {
		return fmt.Errorf(`\d %s: read syscolumns: %w`, name, err)
	}
	if len(cols) == 0 {
		return fmt.Errorf(`\d %s: no table or view of that name`, name)
	}
	return s.writeText([]string{"column", "type", "nullable"}, cols)
}

// splitTableName reads OWNER.NAME or NAME. An unquoted part is folded to
// lower case, as Informix folds identifiers; a part in double quotes is
// kept as it is (a delimited identifier).
func splitTableName(name string) (owner, table string, err error) {
	parts := strings.Split(name, ".")
	if len(parts) > 2 {
		return "", "", errors.New("want NAME or OWNER.NAME")
	}
	for i, p := range parts {
		if len(p) >= 2 && p[0] == '"' && p[len(p)-1] == '"' {
			parts[i] = p[1 : len(p)-1]
		} else {
			parts[i] = strings.ToLower(p)
		}
		if parts[i] == "" {
			return "", "", errors.New("empty name")
		}
	}
	if len(parts) == 2 {
		return parts[0], parts[1], nil
	}
	return "", parts[0], nil
}

// readColumns reads the syscolumns rows of a table and returns, per
// column in colno order, its name, type name and "yes" or "no" for
// nullable.
func readColumns(ctx context.Context, conn *sql.Conn, owner, table string) ([][]any, error) {
	q := "SELECT c.colname, c.coltype, c.collength, c.extended_id FROM systables t, syscolumns c " +
		"WHERE t.tabname = ? AND c.tabid = t.tabid"
	args := []any{table}
	if owner != "" {
		q += " AND t.owner = ?"
		args = append(args, owner)
	}
	rows, err := conn.QueryContext(ctx, q+" ORDER BY c.colno", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]any
	for rows.Next() {
		var (
			name            string
			coltype, length int64
			xid             sql.NullInt64
		)
		if err := rows.Scan(&name, &coltype, &length, &xid); err != nil {
			return nil, err
		}
		typ, nullable := catalogType(coltype, length, xid.Int64)
		out = append(out, []any{strings.TrimSpace(name), typ, nullable})
	}
	return out, rows.Err()
}

// catalogType decodes syscolumns.coltype, collength and extended_id into
// the type's SQL text and "yes" or "no" for nullable. coltype is the base
// type code plus 256 when the column is NOT NULL, and collength is the
// encoded length of TYPES.md §2.1 (DECIMAL precision·256 + scale, a
// DATETIME/INTERVAL qualifier, VARCHAR reserve·256 + max) stored in a
// SMALLINT, so it is read as 16 bits (IBM Guide to SQL: Reference,
// SYSCOLUMNS; TYPES.md §1.1–§1.3). LVARCHAR and BOOLEAN appear as 40 and 41
// with extended ids 1 and 5, which ifxtype.Type resolves. Other extended
// types (user opaque and distinct types) print as their base class,
// UDTVAR or UDTFIXED: their names are in sysxtdtypes, which is not read.
func catalogType(coltype, collength, xid int64) (name, nullable string) {
	t := ifxtype.Type{
		Code:   sqli.TypeCode(uint16(coltype)),
		XID:    int32(xid),
		Length: int32(uint16(collength)),
	}
	nullable = "yes"
	if !t.Nullable() {
		nullable = "no"
	}
	return t.SQLName(), nullable
}

// writeText writes a result made here (not read from the server) whose
// values are all text.
func (s *session) writeText(names []string, rows [][]any) error {
	cols := make([]column, len(names))
	for i, n := range names {
		cols[i] = column{name: n, dbType: "VARCHAR", layout: timeLayout("VARCHAR")}
	}
	w, err := newResultWriter(s.format, s.out, s.null, s.vertical)
	if err != nil {
		return err
	}
	if err := w.begin(cols); err != nil {
		return err
	}
	for _, r := range rows {
		if err := w.row(r); err != nil {
			return err
		}
	}
	return w.end(int64(len(rows)))
}
