//go:build !wasm

package host

import (
	"bytes"
	"net"
	"net/http"
	"time"
)

// NewServer is the http.Server for a Host: timeouts that a slow or idle
// client cannot hold open forever, a 64 KB limit on request headers, and
// "OPTIONS *" handed to the Host (which answers 405 with the security
// headers) rather than answered by net/http itself. Serve it on
// Listener(ln).
func NewServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:                      h,
		ReadHeaderTimeout:            5 * time.Second,
		ReadTimeout:                  30 * time.Second,
		WriteTimeout:                 60 * time.Second,
		IdleTimeout:                  120 * time.Second,
		MaxHeaderBytes:               64 << 10,
		DisableGeneralOptionsHandler: true,
	}
}

// Listener wraps ln so that the answers net/http's server writes by itself,
// before any handler runs, carry the security headers too: 400 for a
// malformed request, 431 for headers over the limit, 501 for an unknown
// transfer coding, 505 for an unknown HTTP version, 417 for an unknown
// Expect. http.Server has no hook for them (it writes them straight to the
// connection), so the connection adds the headers to any response it
// writes that begins a write, closes the connection and has no
// Content-Security-Policy: every response of the Host's own carries one.
func Listener(ln net.Listener) net.Listener { return secureListener{ln} }

type secureListener struct{ net.Listener }

func (l secureListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return secureConn{c}, nil
}

type secureConn struct{ net.Conn }

func (c secureConn) Write(b []byte) (int, error) {
	if fixed, ok := withSecurityHeaders(b); ok {
		if _, err := c.Conn.Write(fixed); err != nil {
			return 0, err
		}
		return len(b), nil
	}
	return c.Conn.Write(b)
}

// securityHeaderLines are the security headers as HTTP/1.1 header lines.
var securityHeaderLines = func() []byte {
	h := http.Header{}
	setSecurityHeaders(h)
	var b bytes.Buffer
	h.Write(&b)
	return b.Bytes()
}()

// withSecurityHeaders returns b with the security headers after its status
// line when b is a whole HTTP/1.x response head (status 200 or more) that
// closes the connection and lacks them; ok is false for anything else.
func withSecurityHeaders(b []byte) (fixed []byte, ok bool) {
	const minHead = len("HTTP/1.1 400 X\r\n\r\n")
	if len(b) < minHead || !bytes.HasPrefix(b, []byte("HTTP/1.")) || b[9] < '2' || b[9] > '9' {
		return nil, false
	}
	end := bytes.Index(b, []byte("\r\n\r\n"))
	if end < 0 || end > 4096 {
		return nil, false
	}
	head := b[:end+2]
	if !bytes.Contains(head, []byte("\r\nConnection: close\r\n")) || bytes.Contains(head, []byte("\r\nContent-Security-Policy:")) {
		return nil, false
	}
	line := bytes.Index(b, []byte("\r\n")) + 2
	fixed = make([]byte, 0, len(b)+len(securityHeaderLines))
	fixed = append(fixed, b[:line]...)
	fixed = append(fixed, securityHeaderLines...)
	return append(fixed, b[line:]...), true
}
