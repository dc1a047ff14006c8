package conformance

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// The conformance matrix: what the committed golden transcripts show each
// oracle exchanging with ifxtest, per SQLI message and per scalar type. It
// is rendered into docs/protocol.md between matrixBegin and matrixEnd, and
// TestMatrix keeps that section equal to what the goldens show.
const (
	matrixDoc   = "../docs/protocol.md"
	matrixBegin = "<!-- matrix:begin -->"
	matrixEnd   = "<!-- matrix:end -->"
)

// oracleLabels names each oracle of oracles as the matrix prints it.
var oracleLabels = map[string]string{"jdbc": "JDBC", "python": "informix-driver"}

// Login packet names as transcript lines spell them (transcript_test.go).
const (
	loginRequest  = "LOGIN_REQUEST"
	loginResponse = "LOGIN_RESPONSE"
)

// evidence records, for one cell of the matrix, the scenarios of each
// oracle (by oracles[i].name) whose golden transcript shows it.
type evidence map[string]map[string]bool

func (e evidence) add(oracleName, sc string) {
	if e[oracleName] == nil {
		e[oracleName] = map[string]bool{}
	}
	e[oracleName][sc] = true
}

// seenBy returns the oracles with at least one scenario, in oracles order.
func (e evidence) seenBy() []string {
	var out []string
	for _, o := range oracles {
		if len(e[o.name]) > 0 {
			out = append(out, o.name)
		}
	}
	return out
}

// msgKey is one message in one direction: "C" (client to server) or "S".
type msgKey struct {
	dir  string
	name string
}

// typeKey is a type as it travels: the base code on the wire and the
// logical base type ifxtype resolves it to (different only for the catalog
// spellings 40/xid 1 and 41/xid 5 of LVARCHAR and BOOLEAN).
type typeKey struct {
	wire, base sqli.TypeCode
}

func keyOf(t ifxtype.Type) typeKey { return typeKey{t.Code.Base(), t.Base()} }

// observations is what the golden transcripts show, cell by cell. A bind
// counts only when it carries a value (indicator 0), a row type only when
// an SQ_TUPLE carries a non-NULL value of it; NULL binds and descriptions
// without such a row are kept apart, to be named but not counted.
type observations struct {
	msgs      map[msgKey]evidence
	binds     map[typeKey]evidence // non-NULL SQ_BIND values
	nullBinds map[typeKey]evidence // NULL or default SQ_BIND values
	described map[typeKey]evidence // SQ_DESCRIBE columns
	sent      map[typeKey]evidence // non-NULL SQ_TUPLE values
}

func newObservations() *observations {
	return &observations{msgs: map[msgKey]evidence{}, binds: map[typeKey]evidence{},
		nullBinds: map[typeKey]evidence{}, described: map[typeKey]evidence{}, sent: map[typeKey]evidence{}}
}

func record[K comparable](m map[K]evidence, k K, oracleName, sc string) {
	if m[k] == nil {
		m[k] = evidence{}
	}
	m[k].add(oracleName, sc)
}

