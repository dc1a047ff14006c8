package transcript

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"github.com/go-informix/informix/sqli"
)

// CollectCaseBinds adds to into, for every client SQ_BIND of a transcript
// that binds two values of which the first is an INTEGER (the id of a
// types.tsv case, as the types scenario binds them), the second value by
// that id. Its bytes are copied.
func CollectCaseBinds(lines []string, into map[int]sqli.BindValue) error {
	for _, l := range lines {
		dir, name, raw, ok := ParseLine(l)
		if !ok || dir != "C" || name != "SQ_BIND" {
			continue
		}
		r := sqli.NewBytesReader(raw)
		var b sqli.Bind
		if _, err := r.ReadTag(); err != nil {
			return fmt.Errorf("transcript: %s: %w", clip(l), err)
		}
		if err := b.Decode(r); err != nil {
			return fmt.Errorf("transcript: decode %s: %w", clip(l), err)
		}
		if len(b.Values) != 2 || b.Values[0].Type != sqli.TypeInteger || len(b.Values[0].Data) != 4 {
			continue
		}
		v := b.Values[1]
		v.Data = bytes.Clone(v.Data)
		into[int(int32(binary.BigEndian.Uint32(b.Values[0].Data)))] = v
	}
	return nil
}
