package ifxtest

import (
	"strings"

	"github.com/go-informix/informix/sqli"
)

// optofcVar is the environment variable that turns on the server side of
// optimize-OPEN-FETCH-CLOSE: "1" enables it, anything else disables it,
// and it is off by default (IBM Informix Guide to SQL: Reference, "OPTOFC
// environment variable").
const optofcVar = "OPTOFC"

// noteEnv records an environment entry the session received, at login or
// in SQ_INFO, that changes the protocol layer's behaviour. Only OPTOFC
// does. IBM JDBC 15.0.0.1.1 sends it in SQ_INFO, between DBTEMP and
// SUBQCACHESZ, and not in the login environment ([J]: ifxtest wire log of
// JDBC with OPTOFC=1 in its URL); the login environment is honoured too,
// as it is the block an ESQL/C client's environment travels in [I].
func (c *conn) noteEnv(name, value string) {
	if strings.EqualFold(name, optofcVar) {
		c.optofc = strings.TrimSpace(value) == "1"
	}
}

// endResult completes a fetch answer that reached the end of the result:
// SQ_DONE with the rows sent (SQLI.md §6.9, §7.2), and, when the session
// enabled OPTOFC, a server SQ_CLOSE after it, the cursor then being closed
// here as on a client SQ_CLOSE.
//
// Evidence: IBM documents that with OPTOFC the server closes the cursor
// itself once it has sent the last row, so the client need not send CLOSE
// (ESQL/C Programmer's Manual, "Optimize OPEN, FETCH, and CLOSE"; JDBC
// Driver Guide, "Reduce network traffic"). SQLI.md §4 and §6.14 [W: S1;
// J: S2] name the server-sent SQ_CLOSE as the signal of an auto-closed
// cursor, and IBM JDBC 15.0.0.1.1 run against this server sends no
// SQ_CLOSE for a result whose last fetch answer carried one, while it
// still sends SQ_CLOSE for a result closed before its end ([J]: wire logs
// of JDBC against a build of this server that sent SQ_CLOSE).
//
// Open question: the order of SQ_DONE and SQ_CLOSE in a real server's
// answer, and whether SQ_DONE is sent at all then, are unrecorded; DONE
// then CLOSE is chosen [I]. JDBC accepted DONE then CLOSE, CLOSE then
// DONE, and CLOSE alone alike. A scroll cursor is not closed, since
// SQ_SFETCH may still move backwards from the end [I]. A later SQ_CLOSE of
// the auto-closed cursor does nothing, as IBM documents ("if you include
// the CLOSE statement, no error is generated").
func (c *conn) endResult(s *stmt) {
	c.w.Send(&sqli.Done{Rows: s.cursor.fetched})
	if !c.optofc || s.scroll {
		return
	}
	c.w.Send(&sqli.Close{})
	c.closeStatement(s)
}
