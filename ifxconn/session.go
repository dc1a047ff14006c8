package ifxconn

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// negotiate sends JDBC's SQ_PROTOCOLS offer, SQ_ACK when the answer grants
// feature 44 or 59 (as JDBC does: docs/protocol.md, the choices table),
// and SQ_INFO (SQLI.md §3.5–§3.8).
func (c *Conn) negotiate(ctx context.Context) error {
	o, err := c.begin(ctx, "negotiate features", nil)
	if err != nil {
		return err
	}
	defer o.end()
	a := answer{wantProtocols: true}
	if err := o.roundTrip(&a, &sqli.Protocols{Bitmap: sqli.JDBCFeatureOffer()}); err != nil {
		return err
	}
	if a.protocols == nil {
		err := fmt.Errorf("%w: no SQ_PROTOCOLS in the answer to SQ_PROTOCOLS", errProtocol)
		c.poison(err)
		return o.fail(err)
	}
	c.features = sqli.FeaturesOf(a.protocols)
	c.r.Features = c.features
	c.w.SetFeatures(c.features)
	if sqli.HasFeature(a.protocols, sqli.FeaturePAM) || sqli.HasFeature(a.protocols, featurePrivateServer) {
		var ack answer
		if err := o.roundTrip(&ack, &sqli.Ack{}); err != nil {
			return err
		}
		if ack.err != nil {
			return ack.err
		}
	}
	var info answer
	if err := o.roundTrip(&info, sessionInfo(&c.cfg)); err != nil {
		return err
	}
	if info.err != nil {
		return info.err
	}
	return nil
}

// featurePrivateServer is feature 59, private-server authentication
// (SQLI.md §3.6), one of the two grants after which JDBC sends SQ_ACK.
const featurePrivateServer = 59

// openDatabase sends SQ_DBOPEN and keeps the properties its SQ_DONE
// reports (SQLI.md §3.9): logging and ANSI mode.
func (c *Conn) openDatabase(ctx context.Context) error {
	if c.cfg.Database == "" {
		return nil
	}
	o, err := c.begin(ctx, "open database", nil)
	if err != nil {
		return err
	}
	defer o.end()
	var a answer
	if err := o.roundTrip(&a, &sqli.DBOpen{Database: c.cfg.Database}); err != nil {
		return err
	}
	if a.err != nil {
		return a.err
	}
	if a.done == nil {
		err := fmt.Errorf("%w: no SQ_DONE in the answer to SQ_DBOPEN", errProtocol)
		c.poison(err)
		return o.fail(err)
	}
	c.db.Name = c.cfg.Database
	c.db.Logged = a.done.Warnings&sqli.DoneLogged != 0
	c.db.ANSI = a.done.Warnings&sqli.DoneANSI != 0
	return nil
}

// pickCodeSet chooses the code set of character data: DB_LOCALE's when
// configured, else the database's own locale (JDBC's GL_COLLATE lookup),
// else CLIENT_LOCALE's. TYPES.md §7 recommends the database's code set;
// TYPES.md open question 12 (whether a server converts to CLIENT_LOCALE)
// is open, and both oracles convert on the client (docs/protocol.md, SQLI
// open question 17).
func (c *Conn) pickCodeSet(ctx context.Context) error {
	locale := c.cfg.DBLocale
	if locale == "" && c.db.Name != "" {
		var err error
		if locale, err = c.databaseLocale(ctx); err != nil {
			return err
		}
	}
	if locale == "" {
		locale = c.cfg.ClientLocale
	}
	if locale == "" {
		locale = DefaultClientLocale
	}
	cs, err := ifxtype.LookupCodeSet(locale)
	if err != nil {
		return fmt.Errorf("choose the code set of locale %q: %w", locale, err)
	}
	c.db.Locale, c.db.CodeSet = locale, cs
	return nil
}

// databaseLocale runs JDBC's GL_COLLATE lookup through the same PREPARE,
// OPEN, FETCH, CLOSE and RELEASE groups JDBC uses. In an ANSI database JDBC
// first sets DIRTY READ, and REPEATABLE READ (the ANSI default) after it,
// each committed ([J]: ifxtest's wire log of JDBC opening an ANSI
// database); ifxconn does the same.
func (c *Conn) databaseLocale(ctx context.Context) (string, error) {
	if c.db.ANSI {
		if _, err := c.Exec(ctx, "set isolation to dirty read", nil); err != nil {
			return "", err
		}
	}
	rows, err := c.Query(ctx, glCollateSQL, nil)
	if err != nil {
		return "", err
	}
	dest := make([]any, len(rows.Columns()))
	err = rows.Next(dest)
	locale := ""
	switch {
	case err == io.EOF:
		locale = defaultDBLocale
	case err == nil:
		s, _ := dest[0].(string)
		locale = strings.TrimSpace(s)
	}
	if cerr := rows.Close(); err == nil || err == io.EOF {
		err = cerr
	}
	if err != nil {
		return "", err
	}
	if c.db.ANSI {
		if _, err := c.Exec(ctx, "set isolation to repeatable read", nil); err != nil {
			return "", err
		}
	}
	return locale, nil
}

// applySettings applies Config.LockWait and Config.Isolation with SQL
// (SQLI.md §7.5: SET LOCK MODE, SET ISOLATION).
func (c *Conn) applySettings(ctx context.Context) error {
	var stmts []string
	if w := c.cfg.LockWait; w != nil {
		switch {
		case *w < 0:
			stmts = append(stmts, "SET LOCK MODE TO WAIT")
		case *w == 0:
			stmts = append(stmts, "SET LOCK MODE TO NOT WAIT")
		default:
			stmts = append(stmts, "SET LOCK MODE TO WAIT "+strconv.Itoa(*w))
		}
	}
	if c.cfg.Isolation != "" {
		stmts = append(stmts, "SET ISOLATION TO "+c.cfg.Isolation)
	}
	for _, s := range stmts {
		if _, err := c.Exec(ctx, s, nil); err != nil {
			return err
		}
	}
	return nil
}
