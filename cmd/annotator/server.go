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
	fetchPages  = flag.Bool("fetch", false, "fetch web pages for readers (GET /api/fetch); on by default only on a loopback -addr (docs/adding-articles.md)")
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
	fetching := fetchEnabled(ln.Addr())
	srv := host.NewServer(host.Compressed(host.WithFetch(h, host.FetchConfig{Enabled: fetching})))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	fmt.Printf("Annotator is serving %d articles from %s at http://%s/\n", len(library.IDs()), *articlesDir, ln.Addr())
	if fetching {
		fmt.Println("It fetches web pages that readers add by address (-fetch=false turns that off).")
	} else {
		fmt.Println("It does not fetch web pages for readers on this address: readers paste text or open files (-fetch turns fetching on).")
	}
	if err := srv.Serve(host.Listener(ln)); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatalf("annotator: %v", err)
	}
	fmt.Println("Annotator stopped.")
}

// fetchEnabled says whether the host fetches web pages for readers: as
// -fetch says when it is given, else only on a loopback address, where the
// one reader is the person who started the host. On a network address the
// host would fetch for anyone who reaches it, from inside its network.
func fetchEnabled(addr net.Addr) bool {
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == "fetch" })
	if set {
		return *fetchPages
	}
	tcp, ok := addr.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}
