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
	return stringOf(v), true, nil
}

// textEncoder is a TextEncoder for stringOf, made on first use.
var textEncoder app.Value

// stringOf is v.String() with one copy of the value less: syscall/js
// copies the string's UTF-8 bytes (TextEncoder's, as here) into a []byte
// and then that into a Go string; here the []byte becomes the string. An
// article's entry of 1,000 annotations is 230 KB of UTF-8, read whole as
// the store opens; the copy not made is garbage not collected.
func stringOf(v app.Value) string {
	if textEncoder == nil {
		textEncoder = app.Window().Get("TextEncoder").New()
	}
	b := textEncoder.Call("encode", v)
	n := b.Get("length").Int() // not v's Length(): go-app's panics on a string
	if n == 0 {
		return ""
	}
	buf := make([]byte, n)
	app.CopyBytesToGo(buf, b)
	return unsafe.String(&buf[0], n) // buf is not used again
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
