//go:build wasm

package ui

import (
	"strconv"
	"unicode/utf8"

	"github.com/annotator/annotator/app/anchor"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The reader's DOM glue for the card, the sentence cursor and the panel's
// sheet: where things go on the screen, which go-app does not decide.

// wideQuery is the stylesheet's breakpoint between the phone's layout (one
// column; the card and the panel as sheets) and the wide one (the panel
// beside the article).
const wideQuery = "(min-width: 60rem)"

func isWide() bool {
	return app.Window().Call("matchMedia", wideQuery).Get("matches").Bool()
}

// cardGap is the room kept between the card and what it is placed by.
const cardGap = 8

// placeCard puts an annotation's open card where the reader is looking,
// once it is drawn, and then moves the focus (to "mark", or to the element
// with that id, or nowhere).
//
// On a wide screen the card heads the side panel, lowered so that its top
// lines up with the highlight's first line, as Hypothesis's and Google
// Docs' margin cards sit by their anchors; the article scrolls a little if
// the card would not fit below the highlight. With center, the highlight
// is first brought to the middle of the window (a card chosen from the
// panel or from search: the text moves to where the reader looks, and the
// card follows it). On a phone the card is a sheet at the foot of the
// window, and the article scrolls only as much as keeps the highlight in
// view above it.
//
// If the reader presses the mouse or a finger before the card is drawn
// (a new selection begun right after the click that opened it), the card
// is still placed by its highlight, but neither the window scrolls nor
// the focus moves: either would end or spoil that selection.
func placeCard(id, focus string, center bool) {
	pressed := pressMark()
	whenDrawn("#"+cssEscape("card-"+id), func(card app.Value) {
		win := app.Window()
		still := !pressed()
		scrollBy := func(dy float64) {
			if still {
				win.Call("scrollBy", 0, dy)
			}
		}
		mark := document().Call("querySelector", `mark[data-annotation-id="`+cssEscape(id)+`"]`)
		vh := win.Get("innerHeight").Float() - dockHeight()
		st := card.Get("style")
		st.Call("removeProperty", "margin-top")
		if isWide() {
			if sb := card.Call("closest", ".sidebar"); sb.Truthy() {
				sb.Set("scrollTop", 0)
			}
			if mark.Truthy() {
				if center && still {
					mark.Call("scrollIntoView", map[string]any{"block": "center"})
				}
				h := min(card.Get("offsetHeight").Float(), vh*0.7)
				m := rectOf(mark)
				keep := vh * 0.15 // the highlight stays at least this far down
				switch {
				case m.top < keep || m.top > vh-cardGap:
					scrollBy(m.top - vh*0.3)
				case m.top-cardGap+h > vh-cardGap:
					if d := min(m.top-cardGap+h-(vh-cardGap), m.top-keep); d > 0 {
						scrollBy(d)
					}
				}
				m = rectOf(mark)
				natural := rectOf(card).top
				if want := m.top - cardGap; want > natural {
					st.Call("setProperty", "margin-top", strconv.Itoa(int(want-natural))+"px")
				}
			}
		} else if mark.Truthy() {
			// The sheet may still grow as the card's fields are drawn
			// (up to 55vh, the stylesheet's max-height): keep the
			// highlight above the tallest it can be.
			sheet := min(rectOf(card).top, vh-win.Get("innerHeight").Float()*0.55)
			m := rectOf(mark)
			if m.top < cardGap || m.bottom > sheet-cardGap {
				// The middle of what the sheet leaves visible.
				scrollBy(m.top - max(cardGap, (sheet-(m.bottom-m.top))/2))
			}
		}
		card.Get("dataset").Set("placed", "true")
		if !still {
			return
		}
		switch focus {
		case "":
		case "mark":
			if mark.Truthy() {
				mark.Call("focus", map[string]any{"preventScroll": true})
			}
		default:
			if el := document().Call("getElementById", focus); el.Truthy() {
				el.Call("focus", map[string]any{"preventScroll": true})
				// A tall card can put the field it focuses below the
				// side panel's foot, which stops above a problem docked
				// at the window's foot: scroll the panel to show it.
				if f := rectOf(el); isWide() && !el.Equal(card) && f.bottom > vh-cardGap {
					el.Call("scrollIntoView", map[string]any{"block": "nearest"})
				}
			}
		}
	})
}

// revealMark focuses an annotation's first mark, scrolling (when scroll is
// set) only when it is out of view: closing its card hands the focus back to the text without
// moving it. The mark is already drawn when its card closes, so this
// happens at once, in the handler of the × or of Escape, not a frame
// later: a later focus and scroll land after the reader has gone on, and
// spoil a selection begun in the meantime (issue 15, daily use; a focus
// moved during a drag ends it, and the scroll moves the text the reader
// aimed at). A mark not drawn yet is focused once it is, unless the reader
// has pressed since (pressMark).
func revealMark(id string, scroll bool) {
	sel := `mark[data-annotation-id="` + cssEscape(id) + `"]`
	reveal := func(el app.Value) {
		el.Call("focus", map[string]any{"preventScroll": true})
		if r := rectOf(el); scroll && (r.bottom < 0 || r.top > app.Window().Get("innerHeight").Float()-dockHeight()) {
			el.Call("scrollIntoView", map[string]any{"block": "center"})
		}
	}
	if el := document().Call("querySelector", sel); el.Truthy() {
		reveal(el)
		return
	}
	pressed := pressMark()
	whenDrawn(sel, func(el app.Value) {
		if !pressed() {
			reveal(el)
		}
	})
}

// selectSpan selects [start, end) of the article's canonical text, in code
// points, as the reader's own selection, and brings it into view.
func selectSpan(start, end int) bool {
	art := document().Call("querySelector", "article.article-body")
	if !art.Truthy() || end <= start {
		return false
	}
	sn, so, ok1 := textPoint(art, start, false)
	en, eo, ok2 := textPoint(art, end, true)
	if !ok1 || !ok2 {
		return false
	}
	r := document().Call("createRange")
	r.Call("setStart", sn, so)
	r.Call("setEnd", en, eo)
	sel := app.Window().Call("getSelection")
	sel.Call("removeAllRanges")
	sel.Call("addRange", r)
	box := rectOf(r)
	vh := app.Window().Get("innerHeight").Float() - dockHeight()
	if box.top < 64 || box.bottom > vh-96 {
		app.Window().Call("scrollBy", 0, box.top-vh/3)
	}
	return true
}

// textPoint finds the text node and UTF-16 offset of a canonical offset:
// in the block that holds it, counting the code points of its text nodes.
// An end offset at a node's end stays in that node.
func textPoint(art app.Value, off int, isEnd bool) (app.Value, int, bool) {
	blocks := art.Call("querySelectorAll", "[data-start]")
	var block app.Value
	blockStart := -1
	for i := 0; i < blocks.Get("length").Int(); i++ {
		b := blocks.Call("item", i)
		s, err := strconv.Atoi(b.Get("dataset").Get("start").String())
		if err != nil || s > off || (isEnd && s == off && blockStart >= 0) {
			break
		}
		block, blockStart = b, s
	}
	if blockStart < 0 {
		return nil, 0, false
	}
	left := off - blockStart
	walker := document().Call("createTreeWalker", block, 4) // NodeFilter.SHOW_TEXT
	var last app.Value
	lastLen := 0
	for n := walker.Call("nextNode"); n.Truthy(); n = walker.Call("nextNode") {
		data := n.Get("data").String()
		cps := utf8.RuneCountInString(data)
		if left < cps || (isEnd && left == cps) {
			return n, anchor.CodePointToUTF16(data, left), true
		}
		left -= cps
		last, lastLen = n, anchor.CodePointToUTF16(data, cps)
	}
	if last != nil && left == 0 {
		return last, lastLen, true
	}
	return nil, 0, false
}

// firstVisibleStart is the canonical offset of the first block of the
// article in view, where a sentence cursor starts; -1 when none is.
func firstVisibleStart() int {
	blocks := document().Call("querySelectorAll", "article.article-body [data-start]")
	vh := app.Window().Get("innerHeight").Float()
	for i := 0; i < blocks.Get("length").Int(); i++ {
		b := blocks.Call("item", i)
		if r := rectOf(b); r.bottom > 48 && r.top < vh {
			s, err := strconv.Atoi(b.Get("dataset").Get("start").String())
			if err == nil {
				return s
			}
		}
	}
	return -1
}

// clearFieldValue empties a text field go-app drew. go-app leaves an empty
// value out of the attributes it sets (and a textarea's text is its value
// property, not an attribute), so a field whose value goes back to ""
// would keep what was typed in it (issue 15, point 6).
func clearFieldValue(id string) {
	if el := document().Call("getElementById", id); el.Truthy() {
		el.Set("value", "")
	}
}

// focusSoon focuses the element with this id once drawn, without
// scrolling: for controls in a sheet, which is always in view.
func focusSoon(id string) {
	focusWhenDrawn("#"+cssEscape(id), map[string]any{"preventScroll": true}, nil)
}

// focusHeading focuses a heading once drawn (making it focusable by
// script if it is not), without scrolling the window, and brings it into
// view in its scroller: where a sheet opens at a section.
func focusHeading(id string) {
	pressed := pressMark()
	whenDrawn("#"+cssEscape(id), func(el app.Value) {
		if pressed() {
			return
		}
		if !el.Call("hasAttribute", "tabindex").Bool() {
			el.Call("setAttribute", "tabindex", "-1")
		}
		el.Call("focus", map[string]any{"preventScroll": true})
		el.Call("scrollIntoView", map[string]any{"block": "start"})
	})
}

// openKeyboardHelp opens the dialog of keys as a modal dialog.
func openKeyboardHelp() {
	if d := document().Call("getElementById", keyboardHelpID); d.Truthy() && !d.Get("open").Bool() {
		d.Call("showModal")
	}
}

func closeKeyboardHelp() {
	if d := document().Call("getElementById", keyboardHelpID); d.Truthy() && d.Get("open").Bool() {
		d.Call("close")
	}
}

// listenHelpKey opens the dialog of keys on ? outside a text field.
func listenHelpKey() func() {
	doc := document()
	keys := app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		if e.Get("key").String() != "?" || e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("altKey").Bool() {
			return nil
		}
		t := e.Get("target")
		if tag := t.Get("tagName").String(); tag == "INPUT" || tag == "TEXTAREA" || tag == "SELECT" || t.Get("isContentEditable").Bool() {
			return nil
		}
		e.Call("preventDefault")
		openKeyboardHelp()
		return nil
	})
	doc.Call("addEventListener", "keydown", keys)
	return func() {
		doc.Call("removeEventListener", "keydown", keys)
		keys.Release()
	}
}

// moveMenuFocus moves the focus among a menu's items by an arrow, Home or
// End key, wrapping around.
func moveMenuFocus(menuID, key string) {
	menu := document().Call("getElementById", menuID)
	if !menu.Truthy() {
		return
	}
	items := menu.Call("querySelectorAll", "[role=menuitem]")
	n := items.Get("length").Int()
	if n == 0 {
		return
	}
	at := -1
	for i := 0; i < n; i++ {
		if items.Call("item", i).Equal(document().Get("activeElement")) {
			at = i
		}
	}
	switch key {
	case "ArrowDown":
		at = (at + 1) % n
	case "ArrowUp":
		at = (at - 1 + n) % n
	case "Home":
		at = 0
	case "End":
		at = n - 1
	}
	items.Call("item", at).Call("focus")
}
