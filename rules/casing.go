package rules

import (
	"bufio"
	"bytes"
	_ "embed"
	"strings"
)

//go:embed casing.txt
var casingTxt []byte

// Casing returns how words are usually written in cables written in mixed
// case, by lower-case word: 'l' in lower case, 'u' in capitals. Words
// usually capitalized (names) are not in it. It is generated from the
// corpus by gen/casing.py and serves to recase cables written entirely in
// capitals and to tell common words from names.
func Casing() map[string]byte {
	m := make(map[string]byte, 21000)
	sc := bufio.NewScanner(bytes.NewReader(casingTxt))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		if w, f, ok := strings.Cut(line, "\t"); ok && len(f) == 1 {
			m[w] = f[0]
		}
	}
	return m
}
