package webpage

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/htmlindex"
)

// These tests run natively and in WebAssembly (make test runs this package
// in Node.js), where encodingName and decodeAs are the JavaScript
// TextDecoder's: the browser build must find and decode every encoding as
// the native one does.

// encodingCases are documents whose encoding is found each way
// determineEncoding knows, and ways it must not be fooled.
var encodingCases = []struct {
	name        string
	content     string
	contentType string
}{
	{"empty", "", ""},
	{"ascii", "<p>plain</p>", ""},
	{"utf-8 undeclared", "<p>Käse</p>", ""},
	{"windows-1252 undeclared", "<p>K\xe4se</p>", ""},
	{"utf-8 cut at 1024", strings.Repeat("a", 1023) + "ä", ""},
	{"utf-8 BOM", "\xef\xbb\xbf<meta charset=shift_jis>", ""},
	{"utf-16le BOM", "\xff\xfe<\x00p\x00>\x00", ""},
	{"utf-16be BOM", "\xfe\xff\x00<\x00p\x00>", "text/html; charset=utf-8"},
	{"header", "<p>x</p>", "text/html; charset=Shift_JIS"},
	{"header quoted", "<p>x</p>", `text/html; charset="euc-kr"`},
	{"header beats meta", "<meta charset=gbk>", "text/html; charset=big5"},
	{"header unknown, meta", "<meta charset=gbk>", "text/html; charset=klingon"},
	{"header malformed", "<meta charset=gbk>", "text/html; charset"},
	{"meta charset", `<html><head><meta charset="ISO-8859-2">`, ""},
	{"meta charset label", `<meta charset=" latin1 ">`, ""},
	{"meta charset unknown", `<meta charset="klingon"><meta charset="koi8-r">`, ""},
	{"meta http-equiv", `<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">`, ""},
	{"meta content without http-equiv", `<meta content="text/html; charset=windows-1251">`, ""},
	{"meta content quoted charset", `<meta http-equiv=content-type content='text/html;charset="EUC-JP"'>`, ""},
	{"meta utf-16 means utf-8", `<meta charset="utf-16le">`, ""},
	{"meta replacement", `<meta charset="iso-2022-kr">`, ""},
	{"meta gb2312 label", `<meta charset="gb2312">`, ""},
	{"meta x-sjis label", `<meta charset="x-sjis">`, ""},
	{"meta after 1024 bytes", strings.Repeat(" ", 1024) + `<meta charset="koi8-r">`, ""},
	{"meta in a comment", `<!-- <meta charset="koi8-r"> --><p>x</p>`, ""},
	{"first meta wins", `<meta charset="big5"><meta charset="gbk">`, ""},
	{"duplicate attribute", `<meta charset="big5" charset="gbk">`, ""},
}

// TestDetermineEncodingAsXNet: determineEncoding answers as
// x/net/html/charset's DetermineEncoding, which it replaces, does.
func TestDetermineEncodingAsXNet(t *testing.T) {
	for _, c := range encodingCases {
		t.Run(c.name, func(t *testing.T) {
			checkAsXNet(t, []byte(c.content), c.contentType)
		})
	}
}

func checkAsXNet(t *testing.T, content []byte, contentType string) {
	t.Helper()
	_, wantName, wantCertain := charset.DetermineEncoding(bytes.Clone(content), contentType)
	name, certain := determineEncoding(bytes.Clone(content), contentType)
	if name != wantName || certain != wantCertain {
		t.Errorf("determineEncoding(%.80q, %q) = %q, %v; x/net says %q, %v", content, contentType, name, certain, wantName, wantCertain)
	}
}

// FuzzDetermineEncoding holds determineEncoding to x/net/html/charset's
// answers for any document and Content-Type.
func FuzzDetermineEncoding(f *testing.F) {
	for _, c := range encodingCases {
		f.Add([]byte(c.content), c.contentType)
	}
	f.Fuzz(func(t *testing.T, content []byte, contentType string) {
		checkAsXNet(t, content, contentType)
	})
}

// The text of a page in each script the legacy encodings are for.
var scripts = map[string]string{
	"japanese": "川の渡し船が再び動き出す。町議会は九対四で古い渡し船の再開を決めた。",
	"chinese":  "河上的渡船将再次启航。镇议会以九票对四票决定重新开放旧渡船。",
	"trad":     "河上的渡船將再次啟航。鎮議會以九票對四票決定重新開放舊渡船。",
	"korean":   "강 나룻배가 다시 운항한다. 시의회는 구 대 사로 옛 나룻배를 다시 열기로 했다.",
	"cyrillic": "Городской совет проголосовал за возобновление работы старого парома через реку.",
	"greek":    "Το δημοτικό συμβούλιο ψήφισε την επαναλειτουργία του παλιού πορθμείου.",
	"latin2":   "Rada miasta zagłosowała za ponownym otwarciem starego promu przez rzekę.",
}

