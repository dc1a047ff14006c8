package sqlparse

// Stmt is a parsed statement.
type Stmt interface{ stmt() }

// Expr is a parsed expression. Pos returns the byte offset where the
// expression starts in the statement text.
type Expr interface{ Pos() int }

// Name is an identifier with its position. Informix folds unquoted names to
// lower case; Name.Name holds the folded form.
type Name struct {
	Name string
	At   int
}

// TableName is a possibly owner-qualified table name, e.g.
// informix.systables or "informix".systables.
type TableName struct {
	Owner string // as written for a quoted owner, folded otherwise; "" if absent
	Name  string // folded to lower case
	At    int
}

// TypeName is a data type as written in CREATE TABLE or CAST: Base is the
// canonical name (SMALLINT, INTEGER, INT8, BIGINT, SERIAL, SERIAL8,
// BIGSERIAL, SMALLFLOAT, FLOAT, DECIMAL, MONEY, DATE, DATETIME, INTERVAL,
// CHAR, NCHAR, VARCHAR, NVARCHAR, LVARCHAR, BOOLEAN, TEXT, BYTE).
type TypeName struct {
	Base string
	// Params are the numbers in parentheses after the name: (n), (p,s),
	// (m,r), SERIAL(start). HasParams reports whether they were written.
	Params    []int64
	HasParams bool
	// Start, End and Prec describe a DATETIME or INTERVAL qualifier: the
	// unit names (YEAR … FRACTION), the end's FRACTION digits in EndFrac
	// (0 when not written) and the leading precision of an INTERVAL (0
	// when not written).
	Start, End string
	EndFrac    int
	Prec       int
	At         int
}

// --- statements ---

// SelectStmt is a query: one SELECT or a UNION of several, with the ORDER
// BY that applies to the whole.
type SelectStmt struct {
	Body     QueryExpr
	OrderBy  []OrderItem
	IntoTemp *IntoTemp
	At       int
}

// IntoTemp is SELECT … INTO TEMP name [WITH NO LOG].
type IntoTemp struct {
	Name Name
}

// QueryExpr is a SelectCore or a SetOp.
type QueryExpr interface{ queryExpr() }

// SetOp is left UNION [ALL] right.
type SetOp struct {
	Left, Right QueryExpr
	All         bool
	At          int
}

// SelectCore is one SELECT … FROM … WHERE … GROUP BY … HAVING.
type SelectCore struct {
	Skip, First Expr // nil when absent
	Distinct    bool // DISTINCT or UNIQUE
	Items       []SelectItem
	From        []TableRef
	Where       Expr
	GroupBy     []Expr
	Having      Expr
	At          int
}

// SelectItem is one entry of a select list: an expression with an
// optional alias, or a star (Star true, Qualifier naming the table of t.*).
type SelectItem struct {
	Expr      Expr
	Alias     *Name
	Star      bool
	Qualifier string
	At        int
	EndPos    int // offset just past the item's text
}

// OrderItem is one ORDER BY key.
type OrderItem struct {
	Expr Expr
	Desc bool
}

// TableRef is an entry of a FROM clause: *TableSource, *JoinRef,
// *SubquerySource or *CollectionSource.
type TableRef interface{ tableRef() }

// TableSource is a table or view name with an optional alias.
type TableSource struct {
	Table TableName
	Alias *Name
	// Outer marks Informix's old outer-join form FROM a, OUTER b.
	Outer bool
}

// JoinRef is left [INNER|LEFT [OUTER]|CROSS] JOIN right [ON cond].
type JoinRef struct {
	Left, Right TableRef
	Kind        string // "INNER", "LEFT" or "CROSS"
	On          Expr   // nil for CROSS
	At          int
}

// SubquerySource is a derived table: (SELECT …) [AS] alias.
type SubquerySource struct {
	Query *SelectStmt
	Alias *Name
	At    int
}

// CollectionSource is TABLE(SET{…}) / TABLE(MULTISET{…}) / TABLE(LIST{…})
// [AS] alias [(column)]: a one-column derived table of the listed values,
// which JDBC uses for its one-row queries.
type CollectionSource struct {
	Values []Expr
	Alias  *Name
	Column *Name
	At     int
}

