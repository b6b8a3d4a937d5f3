//go:build !(wasm && searchbench)

package ui

// startBench does nothing: the search benchmark's hook is built only into
// an app.wasm made with -tags searchbench (search_bench_hook.go).
func startBench() {}
