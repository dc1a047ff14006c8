package engine

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Config configures an Engine.
type Config struct {
	// Databases lists the databases the engine serves from the start; more
	// are made by CREATE DATABASE.
	Databases []DatabaseConfig
	// Now is the clock for TODAY and CURRENT; nil means time.Now.
	Now func() time.Time
	// ServerVersion is what DBINFO('version','full') reports, e.g. "IBM
	// Informix Dynamic Server Version 15.0.0.1"; empty means that value.
	ServerVersion string
}

// DefaultServerVersion is the version string of an Engine whose Config
// leaves ServerVersion empty.
const DefaultServerVersion = "IBM Informix Dynamic Server Version 15.0.0.1"

// Engine runs Informix SQL for the sessions of one ifxtest server. It holds
// the databases, each an in-memory SQLite database with its own catalog of
// Informix types. An Engine is safe for concurrent use by many sessions.
type Engine struct {
	now     func() time.Time
	version string

	mu     sync.Mutex
	dbs    map[string]*database // by lower-case name
	closed bool

	nextSession atomic.Int64
}

// New starts an engine serving the configured databases. It fails on a
// duplicate or empty database name or an unknown locale.
func New(cfg Config) (*Engine, error) {
	e := &Engine{now: cfg.Now, version: cfg.ServerVersion, dbs: map[string]*database{}}
	if e.now == nil {
		e.now = time.Now
	}
	if e.version == "" {
		e.version = DefaultServerVersion
	}
	registerFunctions()
	for _, dc := range cfg.Databases {
		if _, err := e.createDatabase(dc); err != nil {
			e.Close()
			return nil, fmt.Errorf("ifxtest engine: database %q: %w", dc.Name, err)
		}
	}
	return e, nil
}

// Close releases every database. Sessions must not be used afterwards.
func (e *Engine) Close() error {
	e.mu.Lock()
	dbs := e.dbs
	e.dbs, e.closed = map[string]*database{}, true
	e.mu.Unlock()
	var first error
	for _, db := range dbs {
		if err := db.close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// createDatabase makes a new database; -330 if the name is taken.
func (e *Engine) createDatabase(dc DatabaseConfig) (*database, error) {
	name := strings.ToLower(strings.TrimSpace(dc.Name))
	if name == "" {
		return nil, fmt.Errorf("empty database name")
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil, fmt.Errorf("engine closed")
	}
	if _, dup := e.dbs[name]; dup {
		return nil, ifxErr(errDatabaseExists, name)
	}
	db, err := openDatabase(e, name, dc)
	if err != nil {
		return nil, err
	}
	e.dbs[name] = db
	return db, nil
}

// lookup returns the database called name, or nil.
func (e *Engine) lookup(name string) *database {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.dbs[strings.ToLower(name)]
}

// dropDatabase removes a database no session has open: -329 if it does not
// exist, -425 if another session has it open (sql_en_US.properties:
// "Database is currently opened by another user").
func (e *Engine) dropDatabase(name string) error {
	e.mu.Lock()
	db, ok := e.dbs[strings.ToLower(name)]
	if !ok {
		e.mu.Unlock()
		return ifxErrISAM(errNoDatabase, isamNoRecord, name)
	}
	if db.openSessions.Load() > 0 {
		e.mu.Unlock()
		return ifxErr(errDatabaseInUse, "")
	}
	delete(e.dbs, db.name)
	e.mu.Unlock()
	return db.close()
}
