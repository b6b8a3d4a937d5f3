package app

import "github.com/maxence-charriere/go-app/v10/pkg/errors"

// Annotator patch (see PATCHES.md): app.wasm has no AES-GCM, because
// crypto/aes, crypto/cipher and crypto/rand link the Go FIPS 140 module
// (its DRBG, self-tests, SHA-3, SHA-512…) into the browser build. Annotator
// never persists encrypted state, so Context.Encrypt, Context.Decrypt and
// State.PersistWithEncryption fail with this error in the browser.
var errNoEncryption = errors.New("encrypted state is not built into this app (Annotator's go-app patch leaves crypto out of app.wasm)")

func encrypt(key string, v []byte) ([]byte, error) { return nil, errNoEncryption }

func decrypt(key string, v []byte) ([]byte, error) { return nil, errNoEncryption }
