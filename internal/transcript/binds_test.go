package transcript

import (
	"encoding/hex"
	"reflect"
	"testing"

	"github.com/go-informix/informix/sqli"
)

// TestCollectCaseBinds: the second value of a two-value SQ_BIND whose
// first is INTEGER 7 is kept under 7; server lines, other messages and
// binds of another shape are skipped.
func TestCollectCaseBinds(t *testing.T) {
	caseBind := &sqli.Bind{Values: []sqli.BindValue{
		{Type: sqli.TypeInteger, Data: []byte{0, 0, 0, 7}},
		{Type: sqli.TypeChar, Data: []byte{0, 2, 'h', 'i'}},
	}}
	oneValue := &sqli.Bind{Values: []sqli.BindValue{{Type: sqli.TypeInteger, Data: []byte{0, 0, 0, 8}}}}
	line := func(dir string, m sqli.ClientMessage) string {
		b, err := sqli.Encode(m, sqli.Features{})
		if err != nil {
			t.Fatal(err)
		}
		return dir + " SQ_BIND " + hex.EncodeToString(b)
	}
	got := map[int]sqli.BindValue{}
	lines := []string{line("C", caseBind), line("S", caseBind), line("C", oneValue), "C SQ_EOT 000c"}
	if err := CollectCaseBinds(lines, got); err != nil {
		t.Fatal(err)
	}
	want := map[int]sqli.BindValue{7: caseBind.Values[1]}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if err := CollectCaseBinds([]string{"C SQ_BIND 00050001"}, got); err == nil {
		t.Error("a truncated SQ_BIND was accepted")
	}
}
