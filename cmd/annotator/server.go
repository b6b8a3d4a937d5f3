//go:build !wasm

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/annotator/annotator/app/host"
	"github.com/annotator/annotator/app/ui"
)

var (
	addr        = flag.String("addr", "127.0.0.1:8000", "address to listen on")
	articlesDir = flag.String("articles", "articles", "folder of the bundled articles (.txt and .md)")
	webDir      = flag.String("web", "web", "folder of the static files, with app.wasm built into it")
	precompress = flag.String("precompress", "", "write FILE.br and FILE.gz beside FILE, then exit (used by make build)")
	staticDir   = flag.String("static", "", "write the whole app as a static site into DIR, then exit (used by make static)")
)

var library *host.Library

func openLibrary() ui.ServerLibrary {
	flag.Parse()
	if *precompress != "" {
		if err := host.Precompress(*precompress); err != nil {
			log.Fatalf("precompress: %v", err)
		}
		os.Exit(0)
	}
	lib, err := host.OpenLibrary(*articlesDir, nil)
	if err != nil {
		log.Fatalf("annotator: %v", err)
	}
	library = lib
	return lib
}

func serve(ui.ServerLibrary) {
	h, err := host.New(host.Config{Library: library, WebDir: *webDir})
	if err != nil {
		log.Fatalf("annotator: %v", err)
	}
	if *staticDir != "" {
		rep, err := h.WriteStatic(*staticDir)
		if err != nil {
			log.Fatalf("annotator: %v", err)
		}
		fmt.Printf("Wrote the static site to %s: %d articles, %d files, %.1f MB (version %s).\n",
			rep.Dir, rep.Articles, rep.Files, float64(rep.Bytes)/1e6, rep.Version)
		return
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatalf("annotator: %v", err)
	}
	srv := host.NewServer(h)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	fmt.Printf("Annotator is serving %d articles from %s at http://%s/\n", len(library.IDs()), *articlesDir, ln.Addr())
	if err := srv.Serve(host.Listener(ln)); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatalf("annotator: %v", err)
	}
	fmt.Println("Annotator stopped.")
}
