package search

// vocabTable maps folded words to vocabulary ids: open addressing over the
// index's words, with a hash that is cheap in WebAssembly (Go's map hashes
// strings without the AES instructions it uses natively, and building the
// index looks up every word of every annotation).
type vocabTable struct {
	slots  []uint32 // vocabulary id + 1, or 0 for empty; a power of two long
	hashes []uint32 // vocabulary id → its word's hash
}

// wordHash is FNV-1a.
func wordHash[S string | []byte](w S) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h
}

// lookup returns the id of w among words.
func lookup[S string | []byte](t *vocabTable, words []string, w S) (uint32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	h := wordHash(w)
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return 0, false
		}
		if id := s - 1; t.hashes[id] == h && words[id] == string(w) {
			return id, true
		}
	}
}

// insert records that words[id] (a word not in the table) has this id,
// the next one.
func (t *vocabTable) insert(words []string, id uint32) {
	if 2*(len(t.hashes)+1) > len(t.slots) {
		t.grow(words)
	}
	h := wordHash(words[id])
	t.hashes = append(t.hashes, h)
	t.place(id, h)
}

func (t *vocabTable) place(id, h uint32) {
	mask := uint32(len(t.slots) - 1)
	i := h & mask
	for t.slots[i] != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = id + 1
}

func (t *vocabTable) grow(words []string) {
	t.slots = make([]uint32, max(1024, 2*len(t.slots)))
	for id, h := range t.hashes {
		t.place(uint32(id), h)
	}
}
