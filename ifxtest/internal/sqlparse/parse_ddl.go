package sqlparse

// create reads CREATE [TEMP] TABLE, CREATE [UNIQUE|DISTINCT] INDEX and
// CREATE DATABASE.
func (p *parser) create() (Stmt, error) {
	p.i++
	switch {
	case p.isKw("temp") || p.isKw("table") || p.isKw("standard") || p.isKw("raw"):
		return p.createTable()
	case p.isKw("index") || p.isKw("unique") || p.isKw("distinct") || p.isKw("cluster"):
		return p.createIndex()
	case p.isKw("database"):
		return p.createDatabase()
	}
	return nil, p.errHere("expected TABLE, TEMP TABLE, INDEX or DATABASE")
}

func (p *parser) ifNotExists() (bool, error) {
	if !p.isKw("if") {
		return false, nil
	}
	p.i++
	if err := p.expectKw("not"); err != nil {
		return false, err
	}
	return true, p.expectKw("exists")
}

func (p *parser) createTable() (Stmt, error) {
	ct := &CreateTable{}
	if p.acceptKw("temp") {
		ct.Temp = true
	} else if !p.acceptKw("standard") {
		p.acceptKw("raw")
	}
	if err := p.expectKw("table"); err != nil {
		return nil, err
	}
	var err error
	if ct.IfNotExists, err = p.ifNotExists(); err != nil {
		return nil, err
	}
	if ct.Table, err = p.tableName(); err != nil {
		return nil, err
	}
	if err := p.expectOp("("); err != nil {
		return nil, err
	}
	for {
		if err := p.tableElement(ct); err != nil {
			return nil, err
		}
		if !p.acceptOp(",") {
			break
		}
	}
	if err := p.expectOp(")"); err != nil {
		return nil, err
	}
	return ct, p.tableOptions(ct)
}

// tableOptions reads and ignores WITH NO LOG, IN dbspace, LOCK MODE ROW
// and EXTENT SIZE clauses after CREATE TABLE.
func (p *parser) tableOptions(ct *CreateTable) error {
	for p.peek().Kind == Ident {
		switch {
		case p.isKw("with") && p.isKwAt(1, "no") && p.isKwAt(2, "log"):
			p.i += 3
			ct.WithNoLog = true
		case p.isKw("in"):
			p.i++
			if _, err := p.ident("a dbspace name"); err != nil {
				return err
			}
		case p.isKw("lock") && p.isKwAt(1, "mode"):
			p.i += 2
			if !(p.acceptKw("row") || p.acceptKw("page") || p.acceptKw("table")) {
				return p.errHere("expected ROW, PAGE or TABLE")
			}
		case p.isKw("extent") || p.isKw("next"):
			p.i++
			if err := p.expectKw("size"); err != nil {
				return err
			}
			if _, err := p.intLit("a size"); err != nil {
				return err
			}
		default:
			return nil
		}
	}
	return nil
}

// tableElement reads a column definition or a table constraint.
func (p *parser) tableElement(ct *CreateTable) error {
	if p.isKw("primary") || p.isKw("unique") || p.isKw("distinct") || p.isKw("constraint") {
		tc, err := p.tableConstraint()
		if err != nil {
			return err
		}
		ct.Constraints = append(ct.Constraints, tc)
		return nil
	}
	name, err := p.ident("a column name")
	if err != nil {
		return err
	}
	cd := ColumnDef{Name: name}
	if cd.Type, err = p.typeName(); err != nil {
		return err
	}
	if err := p.columnConstraints(&cd); err != nil {
		return err
	}
	ct.Columns = append(ct.Columns, cd)
	return nil
}

func (p *parser) tableConstraint() (TableConstraint, error) {
	tc := TableConstraint{At: p.peek().Pos}
	if p.acceptKw("constraint") {
		n, err := p.ident("a constraint name")
		if err != nil {
			return tc, err
		}
		tc.Name = &n
	}
	if p.acceptKw("primary") {
		if err := p.expectKw("key"); err != nil {
			return tc, err
		}
		tc.PrimaryKey = true
	} else if !p.acceptKw("unique") && !p.acceptKw("distinct") {
		return tc, p.errHere("expected PRIMARY KEY or UNIQUE")
	}
	cols, err := p.nameList()
	if err != nil {
		return tc, err
	}
	tc.Columns = cols
	if tc.Name == nil && p.acceptKw("constraint") {
		n, err := p.ident("a constraint name")
		if err != nil {
			return tc, err
		}
		tc.Name = &n
	}
	return tc, nil
}

// nameList reads (name, …).
func (p *parser) nameList() ([]Name, error) {
	if err := p.expectOp("("); err != nil {
		return nil, err
	}
	var names []Name
	for {
		n, err := p.ident("a column name")
		if err != nil {
			return nil, err
		}
		names = append(names, n)
		if !p.acceptOp(",") {
			break
		}
	}
	return names, p.expectOp(")")
}

