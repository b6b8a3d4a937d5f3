//go:build !wasm

package host

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"

	"github.com/annotator/annotator/internal/unpackjs"
)

// appJSCall is how go-app v10.1.10's app.js starts the download of app.wasm.
const appJSCall = `fetchWithProgress("`

// appJSRegister is how app.js registers the service worker, at once. The
// host refuses to start if app.js has either not exactly once (patchAppJS).
const appJSRegister = "goappInitServiceWorker();\n"

// appJSRun is how app.js starts the Go program once app.wasm is
// instantiated. It becomes a yield to the event loop first (appJSYield):
// the last of the streaming compile, its finish and the instantiation are
// one task, Go's start another, so that neither blocks input for the sum
// (issue 18: Total Blocking Time).
const appJSRun = "go.run(wasm.instance);"

const appJSYield = "await new Promise((resolve) => setTimeout(resolve, 0));\n    go.run(wasm.instance);"

// appJSFetch replaces appJSCall, and appJSRegister becomes
// annotatorRegisterWorker (below). On a warm start app.wasm is a local read: taking
// it from Cache Storage in the page skips the service worker's fetch
// handler, which otherwise pipes every byte of app.wasm through itself, and
// skips go-app's progress wrapper (a new Response, which hides where the
// bytes came from). The cache's name is the worker's (worker.go).
const appJSFetch = `
// Annotator (app/host/appjs.go): once a service worker has cached this
// version, read app.wasm straight from its cache and hand the response to
// instantiateStreaming unwrapped: no round trip through the worker, and the
// browser may reuse the code it compiled before.
async function annotatorFetchWasm(url) {
  // The first use of localStorage opens this origin's storage, a blocking
  // call of a few milliseconds up to tens on a new profile. Made once the
  // page has painted, it overlaps app.wasm's download and compilation
  // instead of delaying the app's first render, which reads the store.
  requestAnimationFrame(() => setTimeout(() => {
    try {
      window.localStorage && localStorage.length;
    } catch (err) {
      // The app reports unusable storage itself.
    }
  }, 0));
  try {
    const version = goappGetenv("GOAPP_VERSION");
    const name = "annotator-" + version;
    // caches.open would create a missing cache: ask first.
    if (navigator.serviceWorker && navigator.serviceWorker.controller && window.caches && version && await caches.has(name)) {
      const cache = await caches.open(name);
      const cached = await cache.match(url, { ignoreVary: true });
      if (cached) {
        return cached;
      }
    }
  } catch (err) {
    console.warn("reading app.wasm from the cache failed, fetching it: ", err);
  }
  // From the network, the download waits until the prerendered page has
  // been painted whole (issue 18: LCP). Begun earlier, app.wasm's 1.4 MB
  // share a slow link with the page's style sheet and delay its first
  // paint; Lighthouse's simulation counts every request begun before the
  // largest paint as holding it up, which put the mobile LCP at 8-10 s
  // for text that a loopback paints in 0.6 s.
  await annotatorPagePainted();
  // Not go-app's fetchWithProgress: its progress goes to a loader this app
  // hides. The browser feeds the compiler as the bytes arrive, in slices
  // (annotatorSliced).
  return annotatorSliced(await fetch(url));
}

// annotatorSliced gives the compiler a response's body 256 KiB per task
// (issue 18: Total Blocking Time). V8 takes in streamed bytes on the
// page's main thread (v8.wasm.compileConsume: decoding, copying into
// fresh memory), and the browser hands it all the bytes that have arrived
// at once: from a fast link, or a loopback as under Lighthouse, app.wasm's
// 9.5 MB came in one or two tasks of 160-190 ms of CPU each on a machine
// whose fresh memory is slow (docs/performance.md, run G). A slice is a
// few milliseconds; the task boundary between two lets input in. A failed
// response goes through as it is, for instantiateStreaming to report.
function annotatorSliced(response) {
  if (!response.ok || !response.body || !window.ReadableStream || !window.MessageChannel) {
    return response;
  }
  const sliceBytes = 256 * 1024;
  const reader = response.body.getReader();
  let chunk = null;
  let at = 0;
  // A message to itself is a new task without setTimeout's 4 ms clamp.
  const nextTask = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
  const body = new ReadableStream({
    async pull(controller) {
      await nextTask();
      if (!chunk || at >= chunk.byteLength) {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          return;
        }
        chunk = value;
        at = 0;
      }
      const end = Math.min(at + sliceBytes, chunk.byteLength);
      controller.enqueue(chunk.subarray(at, end));
      at = end;
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  }, { highWaterMark: 0 });
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: { "Content-Type": response.headers.get("Content-Type") || "application/wasm" },
  });
}

// annotatorPagePainted resolves once the whole page has been parsed and a
// frame has been painted after that: a long page is painted in parts while
// it is parsed, and its largest text may come in the last part. A hidden
// page (opened in a background tab) paints nothing and gets no animation
// frames, so it does not wait.
function annotatorPagePainted() {
  return new Promise((resolve) => {
    const afterPaint = () => {
      if (document.visibilityState === "hidden") {
        resolve();
        return;
      }
      requestAnimationFrame(() => setTimeout(resolve, 0));
    };
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", afterPaint, { once: true });
    } else {
      afterPaint();
    }
  });
}

// Annotator (app/host/appjs.go): on a first visit, the service worker's
// install downloads and caches app.wasm, markdown.wasm and every page. Done
// while the app starts, it took the CPU the start needed (110-150 ms of the
// cold start on two cores), so, as web.dev advises for service workers,
// register it once the page is up: when the app is live, or 30 s after the
// page's load event if the app never gets there (it failed to load, or the
// link is very slow). A page the worker already controls registers at
// once, as go-app does, to look for an update.
function annotatorRegisterWorker() {
  try {
    if (!("serviceWorker" in navigator) || navigator.serviceWorker.controller) {
      goappInitServiceWorker();
      return;
    }
  } catch (err) {
    goappInitServiceWorker(); // go-app's own registration reports the error
    return;
  }
  let registered = false;
  const register = () => {
    if (registered) {
      return;
    }
    registered = true;
    watch.disconnect();
    goappInitServiceWorker();
  };
  const soon = () => window.requestIdleCallback ? requestIdleCallback(register, { timeout: 1000 }) : setTimeout(register, 0);
  const watch = new MutationObserver(() => {
    if (document.documentElement.getAttribute("data-app") === "live") {
      soon();
    }
  });
  watch.observe(document.documentElement, { attributes: true, attributeFilter: ["data-app"] });
  window.addEventListener("load", () => setTimeout(register, 30000));
}

// Annotator (app/ui/search_dom_wasm.go): many DOM writes in one call from
// Go, for the search results drawn on every keystroke. From WebAssembly
// each call into JS costs a crossing and a string conversion; one call and
// one string for the whole batch is several times cheaper. nodes is an
// array of DOM nodes; ops is "node,attribute,length," once per write; texts
// holds the values one after another, each length UTF-16 code units long.
// An empty attribute sets a text node's value. Only text values and
// attributes are written, never markup.
function annotatorWrite(nodes, ops, texts) {
  const o = ops.split(",");
  for (let k = 0, at = 0; k + 2 < o.length; k += 3) {
    const node = nodes[+o[k]], end = at + +o[k + 2], s = texts.slice(at, end);
    at = end;
    if (o[k + 1] === "") {
      node.nodeValue = s;
    } else {
      node.setAttribute(o[k + 1], s);
    }
  }
}

// Annotator (app/ui/block_dom_wasm.go): the marks of one block of the
// article, made in one call from Go (issue 18: go-app made the 15,000
// marks of an article of 1,000 overlapping annotations one attribute at a
// time, in seconds). It removes remove children of el from index from (all
// from there when negative), then inserts there the segments of spec, a
// JSON object: m lists the marks as [class, annotation id, anchor status],
// t the segments' texts and s, for each, its marks (indexes into m),
// outermost first. Each segment is its text wrapped in one mark element
// per annotation over it. Only text nodes and attributes are made, never
// markup.
function annotatorDrawMarks(el, from, remove, spec) {
  const kids = el.childNodes;
  if (remove < 0) {
    remove = kids.length - from;
  }
  for (let i = 0; i < remove && from < kids.length; i++) {
    el.removeChild(kids[from]);
  }
  if (spec === "") {
    return;
  }
  const d = JSON.parse(spec), frag = document.createDocumentFragment();
  for (let k = 0; k < d.t.length; k++) {
    let node = document.createTextNode(d.t[k]);
    const marks = d.s[k];
    for (let j = marks.length - 1; j >= 0; j--) {
      const m = d.m[marks[j]], mark = document.createElement("mark");
      mark.setAttribute("class", m[0]);
      mark.setAttribute("data-annotation-id", m[1]);
      mark.setAttribute("data-anchor", m[2]);
      mark.setAttribute("tabindex", "-1");
      mark.appendChild(node);
      node = mark;
    }
    frag.appendChild(node);
  }
  el.insertBefore(frag, kids[from] || null);
}
`

