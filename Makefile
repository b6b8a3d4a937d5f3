# Annotator. `make run` serves the app at http://127.0.0.1:8000;
# `make test` runs every test, installing what it needs.

GO        ?= go
ADDR      ?= 127.0.0.1:8000
ARTICLES  ?= articles
BIN       := bin/annotator
WASM      := web/app.wasm
MDWASM    := web/markdown.wasm
GOSRC     := $(shell find app cmd internal third_party -name '*.go' -not -name '*_test.go') go.mod go.sum
export GOFLAGS := -trimpath

.PHONY: all run build test vet unit e2e bench chromium node binaryen static clean fmt wasm-gcflags wasm-opt-flags go-app go-app-patches go-app-measure

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

# wasm-opt (Binaryen) then rewrites app.wasm for size: 7.74 → 7.22 MB raw.
# Go's compiler leaves much that Binaryen's -Oz folds or drops; the
# features are those Go's output uses, and no others. Without wasm-opt, or
# if it fails, app.wasm is Go's output: the app works, just bigger (see the
# binaryen target). Go's output stays in bin/app-unoptimized.wasm.
WASM_OPT_FLAGS := -Oz --mvp-features --enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int --enable-mutable-globals

# wasm-opt-flags prints them, for the benchmarks that build app.wasm variants.
wasm-opt-flags:
	@echo $(WASM_OPT_FLAGS)

$(WASM): $(GOSRC) Makefile
	@mkdir -p bin
	GOOS=js GOARCH=wasm $(GO) build -ldflags='-s -w' $(NOINLINE) -o bin/app-unoptimized.wasm ./cmd/annotator
	@$(MAKE) -s --no-print-directory binaryen
	@if ! command -v wasm-opt >/dev/null 2>&1; then cp bin/app-unoptimized.wasm $(WASM); \
	else echo "wasm-opt $(WASM_OPT_FLAGS) bin/app-unoptimized.wasm -o $(WASM)"; wasm-opt $(WASM_OPT_FLAGS) bin/app-unoptimized.wasm -o $(WASM) || { \
		echo "wasm-opt failed: app.wasm is Go's output, 0.5 MB larger"; cp bin/app-unoptimized.wasm $(WASM); }; fi

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
test: vet unit build chromium e2e

vet:
	@test -z "$$(gofmt -l app cmd e2e internal)" || { echo "gofmt would change:"; gofmt -l app cmd e2e internal; exit 1; }
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app/... ./cmd/...
	$(GO) vet -tags e2e ./e2e/

unit: node
	$(GO) test -count=1 ./...
	GOOS=js GOARCH=wasm $(GO) test -count=1 -exec="$$($(GO) env GOROOT)/lib/wasm/go_js_wasm_exec" ./app/anchor ./app/search
	GOOS=js GOARCH=wasm $(GO) test -count=1 -exec="$$($(GO) env GOROOT)/lib/wasm/go_js_wasm_exec" -run Stream ./app/ui

AXE_VERSION := 4.14.1
AXE := .tools/node_modules/axe-core/axe.min.js

e2e: build chromium $(AXE)
	$(GO) test -count=1 -tags e2e -timeout 15m ./e2e/

## bench: Go benchmarks, then the browser figures
bench: build chromium
	$(GO) test -run '^$$' -bench . -benchtime 2s ./app/... ./cmd/...
	BENCH=1 $(GO) test -count=1 -tags e2e -run 'Bench' -v -timeout 30m ./e2e/

# axe-core audits the pages for accessibility in the end-to-end tests.
$(AXE):
	@command -v npm >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; \
		else echo "The accessibility tests need npm: sudo apt-get install -y npm"; exit 1; fi; }
	npm install --silent --no-save --no-audit --no-fund --prefix .tools axe-core@$(AXE_VERSION)

## static: the whole app as plain files for any static host, in $(DIST)
DIST ?= dist
static: build
	$(BIN) -articles $(ARTICLES) -web web -static $(DIST)

## chromium: the browser the end-to-end tests drive
chromium:
	@if command -v chromium >/dev/null 2>&1; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
		echo "Installing Chromium from Debian's packages…"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || exit 1; \
	else \
		echo "The end-to-end tests need Chromium. Install it with:"; \
		echo "    sudo apt-get update && sudo apt-get install -y chromium"; \
		exit 1; \
	fi

## binaryen: wasm-opt, which makes app.wasm 0.5 MB smaller (optional)
binaryen:
	@command -v wasm-opt >/dev/null 2>&1 && exit 0; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Binaryen (wasm-opt) from Debian's packages…"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq binaryen >/dev/null || \
		echo "Installing binaryen failed: app.wasm is built without wasm-opt, 0.5 MB larger."; \
	else \
		echo "app.wasm is built without wasm-opt, 0.5 MB larger. For the smaller one, install"; \
		echo "Binaryen (wasm-opt); on Debian: sudo apt-get update && sudo apt-get install -y binaryen"; \
	fi

# node runs the WebAssembly unit tests (go_js_wasm_exec).
node:
	@command -v node >/dev/null 2>&1 && exit 0; \
	if [ "$$(id -u)" = 0 ]; then \
		echo "Installing Node.js from Debian's packages…"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs >/dev/null || exit 1; \
	else \
		echo "The WebAssembly unit tests need Node.js: sudo apt-get install -y nodejs"; exit 1; \
	fi

## go-app: rebuild third_party/go-app from go-app's release (the version in go.mod)
## and the patches in third_party/go-app-patches (third_party/go-app/PATCHES.md)
go-app:
	$(GO) run ./internal/patchgoapp apply

## go-app-patches: record edits made in third_party/go-app as the patch files
## (INTO=name for files no patch owns yet: that patch, or a new one)
go-app-patches:
	$(GO) run ./internal/patchgoapp diff $(if $(INTO),-into $(INTO))

## go-app-measure: what each patch saves of app.wasm, raw and brotli
go-app-measure:
	$(GO) run ./internal/patchgoapp measure

fmt:
	gofmt -w app cmd e2e internal

clean:
	rm -rf bin .tools $(DIST) $(WASM) $(WASM).br $(WASM).gz $(MDWASM) $(MDWASM).br $(MDWASM).gz