// CreateTable is CREATE [TEMP] TABLE [IF NOT EXISTS] name (…).
type CreateTable struct {
	Temp        bool
	IfNotExists bool
	Table       TableName
	Columns     []ColumnDef
	Constraints []TableConstraint
	WithNoLog   bool
}

// ColumnDef is one column of CREATE TABLE.
type ColumnDef struct {
	Name       Name
	Type       TypeName
	NotNull    bool
	Default    Expr // nil when absent
	HasDefault bool
	PrimaryKey bool
	Unique     bool
}

// TableConstraint is PRIMARY KEY (cols) or UNIQUE (cols) [CONSTRAINT name].
type TableConstraint struct {
	PrimaryKey bool
	Columns    []Name
	Name       *Name
	At         int
}

// DropTable is DROP TABLE [IF EXISTS] name.
type DropTable struct {
	IfExists bool
	Table    TableName
}

// CreateIndex is CREATE [UNIQUE|DISTINCT] INDEX [IF NOT EXISTS] name ON
// table (cols).
type CreateIndex struct {
	Unique      bool
	IfNotExists bool
	Name        Name
	Table       TableName
	Columns     []IndexColumn
}

// IndexColumn is one key of an index.
type IndexColumn struct {
	Name Name
	Desc bool
}

// DropIndex is DROP INDEX [IF EXISTS] name.
type DropIndex struct {
	IfExists bool
	Name     Name
}

// Insert is INSERT INTO table [(cols)] VALUES (…) | SELECT ….
type Insert struct {
	Table   TableName
	Columns []Name
	Values  []Expr      // nil for INSERT … SELECT
	Query   *SelectStmt // nil for VALUES
	At      int
}

// Update is UPDATE table [alias] SET assignments [WHERE cond].
type Update struct {
	Table TableName
	Alias *Name
	Set   []Assignment
	Where Expr
}

// Assignment is column = expr in an UPDATE.
type Assignment struct {
	Column Name
	Value  Expr
}

// Delete is DELETE FROM table [WHERE cond].
type Delete struct {
	Table TableName
	Where Expr
}

// Truncate is TRUNCATE [TABLE] name.
type Truncate struct {
	Table TableName
}

// BeginWork is BEGIN [WORK].
type BeginWork struct{}

// CommitWork is COMMIT [WORK].
type CommitWork struct{}

// RollbackWork is ROLLBACK [WORK] [TO SAVEPOINT [name]].
type RollbackWork struct {
	ToSavepoint bool
	Savepoint   string // "" for the innermost savepoint
}

// Savepoint is SAVEPOINT name [UNIQUE].
type Savepoint struct {
	Name   string
	Unique bool
}

// ReleaseSavepoint is RELEASE SAVEPOINT name.
type ReleaseSavepoint struct {
	Name string
}

// SetIsolation is SET ISOLATION [TO] level [RETAIN UPDATE LOCKS]. Level
// is one of "DIRTY READ", "COMMITTED READ", "CURSOR STABILITY",
// "REPEATABLE READ", or an ANSI spelling ("READ UNCOMMITTED", "READ
// COMMITTED", "SERIALIZABLE"). LastCommitted is set only with COMMITTED
// READ, the one level IBM's syntax allows LAST COMMITTED after (IBM Guide
// to SQL: Syntax, SET ISOLATION).
type SetIsolation struct {
	Level         string
	LastCommitted bool
}

// SetTransaction is SET TRANSACTION with one or both of its options, each
// at most once and separated by a comma (IBM Guide to SQL: Syntax, SET
// TRANSACTION): Access is "READ ONLY", "READ WRITE" or "" when not given;
// Level is "READ UNCOMMITTED", "READ COMMITTED", "REPEATABLE READ",
// "SERIALIZABLE" or "" when not given. At least one of them is set.
type SetTransaction struct {
	Access string
	Level  string
}

