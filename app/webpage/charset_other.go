//go:build !wasm

package webpage

import (
	"mime"

	"golang.org/x/text/encoding/htmlindex"
)

// charsetParam is the charset parameter of a Content-Type header, or ""
// when it has none or does not parse (mime.ParseMediaType).
func charsetParam(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return params["charset"]
}

// encodingName is the WHATWG name of the encoding label names, or "" when
// it names none (x/text's index of the Encoding Standard's labels).
func encodingName(label string) string {
	e, err := htmlindex.Get(label)
	if err != nil {
		return ""
	}
	name, err := htmlindex.Name(e)
	if err != nil {
		return ""
	}
	return name
}

// decodeAs decodes data from the encoding of that WHATWG name with
// x/text's decoders; false when there is none.
func decodeAs(name string, data []byte) (string, bool) {
	e, err := htmlindex.Get(name)
	if err != nil {
		return "", false
	}
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", false
	}
	return string(out), true
}
