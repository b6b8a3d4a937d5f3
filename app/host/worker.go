//go:build !wasm

package host

// serviceWorkerJS replaces go-app's cache-first worker. Pages and article data
// are fetched from the network first, so an edited article is seen on the
// next load, and come from the cache when the network fails or is too slow;
// the app's code and static files are served from the cache of their build
// version (matched with ignoreVary: app.wasm is cached in whichever encoding
// the install fetched, and the Cache API keeps its decoded body).
// A navigation to a page never cached (a reader's own article) falls back to
// the cached library page: the app then routes by the address itself.
//
// A new worker takes over at once (skipWaiting, clients.claim): go-app's
// app.js announces an update only when the new worker reaches "activated"
// while an older one controls the page, and a waiting worker would never get
// there while the reader keeps a tab open. The page is not reloaded: the
// app shows "A new version of Annotator is ready" with a Reload button.
const serviceWorkerJS = `// Annotator service worker, build {{.Version}}
const cacheName = "annotator-{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(cacheName);
    // app.wasm after the small files: the page registers this worker once
    // the app is live, but if it never got there (app.js's fallback) it may
    // still be downloading app.wasm, and asking later lets the browser's
    // HTTP cache answer rather than a second download competing for a slow
    // link. Then the Markdown worker's files, which the page has not asked
    // for, so that a reader can open a .md file offline. They may fail
    // without failing the install: cacheFirst caches them when the page
    // first asks for them.
    const wasm = "/web/app.wasm";
    const markdown = ["/web/markdown-worker.js", "/web/markdown.wasm"];
    await cache.addAll(resourcesToCache.filter((url) => url !== wasm && !markdown.includes(url)));
    await cache.add(wasm);
    for (const url of markdown.filter((url) => resourcesToCache.includes(url))) {
      await cache.add(url).catch((err) => console.warn("caching " + url + " failed: ", err));
    }
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key !== cacheName) {
        await caches.delete(key);
      }
    }
    // Navigations are fetched while the worker starts.
    if (self.registration.navigationPreload) {
      await self.registration.navigationPreload.enable();
    }
    await self.clients.claim();
  })());
});

function isFresh(url, request) {
  return request.mode === "navigate" || url.pathname === "/" ||
    url.pathname.startsWith("/read/") || url.pathname.startsWith("/api/");
}

// What a reader shares to the app arrives in the address of the share
// target's page (/share?title=&text=&url=, app/host/manifest.go): never
// kept in the cache, whose copy would hold the shared text. Offline the
// navigation is answered with the library's page, and the app reads the
// address.
function isShare(request) {
  const path = new URL(request.url).pathname;
  return path === "/share" || path === "/share/";
}

// A navigation must not be answered with a redirected response: keep the
// body and headers only (a static host redirects /read/x to /read/x/).
function unredirected(response) {
  if (!response || !response.redirected) {
    return response;
  }
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

// How long a page or article waits for the network before a cached copy is
// used instead (the network's answer still refreshes the cache).
const networkTimeout = 4000;

// withoutPreload drops a preload of app.wasm from a page this worker
// fetched itself: hosts before issue 18 sent one (app/host/headers.go), and
// with the worker running app.js reads app.wasm from the cache, so a cached
// page must not ask for it again.
function withoutPreload(response) {
  if (!response.ok || response.type !== "basic" || !response.headers.has("Link")) {
    return response;
  }
  const headers = new Headers(response.headers);
  headers.delete("Link");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

async function networkFirst(request, preloaded) {
  const cache = await caches.open(cacheName);
  const fromNetwork = Promise.resolve(preloaded).then((response) => response || fetch(request).then(withoutPreload)).then((response) => {
    if (response.ok && (response.type === "basic" || response.type === "default") && !isShare(request)) {
      cache.put(request, response.clone());
    }
    return response;
  });
  fromNetwork.catch(() => {}); // a failure is handled below
  const fromCache = async () => {
    const cached = await cache.match(request, { ignoreVary: true });
    if (cached) {
      return unredirected(cached);
    }
    if (request.mode === "navigate") {
      return unredirected(await cache.match("/"));
    }
    return undefined;
  };
  let timer;
  const slow = new Promise((resolve) => {
    timer = setTimeout(resolve, networkTimeout);
  });
  try {
    const first = await Promise.race([fromNetwork, slow]);
    if (first) {
      return first;
    }
    const cached = await fromCache();
    return cached || await fromNetwork;
  } catch (err) {
    const cached = await fromCache();
    if (cached) {
      return cached;
    }
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { ignoreVary: true });
  if (cached) {
    return cached;
  }
  const response = await fetch(request);
  // The Markdown worker's files, if the install could not cache them.
  if (response.ok && new URL(request.url).pathname.startsWith("/web/markdown")) {
    const cache = await caches.open(cacheName);
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  // A fetched page is the reader's to keep in the app's storage: never
  // cached here, never answered from a cache (offline the request fails,
  // and the app says the address will be fetched once online).
  if (url.pathname === "/api/fetch") {
    return;
  }
  if (!isFresh(url, request)) {
    event.respondWith(cacheFirst(request));
    return;
  }
  const preloaded = request.mode === "navigate" ? event.preloadResponse : undefined;
  if (preloaded) {
    event.waitUntil(preloaded.catch(() => {}));
  }
  event.respondWith(networkFirst(request, preloaded));
});
`
