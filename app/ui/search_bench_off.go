//go:build wasm && !searchbench

package ui

// startBench does nothing: the search benchmark's hook and its corpus are
// built only with -tags searchbench (search_bench_hook.go).
func startBench() {}
