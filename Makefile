# Annotator. `make run` serves the app at http://127.0.0.1:8000;
# `make test` runs every test, installing what it needs.

GO        ?= go
ADDR      ?= 127.0.0.1:8000
ARTICLES  ?= articles
BIN       := bin/annotator
WASM      := web/app.wasm
GOSRC     := $(shell find app cmd -name '*.go' -not -name '*_test.go') go.mod go.sum
export GOFLAGS := -trimpath

.PHONY: all run build test vet unit e2e bench chromium static clean fmt

all: build

## build: the host binary and app.wasm with its brotli and gzip twins
build: $(BIN) $(WASM).br

$(BIN): $(GOSRC)
	$(GO) build -o $(BIN) ./cmd/annotator

$(WASM): $(GOSRC)
	GOOS=js GOARCH=wasm $(GO) build -ldflags='-s -w' -o $(WASM) ./cmd/annotator

$(WASM).br: $(WASM) $(BIN)
	$(BIN) -precompress $(WASM)

## run: serve the bundled library at http://$(ADDR)/
run: build
	$(BIN) -addr $(ADDR) -articles $(ARTICLES) -web web

## test: vet, unit tests (native and wasm), the wasm build, end-to-end tests in Chromium
test: vet unit build chromium e2e

vet:
	@test -z "$$(gofmt -l app cmd e2e)" || { echo "gofmt would change:"; gofmt -l app cmd e2e; exit 1; }
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app/... ./cmd/...
	$(GO) vet -tags e2e ./e2e/

unit:
	$(GO) test -count=1 ./...
	GOOS=js GOARCH=wasm $(GO) test -count=1 -exec="$$($(GO) env GOROOT)/lib/wasm/go_js_wasm_exec" ./app/anchor ./app/search

e2e: build chromium
	$(GO) test -count=1 -tags e2e -timeout 15m ./e2e/

## bench: Go benchmarks, then the browser figures
bench: build chromium
	$(GO) test -run '^$$' -bench . -benchtime 2s ./app/... ./cmd/...
	BENCH=1 $(GO) test -count=1 -tags e2e -run 'Bench' -v -timeout 30m ./e2e/

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

fmt:
	gofmt -w app cmd e2e

clean:
	rm -rf bin $(WASM) $(WASM).br $(WASM).gz
