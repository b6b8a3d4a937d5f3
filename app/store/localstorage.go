//go:build wasm

package store

import (
	"fmt"
	"syscall/js"
	"unsafe"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// NewLocalStorage returns the browser's localStorage as a Backend.
func NewLocalStorage() Backend { return localStorage{} }

// localStorage calls window.localStorage. A JavaScript exception (a full
// quota makes setItem throw QuotaExceededError) reaches Go as a panic from
// syscall/js, which go-app's Value.Call does not catch; catch turns it into
// an error.
type localStorage struct{}

func storage() app.Value { return app.Window().Get("localStorage") }

func (localStorage) Get(key string) (value string, ok bool, err error) {
	defer catch(&err, "reading "+key)
	v := storage().Call("getItem", key)
	if v.IsNull() || v.IsUndefined() {
		return "", false, nil
	}
	b := utf8Of(v, nil) // a new []byte, not used again: it becomes the string
	return unsafe.String(unsafe.SliceData(b), len(b)), true, nil
}

// textEncoder is a TextEncoder for utf8Of, made on first use.
var textEncoder app.Value

// utf8Of returns the UTF-8 bytes of the JavaScript string v, appended to
// dst[:0]. syscall/js's String copies them twice (into a []byte, then into
// a string); this copies them once, into memory the caller may reuse
// (load: an article's entry of 1,000 annotations is 230 KB).
func utf8Of(v app.Value, dst []byte) []byte {
	if textEncoder == nil {
		textEncoder = app.Window().Get("TextEncoder").New()
	}
	b := textEncoder.Call("encode", v)
	n := b.Get("length").Int() // not v's Length(): go-app's panics on a string
	if cap(dst) < n {
		dst = make([]byte, n)
	}
	dst = dst[:n]
	app.CopyBytesToGo(dst, b)
	return dst
}

// unpack is the page's annotatorUnpack (internal/unpackjs), once found.
var unpack app.Value

// getUnpacked is Get into a buffer the caller reuses (unpackingGetter). A
// packed value is unpacked by the page's annotatorUnpack when it has one
// (app.js does), which reads the string's code units where Go would have
// them encoded to UTF-8, copied (230 KB for 1,000 annotations) and decoded
// again; a page without it (Node, in the store's tests) reads the UTF-8.
func (localStorage) getUnpacked(key string, dst []byte) (b []byte, units int, packed, ok bool, err error) {
	defer catch(&err, "reading "+key)
	v := storage().Call("getItem", key)
	if v.IsNull() || v.IsUndefined() {
		return dst[:0], 0, false, false, nil
	}
	if unpack == nil {
		if f := app.Window().Get("annotatorUnpack"); f.Type() == app.TypeFunction {
			unpack = f
		}
	}
	if unpack != nil {
		if u := unpack.Invoke(v); !u.IsNull() {
			n := u.Get("length").Int()
			if cap(dst) < n {
				dst = make([]byte, n)
			}
			dst = dst[:n]
			app.CopyBytesToGo(dst, u)
			return dst, u.Get("units").Int(), true, true, nil
		}
	}
	return utf8Of(v, dst), 0, false, true, nil
}

func (localStorage) Set(key, value string) (err error) {
	defer catch(&err, "writing "+key)
	storage().Call("setItem", key, value)
	return nil
}

func (localStorage) Remove(key string) (err error) {
	defer catch(&err, "removing "+key)
	storage().Call("removeItem", key)
	return nil
}

func (localStorage) Keys() (keys []string, err error) {
	defer catch(&err, "listing keys")
	s := storage()
	n := s.Get("length").Int()
	for i := 0; i < n; i++ {
		if k := s.Call("key", i); k.Type() == app.TypeString {
			keys = append(keys, k.String())
		}
	}
	return keys, nil
}

func catch(err *error, what string) {
	r := recover()
	if r == nil {
		return
	}
	if jsErr, ok := r.(js.Error); ok {
		name, code := "", 0
		if v := jsErr.Get("name"); v.Type() == js.TypeString {
			name = v.String()
		}
		if v := jsErr.Get("code"); v.Type() == js.TypeNumber {
			code = v.Int()
		}
		if isQuotaException(name, code, jsErr.Error()) {
			*err = fmt.Errorf("%w (%s: %v)", ErrQuota, what, jsErr)
			return
		}
	}
	if e, ok := r.(error); ok {
		*err = fmt.Errorf("localStorage: %s: %w", what, e)
		return
	}
	panic(r)
}

// QuotaChars is Chromium's localStorage quota. No browser tells a page its
// localStorage quota (navigator.storage.estimate covers every kind of
// storage together); Firefox and Safari also allow about 5 MB per origin.
func (localStorage) QuotaChars() int { return ChromiumQuotaChars }
