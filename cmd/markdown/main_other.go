//go:build !wasm

package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "markdown is markdown.wasm: build it with GOOS=js GOARCH=wasm (make build does)")
	os.Exit(2)
}
