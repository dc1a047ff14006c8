package informix

import (
	"context"
	"database/sql/driver"

	"github.com/go-informix/informix/ifxconn"
)

// Connector opens connections with one Config; use it with sql.OpenDB. It
// holds its own copy of the Config, built once, so it is safe for
// concurrent use and unaffected by later changes to the Config given to
// NewConnector.
type Connector struct {
	cfg  *Config
	conn *ifxconn.Config
}

var _ driver.Connector = (*Connector)(nil)

// NewConnector checks cfg, reads its TLS files and returns a Connector
// for it. Errors name the bad setting and never contain the password.
func NewConnector(cfg *Config) (driver.Connector, error) {
	own := cfg.clone()
	if err := own.validate(); err != nil {
		return nil, err
	}
	cc, err := own.connConfig()
	if err != nil {
		return nil, err
	}
	return &Connector{cfg: own, conn: cc}, nil
}

// Connect opens a connection: dial, TLS, login, database, then the lock
// mode and isolation the Config asks for. ctx and Config.ConnectTimeout
// bound it. It never returns driver.ErrBadConn: a connection that could
// not be opened is not a pooled connection gone bad.
func (k *Connector) Connect(ctx context.Context) (driver.Conn, error) {
	ic, err := ifxconn.Connect(ctx, k.conn)
	if err != nil {
		return nil, mapError("connect", err, false)
	}
	return &conn{ifx: ic, cfg: k.cfg}, nil
}

// Driver returns the package's Driver.
func (k *Connector) Driver() driver.Driver { return &Driver{} }
