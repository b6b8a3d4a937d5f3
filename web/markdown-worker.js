// Annotator's Markdown worker. It runs markdown.wasm (cmd/markdown), which
// parses a reader's own .md file with goldmark, off the page's thread and
// outside app.wasm. The page sends {seq, id, data} (data a Uint8Array) and
// gets back {seq, article} (the article as JSON) or {seq, error, message}
// (error names the kind of bad input, "unavailable" when markdown.wasm
// could not be started, for example offline before it was ever cached).
"use strict";

importScripts("/wasm_exec.js");

async function instantiate(go) {
  const url = "/web/markdown.wasm";
  try {
    return await WebAssembly.instantiateStreaming(fetch(url), go.importObject);
  } catch (err) {
    // A plain file server may not say application/wasm.
    const response = await fetch(url);
    if (!response.ok) {
      throw new Error(url + ": " + response.status + " " + response.statusText);
    }
    return await WebAssembly.instantiate(await response.arrayBuffer(), go.importObject);
  }
}

const ready = (async () => {
  const go = new Go();
  const { instance } = await instantiate(go);
  // main registers annotatorParseMarkdown before it first waits, which is
  // before run returns to this script.
  go.run(instance);
  if (typeof self.annotatorParseMarkdown !== "function") {
    throw new Error("markdown.wasm did not start");
  }
})();
ready.catch(() => {}); // reported with each message below

self.onmessage = async (event) => {
  const { seq, id, data } = event.data;
  try {
    await ready;
    const out = self.annotatorParseMarkdown(id, data);
    self.postMessage({ seq, article: out.article, error: out.error, message: out.message });
  } catch (err) {
    self.postMessage({ seq, error: "unavailable", message: String((err && err.message) || err) });
  }
};
