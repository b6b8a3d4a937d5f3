# Annotator. `make run` serves the app at http://127.0.0.1:8000;
# `make test` runs every test, installing what it needs.

GO        ?= go
ADDR      ?= 127.0.0.1:8000
ARTICLES  ?= articles
BIN       := bin/annotator
WASM      := web/app.wasm
MDWASM    := web/markdown.wasm
GOSRC     := $(shell find app cmd internal third_party -name '*.go' -not -name '*_test.go') go.mod go.sum
# Builds are reproducible (-trimpath), added to the GOFLAGS you already use.
override GOFLAGS := $(strip $(GOFLAGS) $(if $(filter -trimpath,$(GOFLAGS)),,-trimpath))
export GOFLAGS

.PHONY: all run build test vet unit e2e bench screenshots tools chromium static clean fmt wasm-gcflags patches patch-files patches-measure go-app go-app-patches go-app-measure

all: build

## build: the host binary, app.wasm and markdown.wasm with their brotli and gzip twins
build: $(BIN) $(WASM).br $(MDWASM).br

$(BIN): $(GOSRC)
	$(GO) build -o $(BIN) ./cmd/annotator

# app.wasm is built without inlining (-l), which makes it about 110 KB
# smaller brotli-compressed, except in the packages whose speed the reader
# feels: the runtime, strings and unicode, and anchoring and search
# (without inlining there, re-anchoring 1,000 highlights took 2.5x longer).
NOINLINE  := -gcflags=all=-l $(foreach p,runtime internal/... strings bytes unicode unicode/... slices sort \
	github.com/annotator/annotator/app/anchor github.com/annotator/annotator/app/search github.com/sahilm/fuzzy,-gcflags=$(p)=)

# wasm-gcflags prints them, for the benchmarks that build app.wasm variants.
wasm-gcflags:
	@echo $(NOINLINE)

# app.wasm is Go's output as it is. wasm-opt -Oz (Binaryen) made it 0.5 MB
# smaller raw but 15 KB larger brotli-compressed, which is what readers
# download, and in Chromium neither its compile nor the start nor the
# renderer's memory changed beyond the noise (2026-12-05, e2e
# TestBenchAppWasm with BENCH_APP_WASM_BASELINE), for 20 s per build and one
# more system package.
$(WASM): $(GOSRC) Makefile
	GOOS=js GOARCH=wasm $(GO) build -ldflags='-s -w' $(NOINLINE) -o $(WASM) ./cmd/annotator

$(WASM).br: $(WASM) $(BIN)
	$(BIN) -precompress $(WASM)

# markdown.wasm parses a reader's own .md files in a worker, so that
# goldmark is not in app.wasm (cmd/markdown/doc.go).
$(MDWASM): $(GOSRC) Makefile
	GOOS=js GOARCH=wasm $(GO) build -tags markdown -ldflags='-s -w' -o $(MDWASM) ./cmd/markdown

$(MDWASM).br: $(MDWASM) $(BIN)
	$(BIN) -precompress $(MDWASM)

## run: serve the bundled library at http://$(ADDR)/
run: build
	$(BIN) -addr $(ADDR) -articles $(ARTICLES) -web web

## test: vet, unit tests (native and wasm), the wasm build, end-to-end tests in Chromium
test: tools vet unit build e2e

vet:
	@test -z "$$(gofmt -l app cmd e2e internal)" || { echo "gofmt would change:"; gofmt -l app cmd e2e internal; exit 1; }
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app/... ./cmd/...
	$(GO) vet -tags e2e ./e2e/

# The WebAssembly unit tests run in Node.js (go_js_wasm_exec); without it
# they are skipped, with a message, and the native tests still run.
WASMTEST := GOOS=js GOARCH=wasm $(GO) test -count=1 -exec="$$($(GO) env GOROOT)/lib/wasm/go_js_wasm_exec"

unit:
	$(GO) test -count=1 ./...
	@if command -v node >/dev/null 2>&1; then \
		echo '$(WASMTEST) ./app/anchor ./app/search ./app/webpage' && $(WASMTEST) ./app/anchor ./app/search ./app/webpage && \
		echo '$(WASMTEST) -run Stream ./app/ui' && $(WASMTEST) -run Stream ./app/ui; \
	else \
		echo "SKIPPED the WebAssembly unit tests: they need Node.js (on Debian: sudo apt-get install -y nodejs; make test installs it as root)"; \
	fi

AXE_VERSION := 4.14.1
AXE := .tools/node_modules/axe-core/axe.min.js

e2e: build chromium $(AXE)
	$(GO) test -count=1 -tags e2e -timeout 30m ./e2e/

# Lighthouse, for make bench only (e2e/bench_lighthouse_test.go), in a
# folder of its own so that it and axe-core do not prune each other.
# 12.2.3: Lighthouse 13 needs Node.js 22, and Debian's is 20.
LIGHTHOUSE_VERSION := 12.2.3
LIGHTHOUSE := .tools/lighthouse/node_modules/.bin/lighthouse

