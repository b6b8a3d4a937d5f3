//go:build !wasm

package host

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/webpage"
	"golang.org/x/net/html/charset"
)

// GET /api/fetch?url=ADDRESS fetches a web page for a reader and answers
// with its article as JSON, in the shape of /api/articles/{id}.json, with
// Source set to the page's final address. A refusal is a 4xx, never 404,
// with a JSON body {"error": a message for the reader, "code": its kind};
// the codes are the fetchCode constants below.
//
// The static site has no such endpoint: there, /api/fetch answers 404
// (the plain Host answers 404 too), which is how the app tells a
// deployment that adds articles only by pasting or opening a file.
//
// The host fetches what it is asked to, so it guards what it reaches:
//
//   - http and https only, without a user name or password in the address;
//   - only public addresses: the address of every connection, to the page
//     and to each redirect, is checked after DNS resolution, when it is
//     dialled (net.Dialer's Control), so a name that resolves to a public
//     address first and a private one later (DNS rebinding) is still
//     refused; see publicAddress for what is not public;
//   - at most 5 redirects, each checked like the first address;
//   - 10 seconds for everything, from the first byte sent to the last
//     received; a page larger than 5 MB is cut there and read if it can be;
//   - HTML, XHTML and plain text only (plain text becomes an article by
//     the .txt rules, article.ParseText);
//   - no cookies, no proxy, and a User-Agent that says who asks;
//   - per client (an IPv4 address, or an IPv6 /64), a token bucket of 10
//     fetches refilled one per 6 seconds; at most 4 fetches at once.
//
// It is on by default only when the host listens on a loopback address
// (cmd/annotator): a host on a network would otherwise fetch pages for
// anyone who reaches it, with the host's own address and from inside its
// network.

// UserAgent is the User-Agent of the host's requests for pages.
const UserAgent = "Annotator/1 (+article fetch for a reader)"

// Fetching limits.
const (
	fetchTimeout      = 10 * time.Second
	fetchMaxRedirects = 5
	fetchBurst        = 10              // fetches a client may make at once
	fetchRefill       = 6 * time.Second // and one more after each interval
	fetchConcurrent   = 4               // fetches in progress, for all clients
	fetchMaxURL       = 4096            // bytes of an address
)

// The kinds of refusal, for the app to tell them apart (the message is
// for the reader).
const (
	codeDisabled   = "disabled"          // this host does not fetch pages
	codeMethod     = "method"            // not GET or HEAD
	codeBadAddress = "bad-address"       // not an http(s) address
	codeForbidden  = "forbidden-address" // loopback, private or otherwise not public
	codeRateLimit  = "rate-limited"      // this client asked too often, or the host is busy
	codeRedirects  = "too-many-redirects"
	codeTimeout    = "timeout"
	codeUnreached  = "unreachable" // no such site, refused, TLS failure
	codeStatus     = "http-status" // the site answered with an error
	codeNotPage    = "not-a-page"  // a PDF, an image, binary data
	codeNoArticle  = "no-article"  // too little text (paywall, login), or none found
	codeTooLarge   = "too-large"
)

// FetchConfig says whether the host fetches web pages for readers.
type FetchConfig struct {
	// Enabled turns GET /api/fetch on; off, it answers 403 saying so.
	Enabled bool
	Logger  *log.Logger
}

// WithFetch returns a handler that answers /api/fetch and passes every
// other request to next, the Host. cmd/annotator serves it; the static
// build uses the Host alone, so it has no endpoint.
func WithFetch(next http.Handler, cfg FetchConfig) http.Handler {
	allow := publicAddress
	if srv, ok := e2eFetchServer(); ok {
		if cfg.Logger == nil {
			cfg.Logger = log.Default()
		}
		cfg.Logger.Printf("TEST BUILD (-tags e2efetch): /api/fetch also reaches %s; never deploy this binary", srv)
		allow = func(ap netip.AddrPort) bool { return ap == srv || publicAddress(ap) }
	}
	return newFetcher(next, cfg, allow, fetchTimeout, webpage.MaxSize)
}

// fetcher answers /api/fetch. Its address policy, timeout and body limit
// are set only by newFetcher: the production values in WithFetch, others
// in this package's tests (which must reach their own loopback servers).
// There is deliberately no flag or exported field to widen the policy; only
// a binary built for the end-to-end tests (-tags e2efetch) reaches their
// one page server besides (fetch_e2e.go).
type fetcher struct {
	next    http.Handler
	enabled bool
	logger  *log.Logger
	allow   func(netip.AddrPort) bool
	timeout time.Duration
	maxBody int
	client  *http.Client
	limiter *rateLimiter
	slots   chan struct{}
}

