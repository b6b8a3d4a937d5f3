//go:build !wasm && e2efetch

package host

import (
	"net/netip"
	"os"
)

// e2eFetchServer: in a host built with -tags e2efetch, and only there,
// /api/fetch may also reach the one server that the end-to-end tests name
// in ANNOTATOR_E2E_FETCH_SERVER (ip:port, on a loopback address), so that
// a test can add a page by its address through the app against a page
// server of its own: the real policy refuses every loopback address.
// Only e2e/ builds such a binary (e2e/fetch_test.go), into its scratch
// folder; make build, make run and the static build never do, and the
// host they build has no way to widen what it fetches (fetch_release.go).
func e2eFetchServer() (netip.AddrPort, bool) {
	ap, err := netip.ParseAddrPort(os.Getenv("ANNOTATOR_E2E_FETCH_SERVER"))
	if err != nil || !ap.Addr().IsLoopback() {
		return netip.AddrPort{}, false
	}
	return ap, true
}
