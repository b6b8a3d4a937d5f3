//go:build unix && !wasm

package host

import "syscall"

const openNonBlock = syscall.O_NONBLOCK