// TestDecodeLegacyEncodings: a page saved in a legacy encoding, declared by
// its <meta>, reads as the text it holds, whichever decoder the build
// has.
func TestDecodeLegacyEncodings(t *testing.T) {
	for _, c := range []struct{ label, script string }{
		{"shift_jis", "japanese"},
		{"euc-jp", "japanese"},
		{"iso-2022-jp", "japanese"},
		{"gbk", "chinese"},
		{"gb18030", "chinese"},
		{"big5", "trad"},
		{"euc-kr", "korean"},
		{"windows-1251", "cyrillic"},
		{"koi8-r", "cyrillic"},
		{"iso-8859-7", "greek"},
		{"iso-8859-2", "latin2"},
	} {
		t.Run(c.label, func(t *testing.T) {
			text := scripts[c.script]
			page := fmt.Sprintf(`<!DOCTYPE html><html><head><meta charset="%s"><title>%s</title></head><body><article><h1>%s</h1><p>%s</p><p>%s</p></article></body></html>`,
				c.label, string([]rune(text)[:8]), text, strings.Repeat(text+" ", 4), strings.Repeat(text+" ", 3))
			e, err := htmlindex.Get(c.label)
			if err != nil {
				t.Fatal(err)
			}
			encoded, err := e.NewEncoder().Bytes([]byte(page))
			if err != nil {
				t.Fatal(err)
			}
			if got := decode(encoded, ""); got != page {
				t.Fatalf("decoded as\n%.200q\nwant\n%.200q", got, page)
			}
			a, err := Extract("x", encoded, Page{})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(a.Text, text) {
				t.Errorf("the article's text %.120q lacks %q", a.Text, text)
			}
		})
	}
}

// TestDecodeReplacement: a page that declares an encoding it must not be
// read in (ISO-2022-KR can hide markup) has no text to read.
func TestDecodeReplacement(t *testing.T) {
	if got := decode([]byte(`<meta charset="iso-2022-kr"><p>hidden</p>`), ""); got != "\uFFFD" {
		t.Errorf("decoded as %q, want U+FFFD", got)
	}
}

// TestCharsetParam: both builds read the charset of the usual
// Content-Type headers.
func TestCharsetParam(t *testing.T) {
	for _, c := range []struct{ contentType, want string }{
		{"", ""},
		{"text/html", ""},
		{"text/html; charset=utf-8", "utf-8"},
		{"text/html;charset=Shift_JIS", "Shift_JIS"},
		{`text/html; charset="euc-kr"`, "euc-kr"},
		{"text/html; CHARSET=koi8-r", "koi8-r"},
		{"text/html; q=1; charset=gbk", "gbk"},
		{"text/html; charsets=gbk", ""},
	} {
		if got := charsetParam(c.contentType); got != c.want {
			t.Errorf("charsetParam(%q) = %q, want %q", c.contentType, got, c.want)
		}
	}
}

// TestSavedShiftJISPage: a Japanese news page saved in Shift_JIS, declared
// by its http-equiv <meta> as older Japanese sites do, becomes its article
// with its title, headings, quotation and list, and without the page's
// furniture (e2e's TestAddSavedLegacyPage opens it in Chromium).
func TestSavedShiftJISPage(t *testing.T) {
	data, err := os.ReadFile("testdata/legacy/news-article-shift_jis.html")
	if err != nil {
		t.Fatal(err)
	}
	if utf8.Valid(data) {
		t.Fatal("the test page is not in Shift_JIS")
	}
	a, err := Extract("web-sjis", data, Page{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "町議会、川の渡し船の再開を可決" || a.Author != "山田 花子" || a.Published != "2025-03-14" || a.Source != "https://kawabe.example.jp/news/2025/03/ferry.html" {
		t.Errorf("title %q, author %q, published %q, source %q", a.Title, a.Author, a.Published, a.Source)
	}
	var headings, items []string
	quotes := 0
	for _, b := range a.Blocks {
		switch b.Kind {
		case "h2":
			headings = append(headings, b.Text)
		case "li":
			items = append(items, b.Text)
		case "quote":
			quotes++
		}
	}
	if strings.Join(headings, "|") != "町を二分した渡し船|今後の予定" || len(items) != 3 || quotes != 1 {
		t.Errorf("headings %q, %d list items, %d quotations", headings, len(items), quotes)
	}
	for _, junk := range []string{"広告", "関連記事", "無断転載", "本文へ移動", "ホーム"} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("the article holds the page's %q", junk)
		}
	}
	if !strings.Contains(a.Text, "賛成九、反対四") {
		t.Errorf("the article lacks its first paragraph: %.200q", a.Text)
	}
}