## bench: Go benchmarks, then the browser figures (Lighthouse included).
## BASELINE=<commit> also builds that commit in a temporary git worktree and
## runs the browser benchmarks that compare builds (Lighthouse, scale, cold
## start) on both, alternating, with medians and ratios.
bench: build chromium $(LIGHTHOUSE)
	$(GO) test -run '^$$' -bench . -benchtime 2s ./app/... ./cmd/...
ifeq ($(BASELINE),)
	BENCH=1 $(GO) test -count=1 -tags e2e -run 'Bench' -v -timeout 60m ./e2e/
else
	@set -e; dir=$$(mktemp -d "$${TMPDIR:-/tmp}/annotator-baseline.XXXXXX"); \
	trap 'git worktree remove --force "$$dir/tree" >/dev/null 2>&1; rm -rf "$$dir"' EXIT; \
	echo "Building the baseline $(BASELINE) in $$dir/tree"; \
	git worktree add --quiet --detach "$$dir/tree" "$(BASELINE)"; \
	$(MAKE) --no-print-directory -C "$$dir/tree" build; \
	BENCH=1 BENCH_BASELINE="$$dir/tree" $(GO) test -count=1 -tags e2e -run '$(BASELINE_BENCH)' -v -timeout 90m ./e2e/
endif

# The benchmarks make bench BASELINE=… runs (the others run this build only).
BASELINE_BENCH ?= BenchLighthouse|BenchScale|BenchColdStart

$(LIGHTHOUSE): | tools
	@command -v npm >/dev/null 2>&1 || { echo "make bench needs npm for Lighthouse: sudo apt-get install -y npm"; exit 1; }
	npm install --silent --no-save --no-audit --no-fund --prefix .tools/lighthouse lighthouse@$(LIGHTHOUSE_VERSION)

# axe-core audits the pages for accessibility in the end-to-end tests.
$(AXE): | tools
	@command -v npm >/dev/null 2>&1 || { echo "The accessibility tests need npm: sudo apt-get install -y npm"; exit 1; }
	npm install --silent --no-save --no-audit --no-fund --prefix .tools axe-core@$(AXE_VERSION)

## screenshots: redraw the pictures in docs/screenshots (e2e/screenshots_test.go)
screenshots: build chromium
	SCREENSHOTS=docs/screenshots $(GO) test -count=1 -tags e2e -run TestScreenshots -v ./e2e/

## static: the whole app as plain files for any static host, in $(DIST)
DIST ?= dist
static: build
	$(BIN) -articles $(ARTICLES) -web web -static $(DIST)

# TOOLS are the commands the tests need and the Debian packages that have
# them: Node.js for the WebAssembly unit tests, Chromium for the end-to-end
# tests, npm for axe-core.
TOOLS := node:nodejs chromium:chromium npm:npm

## tools: install the Debian packages the tests need that are missing, all at once
## (one apt-get update), as root; otherwise say what to install
tools:
	@missing=""; for t in $(TOOLS); do command -v $${t%%:*} >/dev/null 2>&1 || missing="$$missing $${t#*:}"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing$$missing from Debian's packages…"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$missing >/dev/null || exit 1; \
	else \
		echo "The tests need$$missing, which are not installed. On Debian:"; \
		echo "    sudo apt-get update && sudo apt-get install -y$$missing"; \
	fi

## chromium: the browser the end-to-end tests drive
chromium: tools
	@command -v chromium >/dev/null 2>&1 || { echo "The end-to-end tests need Chromium: sudo apt-get update && sudo apt-get install -y chromium"; exit 1; }

## patches: rebuild the patched modules in third_party/ from their releases (the versions
## in go.mod) and their patch series (third_party/NAME-patches; each tree's PATCHES.md);
## MODULE=name for one of them (go run ./internal/patchmod says which there are)
patches:
	$(GO) run ./internal/patchmod apply $(MODULE)

## patch-files: record edits made in a tree in third_party/ as its patch files
## (MODULE=name INTO=patch for files no patch owns yet: that patch, or a new one)
patch-files:
	$(GO) run ./internal/patchmod diff $(if $(INTO),-into $(INTO)) $(MODULE)

## patches-measure: what each patch saves of the wasm it is for, raw and brotli
## (MODULE=name: only the wasm that module's patches are for)
patches-measure:
	$(GO) run ./internal/patchmod measure $(MODULE)

# The names these had when go-app was the one patched module.
go-app:
	$(MAKE) patches MODULE=go-app
go-app-patches:
	$(MAKE) patch-files MODULE=go-app
go-app-measure:
	$(MAKE) patches-measure MODULE=go-app

fmt:
	gofmt -w app cmd e2e internal

clean:
	rm -rf bin .tools $(DIST) $(WASM) $(WASM).br $(WASM).gz $(MDWASM) $(MDWASM).br $(MDWASM).gz
