package sqlparse

import "strings"

// insert reads INSERT INTO table [(cols)] VALUES (…) | SELECT ….
func (p *parser) insert() (Stmt, error) {
	at := p.next().Pos
	if err := p.expectKw("into"); err != nil {
		return nil, err
	}
	tn, err := p.tableName()
	if err != nil {
		return nil, err
	}
	ins := &Insert{Table: tn, At: at}
	if p.isOp("(") && !p.isKwAt(1, "select") {
		if ins.Columns, err = p.nameList(); err != nil {
			return nil, err
		}
	}
	if p.acceptKw("values") {
		if err := p.expectOp("("); err != nil {
			return nil, err
		}
		if ins.Values, err = p.exprList(); err != nil {
			return nil, err
		}
		return ins, p.expectOp(")")
	}
	if p.isKw("select") || p.isOp("(") {
		ins.Query, err = p.selectStmt()
		return ins, err
	}
	return nil, p.errHere("expected VALUES or SELECT")
}

// update reads UPDATE table [[AS] alias] SET col = expr, … [WHERE cond];
// the Informix form SET (a, b) = (x, y) is also accepted.
func (p *parser) update() (Stmt, error) {
	p.i++
	tn, err := p.tableName()
	if err != nil {
		return nil, err
	}
	up := &Update{Table: tn}
	if !p.isKw("set") {
		if up.Alias, err = p.optAlias(); err != nil {
			return nil, err
		}
	}
	if err := p.expectKw("set"); err != nil {
		return nil, err
	}
	if up.Set, err = p.assignments(); err != nil {
		return nil, err
	}
	if p.acceptKw("where") {
		if p.isKw("current") && p.isKwAt(1, "of") {
			return nil, p.errHere("WHERE CURRENT OF is not supported")
		}
		if up.Where, err = p.expr(); err != nil {
			return nil, err
		}
	}
	return up, nil
}

func (p *parser) assignments() ([]Assignment, error) {
	if p.isOp("(") {
		return p.tupleAssignment()
	}
	var set []Assignment
	for {
		col, err := p.assignTarget()
		if err != nil {
			return nil, err
		}
		if err := p.expectOp("="); err != nil {
			return nil, err
		}
		v, err := p.expr()
		if err != nil {
			return nil, err
		}
		set = append(set, Assignment{Column: col, Value: v})
		if !p.acceptOp(",") {
			return set, nil
		}
	}
}

// assignTarget reads a column name, dropping a table qualifier.
func (p *parser) assignTarget() (Name, error) {
	n, err := p.ident("a column name")
	if err != nil {
		return n, err
	}
	if p.isOp(".") {
		p.i++
		return p.ident("a column name")
	}
	return n, nil
}

func (p *parser) tupleAssignment() ([]Assignment, error) {
	cols, err := p.nameList()
	if err != nil {
		return nil, err
	}
	if err := p.expectOp("="); err != nil {
		return nil, err
	}
	if err := p.expectOp("("); err != nil {
		return nil, err
	}
	vals, err := p.exprList()
	if err != nil {
		return nil, err
	}
	if len(vals) != len(cols) {
		return nil, p.errHere("the number of values differs from the number of columns")
	}
	set := make([]Assignment, len(cols))
	for i := range cols {
		set[i] = Assignment{Column: cols[i], Value: vals[i]}
	}
	return set, p.expectOp(")")
}

