module github.com/annotator/annotator

go 1.26

require (
	codeberg.org/readeck/go-readability/v2 v2.1.3
	github.com/andybalholm/brotli v1.2.0
	github.com/chromedp/cdproto v0.159.0
	github.com/chromedp/chromedp v0.23.0
	github.com/klauspost/compress v1.20.5
	github.com/maxence-charriere/go-app/v10 v10.1.10
	github.com/pierrec/lz4/v4 v4.1.26
	github.com/rivo/uniseg v0.4.7
	github.com/sahilm/fuzzy v0.1.3
	github.com/yuin/goldmark v1.8.7
	golang.org/x/net v0.41.0
	golang.org/x/text v0.26.0
)

require (
	github.com/andybalholm/cascadia v1.3.3 // indirect
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
	github.com/go-shiori/dom v0.0.0-20230515143342-73569d674e1c // indirect
	github.com/gogs/chardet v0.0.0-20211120154057-b7413eaefb8f // indirect
	github.com/itlightning/dateparse v0.2.1 // indirect
)

replace github.com/maxence-charriere/go-app/v10 => ./third_party/go-app

replace codeberg.org/readeck/go-readability/v2 => ./third_party/go-readability

replace github.com/go-shiori/dom => ./third_party/go-shiori-dom
