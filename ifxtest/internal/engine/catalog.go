package engine

import (
	"strconv"
	"strings"

	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// column is one column of a table: its Informix type (NOT NULL in the
// flag bit) and default.
type column struct {
	name  string
	typ   ifxtype.Type
	colno int
	// def is the default's stored value and type; hasDef reports whether
	// a DEFAULT clause was given (NULL otherwise). A default of TODAY,
	// CURRENT or USER is evaluated at insert time (defFunc).
	def     any
	defType ifxtype.Type
	defFunc string
	hasDef  bool
}

// index is a unique or plain index, possibly backing a PRIMARY KEY or
// UNIQUE constraint.
type index struct {
	name       string
	unique     bool
	cols       []int  // column indexes into table.cols
	desc       []bool // per column: DESC
	constraint string // constraint name, "" for a plain index
	primary    bool
	constrID   int64
	sqlName    string // the SQLite index name
}

// table is a table of the engine's catalog. sqlName is its quoted name in
// SQLite; temporary tables have a per-session one.
type table struct {
	name    string
	owner   string
	tabid   int64
	cols    []*column
	indexes []*index
	temp    bool
	sys     bool
	sqlName string
	created int64 // day number
	// serial is the column index of the SERIAL, SERIAL8 or BIGSERIAL column,
	// -1 if none; nextSerial is the value an insert of 0 takes next.
	serial     int
	nextSerial int64
}

// column returns the column called name (lower case), or nil.
func (t *table) column(name string) *column {
	for _, c := range t.cols {
		if c.name == name {
			return c
		}
	}
	return nil
}

// catalog is the permanent schema of one database. It is guarded by the
// database's lock, like every use of its SQLite connection.
type catalog struct {
	tables    map[string]*table
	indexes   map[string]*table // index name → table
	nextTabid int64
	nextConst int64
	version   int64 // bumped by every schema change; plans compiled earlier are recompiled
}

// quoteIdent quotes an identifier for SQLite.
func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// Informix tabids of the system catalog tables (IBM Guide to SQL:
// Reference, SYSTABLES: "tabid values below 100 are the system catalog";
// systables is 1, syscolumns 2, sysindices 3, systabauth 4, sysusers 7,
// sysconstraints 11). User tables start at 100.
const firstUserTabid = 100

// sysTableDef describes a system catalog table: name, tabid and columns
// (name and SQL type text).
type sysTableDef struct {
	name  string
	tabid int64
	cols  [][2]string
}

var sysTables = []sysTableDef{
	{"systables", 1, [][2]string{
		{"tabname", "VARCHAR(128)"}, {"owner", "CHAR(32)"}, {"partnum", "INTEGER"}, {"tabid", "INTEGER"},
		{"rowsize", "SMALLINT"}, {"ncols", "SMALLINT"}, {"nindexes", "SMALLINT"}, {"nrows", "FLOAT"},
		{"created", "DATE"}, {"version", "INTEGER"}, {"tabtype", "CHAR(1)"}, {"locklevel", "CHAR(1)"},
		{"npused", "FLOAT"}, {"fextsize", "INTEGER"}, {"nextsize", "INTEGER"}, {"flags", "SMALLINT"},
		{"site", "VARCHAR(128)"}, {"dbname", "VARCHAR(128)"}, {"type_xid", "INTEGER"}, {"am_id", "INTEGER"},
		{"pagesize", "INTEGER"}, {"ustlowts", "DATETIME YEAR TO FRACTION(5)"}, {"secpolicyid", "INTEGER"},
		{"protgranularity", "CHAR(1)"}, {"statchange", "SMALLINT"}, {"statlevel", "CHAR(1)"},
	}},
	{"syscolumns", 2, [][2]string{
		{"colname", "VARCHAR(128)"}, {"tabid", "INTEGER"}, {"colno", "SMALLINT"}, {"coltype", "SMALLINT"},
		{"collength", "SMALLINT"}, {"colmin", "INTEGER"}, {"colmax", "INTEGER"}, {"extended_id", "INTEGER"},
		{"seclabelid", "INTEGER"}, {"colattr", "SMALLINT"},
	}},
	{"sysindexes", 3, sysIndexCols()},
	{"systabauth", 4, [][2]string{
		{"grantor", "CHAR(32)"}, {"grantee", "CHAR(32)"}, {"tabid", "INTEGER"}, {"tabauth", "CHAR(9)"},
	}},
	{"sysusers", 7, [][2]string{
		{"username", "CHAR(32)"}, {"usertype", "CHAR(1)"}, {"priority", "SMALLINT"}, {"password", "CHAR(16)"},
		{"defrole", "CHAR(32)"},
	}},
	{"sysconstraints", 11, [][2]string{
		{"constrid", "INTEGER"}, {"constrname", "VARCHAR(128)"}, {"owner", "CHAR(32)"}, {"tabid", "INTEGER"},
		{"constrtype", "CHAR(1)"}, {"idxname", "VARCHAR(128)"}, {"collation", "CHAR(32)"},
	}},
}

// sysIndexCols lists SYSINDEXES: the index name, owner, table, type (U
// unique, D duplicates), clustering and up to 16 key parts, each the
// column number, negative for a descending key.
func sysIndexCols() [][2]string {
	cols := [][2]string{{"idxname", "VARCHAR(128)"}, {"owner", "CHAR(32)"}, {"tabid", "INTEGER"},
		{"idxtype", "CHAR(1)"}, {"clustered", "CHAR(1)"}}
	for i := 1; i <= 16; i++ {
		cols = append(cols, [2]string{"part" + strconv.Itoa(i), "SMALLINT"})
	}
	return append(cols, [2]string{"levels", "SMALLINT"}, [2]string{"leaves", "FLOAT"},
		[2]string{"nunique", "FLOAT"}, [2]string{"clust", "FLOAT"}, [2]string{"idxflags", "INTEGER"})
}

// sqliteDecl returns the SQLite column type of an Informix type: the
// affinity that keeps the stored form (types.go) unchanged.
func sqliteDecl(t ifxtype.Type) string {
	switch kindOf(t) {
	case kFloat:
		return "REAL"
	case kDec:
		return "BLOB"
	case kDateTime, kText:
		return "TEXT"
	}
	return "INTEGER"
}

// rowWidth approximates systables.rowsize: the bytes of a row's columns
// in Informix's storage (TYPES.md §2.2 for the packed types).
func rowWidth(cols []*column) int64 {
	var n int64
	for _, c := range cols {
		t := c.typ
		switch kindOf(t) {
		case kDec, kDateTime, kIntervalYM, kIntervalDS:
			hi, lo := int64(t.Length>>8)&0xff, int64(t.Length)&0xff
			n += min((hi+(lo&1)+3)/2, 17)
		case kText:
			n += int64(textLimit(t))
			if t.Base() != sqli.TypeChar && t.Base() != sqli.TypeNChar {
				n++
			}
		default:
			n += int64(t.Length)
		}
	}
	return n
}
