// Annotator's file worker (named for its first job, Markdown). It runs
// markdown.wasm (cmd/markdown), which reads a reader's own .md file with
// goldmark and a saved web page (.html, .htm, .xhtml) with readability,
// off the page's thread and outside app.wasm. The page sends {seq, id,
// data, name} (data a Uint8Array, name the file's name, which picks the
// reader) and gets back {seq, version, article} (the article as JSON) or
// {seq, version, error, message} (error names the kind of bad input).
// Version 2 of this exchange added name and web pages; a version 1 page
// sends no name, which reads as Markdown. This script answers
// error "unavailable" when markdown.wasm could not be started (for example
// offline before it was ever cached) and "stopped" when its program has
// ended (it ran out of memory); the page then ends this worker.
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
  // main registers annotatorParseFile before it first waits, which is
  // before run returns to this script.
  go.run(instance);
  if (typeof self.annotatorParseFile !== "function") {
    throw new Error("markdown.wasm did not start");
  }
})();
ready.catch(() => {}); // reported with each message below

self.onmessage = async (event) => {
  const { seq, id, data, name } = event.data;
  try {
    await ready;
  } catch (err) {
    self.postMessage({ seq, error: "unavailable", message: String((err && err.message) || err) });
    return;
  }
  let out;
  try {
    out = self.annotatorParseFile(id, data, typeof name === "string" ? name : "file.md");
  } catch (err) {
    out = undefined;
  }
  if (!out) {
    self.postMessage({ seq, error: "stopped", message: "the file reader stopped" });
    return;
  }
  self.postMessage({ seq, version: out.version, article: out.article, error: out.error, message: out.message });
};
