package rules

import (
	"bufio"
	"bytes"
	_ "embed"
	"strings"
)

//go:embed names.txt
var namesTxt []byte

// Names returns the given names and surnames seen in people's names over
// the corpus, by lower-case word: 'g' a given name, 's' a surname ('b'
// both). They tell a name from a place ("Paul Wohlers", Paul being also a
// region) or a nationality ("Gilani", also "of Gilan").
func Names() map[string]byte {
	m := make(map[string]byte, 1000)
	sc := bufio.NewScanner(bytes.NewReader(namesTxt))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		if f, w, ok := strings.Cut(line, "\t"); ok && len(f) == 1 {
			if old, seen := m[w]; seen && old != f[0] {
				m[w] = 'b'
			} else {
				m[w] = f[0]
			}
		}
	}
	return m
}
