package progress

import (
	"bytes"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestLine(t *testing.T) {
	var n, c atomic.Int64
	n.Store(25e6)
	c.Store(3000)
	tests := []struct {
		total int64
		want  string
	}{
		{100e6, "3000 cables  25.0 MB of 100.0 MB (25%)  5.0 MB/s  ETA 15s"},
		{0, "3000 cables  25.0 MB  5.0 MB/s"},
	}
	for _, tt := range tests {
		b := &Bar{total: tt.total, bytes: &n, cables: &c}
		if got := b.Line(5 * time.Second); got != tt.want {
			t.Errorf("Line = %q, want %q", got, tt.want)
		}
	}
}

func TestStartStop(t *testing.T) {
	var n, c atomic.Int64
	var out bytes.Buffer
	b := Start(&out, 10, &n, &c, time.Millisecond)
	time.Sleep(20 * time.Millisecond)
	b.Stop()
	if !strings.Contains(out.String(), "cables") || !strings.HasSuffix(out.String(), "\r\x1b[K") {
		t.Errorf("output %q: want progress lines then a cleared line", out.String())
	}
}
