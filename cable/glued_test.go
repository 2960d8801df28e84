package cable

import (
	"strings"
	"testing"
	"time"
)

// TestGluedCodesQuick: a long word of three-letter codes that never ends
// well ("EUNEUN...QQ") is given up on quickly, not by trying every split.
func TestGluedCodesQuick(t *testing.T) {
	w := strings.Repeat("EUN", 30) + "QQ"
	start := time.Now()
	if parts := gluedCodes(w, tagCodes()); parts != nil {
		t.Errorf("split %q into %q", w, parts)
	}
	if d := time.Since(start); d > time.Second {
		t.Fatalf("gluedCodes took %v", d)
	}
}
