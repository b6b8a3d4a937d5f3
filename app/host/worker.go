//go:build !wasm

package host

// serviceWorkerJS replaces go-app's cache-first worker. Pages and article data
// are fetched from the network first, so an edited article is seen on the
// next load, and come from the cache only when the network fails; the app's
// code and static files are served from the cache of their build version.
// A navigation to a page never cached (a reader's own article) falls back to
// the cached library page: the app then routes by the address itself.
const serviceWorkerJS = `// Annotator service worker, build {{.Version}}
const cacheName = "annotator-{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(cacheName);
    await cache.addAll(resourcesToCache);
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
    await self.clients.claim();
  })());
});

function isFresh(url, request) {
  return request.mode === "navigate" || url.pathname === "/" ||
    url.pathname.startsWith("/read/") || url.pathname.startsWith("/api/");
}

async function networkFirst(request) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) {
      cache.put(request, response.clone());
    }
    return response;
  } catch (err) {
    const cached = await cache.match(request, { ignoreVary: true });
    if (cached) {
      return cached;
    }
    if (request.mode === "navigate") {
      const shell = await cache.match("/");
      if (shell) {
        return shell;
      }
    }
    throw err;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { ignoreVary: true });
  if (cached) {
    return cached;
  }
  return fetch(request);
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
  event.respondWith(isFresh(url, request) ? networkFirst(request) : cacheFirst(request));
});
`
