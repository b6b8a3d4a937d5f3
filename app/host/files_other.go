//go:build !unix && !wasm

package host

const openNonBlock = 0
