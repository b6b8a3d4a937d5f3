//go:build wasm

package main

// Two cuts in the start of the Go program, so that the runtime's and the
// packages' initialisation is three browser tasks rather than one (issue
// 18: Total Blocking Time; internal/initslice says where each falls).
import (
	_ "github.com/annotator/annotator/internal/initslice"
	_ "github.com/annotator/annotator/internal/initslice/late"
)
