package depcheck

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/go-informix/informix"

// driverPackages are the packages a program importing the driver links.
var driverPackages = []string{module + "/sqli", module + "/ifxtype", module + "/ifxconn", module}

// TestDriverDependencies runs `go list -deps` over the driver's packages and
// requires every dependency to be in the standard library, in
// golang.org/x/text, or in this module.
func TestDriverDependencies(t *testing.T) {
	args := append([]string{"list", "-deps", "-f", "{{.ImportPath}} {{.Standard}}"}, driverPackages...)
	out, err := exec.Command("go", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	seen := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		path, std, _ := strings.Cut(line, " ")
		seen++
		switch {
		case std == "true":
		case path == module || strings.HasPrefix(path, module+"/"):
		case path == "golang.org/x/text" || strings.HasPrefix(path, "golang.org/x/text/"):
		default:
			t.Errorf("%s depends on %s, which is neither the standard library, golang.org/x/text nor this module", strings.Join(driverPackages, ", "), path)
		}
	}
	if seen < len(driverPackages) {
		t.Fatalf("go list printed %d packages; expected at least the driver's own", seen)
	}
}
