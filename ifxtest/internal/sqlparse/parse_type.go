package sqlparse

import "strings"

// typeAliases maps the spellings of a type's first word to its canonical
// name in TypeName.Base.
var typeAliases = map[string]string{
	"smallint": "SMALLINT", "integer": "INTEGER", "int": "INTEGER", "int8": "INT8",
	"bigint": "BIGINT", "serial": "SERIAL", "serial8": "SERIAL8", "bigserial": "BIGSERIAL",
	"smallfloat": "SMALLFLOAT", "real": "SMALLFLOAT", "float": "FLOAT", "double": "FLOAT",
	"decimal": "DECIMAL", "dec": "DECIMAL", "numeric": "DECIMAL", "money": "MONEY",
	"date": "DATE", "datetime": "DATETIME", "interval": "INTERVAL",
	"char": "CHAR", "character": "CHAR", "nchar": "NCHAR", "varchar": "VARCHAR",
	"nvarchar": "NVARCHAR", "lvarchar": "LVARCHAR", "boolean": "BOOLEAN",
	"text": "TEXT", "byte": "BYTE",
}

// maxTypeParams is how many numbers each type accepts in parentheses.
var maxTypeParams = map[string]int{
	"SERIAL": 1, "SERIAL8": 1, "BIGSERIAL": 1, "FLOAT": 1, "DECIMAL": 2, "MONEY": 2,
	"CHAR": 1, "NCHAR": 1, "VARCHAR": 2, "NVARCHAR": 2, "LVARCHAR": 1,
}

// typeName reads a data type.
func (p *parser) typeName() (TypeName, error) {
	t := p.peek()
	base, ok := typeAliases[t.Lower]
	if t.Kind != Ident || !ok {
		return TypeName{}, p.errHere("expected a data type")
	}
	p.i++
	tn := TypeName{Base: base, At: t.Pos}
	switch {
	case t.Lower == "double":
		if err := p.expectKw("precision"); err != nil {
			return tn, err
		}
	case base == "CHAR" && p.isKw("varying"):
		p.i++
		tn.Base = "VARCHAR"
	case base == "DATETIME" || base == "INTERVAL":
		q, err := p.qualifier(base == "INTERVAL")
		q.Base, q.At = base, t.Pos
		return q, err
	}
	return tn, p.typeParams(&tn)
}

// typeParams reads the optional (n[,m]) after a type name.
func (p *parser) typeParams(tn *TypeName) error {
	if !p.isOp("(") {
		return nil
	}
	max := maxTypeParams[tn.Base]
	if max == 0 {
		return p.errHere("this type takes no parameters")
	}
	p.i++
	tn.HasParams = true
	for {
		n, err := p.intLit("a number")
		if err != nil {
			return err
		}
		tn.Params = append(tn.Params, n)
		if len(tn.Params) == max || !p.acceptOp(",") {
			break
		}
	}
	return p.expectOp(")")
}

var unitNames = map[string]bool{"year": true, "month": true, "day": true, "hour": true, "minute": true, "second": true, "fraction": true}

func isUnit(t Token) bool { return t.Kind == Ident && unitNames[t.Lower] }

// qualifier reads start[(n)] TO end[(n)]. For a DATETIME a precision is
// only allowed on a FRACTION end; for an INTERVAL also on the start unit.
func (p *parser) qualifier(interval bool) (TypeName, error) {
	var q TypeName
	q.Base = "DATETIME"
	if interval {
		q.Base = "INTERVAL"
	}
	q.At = p.peek().Pos
	if !isUnit(p.peek()) {
		return q, p.errHere("expected YEAR, MONTH, DAY, HOUR, MINUTE, SECOND or FRACTION")
	}
	q.Start = p.next().Lower
	if interval && q.Start != "fraction" && p.isOp("(") {
		n, err := p.unitPrecision()
		if err != nil {
			return q, err
		}
		q.Prec = n
	}
	if !p.acceptKw("to") {
		q.End = q.Start
		return q, nil
	}
	if !isUnit(p.peek()) {
		return q, p.errHere("expected a time unit after TO")
	}
	q.End = p.next().Lower
	if q.End == "fraction" && p.isOp("(") {
		n, err := p.unitPrecision()
		if err != nil {
			return q, err
		}
		q.EndFrac = n
	}
	return q, nil
}

func (p *parser) unitPrecision() (int, error) {
	p.i++ // (
	n, err := p.intLit("a precision")
	if err != nil {
		return 0, err
	}
	if n < 1 || n > 9 {
		p.i--
		return 0, p.errHere("precision out of range")
	}
	return int(n), p.expectOp(")")
}

// String returns the type as SQL text, for messages.
func (tn TypeName) String() string {
	s := tn.Base
	if tn.Start != "" {
		s += " " + strings.ToUpper(tn.Start) + " TO " + strings.ToUpper(tn.End)
	}
	return s
}