func newFetcher(next http.Handler, cfg FetchConfig, allow func(netip.AddrPort) bool, timeout time.Duration, maxBody int) *fetcher {
	if cfg.Logger == nil {
		cfg.Logger = log.Default()
	}
	f := &fetcher{
		next:    next,
		enabled: cfg.Enabled,
		logger:  cfg.Logger,
		allow:   allow,
		timeout: timeout,
		maxBody: maxBody,
		limiter: newRateLimiter(fetchBurst, fetchRefill),
		slots:   make(chan struct{}, fetchConcurrent),
	}
	dialer := &net.Dialer{Timeout: timeout, KeepAlive: 30 * time.Second, Control: f.checkDial}
	f.client = &http.Client{
		Transport: &http.Transport{
			Proxy:                  nil, // a proxy would be dialled instead of the page's address
			DialContext:            dialer.DialContext,
			ForceAttemptHTTP2:      true,
			TLSHandshakeTimeout:    timeout,
			ResponseHeaderTimeout:  timeout,
			MaxResponseHeaderBytes: 64 << 10,
			MaxIdleConns:           16,
			IdleConnTimeout:        30 * time.Second,
		},
		Timeout:       timeout,
		CheckRedirect: f.checkRedirect,
	}
	return f
}

// fetchError is a refusal: its status, code and message for the reader.
type fetchError struct {
	status  int
	code    string
	message string
}

func (e *fetchError) Error() string { return e.message }

func refuse(status int, code, format string, args ...any) *fetchError {
	return &fetchError{status: status, code: code, message: fmt.Sprintf(format, args...)}
}

// refusedAddress is the dialer's refusal of an address that is not public.
type refusedAddress struct{ addr netip.Addr }

func (e *refusedAddress) Error() string { return "refused to connect to " + e.addr.String() }

var errTooManyRedirects = errors.New("too many redirects")

func (f *fetcher) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/api/fetch" {
		f.next.ServeHTTP(w, r)
		return
	}
	setSecurityHeaders(w.Header())
	// The answer is the reader's to keep, in the app's own storage.
	w.Header().Set("Cache-Control", "no-store")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		f.fail(w, refuse(http.StatusMethodNotAllowed, codeMethod, "Only GET fetches a page."))
		return
	}
	if !f.enabled {
		f.fail(w, refuse(http.StatusForbidden, codeDisabled,
			"This server does not fetch web pages. Copy the article's text from your browser and paste it instead, or save the page and open the file."))
		return
	}
	if strings.TrimSpace(r.URL.Query().Get("url")) == "" {
		// Asked without an address, which is how the app learns whether
		// this deployment fetches pages (a static site answers 404, a
		// host with fetching off 403 above): answered before the rate
		// limit, as it fetches nothing.
		f.fail(w, refuse(http.StatusBadRequest, codeBadAddress, "Give the address of a web page, starting with https:// or http://."))
		return
	}
	if wait, ok := f.limiter.take(clientKey(r), time.Now()); !ok {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds()+0.999)))
		f.fail(w, refuse(http.StatusTooManyRequests, codeRateLimit,
			"Too many pages were fetched from your address in a short time. Wait a minute and try again, or paste the text instead."))
		return
	}
	select {
	case f.slots <- struct{}{}:
		defer func() { <-f.slots }()
	default:
		w.Header().Set("Retry-After", "5")
		f.fail(w, refuse(http.StatusTooManyRequests, codeRateLimit,
			"The server is busy fetching other pages. Try again in a moment."))
		return
	}
	target, ferr := f.checkAddress(r.URL.Query().Get("url"))
	if ferr != nil {
		f.fail(w, ferr)
		return
	}
	a, ferr := f.fetch(r.Context(), target, r.Header.Get("Accept-Language"))
	if ferr != nil {
		f.fail(w, ferr)
		return
	}
	data, err := json.Marshal(a)
	if err != nil {
		f.logger.Printf("fetch: encoding the article: %v", err)
		f.fail(w, refuse(http.StatusUnprocessableEntity, codeNoArticle, "This page could not be read as an article."))
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Write(data)
}

func (f *fetcher) fail(w http.ResponseWriter, e *fetchError) {
	data, _ := json.Marshal(map[string]string{"error": e.message, "code": e.code})
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(e.status)
	w.Write(data)
}

