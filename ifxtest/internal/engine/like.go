package engine

// likeToken is one element of a compiled LIKE or MATCHES pattern.
type likeToken struct {
	kind  byte // 'c' literal rune, '1' any one rune, '*' any run, '[' class
	r     rune
	class []classRange
	neg   bool
}

type classRange struct{ lo, hi rune }

// compileLike reads a pattern: for LIKE, % matches any run of characters
// and _ any one; for MATCHES, * any run, ? any one and [...] a class
// ([^...] negated, a-z a range). The escape character makes the next one
// literal (IBM Guide to SQL: Syntax, "LIKE and MATCHES Condition"). A
// malformed class is treated as literal text.
func compileLike(pat []rune, esc rune, matches bool) []likeToken {
	var toks []likeToken
	for i := 0; i < len(pat); i++ {
		r := pat[i]
		switch {
		case esc != 0 && r == esc && i+1 < len(pat):
			i++
			toks = append(toks, likeToken{kind: 'c', r: pat[i]})
		case !matches && r == '%', matches && r == '*':
			toks = append(toks, likeToken{kind: '*'})
		case !matches && r == '_', matches && r == '?':
			toks = append(toks, likeToken{kind: '1'})
		case matches && r == '[':
			tok, n := parseClass(pat[i+1:])
			if n < 0 {
				toks = append(toks, likeToken{kind: 'c', r: r})
				continue
			}
			toks = append(toks, tok)
			i += n
		default:
			toks = append(toks, likeToken{kind: 'c', r: r})
		}
	}
	return toks
}

// parseClass reads a class after '[' and returns how many runes it used
// (the closing ']' included), or -1 when it is not closed.
func parseClass(p []rune) (likeToken, int) {
	tok := likeToken{kind: '['}
	i := 0
	if i < len(p) && p[i] == '^' {
		tok.neg = true
		i++
	}
	for ; i < len(p); i++ {
		if p[i] == ']' && (i > 0 && !(tok.neg && i == 1)) {
			return tok, i + 1
		}
		lo, hi := p[i], p[i]
		if i+2 < len(p) && p[i+1] == '-' && p[i+2] != ']' {
			hi = p[i+2]
			i += 2
		}
		tok.class = append(tok.class, classRange{lo, hi})
	}
	return tok, -1
}

func (t likeToken) matches(r rune) bool {
	switch t.kind {
	case 'c':
		return r == t.r
	case '1':
		return true
	case '[':
		in := false
		for _, cr := range t.class {
			if r >= cr.lo && r <= cr.hi {
				in = true
				break
			}
		}
		return in != t.neg
	}
	return false
}

// likeMatch reports whether s matches the compiled pattern, by dynamic
// programming over runes (no backtracking blow-up).
func likeMatch(s []rune, toks []likeToken) bool {
	// cur[j] reports whether toks[:j] matches the runes read so far.
	cur := make([]bool, len(toks)+1)
	next := make([]bool, len(toks)+1)
	cur[0] = true
	for j := 1; j <= len(toks) && toks[j-1].kind == '*'; j++ {
		cur[j] = true
	}
	for _, r := range s {
		next[0] = false
		for j := 1; j <= len(toks); j++ {
			t := toks[j-1]
			if t.kind == '*' {
				next[j] = next[j-1] || cur[j]
			} else {
				next[j] = cur[j-1] && t.matches(r)
			}
		}
		cur, next = next, cur
	}
	return cur[len(toks)]
}
