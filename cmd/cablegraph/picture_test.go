package main

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPicture runs `picture` over the bundled sample's run: network.svg
// and the ego network of the person with the most neighbours (from the
// run's edges.csv), well-formed SVG naming the people, the same bytes
// from a second run; a name that is no one's writes nothing.
func TestPicture(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := cli(t, dir, nil, "run", "--progress", "never", "-o", "res"); code != exitOK {
		t.Fatalf("run: exit %d: %s", code, stderr)
	}
	adj := readEdges(t, filepath.Join("res", "edges.csv"))
	ego := ""
	for id, ns := range adj {
		if ego == "" || len(ns) > len(adj[ego]) || len(ns) == len(adj[ego]) && id < ego {
			ego = id
		}
	}
	draw := func(out string) map[string][]byte {
		t.Helper()
		code, _, stderr := cli(t, "", nil, "picture", "--ego", ego, "--top", "12", "-o", out, "res/cables.jsonl")
		if code != exitOK {
			t.Fatalf("picture: exit %d: %s", code, stderr)
		}
		if !strings.Contains(stderr, "network.svg in") || !strings.Contains(stderr, "12 named") || !strings.Contains(stderr, "ego-"+ego+".svg") {
			t.Errorf("stderr does not say what was drawn:\n%s", stderr)
		}
		files := map[string][]byte{}
		for _, name := range []string{"network.svg", "ego-" + ego + ".svg"} {
			b, err := os.ReadFile(filepath.Join(out, name))
			if err != nil {
				t.Fatal(err)
			}
			files[name] = b
		}
		return files
	}
	first, second := draw("pics"), draw("again")
	for name, b := range first {
		texts := 0
		dec := xml.NewDecoder(bytes.NewReader(b))
		for {
			tok, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s is not well-formed: %v", name, err)
			}
			if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "text" {
				texts++
			}
		}
		if texts < 3 {
			t.Errorf("%s: %d texts", name, texts)
		}
		if !bytes.Equal(b, second[name]) {
			t.Errorf("%s: two runs drew different bytes", name)
		}
	}
	if !bytes.Contains(first["ego-"+ego+".svg"], []byte("<desc>The ego network of ")) || !bytes.Contains(first["network.svg"], []byte("<desc>The largest connected component")) {
		t.Errorf("the pictures do not say what they show")
	}

	code, _, stderr := cli(t, "", nil, "picture", "--ego", "Nobody Atall", "-o", "none", "res/cables.jsonl")
	if code != exitError || !strings.Contains(stderr, `--ego: "Nobody Atall" names no one`) {
		t.Errorf("an unknown --ego: exit %d, %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join("none", "network.svg")); err == nil {
		t.Error("an unknown --ego still drew network.svg")
	}
	code, _, stderr = cli(t, "", nil, "picture", "-o", "none", "missing.jsonl")
	if code != exitError || !strings.Contains(stderr, "missing.jsonl") {
		t.Errorf("a missing input: exit %d, %s", code, stderr)
	}
}
