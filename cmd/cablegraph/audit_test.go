package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAudit(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := cli(t, dir, nil, "run", "--with-text", "--progress", "never", "-o", "res"); code != exitOK {
		t.Fatalf("run: exit %d: %s", code, stderr)
	}
	draw := []string{"audit", "draw", "-n", "5", "--seed", "3", "--cables", "res/cables.jsonl", "-o", "s.md"}
	code, _, stderr := cli(t, "", nil, draw...)
	if code != exitOK || !strings.Contains(stderr, "drew 5 of ") {
		t.Fatalf("draw: exit %d: %s", code, stderr)
	}
	sheet, err := os.ReadFile(filepath.Join(dir, "s.md"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(sheet), "\nverdict: meeting=? people=? ids=? date=?\n"); n != 5 || strings.Contains(string(sheet), "- problem:") {
		t.Errorf("worksheet with %d blank verdicts, or with problems:\n%s", n, sheet)
	}
	if code, _, stderr := cli(t, "", nil, draw...); code == exitOK || !strings.Contains(stderr, "s.md exists") {
		t.Errorf("a second draw over the worksheet: exit %d: %s", code, stderr)
	}
	code, stdout, _ := cli(t, "", nil, "audit", "draw", "-n", "5", "--seed", "3", "--cables", "res/cables.jsonl")
	if code != exitOK || stdout != string(sheet) {
		t.Errorf("the same draw to standard output differs (exit %d)", code)
	}

	filled := strings.Replace(string(sheet), "verdict: meeting=? people=? ids=? date=?\nnote:", "verdict: meeting=y people=n ids=y date=y\nnote: X missing", 1)
	os.WriteFile("s.md", []byte(filled), 0o644)
	code, stdout, stderr = cli(t, "", nil, "audit", "score", "s.md")
	if code != exitOK || !strings.Contains(stdout, "s.md: 5 meetings, 1 marked, 4 not yet marked (2-5)") || !strings.Contains(stdout, "wrong people (1):") {
		t.Errorf("score: exit %d: %s%s", code, stdout, stderr)
	}
	os.WriteFile("bad.md", []byte(strings.Replace(filled, "ids=y", "ids=maybe", 1)), 0o644)
	code, _, stderr = cli(t, "", nil, "audit", "score", "bad.md")
	if code != exitError || !strings.Contains(stderr, "bad.md:") || !strings.Contains(stderr, "ids=maybe") {
		t.Errorf("score of a bad worksheet: exit %d: %s", code, stderr)
	}
}

// A run without --with-text: the paragraphs come from the INPUTs.
func TestAuditDrawInputs(t *testing.T) {
	sample, err := filepath.Abs(filepath.Join("..", "..", "testdata", "sample"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if code, _, stderr := cli(t, dir, nil, "run", "--progress", "never", "-o", "res", sample); code != exitOK {
		t.Fatalf("run: exit %d: %s", code, stderr)
	}
	code, _, stderr := cli(t, "", nil, "audit", "draw", "-n", "3", "--cables", "res/cables.jsonl", "-o", "s.md")
	if code == exitOK || !strings.Contains(stderr, "without --with-text") {
		t.Errorf("draw without text or INPUT: exit %d: %s", code, stderr)
	}
	code, stdout, stderr := cli(t, "", nil, "audit", "draw", "-n", "1000", "--cables", "res/cables.jsonl", sample)
	if code != exitOK || strings.Contains(stdout, "- problem:") || strings.Count(stdout, "- paragraph [") < strings.Count(stdout, "\n## ") {
		t.Errorf("draw of every meeting with the INPUTs: exit %d: %s\n%s", code, stderr, stdout)
	}
}
