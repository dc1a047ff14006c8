package sqli

import "math"

// infoEnvironment is the SQ_INFO item type of an environment block, the
// only one any source sends (SQLI.md §3.8).
const infoEnvironment = 6

// Info (SQ_INFO) sends the secondary environment after SQ_PROTOCOLS; JDBC
// sends DBTEMP=/tmp and SUBQCACHESZ=10, and the server answers SQ_EOT or an
// error group (SQLI.md §3.8; [J: S2 (formula); B: S4 (bytes); D: S3]).
//
// Layout: i16 tag, i16 6 (environment), i16 total, i16 maxKey, i16
// maxValue, per entry CHAR name and CHAR value (padded), then i16 0, i16 0.
// total is 6 + Σ (4 + even(len(name)) + even(len(value))), where even rounds
// up to an even number; maxKey and maxValue are the largest even(len(name))
// and even(len(value)). Encode computes all three.
//
// Decode reads the three words without checking them: S3 sends a total 2
// bytes larger than the formula and the server accepted it (SQLI.md §3.8
// [D: S3]), so a server must not be stricter. Open question (SQLI.md open
// question 14): whether SQ_INFO may be omitted, and what the two JDBC
// entries change.
type Info struct {
	// Env holds the entries in wire order. No Name is empty: an empty name
	// would read as the end marker. Decode caps the count with
	// Limits().MaxEnv.
	Env []EnvVar
}

// Tag returns TagInfo.
func (*Info) Tag() Tag       { return TagInfo }
func (*Info) clientMessage() {}

// Encode appends the message, refusing an empty name or a total that does
// not fit its int16.
func (m *Info) Encode(e *Encoder) {
	total, maxKey, maxValue := 6, 0, 0
	for i, v := range m.Env {
		if v.Name == "" {
			e.Failf("SQ_INFO entry %d: empty name", i)
			return
		}
		k, val := evenLen(v.Name), evenLen(v.Value)
		total += 4 + k + val
		maxKey, maxValue = max(maxKey, k), max(maxValue, val)
		if total > math.MaxInt16 {
			e.Failf("SQ_INFO: entries through %d total over %d bytes", i, math.MaxInt16)
			return
		}
	}
	e.Tag(TagInfo)
	e.Int16(infoEnvironment)
	e.Int16(int16(total))
	e.Int16(int16(maxKey))
	e.Int16(int16(maxValue))
	for _, v := range m.Env {
		e.Char(v.Name, "SQ_INFO name")
		e.Char(v.Value, "SQ_INFO value")
	}
	e.Int16(0)
	e.Int16(0)
}

// evenLen returns len(s) rounded up to an even number: the bytes a padded
// CHAR's content takes.
func evenLen(s string) int { return len(s) + len(s)%2 }

// Decode reads the entries up to the end marker, which must be two zero
// words, refusing an item type other than 6 and more than Limits().MaxEnv
// entries.
func (m *Info) Decode(r *Reader) error {
	m.Env = nil
	if t := r.Int16(); r.Err() == nil && t != infoEnvironment {
		r.Failf("SQ_INFO: item type %d, only %d (environment) is known", t, infoEnvironment)
	}
	r.Skip(6) // total, maxKey, maxValue: derived, not checked (see Info)
	for r.Err() == nil {
		name := r.Char("SQ_INFO name")
		if r.Err() == nil && len(name) == 0 {
			if v := r.Int16(); r.Err() == nil && v != 0 {
				r.Failf("SQ_INFO: end marker 0, %d where 0, 0 belongs", v)
			}
			break
		}
		if limit := r.Limits().MaxEnv; len(m.Env) == limit {
			r.Fail(&LimitError{What: "SQ_INFO entries", Limit: limit, Got: int64(limit + 1)})
			break
		}
		value := r.String("SQ_INFO value")
		if r.Err() == nil {
			m.Env = append(m.Env, EnvVar{Name: string(name), Value: value})
		}
	}
	return r.Err()
}