// checkAddress parses the address asked for and refuses what is never
// fetched, before any connection: another scheme, credentials, and an IP
// address (written out) that is not public.
func (f *fetcher) checkAddress(raw string) (*url.URL, *fetchError) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil, refuse(http.StatusBadRequest, codeBadAddress, "Give the address of a web page, starting with https:// or http://.")
	}
	if len(raw) > fetchMaxURL {
		return nil, refuse(http.StatusBadRequest, codeBadAddress, "This address is too long (over %d characters).", fetchMaxURL)
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return nil, refuse(http.StatusBadRequest, codeBadAddress, "This is not a web address. Give one that starts with https:// or http://.")
	}
	return u, f.checkURL(u)
}

// checkURL is checkAddress's check of a parsed address, for the address
// asked for and every redirect.
func (f *fetcher) checkURL(u *url.URL) *fetchError {
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return refuse(http.StatusBadRequest, codeBadAddress, "Only web addresses (https:// or http://) can be fetched, not %s: addresses.", u.Scheme)
	}
	if u.User != nil {
		return refuse(http.StatusBadRequest, codeBadAddress, "Addresses with a user name or password are not fetched.")
	}
	if ip, err := netip.ParseAddr(strings.Trim(u.Hostname(), "[]")); err == nil {
		port := uint16(80)
		if scheme == "https" {
			port = 443
		}
		if p, err := strconv.ParseUint(u.Port(), 10, 16); err == nil {
			port = uint16(p)
		}
		if !f.allow(netip.AddrPortFrom(ip, port)) {
			return forbidden(ip)
		}
	}
	return nil
}

func forbidden(ip netip.Addr) *fetchError {
	return refuse(http.StatusForbidden, codeForbidden,
		"Annotator does not fetch pages from this computer or a private network (%s). Open the page in your browser, copy its text and paste it instead.", ip.Unmap())
}

// checkDial is the dialer's Control: it runs for every connection, after
// the name was resolved and before connecting, so it sees the address
// actually dialled.
func (f *fetcher) checkDial(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil || (network != "tcp4" && network != "tcp6") {
		return &refusedAddress{}
	}
	if !f.allow(ap) {
		return &refusedAddress{ap.Addr()}
	}
	return nil
}

func (f *fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > fetchMaxRedirects {
		return errTooManyRedirects
	}
	if ferr := f.checkURL(req.URL); ferr != nil {
		return ferr
	}
	req.Header.Set("User-Agent", UserAgent)
	return nil
}

// fetch gets the page at target and reads its article.
func (f *fetcher) fetch(ctx context.Context, target *url.URL, language string) (*article.Article, *fetchError) {
	ctx, cancel := context.WithTimeout(ctx, f.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target.String(), nil)
	if err != nil {
		return nil, refuse(http.StatusBadRequest, codeBadAddress, "This is not a web address. Give one that starts with https:// or http://.")
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1")
	if language != "" && len(language) < 200 {
		req.Header.Set("Accept-Language", language)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, f.explain(err)
	}
	defer resp.Body.Close()
	if ferr := statusError(resp); ferr != nil {
		return nil, ferr
	}
	contentType := resp.Header.Get("Content-Type")
	media, params, _ := mime.ParseMediaType(contentType)
	if media != "" && !readable(media) {
		return nil, notAPage(media)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, int64(f.maxBody)+1))
	if err != nil {
		return nil, f.explain(err)
	}
	cut := len(data) > f.maxBody
	if cut {
		data = data[:f.maxBody]
	}
	if media == "" {
		media, params, _ = mime.ParseMediaType(http.DetectContentType(data))
		if !readable(media) {
			return nil, notAPage(media)
		}
	}
	final := resp.Request.URL
	id := fetchedID(final)

	var a *article.Article
	if media == "text/plain" {
		if cs := params["charset"]; cs != "" && !strings.EqualFold(cs, "utf-8") {
			if r, err := charset.NewReaderLabel(cs, strings.NewReader(string(data))); err == nil {
				if decoded, err := io.ReadAll(r); err == nil {
					data = decoded
				}
			}
		}
		a, err = article.ParseText(id, data)
	} else {
		a, err = webpage.Extract(id, data, webpage.Page{URL: final, ContentType: contentType})
	}
	switch {
	case err == nil:
		a.Source = final.String()
		return a, nil
	case errors.Is(err, article.ErrNotUTF8):
		return nil, refuse(http.StatusUnprocessableEntity, codeNotPage, "This address did not send a web page: what came back looks like binary data. Annotator reads web pages and plain text.")
	case errors.Is(err, article.ErrTooLarge):
		return nil, refuse(http.StatusUnprocessableEntity, codeTooLarge, "This text is larger than the %d MB an article may have.", article.MaxSize>>20)
	case cut:
		return nil, refuse(http.StatusUnprocessableEntity, codeTooLarge, "This page is larger than %d MB, and no article was found in its first %d MB. Copy the text from your browser and paste it instead.", f.maxBody>>20, f.maxBody>>20)
	case errors.Is(err, webpage.ErrLittleText), errors.Is(err, article.ErrEmpty), errors.Is(err, article.ErrNoBody):
		return nil, refuse(http.StatusUnprocessableEntity, codeNoArticle, "%s", webpage.ErrLittleText.Error())
	}
	return nil, refuse(http.StatusUnprocessableEntity, codeNoArticle, "%s", webpage.ErrUnreadable.Error())
}

