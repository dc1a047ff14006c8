package informix

import (
	"context"
	"database/sql"
	"database/sql/driver"
)

// DriverName is the name the driver is registered under with database/sql.
const DriverName = "informix"

func init() { sql.Register(DriverName, &Driver{}) }

// Driver is the database/sql driver for Informix, registered as "informix".
// It holds no state.
type Driver struct{}

var (
	_ driver.Driver        = (*Driver)(nil)
	_ driver.DriverContext = (*Driver)(nil)
)

// Open opens one connection to dsn. database/sql calls OpenConnector
// instead, which parses the DSN once.
func (d *Driver) Open(dsn string) (driver.Conn, error) {
	c, err := d.OpenConnector(dsn)
	if err != nil {
		return nil, err
	}
	return c.Connect(context.Background())
}

// OpenConnector parses dsn (see ParseDSN) and returns a Connector for it.
func (d *Driver) OpenConnector(dsn string) (driver.Connector, error) {
	cfg, err := ParseDSN(dsn)
	if err != nil {
		return nil, err
	}
	return NewConnector(cfg)
}