// columnConstraints reads DEFAULT, NOT NULL, NULL, PRIMARY KEY, UNIQUE and
// CONSTRAINT name after a column's type, in any order.
func (p *parser) columnConstraints(cd *ColumnDef) error {
	for {
		switch {
		case p.isKw("default"):
			p.i++
			e, err := p.defaultValue()
			if err != nil {
				return err
			}
			cd.Default, cd.HasDefault = e, true
		case p.isKw("not") && p.isKwAt(1, "null"):
			p.i += 2
			cd.NotNull = true
		case p.isKw("null"):
			p.i++
		case p.isKw("primary") && p.isKwAt(1, "key"):
			p.i += 2
			cd.PrimaryKey = true
		case p.isKw("unique") || p.isKw("distinct"):
			p.i++
			cd.Unique = true
		case p.isKw("constraint"):
			p.i++
			if _, err := p.ident("a constraint name"); err != nil {
				return err
			}
		default:
			return nil
		}
	}
}

// defaultValue reads a DEFAULT value: a literal, a signed number, NULL,
// TODAY, CURRENT [q], USER, or a DATETIME/INTERVAL literal.
func (p *parser) defaultValue() (Expr, error) {
	if p.isOp("-") || p.isOp("+") {
		return p.unary()
	}
	return p.primary()
}

func (p *parser) createIndex() (Stmt, error) {
	ci := &CreateIndex{}
	if p.acceptKw("unique") || p.acceptKw("distinct") {
		ci.Unique = true
	}
	p.acceptKw("cluster")
	if err := p.expectKw("index"); err != nil {
		return nil, err
	}
	var err error
	if ci.IfNotExists, err = p.ifNotExists(); err != nil {
		return nil, err
	}
	if ci.Name, err = p.ident("an index name"); err != nil {
		return nil, err
	}
	if err := p.expectKw("on"); err != nil {
		return nil, err
	}
	if ci.Table, err = p.tableName(); err != nil {
		return nil, err
	}
	if err := p.expectOp("("); err != nil {
		return nil, err
	}
	for {
		n, err := p.ident("a column name")
		if err != nil {
			return nil, err
		}
		ic := IndexColumn{Name: n}
		if p.acceptKw("desc") {
			ic.Desc = true
		} else {
			p.acceptKw("asc")
		}
		ci.Columns = append(ci.Columns, ic)
		if !p.acceptOp(",") {
			break
		}
	}
	return ci, p.expectOp(")")
}

func (p *parser) createDatabase() (Stmt, error) {
	p.i++
	n, err := p.ident("a database name")
	if err != nil {
		return nil, err
	}
	cd := &CreateDatabase{Name: n}
	if p.acceptKw("in") {
		if _, err := p.ident("a dbspace name"); err != nil {
			return nil, err
		}
	}
	if !p.acceptKw("with") {
		return cd, nil
	}
	cd.Log = true
	cd.Buffered = p.acceptKw("buffered")
	if err := p.expectKw("log"); err != nil {
		return nil, err
	}
	if p.acceptKw("mode") {
		if cd.Buffered {
			return nil, p.errHere("BUFFERED LOG cannot be MODE ANSI")
		}
		if err := p.expectKw("ansi"); err != nil {
			return nil, err
		}
		cd.ANSI = true
	}
	return cd, nil
}

func (p *parser) ifExists() (bool, error) {
	if !p.isKw("if") {
		return false, nil
	}
	p.i++
	return true, p.expectKw("exists")
}

// drop reads DROP TABLE, DROP INDEX and DROP DATABASE.
func (p *parser) drop() (Stmt, error) {
	p.i++
	switch {
	case p.acceptKw("table"):
		ie, err := p.ifExists()
		if err != nil {
			return nil, err
		}
		tn, err := p.tableName()
		if err != nil {
			return nil, err
		}
		if !p.acceptKw("cascade") {
			p.acceptKw("restrict")
		}
		return &DropTable{IfExists: ie, Table: tn}, nil
	case p.acceptKw("index"):
		ie, err := p.ifExists()
		if err != nil {
			return nil, err
		}
		n, err := p.ident("an index name")
		return &DropIndex{IfExists: ie, Name: n}, err
	case p.acceptKw("database"):
		n, err := p.ident("a database name")
		return &DropDatabase{Name: n}, err
	}
	return nil, p.errHere("expected TABLE, INDEX or DATABASE")
}

func (p *parser) truncate() (Stmt, error) {
	p.i++
	p.acceptKw("table")
	p.acceptKw("only")
	tn, err := p.tableName()
	if err != nil {
		return nil, err
	}
	if p.acceptKw("reuse") || p.acceptKw("drop") {
		if err := p.expectKw("storage"); err != nil {
			return nil, err
		}
	}
	return &Truncate{Table: tn}, nil
}

func (p *parser) updateStatistics() (Stmt, error) {
	p.rest()
	return &UpdateStatistics{}, nil
}