// SetLockMode is SET LOCK MODE TO WAIT [n] | NOT WAIT. Seconds is -1 for
// WAIT without a limit and 0 for NOT WAIT.
type SetLockMode struct {
	Seconds int
}

// SetOption is one of the SET statements the engine accepts and records:
// SET ENVIRONMENT, SET EXPLAIN, SET PDQPRIORITY, SET OPTIMIZATION, SET
// DEFERRED_PREPARE and the like. Kind is the word after SET; Text is the
// rest of the statement.
type SetOption struct {
	Kind string
	Text string
}

// DatabaseStmt is DATABASE name [EXCLUSIVE].
type DatabaseStmt struct {
	Name Name
}

// CloseDatabase is CLOSE DATABASE.
type CloseDatabase struct{}

// CreateDatabase is CREATE DATABASE name [IN dbspace] [WITH [BUFFERED]
// LOG | WITH LOG MODE ANSI].
type CreateDatabase struct {
	Name     Name
	Log      bool
	Buffered bool
	ANSI     bool
}

// DropDatabase is DROP DATABASE name.
type DropDatabase struct {
	Name Name
}

// ExecuteRoutine is EXECUTE PROCEDURE|FUNCTION name(args).
type ExecuteRoutine struct {
	Function bool
	Name     Name
	Args     []Expr
}

// UpdateStatistics is UPDATE STATISTICS …, accepted and ignored.
type UpdateStatistics struct{}

func (*SelectStmt) stmt()       {}
func (*CreateTable) stmt()      {}
func (*DropTable) stmt()        {}
func (*CreateIndex) stmt()      {}
func (*DropIndex) stmt()        {}
func (*Insert) stmt()           {}
func (*Update) stmt()           {}
func (*Delete) stmt()           {}
func (*Truncate) stmt()         {}
func (*BeginWork) stmt()        {}
func (*CommitWork) stmt()       {}
func (*RollbackWork) stmt()     {}
func (*Savepoint) stmt()        {}
func (*ReleaseSavepoint) stmt() {}
func (*SetIsolation) stmt()     {}
func (*SetTransaction) stmt()   {}
func (*SetLockMode) stmt()      {}
func (*SetOption) stmt()        {}
func (*DatabaseStmt) stmt()     {}
func (*CloseDatabase) stmt()    {}
func (*CreateDatabase) stmt()   {}
func (*DropDatabase) stmt()     {}
func (*ExecuteRoutine) stmt()   {}
func (*UpdateStatistics) stmt() {}

func (*SetOp) queryExpr()      {}
func (*SelectCore) queryExpr() {}

func (*TableSource) tableRef()      {}
func (*JoinRef) tableRef()          {}
func (*SubquerySource) tableRef()   {}
func (*CollectionSource) tableRef() {}

// --- expressions ---

// NumberLit is a numeric literal as written ("42", "1.50", "1e3").
type NumberLit struct {
	Text string
	At   int
}

// StringLit is a quoted string literal.
type StringLit struct {
	Value string
	At    int
}

// NullLit is NULL.
type NullLit struct{ At int }

// BoolLit is TRUE or FALSE ('t'/'f' are string literals).
type BoolLit struct {
	Value bool
	At    int
}

// ParamRef is a ? placeholder; Index counts from 0 in text order.
type ParamRef struct {
	Index int
	At    int
}

// ColumnRef is [table.]column, where table may itself be owner-qualified.
type ColumnRef struct {
	Table  string // "" when unqualified
	Column string
	At     int
}

// BinaryExpr is L op R for op in + - * / || = <> < <= > >= AND OR; At
// is the position of the operator.
type BinaryExpr struct {
	Op   string
	L, R Expr
	At   int
}

// UnaryExpr is -X, +X or NOT X.
type UnaryExpr struct {
	Op string
	X  Expr
	At int
}

// IsNullExpr is X IS [NOT] NULL.
type IsNullExpr struct {
	X   Expr
	Not bool
	At  int
}

// BetweenExpr is X [NOT] BETWEEN Lo AND Hi.
type BetweenExpr struct {
	X, Lo, Hi Expr
	Not       bool
	At        int
}

