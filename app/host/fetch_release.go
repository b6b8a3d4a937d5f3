//go:build !wasm && !e2efetch

package host

import "net/netip"

// e2eFetchServer: the host fetches public addresses only. Hosts built for
// the end-to-end tests (-tags e2efetch, fetch_e2e.go) may also reach the
// tests' own page server; this build, every real one, reads no setting
// that could widen the policy.
func e2eFetchServer() (netip.AddrPort, bool) { return netip.AddrPort{}, false }