// patchAppJS returns go-app's app.js with Annotator's changes: app.wasm read
// through annotatorFetchWasm, the service worker registered by
// annotatorRegisterWorker, a yield before the Go program starts, and
// appJSFetch and the store's annotatorUnpack (internal/unpackjs) appended.
// It fails, saying what is missing, when the script no longer has the
// shape these changes expect (each of appJSCall, appJSRegister and
// appJSRun exactly once): serving it unpatched would silently lose them.
func patchAppJS(body []byte) ([]byte, error) {
	for _, s := range []struct{ text, what string }{
		{appJSCall, "the download of app.wasm"},
		{appJSRegister, "the service worker's registration"},
		{appJSRun, "the start of the Go program"},
	} {
		if n := bytes.Count(body, []byte(s.text)); n != 1 {
			return nil, fmt.Errorf("go-app's app.js has %d calls %q (%s) where Annotator's patch of it expects one: this go-app version changed the script, so app/host/appjs.go must be updated for it", n, strings.TrimSpace(s.text), s.what)
		}
	}
	body = bytes.Replace(body, []byte(appJSCall), []byte(`annotatorFetchWasm("`), 1)
	body = bytes.Replace(body, []byte(appJSRegister), []byte("annotatorRegisterWorker();\n"), 1)
	body = bytes.Replace(body, []byte(appJSRun), []byte(appJSYield), 1)
	body = append(body, appJSFetch...)
	return append(body, unpackjs.Source...), nil
}

// goAppJS is go-app's own app.js response (a variable, so that a test can
// give another script).
var goAppJS = func(h *Host, r *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.app.ServeHTTP(rec, r)
	return rec
}

// checkAppJS makes sure, when the host starts, that go-app's app.js can be
// patched.
func (h *Host) checkAppJS() error {
	rec := goAppJS(h, httptest.NewRequest(http.MethodGet, "/app.js", nil))
	if rec.Code != http.StatusOK {
		return fmt.Errorf("go-app's app.js answered %d", rec.Code)
	}
	_, err := patchAppJS(rec.Body.Bytes())
	return err
}

// serveAppJS serves go-app's app.js patched (patchAppJS); New has checked
// that it can be.
func (h *Host) serveAppJS(w http.ResponseWriter, r *http.Request) {
	rec := goAppJS(h, r)
	body := rec.Body.Bytes()
	if rec.Code == http.StatusOK {
		patched, err := patchAppJS(body)
		if err != nil {
			h.logger.Printf("app.js: %v", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		body = patched
		rec.Header().Set("Content-Length", strconv.Itoa(len(body)))
		rec.Header().Del("ETag")
	}
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	w.Write(body)
}
