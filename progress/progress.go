// Package progress draws a one-line progress report on a terminal during
// long runs: cables done, megabytes read, throughput and, when the input
// size is known, percent and time left. It only reads counters the
// pipeline updates; it never slows the pipeline down.
package progress

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// Bar redraws a progress line on w until Stop.
type Bar struct {
	w      io.Writer
	total  int64 // input bytes; <= 0 when unknown
	bytes  *atomic.Int64
	cables *atomic.Int64
	start  time.Time
	stop   chan struct{}
	wg     sync.WaitGroup
}

// Start begins redrawing every interval. total is the input size in bytes,
// or 0 when unknown.
func Start(w io.Writer, total int64, bytes, cables *atomic.Int64, interval time.Duration) *Bar {
	b := &Bar{w: w, total: total, bytes: bytes, cables: cables, start: time.Now(), stop: make(chan struct{})}
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				fmt.Fprint(b.w, "\r\x1b[K"+b.Line(time.Since(b.start)))
			case <-b.stop:
				fmt.Fprint(b.w, "\r\x1b[K")
				return
			}
		}
	}()
	return b
}

// Stop clears the line and stops redrawing.
func (b *Bar) Stop() {
	close(b.stop)
	b.wg.Wait()
}

// Line renders the progress after elapsed time.
func (b *Bar) Line(elapsed time.Duration) string {
	n := b.bytes.Load()
	c := b.cables.Load()
	secs := elapsed.Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(n) / 1e6 / secs
	}
	s := fmt.Sprintf("%d cables  %.1f MB", c, float64(n)/1e6)
	if b.total > 0 {
		pct := float64(n) * 100 / float64(b.total)
		s += fmt.Sprintf(" of %.1f MB (%.0f%%)", float64(b.total)/1e6, pct)
	}
	s += fmt.Sprintf("  %.1f MB/s", rate)
	if b.total > 0 && rate > 0 && n > 0 && n < b.total {
		left := time.Duration(float64(b.total-n) / 1e6 / rate * float64(time.Second))
		s += "  ETA " + left.Round(time.Second).String()
	}
	return s
}
