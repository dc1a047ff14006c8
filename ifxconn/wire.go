package ifxconn

import (
	"strings"

	"github.com/go-informix/informix/sqli"
)

// answer collects what one answer group (the server's messages up to its
// SQ_EOT) carried, for the requests other than fetches.
type answer struct {
	what string // the request, for error messages, e.g. "SQ_PREPARE"

	describe      *sqli.Describe // SQ_DESCRIBE, copied
	params        []sqli.IDescribeParam
	done          *sqli.Done // the last SQ_DONE, copied
	insertDone    *sqli.InsertDone
	protocols     []byte       // SQ_PROTOCOLS bitmap, copied; only when wantProtocols
	err           *ServerError // the first SQ_ERR
	wantProtocols bool
}

// sessionInfo returns the SQ_INFO sent after SQ_PROTOCOLS, as IBM JDBC
// sends it: DBTEMP=/tmp and SUBQCACHESZ=10 (SQLI.md §3.8; every golden of
// conformance/testdata/jdbc), with OPTOFC between them when it is on, where
// JDBC puts it when its URL sets OPTOFC=1 ([J]: ifxtest's wire log of JDBC
// 15.0.0.1.1). See optofc for when it is.
func sessionInfo(cfg *Config) *sqli.Info {
	env := []sqli.EnvVar{{Name: "DBTEMP", Value: "/tmp"}}
	if v := optofc(cfg); v != "" {
		env = append(env, sqli.EnvVar{Name: "OPTOFC", Value: v})
	}
	return &sqli.Info{Env: append(env, sqli.EnvVar{Name: "SUBQCACHESZ", Value: "10"})}
}

// optofc returns the OPTOFC value to send: Config.Env's, "1" when Env has
// none, and "" (send nothing; the server's default is 0) for an explicit
// "0". OPTOFC=1 makes the server close a cursor itself after its last row
// and say so with an SQ_CLOSE in the fetch answer (IBM ESQL/C "Optimize
// OPEN, FETCH, and CLOSE"; SQLI.md §6.14 [W]), so a result read to its end
// costs no SQ_CLOSE round trip: a one-row SELECT takes one round trip
// instead of JDBC's two. The driver closes the cursor itself whenever no
// server SQ_CLOSE came, so a server that ignores OPTOFC costs nothing.
func optofc(cfg *Config) string {
	for _, v := range cfg.Env {
		if strings.EqualFold(v.Name, "OPTOFC") {
			if v.Value == "0" {
				return ""
			}
			return v.Value
		}
	}
	return "1"
}

// queue appends msgs and SQ_EOT to the connection's request queue.
func (o *op) queue(msgs ...sqli.ClientMessage) {
	for _, m := range msgs {
		o.c.w.Send(m)
	}
	o.c.w.Send(&sqli.EOT{})
}

// roundTrip sends msgs and SQ_EOT as one request group and reads the
// answer group into a. An SQ_ERR in the answer is not a failure of the
// round trip: it is left in a.err, and the connection stays usable. The
// returned error is a failure that poisoned the connection or, after an
// interrupt, the context's error (see settle).
func (o *op) roundTrip(a *answer, msgs ...sqli.ClientMessage) error {
	if a.what == "" && len(msgs) > 0 {
		a.what = msgs[0].Tag().String()
	}
	o.queue(msgs...)
	if err := o.send(); err != nil {
		return err
	}
	if err := o.readAnswer(a); err != nil {
		return err
	}
	return o.settle(a.err)
}

// readAnswer reads messages up to SQ_EOT into a. A message that does not
// belong in a statement's answer poisons the connection.
func (o *op) readAnswer(a *answer) error {
	for {
		m, err := o.next()
		if err != nil {
			return err
		}
		switch m := m.(type) {
		case *sqli.EOT:
			return nil
		case *sqli.Describe:
			d := *m
			a.describe = &d
		case *sqli.IDescribe:
			a.params = append([]sqli.IDescribeParam(nil), m.Params...)
		case *sqli.Done:
			d := *m
			a.done = &d
		case *sqli.InsertDone:
			d := *m
			a.insertDone = &d
		case *sqli.ErrorResponse:
			if a.err == nil {
				a.err = serverError(m, "")
			}
		case *sqli.Cost, *sqli.XactStat:
			// Estimates and transaction events: nothing to act on
			// (SQLI.md §6.9, §6.16; open question 4).
		case *sqli.Protocols:
			if !a.wantProtocols {
				return o.violate(a.what, m)
			}
			a.protocols = append([]byte(nil), m.Bitmap...)
		default:
			return o.violate(a.what, m)
		}
	}
}

// violate poisons the connection for message m, which does not belong in
// the answer to what.
func (o *op) violate(what string, m sqli.ServerMessage) error {
	err := violation(what, m)
	o.c.poison(err)
	return o.fail(err)
}

// settle decides, once an answer has been read to its SQ_EOT, what an
// interrupt sent during it means (SQLI.md §7.9). If none was sent it
// returns nil. If the answer carried -213 the interrupt was consumed: the
// connection is in step and stays usable, and the context's error is
// returned, wrapping the -213. Otherwise the statement had finished before
// the urgent byte arrived, which now waits at the server to interrupt the
// next statement: the connection is poisoned.
func (o *op) settle(se *ServerError) error {
	o.mu.Lock()
	interrupted := o.interrupted
	o.interrupted = false
	o.mu.Unlock()
	if !interrupted {
		return nil
	}
	if se != nil && se.SQLCode == codeInterrupted {
		return o.fail(se)
	}
	o.c.poison(errInterruptUnconsumed)
	return o.fail(errInterruptUnconsumed)
}

// serverError converts an SQ_ERR for statement text sql.
func serverError(m *sqli.ErrorResponse, sql string) *ServerError {
	return &ServerError{SQLCode: int(m.SQLCode), ISAMCode: int(m.ISAMCode), Offset: int(m.Offset), Message: m.Message, SQL: sql}
}