// readable reports whether a media type is one the host reads.
func readable(media string) bool {
	return media == "text/html" || media == "application/xhtml+xml" || media == "text/plain"
}

func notAPage(media string) *fetchError {
	what := "a file of type " + media
	switch {
	case media == "application/pdf":
		what = "a PDF file"
	case strings.HasPrefix(media, "image/"):
		what = "an image"
	case strings.HasPrefix(media, "video/"), strings.HasPrefix(media, "audio/"):
		what = "a video or sound file"
	case media == "application/octet-stream":
		what = "binary data"
	}
	return refuse(http.StatusUnprocessableEntity, codeNotPage,
		"This address is %s, not a web page. Annotator reads web pages and plain text: open it in your browser, copy its text and paste it instead.", what)
}

// statusError explains a response that is not a page.
func statusError(resp *http.Response) *fetchError {
	code := resp.StatusCode
	if code >= 200 && code < 300 {
		return nil
	}
	status := strconv.Itoa(code) + " " + http.StatusText(code)
	switch {
	case code == http.StatusUnauthorized || code == http.StatusForbidden || code == http.StatusPaymentRequired:
		return refuse(http.StatusUnprocessableEntity, codeStatus, "The site refused to send this page (%s): it may need a login. Copy the text from your browser and paste it instead.", status)
	case code == http.StatusNotFound || code == http.StatusGone:
		return refuse(http.StatusUnprocessableEntity, codeStatus, "The site says there is no page at this address (%s). Check the address.", status)
	case code == http.StatusTooManyRequests || code == http.StatusServiceUnavailable:
		return refuse(http.StatusUnprocessableEntity, codeStatus, "The site is not answering requests just now (%s). Try again later.", status)
	case code >= 300 && code < 400:
		return refuse(http.StatusUnprocessableEntity, codeStatus, "The site sent a redirect without saying where to (%s).", status)
	}
	return refuse(http.StatusUnprocessableEntity, codeStatus, "The site answered with an error (%s). Try again later, or copy the text from your browser and paste it instead.", status)
}

// explain turns a failed request into a refusal a reader understands.
func (f *fetcher) explain(err error) *fetchError {
	var ferr *fetchError
	var refused *refusedAddress
	var dnsErr *net.DNSError
	var certErr *tls.CertificateVerificationError
	var unknownAuthority x509.UnknownAuthorityError
	var hostnameErr x509.HostnameError
	var netErr net.Error
	switch {
	case errors.As(err, &ferr):
		return ferr
	case errors.As(err, &refused):
		return forbidden(refused.addr)
	case errors.Is(err, errTooManyRedirects):
		return refuse(http.StatusUnprocessableEntity, codeRedirects, "The address redirected more than %d times, so it was not followed. Open it in your browser, then copy the text and paste it instead.", fetchMaxRedirects)
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return refuse(http.StatusUnprocessableEntity, codeTimeout, "The site took too long to send the page (over %s). Try again later, or copy the text from your browser and paste it instead.", f.timeout)
	case errors.As(err, &dnsErr):
		return refuse(http.StatusUnprocessableEntity, codeUnreached, "No web site was found at this address (%s). Check the address for typos.", dnsErr.Name)
	case errors.As(err, &certErr), errors.As(err, &unknownAuthority), errors.As(err, &hostnameErr):
		return refuse(http.StatusUnprocessableEntity, codeUnreached, "The site's secure connection could not be verified, so the page was not fetched.")
	}
	return refuse(http.StatusUnprocessableEntity, codeUnreached, "The site could not be reached. Check the address, or try again later.")
}

// fetchedID names a fetched article as the app names a reader's own:
// "local-", a slug of its address, and a hash of the address, so the same
// address gives the same id.
func fetchedID(u *url.URL) string {
	slug := article.SlugID(strings.TrimPrefix(u.Hostname(), "www.") + " " + u.EscapedPath())
	if len(slug) > 60 {
		slug = strings.Trim(slug[:60], "-")
	}
	sum := sha256.Sum256([]byte(u.String()))
	return "local-" + slug + "-" + hex.EncodeToString(sum[:4])
}