// InExpr is X [NOT] IN (list) or X [NOT] IN (subquery).
type InExpr struct {
	X     Expr
	List  []Expr
	Query *SelectStmt
	Not   bool
	At    int
}

// LikeExpr is X [NOT] LIKE|MATCHES pattern [ESCAPE esc].
type LikeExpr struct {
	X, Pattern, Escape Expr
	Matches            bool
	Not                bool
	At                 int
}

// ExistsExpr is EXISTS (subquery).
type ExistsExpr struct {
	Query *SelectStmt
	At    int
}

// SubqueryExpr is a scalar subquery.
type SubqueryExpr struct {
	Query *SelectStmt
	At    int
}

// CaseExpr is CASE [operand] WHEN … THEN … [ELSE …] END.
type CaseExpr struct {
	Operand Expr
	Whens   []When
	Else    Expr
	At      int
}

// When is one WHEN cond THEN result arm.
type When struct {
	Cond, Result Expr
}

// CastExpr is CAST(X AS type) or X::type.
type CastExpr struct {
	X    Expr
	Type TypeName
	At   int
}

// FuncCall is name([DISTINCT|ALL] args) or COUNT(*).
type FuncCall struct {
	Name     string // folded to lower case
	Args     []Expr
	Star     bool
	Distinct bool
	At       int
	// Qualifier holds the DATETIME qualifier of EXTEND(x, q1 TO q2) and
	// CURRENT q1 TO q2 (as a TypeName with Base DATETIME), nil otherwise.
	Qualifier *TypeName
}

// DateTimeLit is DATETIME(text) q1 TO q2.
type DateTimeLit struct {
	Text string
	Qual TypeName
	At   int
}

// IntervalLit is INTERVAL(text) q1[(n)] TO q2.
type IntervalLit struct {
	Text string
	Qual TypeName
	At   int
}

// Pos returns where the NumberLit starts.
func (e *NumberLit) Pos() int { return e.At }

// Pos returns where the StringLit starts.
func (e *StringLit) Pos() int { return e.At }

// Pos returns where the NullLit starts.
func (e *NullLit) Pos() int { return e.At }

// Pos returns where the BoolLit starts.
func (e *BoolLit) Pos() int { return e.At }

// Pos returns where the ParamRef starts.
func (e *ParamRef) Pos() int { return e.At }

// Pos returns where the ColumnRef starts.
func (e *ColumnRef) Pos() int { return e.At }

// Pos returns where the BinaryExpr starts: where its left operand starts
// (At is the operator's position).
func (e *BinaryExpr) Pos() int { return e.L.Pos() }

// Pos returns where the UnaryExpr starts.
func (e *UnaryExpr) Pos() int { return e.At }

// Pos returns where the IsNullExpr starts: where its left operand starts
// (At is the operator's position).
func (e *IsNullExpr) Pos() int { return e.X.Pos() }

// Pos returns where the BetweenExpr starts: where its left operand starts
// (At is the operator's position).
func (e *BetweenExpr) Pos() int { return e.X.Pos() }

// Pos returns where the InExpr starts: where its left operand starts
// (At is the operator's position).
func (e *InExpr) Pos() int { return e.X.Pos() }

// Pos returns where the LikeExpr starts: where its left operand starts
// (At is the operator's position).
func (e *LikeExpr) Pos() int { return e.X.Pos() }

// Pos returns where the ExistsExpr starts.
func (e *ExistsExpr) Pos() int { return e.At }

// Pos returns where the SubqueryExpr starts.
func (e *SubqueryExpr) Pos() int { return e.At }

// Pos returns where the CaseExpr starts.
func (e *CaseExpr) Pos() int { return e.At }

// Pos returns where the CastExpr starts.
func (e *CastExpr) Pos() int { return e.At }

// Pos returns where the FuncCall starts.
func (e *FuncCall) Pos() int { return e.At }

// Pos returns where the DateTimeLit starts.
func (e *DateTimeLit) Pos() int { return e.At }

// Pos returns where the IntervalLit starts.
func (e *IntervalLit) Pos() int { return e.At }
