
// Annotator (app/store/localstorage.go, internal/unpackjs): the bytes
// packed into a stored annotations entry (app/store/pack.go: "~", then 15
// bits a UTF-16 code unit from U+3400, the last 1 to 7 bits maybe in one
// unit from U+0100), read straight off the string's code units. Go would
// otherwise have the string encoded to UTF-8, copy that in (230 KB for
// 1,000 annotations) and decode it again; this hands Go the 140 KB it
// wants, with the string's length as its units (Go cannot ask a string
// for it). It returns null for anything else, a unit outside the packing
// included: Go then reads the value itself and says what is wrong.
function annotatorUnpack(s) {
  const n = s.length;
  if (n === 0 || s.charCodeAt(0) !== 0x7e) {
    return null;
  }
  const out = new Uint8Array(((n - 1) * 15) >>> 3);
  let k = 0, acc = 0, bits = 0;
  for (let i = 1; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x3400 && c < 0xb400) {
      acc = (acc << 15) | (c - 0x3400);
      bits += 15;
    } else if (c >= 0x100 && c < 0x180 && i === n - 1) {
      acc = (acc << 7) | (c - 0x100);
      bits += 7;
    } else {
      return null;
    }
    // Fewer than 8 bits wait in acc between units: at most 22 after one.
    while (bits >= 8) {
      bits -= 8;
      out[k++] = acc >>> bits;
    }
    acc &= (1 << bits) - 1;
  }
  const bytes = out.subarray(0, k);
  bytes.units = n;
  return bytes;
}