// clientKey is who a rate limit counts: the client's IPv4 address, or
// its IPv6 /64 (one household or device usually has a whole /64). The
// host does not trust X-Forwarded-For: behind a proxy, all clients share
// the proxy's bucket.
func clientKey(r *http.Request) netip.Prefix {
	ap, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		return netip.Prefix{}
	}
	a := ap.Addr().Unmap()
	bits := 32
	if a.Is6() {
		bits = 64
	}
	p, _ := a.Prefix(bits)
	return p
}

// rateLimiter is a token bucket per client.
type rateLimiter struct {
	burst  float64
	refill time.Duration

	mu      sync.Mutex
	buckets map[netip.Prefix]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newRateLimiter(burst int, refill time.Duration) *rateLimiter {
	return &rateLimiter{burst: float64(burst), refill: refill, buckets: map[netip.Prefix]*bucket{}}
}

// take spends one of key's tokens, or says how long until there is one.
func (l *rateLimiter) take(key netip.Prefix, now time.Time) (wait time.Duration, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.buckets[key]
	if b == nil {
		if len(l.buckets) >= 10_000 {
			l.forgetFull(now)
		}
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[key] = b
	}
	b.tokens = min(l.burst, b.tokens+float64(now.Sub(b.last))/float64(l.refill))
	b.last = now
	if b.tokens < 1 {
		return time.Duration((1 - b.tokens) * float64(l.refill)), false
	}
	b.tokens--
	return 0, true
}

// forgetFull drops the buckets that have refilled: they are as new.
func (l *rateLimiter) forgetFull(now time.Time) {
	for k, b := range l.buckets {
		if b.tokens+float64(now.Sub(b.last))/float64(l.refill) >= l.burst {
			delete(l.buckets, k)
		}
	}
}

// Addresses that are not public, besides those netip classifies (loopback,
// private, link-local, multicast, unspecified): from IANA's special-purpose
// registries for IPv4 and IPv6.
var nonPublic = func() []netip.Prefix {
	var out []netip.Prefix
	for _, s := range []string{
		"0.0.0.0/8",       // "this network"
		"100.64.0.0/10",   // shared address space (carrier-grade NAT)
		"192.0.0.0/24",    // IETF protocol assignments
		"192.0.2.0/24",    // documentation (TEST-NET-1)
		"192.88.99.0/24",  // 6to4 relay anycast
		"198.18.0.0/15",   // benchmarking
		"198.51.100.0/24", // documentation (TEST-NET-2)
		"203.0.113.0/24",  // documentation (TEST-NET-3)
		"240.0.0.0/4",     // reserved, and the broadcast address
		"::/96",           // IPv4-compatible (deprecated), :: and ::1
		"64:ff9b:1::/48",  // local-use IPv4/IPv6 translation
		"100::/64",        // discard-only
		"2001::/23",       // IETF protocol assignments (Teredo, ORCHIDs…)
		"2001:db8::/32",   // documentation
		"3fff::/20",       // documentation
		"5f00::/16",       // segment routing SIDs
		"fec0::/10",       // site-local (deprecated)
	} {
		out = append(out, netip.MustParsePrefix(s))
	}
	return out
}()

// IPv6 prefixes that carry an IPv4 address, which must be public too.
var (
	nat64     = netip.MustParsePrefix("64:ff9b::/96") // the IPv4 address is the last 4 bytes
	sixToFour = netip.MustParsePrefix("2002::/16")    // the IPv4 address is bytes 2–5
)

// publicAddress is the host's address policy: whether an address may be
// connected to for a reader. IPv4-mapped IPv6 addresses are judged as the
// IPv4 address they map, and NAT64 and 6to4 addresses by the IPv4 address
// inside them.
func publicAddress(ap netip.AddrPort) bool {
	a := ap.Addr().Unmap()
	if !a.IsValid() || a.Zone() != "" || !a.IsGlobalUnicast() || a.IsPrivate() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(a) {
			return false
		}
	}
	b := a.As16()
	switch {
	case nat64.Contains(a):
		return publicAddress(netip.AddrPortFrom(netip.AddrFrom4([4]byte(b[12:16])), ap.Port()))
	case sixToFour.Contains(a):
		return publicAddress(netip.AddrPortFrom(netip.AddrFrom4([4]byte(b[2:6])), ap.Port()))
	}
	return true
}
