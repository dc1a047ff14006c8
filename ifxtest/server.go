package ifxtest

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"sync"

	"github.com/go-informix/informix/ifxtest/internal/engine"
)

// Server is a running SQLI server. Each accepted connection is served by
// its own goroutine with its own engine session; the databases are shared.
// The methods of a Server are safe for concurrent use.
type Server struct {
	cfg    *resolved
	ln     net.Listener
	eng    *engine.Engine
	replay replaySet // the replay tables by lower-case name; nil without any

	ctx    context.Context // cancelled by Close; every connection's context derives from it
	cancel context.CancelFunc

	mu     sync.Mutex
	conns  map[*conn]struct{}
	nextID uint64
	closed bool

	wg       sync.WaitGroup // the accept loop and every connection goroutine
	closeErr error
	once     sync.Once
}

// Start starts a server with cfg: it creates the databases, encodes the
// replay tables' rows, starts listening and returns once connections can
// be accepted. Errors in cfg (a duplicate database, bad TLS files, a row
// a replay table's columns cannot hold, an address in use) are reported
// here.
func Start(cfg Config) (*Server, error) {
	r, err := cfg.resolve()
	if err != nil {
		return nil, err
	}
	replay, err := newReplaySet(r.Replay, r.codeSets())
	if err != nil {
		return nil, err
	}
	eng, err := engine.New(r.engineConfig())
	if err != nil {
		return nil, fmt.Errorf("ifxtest: start engine: %w", err)
	}
	ln, err := net.Listen("tcp", r.Addr)
	if err != nil {
		eng.Close()
		return nil, fmt.Errorf("ifxtest: listen: %w", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &Server{cfg: r, ln: ln, eng: eng, replay: replay, ctx: ctx, cancel: cancel, conns: make(map[*conn]struct{})}
	s.wg.Add(1)
	go s.acceptLoop()
	return s, nil
}

// Addr returns the address the server listens on, as host:port.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// DSN returns the go-informix URL that connects to database on this
// server: informix://USER:PASSWORD@HOST:PORT/DATABASE?server=NAME, with the
// configured user whose name sorts first and that user's password,
// percent-encoded as a URL requires.
func (s *Server) DSN(database string) string { return s.cfg.dsn(s.ln.Addr(), database) }

// Close stops the server: it closes the listener and every connection
// (a running statement is cancelled), waits until their goroutines have
// ended, and closes the engine. It returns the first error met and is
// safe to call more than once.
func (s *Server) Close() error {
	s.once.Do(func() {
		s.mu.Lock()
		s.closed = true
		conns := make([]*conn, 0, len(s.conns))
		for c := range s.conns {
			conns = append(conns, c)
		}
		s.mu.Unlock()
		s.cancel()
		err := s.ln.Close()
		for _, c := range conns {
			c.raw.Close()
		}
		s.wg.Wait()
		if eerr := s.eng.Close(); err == nil {
			err = eerr
		}
		s.closeErr = err
	})
	return s.closeErr
}

// acceptLoop accepts connections until the listener is closed.
func (s *Server) acceptLoop() {
	defer s.wg.Done()
	for {
		nc, err := s.ln.Accept()
		if err != nil {
			if !errors.Is(err, net.ErrClosed) {
				s.logf("ifxtest: accept: %v", err)
			}
			return
		}
		s.startConn(nc)
	}
}

// startConn registers a new connection and starts its goroutine, or
// closes it at once when the server is closing.
func (s *Server) startConn(nc net.Conn) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		nc.Close()
		return
	}
	s.nextID++
	c := newConn(s, s.nextID, nc)
	s.conns[c] = struct{}{}
	s.wg.Add(1)
	s.mu.Unlock()
	go func() {
		defer s.wg.Done()
		c.serve()
		s.mu.Lock()
		delete(s.conns, c)
		s.mu.Unlock()
	}()
}

// logf reports a diagnostic through Config.Logf, if set.
func (s *Server) logf(format string, args ...any) {
	if s.cfg.Logf != nil {
		s.cfg.Logf(format, args...)
	}
}

// wrapTLS returns nc wrapped for TLS when the server serves TLS.
func (s *Server) wrapTLS(nc net.Conn) net.Conn {
	if s.cfg.tls == nil {
		return nc
	}
	return tls.Server(nc, s.cfg.tls)
}
