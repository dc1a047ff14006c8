package engine

import (
	"database/sql/driver"

	"github.com/go-informix/informix/ifxtype"
	"modernc.org/sqlite"
)

// decimalAgg is SUM or AVG over integers or DECIMAL keys, computed
// exactly as a Decimal; the result is a DECIMAL key, NULL over no values.
type decimalAgg struct {
	avg   bool
	fromI bool // the inputs are integers, not keys
	sum   ifxtype.Decimal
	n     int64
}

// Step adds one value; NULL is skipped.
func (a *decimalAgg) Step(_ *sqlite.FunctionContext, args []driver.Value) error {
	if args[0] == nil {
		return nil
	}
	var d ifxtype.Decimal
	if a.fromI {
		n, ok := argInt(args[0])
		if !ok {
			return funcError(ifxErr(errTypeConversion, ""))
		}
		d = ifxtype.DecimalFromInt64(n)
	} else {
		var ok bool
		if d, ok = decArg(args[0]); !ok {
			return funcError(ifxErr(errTypeConversion, ""))
		}
	}
	a.sum, a.n = decAdd(a.sum, d), a.n+1
	return nil
}

// WindowInverse is not supported: the engine never uses these aggregates
// as window functions.
func (a *decimalAgg) WindowInverse(_ *sqlite.FunctionContext, args []driver.Value) error {
	return funcError(ifxErr(errSyntax, ""))
}

// WindowValue returns the sum or the average as a DECIMAL key.
func (a *decimalAgg) WindowValue(_ *sqlite.FunctionContext) (driver.Value, error) {
	if a.n == 0 {
		return nil, nil
	}
	r := a.sum
	if a.avg {
		var err *Error
		if r, err = decDiv(a.sum, ifxtype.DecimalFromInt64(a.n)); err != nil {
			return nil, funcError(err)
		}
	}
	k, err := decKey(r)
	if err != nil {
		return nil, funcError(err)
	}
	return k, nil
}

// Final has nothing to release.
func (a *decimalAgg) Final(_ *sqlite.FunctionContext) {}

// registerAggregates registers ifx_sum_int, ifx_sum_dec, ifx_avg_int and
// ifx_avg_dec.
func registerAggregates() {
	for _, f := range []struct {
		name       string
		avg, fromI bool
	}{{"ifx_sum_int", false, true}, {"ifx_sum_dec", false, false}, {"ifx_avg_int", true, true}, {"ifx_avg_dec", true, false}} {
		avg, fromI := f.avg, f.fromI
		sqlite.MustRegisterFunction(f.name, &sqlite.FunctionImpl{NArgs: 1, Deterministic: true,
			MakeAggregate: func(sqlite.FunctionContext) (sqlite.AggregateFunction, error) {
				return &decimalAgg{avg: avg, fromI: fromI}, nil
			}})
	}
}
