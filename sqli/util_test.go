package sqli

import "errors"

// asLimit reports whether err is or wraps a *LimitError, storing it in *le.
func asLimit(err error, le **LimitError) bool { return errors.As(err, le) }
