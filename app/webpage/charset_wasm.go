//go:build wasm

package webpage

import (
	"strings"
	"syscall/js"
)

// In the browser (markdown.wasm's worker) pages are decoded by the
// browser's TextDecoder, which implements the WHATWG Encoding Standard, so
// that x/text's tables are not in the worker (charset.go).

// encodingName is the WHATWG name of the encoding label names, or "" when
// it names none: what new TextDecoder(label).encoding says, or "" when it
// throws (a RangeError for an unknown label).
func encodingName(label string) (name string) {
	defer func() {
		if recover() != nil {
			name = ""
		}
	}()
	decoder := js.Global().Get("TextDecoder")
	if decoder.Type() != js.TypeFunction {
		return ""
	}
	return decoder.New(label).Get("encoding").String()
}

// decodeAs decodes data from the encoding of that WHATWG name with the
// browser's TextDecoder (invalid bytes become U+FFFD, as x/text's decoders
// make them); false when the browser does not know it.
func decodeAs(name string, data []byte) (text string, ok bool) {
	if name == "replacement" { // as x/text's encoding.Replacement
		if len(data) == 0 {
			return "", true
		}
		return "\uFFFD", true
	}
	defer func() {
		if recover() != nil {
			text, ok = "", false
		}
	}()
	decoder := js.Global().Get("TextDecoder")
	if decoder.Type() != js.TypeFunction {
		return "", false
	}
	bytes := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(bytes, data)
	return decoder.New(name).Call("decode", bytes).String(), true
}

// charsetParam is the charset parameter of a Content-Type header, or "".
// In the browser a page comes from a file, which has no Content-Type, so
// this reads the plain forms (text/html; charset=x, or charset="x") and
// leaves package mime, 24 KB of markdown.wasm's brotli download, out.
func charsetParam(contentType string) string {
	_, params, _ := strings.Cut(contentType, ";")
	for _, p := range strings.Split(params, ";") {
		key, value, ok := strings.Cut(p, "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(key), "charset") {
			continue
		}
		value = strings.TrimSpace(value)
		if len(value) >= 2 && value[0] == '"' && value[len(value)-1] == '"' {
			value = value[1 : len(value)-1]
		}
		return value
	}
	return ""
}
