//go:build !wasm

package main

import (
	"flag"
	"net"
	"testing"
)

// Fetching is on for a host on a loopback address, off on others, and
// -fetch decides when given.
func TestFetchEnabled(t *testing.T) {
	addr := func(s string) net.Addr {
		a, err := net.ResolveTCPAddr("tcp", s)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	loopback := []string{"127.0.0.1:8000", "[::1]:8000", "127.0.0.2:80"}
	network := []string{"0.0.0.0:8000", "[::]:8000", "192.0.2.10:80", "[2001:db8::1]:80"}
	for _, s := range loopback {
		if !fetchEnabled(addr(s)) {
			t.Errorf("%s: off without -fetch", s)
		}
	}
	for _, s := range network {
		if fetchEnabled(addr(s)) {
			t.Errorf("%s: on without -fetch", s)
		}
	}
	defer flag.Set("fetch", "false")
	flag.Set("fetch", "true")
	if !fetchEnabled(addr("0.0.0.0:8000")) {
		t.Error("-fetch did not turn it on")
	}
	flag.Set("fetch", "false")
	if fetchEnabled(addr("127.0.0.1:8000")) {
		t.Error("-fetch=false did not turn it off")
	}
}
