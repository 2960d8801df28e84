package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalIdentityAndSplit runs eval on a gold folder of three small
// cables: the identity lines, the halves, the lists of --per-cable, and
// bad same-person and split files named by file:line.
func TestEvalIdentityAndSplit(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"gold/X.json":    `{"cable":"X","people":[{"name":"Obama","mentions":["President Obama"]},{"name":"Rice","mentions":["Secretary Rice"]}]}`,
		"gold/Y.json":    `{"cable":"Y","people":[{"name":"Barack Obama","mentions":["Obama"]},{"name":"Rice","mentions":["Ambassador Rice"]}]}`,
		"gold/Z.json":    `{"cable":"Z","people":[{"name":"Obama"}]}`,
		"gold/split.txt": "# halves\nA X\nB Y\nB Z\n",
		"gold/same-person.txt": "X:Obama = Y:Barack Obama\n" +
			"X:Rice != Y:Rice\n",
		"out.jsonl": `{"cable":"X","people":[{"id":"barack-obama","name":"Obama"},{"id":"rice","name":"Rice"}]}` + "\n" +
			`{"cable":"Y","people":[{"id":"barack-obama","name":"Barack Obama"},{"id":"rice","name":"Ambassador Rice"}]}` + "\n" +
			`{"cable":"Z","people":[{"id":"obama","name":"Obama"}]}` + "\n",
		"bad-same.txt":  "X:Obama = Y:Barack Obama\nX:Obama Y:Barack Obama\nX:Obama = Y:Nobody\n",
		"bad-split.txt": "A X\nA Y\nC Z\nB W\n",
	}
	for name, text := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, stdout, stderr := cli(t, dir, nil, "eval", "--gold", "gold", "--per-cable", "out.jsonl")
	for _, want := range []string{
		"all 3 cables\nkind",
		// X=Y by the link, X=Z by the name; the ids: X and Y barack-obama, Z obama
		"one person, one id across cables: 1 of 2 pairs\ntwo people, one id: 1 tool id\n\nhalf A: 1 cable\nkind",
		// Y=Z is no pair: the link is to X, outside the half
		"half B: 2 cables\n",
		"one person, one id across cables: 0 of 0 pairs\ntwo people, one id: 0 tool ids\n\n# X",
		"# one person, one id across cables: 1 wrong pair (ids found)\n  X:Obama = Z:Obama: barack-obama, obama\n",
		"# two people, one id: 1 tool id (people apart by \" vs \")\n  rice: X:Rice vs Y:Rice\n",
	} {
		if code != exitOK || !strings.Contains(stdout, want) {
			t.Errorf("eval: exit %d, output lacks %q:\n%s%s", code, want, stdout, stderr)
		}
	}
	code, stdout, stderr = cli(t, "", nil, "eval", "--gold", "gold", "--same-person", "bad-same.txt", "--split", "bad-split.txt", "out.jsonl")
	for _, want := range []string{"bad-same.txt:2: want", `bad-same.txt:3: no gold person "Nobody" in Y`} {
		if code != exitError || !strings.Contains(stderr, want) {
			t.Errorf("bad same-person file: exit %d, stderr %q; want %q", code, stderr, want)
		}
	}
	code, _, stderr = cli(t, "", nil, "eval", "--gold", "gold", "--split", "bad-split.txt", "out.jsonl")
	for _, want := range []string{"bad-split.txt:3: want", "bad-split.txt:4: no gold cable W"} {
		if code != exitError || !strings.Contains(stderr, want) {
			t.Errorf("bad split file: exit %d, stderr %q; want %q", code, stderr, want)
		}
	}
}
