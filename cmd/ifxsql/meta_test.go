package main

import "testing"

// TestCatalogType decodes syscolumns rows encoded by hand from IBM's
// description of SYSCOLUMNS (Guide to SQL: Reference): coltype is the
// type code (TYPES.md §1.1) plus 256 for NOT NULL; collength is
// precision·256 + scale for DECIMAL and MONEY (255 as the scale of a
// floating DECIMAL), digits·256 + start·16 + end for DATETIME and
// INTERVAL (YEAR 0, DAY 4, SECOND 10, FRACTION(n) 10+n), min·256 + max
// for VARCHAR; LVARCHAR and BOOLEAN are 40 and 41 with extended ids 1 and
// 5 (TYPES.md §1.1: "BOOLEAN columns show coltype 41/297 with collength
// 1").
func TestCatalogType(t *testing.T) {
	tests := []struct {
		coltype, collength, xid int64
		name, nullable          string
	}{
		{262, 4, 0, "SERIAL", "no"},                            // 6 + 256
		{0, 20, 0, "CHAR(20)", "yes"},                          // CHAR(20)
		{13, 40, 0, "VARCHAR(40)", "yes"},                      // VARCHAR(40)
		{13, 2600, 0, "VARCHAR(40,10)", "yes"},                 // 10·256 + 40
		{269, -1, 0, "VARCHAR(255,255)", "no"},                 // 255·256 + 255 = 65535, -1 as SMALLINT
		{5, 2562, 0, "DECIMAL(10,2)", "yes"},                   // 10·256 + 2
		{5, 4351, 0, "DECIMAL(16)", "yes"},                     // 16·256 + 255
		{264, 2050, 0, "MONEY(8,2)", "no"},                     // 8 + 256; 8·256 + 2
		{7, 4, 0, "DATE", "yes"},                               // DATE
		{10, 3594, 0, "DATETIME YEAR TO SECOND", "yes"},        // 14 digits: 14·256 + 0·16 + 10
		{10, 4365, 0, "DATETIME YEAR TO FRACTION(3)", "yes"},   // 17 digits: 17·256 + 0 + 13
		{14, 2378, 0, "INTERVAL DAY(3) TO SECOND", "yes"},      // 9 digits: 9·256 + 4·16 + 10
		{40, 2000, 1, "LVARCHAR(2000)", "yes"},                 // 40, xid 1
		{297, 1, 5, "BOOLEAN", "no"},                           // 41 + 256, xid 5
		{1, 2, 0, "SMALLINT", "yes"},                           // SMALLINT
		{52 + 256, 8, 0, "BIGINT", "no"},                       // BIGINT NOT NULL
		{2, 4, 0, "INTEGER", "yes"},                            // INTEGER
		{3, 8, 0, "FLOAT", "yes"},                              // FLOAT
		{17, 10, 0, "INT8", "yes"},                             // INT8
		{11, 56, 0, "BYTE", "yes"},                             // BYTE
		{40, 2048, 2049, "UDTVAR", "yes"},                      // a user opaque type
		{10 + 256, 0x0C08, 0, "DATETIME YEAR TO MINUTE", "no"}, // 12 digits (TYPES.md §5.7's 0x0C08)
		{14, 1058, 0, "INTERVAL MONTH(4) TO MONTH", "yes"},     // 4 digits, MONTH (2) to MONTH: 4·256 + 2·16 + 2
	}
	for _, tt := range tests {
		name, nullable := catalogType(tt.coltype, tt.collength, tt.xid)
		if name != tt.name || nullable != tt.nullable {
			t.Errorf("catalogType(%d, %d, %d) = %q, %q; want %q, %q", tt.coltype, tt.collength, tt.xid, name, nullable, tt.name, tt.nullable)
		}
	}
}

func TestSplitTableName(t *testing.T) {
	tests := []struct {
		in, owner, table string
		bad              bool
	}{
		{"Customers", "", "customers", false},
		{"informix.Orders", "informix", "orders", false},
		{`"MixedCase"`, "", "MixedCase", false},
		{`"Own".T`, "Own", "t", false},
		{"a.b.c", "", "", true},
		{".t", "", "", true},
		{`""`, "", "", true},
	}
	for _, tt := range tests {
		owner, table, err := splitTableName(tt.in)
		if (err != nil) != tt.bad || owner != tt.owner || table != tt.table {
			t.Errorf("splitTableName(%q) = %q, %q, %v", tt.in, owner, table, err)
		}
	}
}
