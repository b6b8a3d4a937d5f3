package webpage

import (
	"strings"

	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/htmlblocks"
	"golang.org/x/net/html"
)

// node adapts x/net/html's tree to htmlblocks.Node.
type node struct{ n *html.Node }

func (n node) Kind() htmlblocks.Kind {
	switch n.n.Type {
	case html.TextNode:
		return htmlblocks.Text
	case html.ElementNode:
		return htmlblocks.Element
	case html.DocumentNode:
		return htmlblocks.Document
	}
	return htmlblocks.Other
}

// Tag is the element's name; the parser lower-cases HTML names already,
// and foreign (SVG, MathML) elements are skipped by name before their
// children could matter.
func (n node) Tag() string {
	if n.n.Type != html.ElementNode {
		return ""
	}
	return n.n.Data
}

func (n node) Data() string { return n.n.Data }

func (n node) Attr(name string) (string, bool) {
	for _, a := range n.n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, name) {
			return a.Val, true
		}
	}
	return "", false
}

func (n node) FirstChild() (node, bool)  { return node{n.n.FirstChild}, n.n.FirstChild != nil }
func (n node) NextSibling() (node, bool) { return node{n.n.NextSibling}, n.n.NextSibling != nil }
func (n node) Parent() (node, bool)      { return node{n.n.Parent}, n.n.Parent != nil }

// blocksOf reads an x/net/html tree as blocks.
func blocksOf(n *html.Node) []article.Block {
	return htmlblocks.Blocks(node{n})
}

// Blocks reads an HTML tree, such as a whole document from html.Parse, as
// article blocks by htmlblocks' rules, without choosing the article in it
// (Extract does that first).
func Blocks(n *html.Node) []article.Block {
	return blocksOf(n)
}