// delete reads DELETE [FROM] table [WHERE cond].
func (p *parser) delete() (Stmt, error) {
	p.i++
	p.acceptKw("from")
	tn, err := p.tableName()
	if err != nil {
		return nil, err
	}
	d := &Delete{Table: tn}
	if p.acceptKw("where") {
		if p.isKw("current") && p.isKwAt(1, "of") {
			return nil, p.errHere("WHERE CURRENT OF is not supported")
		}
		if d.Where, err = p.expr(); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// transaction reads BEGIN [WORK], COMMIT [WORK], ROLLBACK [WORK] [TO
// SAVEPOINT [name]], SAVEPOINT name [UNIQUE] and RELEASE SAVEPOINT name.
func (p *parser) transaction() (Stmt, error) {
	t := p.next()
	switch t.Lower {
	case "begin":
		if !p.acceptKw("work") {
			p.acceptKw("transaction")
		}
		return &BeginWork{}, nil
	case "commit":
		p.acceptKw("work")
		return &CommitWork{}, nil
	case "rollback":
		p.acceptKw("work")
		if !p.acceptKw("to") {
			return &RollbackWork{}, nil
		}
		if err := p.expectKw("savepoint"); err != nil {
			return nil, err
		}
		rb := &RollbackWork{ToSavepoint: true}
		if p.peek().Kind == Ident {
			rb.Savepoint = p.next().Lower
		}
		return rb, nil
	case "savepoint":
		n, err := p.ident("a savepoint name")
		if err != nil {
			return nil, err
		}
		return &Savepoint{Name: n.Name, Unique: p.acceptKw("unique")}, nil
	}
	if err := p.expectKw("savepoint"); err != nil {
		return nil, err
	}
	n, err := p.ident("a savepoint name")
	return &ReleaseSavepoint{Name: n.Name}, err
}

// set reads the SET statements: ISOLATION, TRANSACTION, LOCK MODE, and the
// ones that are only recorded.
func (p *parser) set() (Stmt, error) {
	p.i++
	switch {
	case p.acceptKw("isolation"):
		p.acceptKw("to")
		return p.isolationLevel()
	case p.acceptKw("transaction"):
		return p.setTransaction()
	case p.isKw("lock") && p.isKwAt(1, "mode"):
		p.i += 2
		return p.lockMode()
	}
	t := p.peek()
	if t.Kind != Ident {
		return nil, p.errHere("expected a SET option")
	}
	p.i++
	return &SetOption{Kind: t.Lower, Text: p.rest()}, nil
}

var isolationWords = [][]string{
	{"dirty", "read"}, {"committed", "read"}, {"cursor", "stability"}, {"repeatable", "read"},
	{"read", "uncommitted"}, {"read", "committed"}, {"serializable"},
}

// acceptWords consumes the keywords of words when they come next.
func (p *parser) acceptWords(words []string) bool {
	for i, w := range words {
		if !p.isKwAt(i, w) {
			return false
		}
	}
	p.i += len(words)
	return true
}

// isolationLevel reads the level of SET ISOLATION: DIRTY READ [WITH
// WARNING], COMMITTED READ [LAST COMMITTED], CURSOR STABILITY or REPEATABLE
// READ (and the ANSI spellings), then [RETAIN UPDATE LOCKS].
func (p *parser) isolationLevel() (Stmt, error) {
	for _, words := range isolationWords {
		if !p.acceptWords(words) {
			continue
		}
		si := &SetIsolation{Level: strings.ToUpper(strings.Join(words, " "))}
		switch si.Level {
		case "COMMITTED READ":
			si.LastCommitted = p.acceptWords([]string{"last", "committed"})
		case "DIRTY READ":
			p.acceptWords([]string{"with", "warning"})
		}
		if p.acceptKw("retain") {
			if err := p.expectKw("update"); err != nil {
				return nil, err
			}
			if err := p.expectKw("locks"); err != nil {
				return nil, err
			}
		}
		return si, nil
	}
	return nil, p.errHere("expected an isolation level")
}

// transactionLevels are the levels SET TRANSACTION ISOLATION LEVEL takes.
var transactionLevels = [][]string{
	{"read", "uncommitted"}, {"read", "committed"}, {"repeatable", "read"}, {"serializable"},
}

// setTransaction reads the options of SET TRANSACTION: READ ONLY | READ
// WRITE and ISOLATION LEVEL level, separated by commas, each at most once.
func (p *parser) setTransaction() (Stmt, error) {
	st := &SetTransaction{}
	for {
		switch {
		case st.Access == "" && p.acceptWords([]string{"read", "only"}):
			st.Access = "READ ONLY"
		case st.Access == "" && p.acceptWords([]string{"read", "write"}):
			st.Access = "READ WRITE"
		case st.Level == "" && p.acceptWords([]string{"isolation", "level"}):
			level, err := p.transactionLevel()
			if err != nil {
				return nil, err
			}
			st.Level = level
		default:
			return nil, p.errHere("expected READ ONLY, READ WRITE or ISOLATION LEVEL")
		}
		if !p.isOp(",") {
			return st, nil
		}
		p.i++
	}
}

func (p *parser) transactionLevel() (string, error) {
	for _, words := range transactionLevels {
		if p.acceptWords(words) {
			return strings.ToUpper(strings.Join(words, " ")), nil
		}
	}
	return "", p.errHere("expected an isolation level")
}

func (p *parser) lockMode() (Stmt, error) {
	if err := p.expectKw("to"); err != nil {
		return nil, err
	}
	if p.acceptKw("not") {
		if err := p.expectKw("wait"); err != nil {
			return nil, err
		}
		return &SetLockMode{Seconds: 0}, nil
	}
	if err := p.expectKw("wait"); err != nil {
		return nil, err
	}
	if p.peek().Kind != Number {
		return &SetLockMode{Seconds: -1}, nil
	}
	n, err := p.intLit("a number of seconds")
	if err != nil {
		return nil, err
	}
	if n > 1<<31-1 {
		p.i--
		return nil, p.errHere("lock wait out of range")
	}
	return &SetLockMode{Seconds: int(n)}, nil
}

// database reads DATABASE name [EXCLUSIVE] and CLOSE DATABASE.
func (p *parser) database() (Stmt, error) {
	if p.acceptKw("close") {
		if err := p.expectKw("database"); err != nil {
			return nil, err
		}
		return &CloseDatabase{}, nil
	}
	p.i++
	n, err := p.ident("a database name")
	if err != nil {
		return nil, err
	}
	p.acceptKw("exclusive")
	return &DatabaseStmt{Name: n}, nil
}

// execute reads EXECUTE PROCEDURE|FUNCTION name([args]).
func (p *parser) execute() (Stmt, error) {
	p.i++
	er := &ExecuteRoutine{}
	switch {
	case p.acceptKw("function"):
		er.Function = true
	case p.acceptKw("procedure"):
	default:
		return nil, p.errHere("expected PROCEDURE or FUNCTION")
	}
	n, err := p.ident("a routine name")
	if err != nil {
		return nil, err
	}
	if p.isOp(".") {
		p.i++
		if n, err = p.ident("a routine name"); err != nil {
			return nil, err
		}
	}
	er.Name = n
	if err := p.expectOp("("); err != nil {
		return nil, err
	}
	if !p.isOp(")") {
		if er.Args, err = p.exprList(); err != nil {
			return nil, err
		}
	}
	return er, p.expectOp(")")
}