// TestMatrix keeps docs/protocol.md's conformance matrix equal to what the
// committed golden transcripts show; with -update it rewrites the section.
// It reads only committed files, so it runs without the oracles.
func TestMatrix(t *testing.T) {
	if len(oracles) != 2 || len(oracleLabels) != 2 {
		t.Fatalf("the matrix counts cells for two oracles, JDBC and informix-driver; there are %d", len(oracles))
	}
	for _, o := range oracles {
		if oracleLabels[o.name] == "" {
			t.Fatalf("oracle %q has no entry in oracleLabels", o.name)
		}
	}
	obs := newObservations()
	for _, o := range oracles {
		for _, sc := range scenarioOrder {
			path := filepath.Join("testdata", o.name, sc+".golden")
			if err := obs.readGolden(path, o.name, sc); err != nil {
				t.Fatalf("%v (record the goldens with IFX_ORACLES=1 go test ./conformance -update)", err)
			}
		}
	}
	held, err := jdbcBindsHeld()
	if err != nil {
		t.Fatal(err)
	}
	section := renderMatrix(obs, held)
	doc, err := os.ReadFile(matrixDoc)
	if err != nil {
		t.Fatal(err)
	}
	before, old, after, err := splitMatrix(string(doc))
	if err != nil {
		t.Fatal(err)
	}
	if old == section {
		return
	}
	if *update {
		if err := os.WriteFile(matrixDoc, []byte(before+section+after), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("the conformance matrix in %s is stale; rewrite it with go test ./conformance -run TestMatrix -update\n"+
		"(lines counted from the one after %s)\n%s",
		matrixDoc, matrixBegin, firstDiff(strings.Split(old, "\n"), strings.Split(section, "\n")))
}

// splitMatrix cuts doc around the matrix section: the text up to and
// including matrixBegin's line, the section, and the rest from matrixEnd on.
func splitMatrix(doc string) (before, section, after string, err error) {
	i := strings.Index(doc, matrixBegin+"\n")
	j := strings.Index(doc, matrixEnd)
	if i < 0 || j < i || strings.Count(doc, matrixBegin) != 1 || strings.Count(doc, matrixEnd) != 1 {
		return "", "", "", fmt.Errorf("%s: want one line %q followed by one %q", matrixDoc, matrixBegin, matrixEnd)
	}
	i += len(matrixBegin) + 1
	return doc[:i], doc[i:j], doc[j:], nil
}

// goldenState is what decoding a transcript needs from earlier lines of
// the same connection. Each SQ_TUPLE is read with the layout of the last
// SQ_DESCRIBE that had columns, as every scenario fetches a cursor before
// it prepares the next statement; a row that does not fit that layout
// fails TestMatrix.
type goldenState struct {
	feat   sqli.Features      // from the server's SQ_PROTOCOLS
	layout *ifxtype.RowLayout // from the last SQ_DESCRIBE with columns
}

// readGolden records every message line of one golden transcript, and the
// types of its SQ_BIND values, SQ_DESCRIBE columns and SQ_TUPLE values.
//
// Elided runs (transcript_test.go) keep their first and last lines, and a
// run is made of lines of the same direction and name, so every message
// name of a scenario is among the kept lines; the bytes of the elided
// lines are not read.
func (obs *observations) readGolden(path, oracleName, sc string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var st goldenState
	s := bufio.NewScanner(f)
	s.Buffer(nil, 1<<20)
	for n := 1; s.Scan(); n++ {
		l := s.Text()
		if strings.HasPrefix(l, "== connection") {
			st = goldenState{}
			continue
		}
		fields := strings.Fields(l)
		if len(fields) < 2 || (fields[0] != "C" && fields[0] != "S") || strings.HasPrefix(fields[1], "…") {
			continue
		}
		dir, name := fields[0], fields[1]
		if !knownMessage(dir, name) {
			return fmt.Errorf("%s line %d: %s %s is neither an sqli message of that direction nor a login packet", path, n, dir, name)
		}
		record(obs.msgs, msgKey{dir, name}, oracleName, sc)
		if len(fields) != 3 || name == loginRequest || name == loginResponse {
			continue
		}
		raw, err := hex.DecodeString(fields[2])
		if err != nil {
			return fmt.Errorf("%s line %d: %w", path, n, err)
		}
		if err := obs.readMessage(&st, dir, name, raw, oracleName, sc); err != nil {
			return fmt.Errorf("%s line %d: %w", path, n, err)
		}
	}
	return s.Err()
}

// readMessage decodes the messages that carry type codes and values.
func (obs *observations) readMessage(st *goldenState, dir, name string, raw []byte, oracleName, sc string) error {
	switch {
	case dir == "S" && name == "SQ_PROTOCOLS":
		var p sqli.Protocols
		if err := decodeMsg(raw, st.feat, &p); err != nil {
			return err
		}
		st.feat = p.Features()
	case dir == "C" && name == "SQ_BIND":
		var b sqli.Bind
		if err := decodeMsg(raw, st.feat, &b); err != nil {
			return err
		}
		for _, v := range b.Values {
			k := keyOf(ifxtype.Type{Code: v.Type, Owner: v.Owner, Name: v.TypeName})
			if v.Indicator == sqli.IndicatorValue {
				record(obs.binds, k, oracleName, sc)
			} else {
				record(obs.nullBinds, k, oracleName, sc)
			}
		}
	case dir == "S" && name == "SQ_DESCRIBE":
		return obs.readDescribe(st, raw, oracleName, sc)
	case dir == "S" && name == "SQ_TUPLE" && st.layout != nil:
		return obs.readTuple(st, raw, oracleName, sc)
	}
	return nil
}

// readDescribe records the column types of an SQ_DESCRIBE and makes them
// the layout of the SQ_TUPLEs that follow.
func (obs *observations) readDescribe(st *goldenState, raw []byte, oracleName, sc string) error {
	var d sqli.Describe
	if err := decodeMsg(raw, st.feat, &d); err != nil {
		return err
	}
	if len(d.Columns) == 0 {
		return nil
	}
	cols := make([]ifxtype.Column, len(d.Columns))
	for i, c := range d.Columns {
		cols[i] = ifxtype.Column{Name: c.Name, Start: c.Start, Type: ifxtype.Type{
			Code: c.Type, XID: c.XID, Owner: c.Owner, Name: c.TypeName, Length: c.Length}}
		record(obs.described, keyOf(cols[i].Type), oracleName, sc)
	}
	l, err := ifxtype.NewRowLayout(cols)
	if err != nil {
		return fmt.Errorf("SQ_DESCRIBE: its rows cannot be read: %w", err)
	}
	st.layout = l
	return nil
}

// readTuple records the types of the non-NULL values of an SQ_TUPLE. Only
// NULL or not matters, so character data is read as Latin-1, which maps
// every byte.
func (obs *observations) readTuple(st *goldenState, raw []byte, oracleName, sc string) error {
	var tp sqli.Tuple
	if err := decodeMsg(raw, st.feat, &tp); err != nil {
		return err
	}
	vals := make([]any, len(st.layout.Columns()))
	if err := st.layout.Decode(tp.Data, vals, ifxtype.Latin1); err != nil {
		return fmt.Errorf("SQ_TUPLE: %w", err)
	}
	for i, c := range st.layout.Columns() {
		if vals[i] != nil {
			record(obs.sent, keyOf(c.Type), oracleName, sc)
		}
	}
	return nil
}

// knownMessage reports whether name is a login packet of direction dir or
// the name of a tag in sqli's decoder registry of that direction.
func knownMessage(dir, name string) bool {
	switch name {
	case loginRequest:
		return dir == "C"
	case loginResponse:
		return dir == "S"
	}
	for _, t := range registeredTags()[dir] {
		if t.String() == name {
			return true
		}
	}
	return false
}

// registeredTags returns, per direction ("C" or "S"), every tag, in
// ascending order, that sqli's decoder of messages sent that way has a
// message type for.
var registeredTags = sync.OnceValue(func() map[string][]sqli.Tag {
	return map[string][]sqli.Tag{"C": sqli.ClientTags(), "S": sqli.ServerTags()}
})

// jdbcBindsHeld returns, per type, the SQL types of testdata/types.tsv
// whose non-NULL JDBC bind had that type code, split by what bindStatus
// says TestJDBCBinds shows: held to ifxtype's bytes, or not; and the
// parameters of the varchar_params scenario whose non-NULL JDBC bind had
// that code, which TestJDBCVarCharParams holds to ifxtype's bytes.
func jdbcBindsHeld() (map[typeKey]*bindCheck, error) {
	cases, err := loadCases(typesFile)
	if err != nil {
		return nil, err
	}
	wire, err := readJDBCTypes(jdbcTypesGolden, cases)
	if err != nil {
		return nil, err
	}
	out := map[typeKey]*bindCheck{}
	for _, c := range cases {
		w := wire[c.ID]
		if c.Value == "NULL" || w == nil || w.bind == nil || w.bind.Indicator != sqli.IndicatorValue {
			continue
		}
		k := keyOf(ifxtype.Type{Code: w.bind.Type, Owner: w.bind.Owner, Name: w.bind.TypeName})
		if out[k] == nil {
			out[k] = &bindCheck{}
		}
		status := bindStatus[c.SQLType]
		if strings.HasPrefix(status, confirmed) {
			out[k].held = appendOnce(out[k].held, c.SQLType)
		} else {
			out[k].notHeld = appendOnce(out[k].notHeld, c.SQLType+": "+status)
		}
	}
	return out, varCharBindsHeld(out)
}

// varCharBindsHeld adds to out the parameters of varchar_params
// (varCharParams) by the type code of each non-NULL JDBC bind of them.
func varCharBindsHeld(out map[typeKey]*bindCheck) error {
	w, err := readVarCharWire(jdbcVarCharGolden)
	if err != nil {
		return err
	}
	for _, r := range varCharRows {
		vals := w.binds[r.id]
		if r.null || len(vals) != 5 {
			continue
		}
		for _, p := range varCharParams {
			k := keyOf(ifxtype.Type{Code: vals[p.pos].Type})
			if out[k] == nil {
				out[k] = &bindCheck{}
			}
			out[k].held = appendOnce(out[k].held, p.sqlType+" parameter")
		}
	}
	return nil
}

// bindCheck is what TestJDBCBinds shows for one type code.
type bindCheck struct {
	held    []string // SQL types whose JDBC bind bytes ifxtype reproduces
	notHeld []string // SQL types with their bindStatus, where it does not
}

func appendOnce(s []string, v string) []string {
	if slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}

// matrixIntro opens the generated section: what it is, how it is made, and
// how strong a cell is.
const matrixIntro = "<!-- Generated by TestMatrix (conformance/matrix_test.go); do not edit. -->\n\n" +
	"Generated by TestMatrix (`conformance/matrix_test.go`) from the golden\n" +
	"transcripts under `conformance/testdata/jdbc/` and `conformance/testdata/python/`;\n" +
	"`go test ./conformance -run TestMatrix -update` rewrites it, and TestMatrix\n" +
	"fails when it is stale. A cell names the oracles whose transcript of a\n" +
	"scenario shows the message or type; TestOracles/ORACLE/SCENARIO (run with\n" +
	"IFX_ORACLES=1) shows it, since it requires the scenario's checks to pass\n" +
	"and its transcript to equal the golden file. So a cell says that the\n" +
	"oracle and `ifxtest` agreed on it, not what a real server sends.\n"

// renderMatrix renders the matrix section: the message table, the type
// table and the counts.
func renderMatrix(obs *observations, held map[typeKey]*bindCheck) string {
	var sb strings.Builder
	sb.WriteString(matrixIntro)
	var c counts
	renderMessages(&sb, obs, &c)
	renderTypes(&sb, obs, held, &c)
	renderCounts(&sb, c)
	return sb.String()
}

// counts tallies the cells of each table by how many oracles show them
// (index 0, 1 or 2; there are two oracles).
type counts struct {
	msgs, types [3]int
}

// matrixMessages lists every message row: the login packets, then each
// registered tag in each direction it travels, by tag.
func matrixMessages() []msgKey {
	out := []msgKey{{"C", loginRequest}, {"S", loginResponse}}
	tags := map[sqli.Tag][]string{}
	for _, dir := range []string{"C", "S"} {
		for _, t := range registeredTags()[dir] {
			tags[t] = append(tags[t], dir)
		}
	}
	keys := slices.Sorted(maps.Keys(tags))
	for _, t := range keys {
		for _, dir := range tags[t] {
			out = append(out, msgKey{dir, t.String()})
		}
	}
	return out
}

func renderMessages(sb *strings.Builder, obs *observations, c *counts) {
	sb.WriteString("\n### Messages\n\n")
	sb.WriteString("Every message of `sqli`'s client and server decoders, in each direction it\n" +
		"travels, and the two login packets.\n\n")
	sb.WriteString("| message | tag | direction | oracles | scenarios |\n|---|---|---|---|---|\n")
	tagOf := map[string]string{loginRequest: "—", loginResponse: "—"}
	for _, t := range registeredTags()["C"] {
		tagOf[t.String()] = fmt.Sprint(int16(t))
	}
	for _, t := range registeredTags()["S"] {
		tagOf[t.String()] = fmt.Sprint(int16(t))
	}
	for _, k := range matrixMessages() {
		e := obs.msgs[k]
		c.msgs[len(e.seenBy())]++
		fmt.Fprintf(sb, "| %s | %s | %s | %s | %s |\n", k.name, tagOf[k.name], dirLabel(k.dir),
			oracleCell(e, nil, ""), scenarioCell(e))
	}
}

func dirLabel(dir string) string {
	if dir == "C" {
		return "C→S"
	}
	return "S→C"
}

// matrixTypes lists every type row: each code with an ifxtype codec, then
// the catalog spellings of LVARCHAR (40, xid 1) and BOOLEAN (41, xid 5).
func matrixTypes() []typeKey {
	var out []typeKey
	for _, c := range ifxtype.Codecs() {
		out = append(out, typeKey{c.Code(), c.Code()})
	}
	return append(out, typeKey{sqli.TypeUDTVar, sqli.TypeLVarChar}, typeKey{sqli.TypeUDTFixed, sqli.TypeBoolean})
}

func typeLabel(k typeKey) (code, name string) {
	switch k.wire {
	case sqli.TypeUDTVar:
		return fmt.Sprintf("%d, xid %d", k.wire, ifxtype.XIDLVarChar), "LVARCHAR as the catalog spells it"
	case sqli.TypeUDTFixed:
		return fmt.Sprintf("%d, xid %d", k.wire, ifxtype.XIDBoolean), "BOOLEAN as the catalog spells it"
	}
	return fmt.Sprint(uint16(k.wire)), k.wire.String()
}

func renderTypes(sb *strings.Builder, obs *observations, held map[typeKey]*bindCheck, c *counts) {
	sb.WriteString("\n### Types\n\n")
	sb.WriteString("Every type code with an `ifxtype` codec, and the catalog spellings of\n" +
		"LVARCHAR and BOOLEAN. *Bound*: the client sent a non-NULL value of the type in\n" +
		"SQ_BIND (a NULL-only bind is named but not counted). *Sent*: `ifxtest`\n" +
		"described a column of the type in SQ_DESCRIBE and sent a non-NULL value of\n" +
		"it in SQ_TUPLE (a description without such a row is named but not counted).\n" +
		"*JDBC's bytes*: the column types of `testdata/types.tsv` whose JDBC bind used\n" +
		"the code and whose bytes TestJDBCBinds holds `ifxtype`'s encoder to\n" +
		"(`bindStatus` in `conformance/bind_test.go`), and the parameters of the\n" +
		"varchar_params scenario whose JDBC bind used it, held by TestJDBCVarCharParams.\n\n")
	sb.WriteString("| code | type | bound by | scenarios | JDBC's bytes (TestJDBCBinds, TestJDBCVarCharParams) | sent to | scenarios |\n" +
		"|---|---|---|---|---|---|---|\n")
	for _, k := range matrixTypes() {
		code, name := typeLabel(k)
		b, s := obs.binds[k], obs.sent[k]
		c.types[len(b.seenBy())]++
		c.types[len(s.seenBy())]++
		fmt.Fprintf(sb, "| %s | %s | %s | %s | %s | %s | %s |\n", code, name,
			oracleCell(b, obs.nullBinds[k], "NULL only"), scenarioCell(b), heldCell(held[k]),
			oracleCell(s, obs.described[k], "described only"), scenarioCell(s))
	}
}

// oracleCell names the oracles of e, then, after note, those of weaker
// that e lacks (NULL-only binds, descriptions without a row).
func oracleCell(e, weaker evidence, note string) string {
	var names, extra []string
	for _, o := range e.seenBy() {
		names = append(names, oracleLabels[o])
	}
	for _, o := range weaker.seenBy() {
		if len(e[o]) == 0 {
			extra = append(extra, oracleLabels[o])
		}
	}
	cell := "—"
	if len(names) > 0 {
		cell = strings.Join(names, ", ")
	}
	if len(extra) > 0 {
		cell += " (" + note + ": " + strings.Join(extra, ", ") + ")"
	}
	return cell
}

// scenarioCell lists the scenarios of e: those every oracle shows, then,
// per oracle, those only it shows.
func scenarioCell(e evidence) string {
	var all []string
	only := map[string][]string{}
	for _, sc := range scenarioOrder {
		var by []string
		for _, o := range oracles {
			if e[o.name][sc] {
				by = append(by, o.name)
			}
		}
		switch len(by) {
		case 0:
		case len(oracles):
			all = append(all, sc)
		default:
			only[by[0]] = append(only[by[0]], sc)
		}
	}
	var parts []string
	if len(all) > 0 {
		parts = append(parts, scenarioList(all))
	}
	for _, o := range oracles {
		if len(only[o.name]) > 0 {
			parts = append(parts, oracleLabels[o.name]+" only: "+scenarioList(only[o.name]))
		}
	}
	if len(parts) == 0 {
		return "—"
	}
	return strings.Join(parts, "; ")
}

// scenarioList names scenarios (a subset of scenarioOrder, in its order),
// or the few it lacks (at most maxMissing) when it has most of them.
func scenarioList(scs []string) string {
	var missing []string
	for _, sc := range scenarioOrder {
		if !slices.Contains(scs, sc) {
			missing = append(missing, sc)
		}
	}
	switch {
	case len(missing) == 0:
		return "every scenario"
	case len(missing) <= maxMissing && len(missing) < len(scs):
		return "every scenario but " + strings.Join(missing, ", ")
	}
	return strings.Join(scs, ", ")
}

// maxMissing is the longest list of scenarios scenarioList names as
// missing.
const maxMissing = 3

func heldCell(b *bindCheck) string {
	if b == nil {
		return "—"
	}
	var parts []string
	if len(b.held) > 0 {
		parts = append(parts, "held: "+strings.Join(b.held, ", "))
	}
	if len(b.notHeld) > 0 {
		parts = append(parts, "not held: "+strings.Join(b.notHeld, "; "))
	}
	return strings.Join(parts, "; ")
}

func renderCounts(sb *strings.Builder, c counts) {
	sb.WriteString("\n### Counts\n\n")
	sb.WriteString("Cells by the number of oracles that show them (a type has two cells, bound\n" +
		"and sent).\n\n")
	sb.WriteString("| cells | both oracles | one oracle | none |\n|---|---|---|---|\n")
	row := func(name string, n [3]int) {
		fmt.Fprintf(sb, "| %s (%d) | %d | %d | %d |\n", name, n[0]+n[1]+n[2], n[2], n[1], n[0])
	}
	row("messages", c.msgs)
	row("types", c.types)
	row("total", [3]int{c.msgs[0] + c.types[0], c.msgs[1] + c.types[1], c.msgs[2] + c.types[2]})
}

// TestRegisteredTags checks the registry probe against the directions
// SQLI.md §4 gives: SQ_BIND only from the client, SQ_TUPLE only from the
// server, SQ_EOT and SQ_PROTOCOLS both ways, and tag 16, which no source
// assigns, neither way.
func TestRegisteredTags(t *testing.T) {
	for _, tc := range []struct {
		tag          sqli.Tag
		client, serv bool
	}{
		{5, true, false},
		{14, false, true},
		{12, true, true},
		{126, true, true},
		{16, false, false},
	} {
		reg := registeredTags()
		if got := slices.Contains(reg["C"], tc.tag); got != tc.client {
			t.Errorf("tag %d registered as a client message: %v, want %v", tc.tag, got, tc.client)
		}
		if got := slices.Contains(reg["S"], tc.tag); got != tc.serv {
			t.Errorf("tag %d registered as a server message: %v, want %v", tc.tag, got, tc.serv)
		}
	}
}

// TestMatrixCells checks the cell texts on hand-made evidence.
func TestMatrixCells(t *testing.T) {
	every := evidence{}
	for _, o := range oracles {
		for _, sc := range scenarioOrder {
			every.add(o.name, sc)
		}
	}
	mixed := evidence{}
	mixed.add("jdbc", "ddl")
	mixed.add("python", "ddl")
	mixed.add("jdbc", "types")
	nullOnly := evidence{}
	nullOnly.add("python", "types")
	for _, tc := range []struct {
		name, got, want string
	}{
		{"scenarios, none", scenarioCell(nil), "—"},
		{"scenarios, every", scenarioCell(every), "every scenario"},
		{"scenarios, mixed", scenarioCell(mixed), "ddl; JDBC only: types"},
		{"oracles, none", oracleCell(nil, nil, "NULL only"), "—"},
		{"oracles, both", oracleCell(mixed, nil, "NULL only"), "JDBC, informix-driver"},
		{"oracles, weaker", oracleCell(nil, nullOnly, "NULL only"), "— (NULL only: informix-driver)"},
		{"list, all but two", scenarioList(scenarioOrder[2:]), "every scenario but connect, wrong_password"},
		{"list, short", scenarioList(scenarioOrder[:2]), "connect, wrong_password"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}

// TestSplitMatrix checks that the section is found between its markers
// and that a document without exactly one pair is refused.
func TestSplitMatrix(t *testing.T) {
	doc := "a\n" + matrixBegin + "\nold\n" + matrixEnd + "\nz\n"
	before, section, after, err := splitMatrix(doc)
	if err != nil || before != "a\n"+matrixBegin+"\n" || section != "old\n" || after != matrixEnd+"\nz\n" {
		t.Errorf("splitMatrix: %q %q %q %v", before, section, after, err)
	}
	for _, bad := range []string{"no markers", matrixEnd + "\n" + matrixBegin + "\n", doc + doc} {
		if _, _, _, err := splitMatrix(bad); err == nil {
			t.Errorf("splitMatrix(%q): no error", bad)
		}
	}
}
