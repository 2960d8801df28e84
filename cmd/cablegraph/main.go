// Command cablegraph reads dumps of diplomatic cables, finds who met whom,
// and exports the network for graph tools. See README.md.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// Exit statuses.
const (
	exitOK     = 0
	exitError  = 1 // the run could not be done: bad config, unreadable output, interrupted
	exitFailed = 2 // the run completed but some cables failed (without --keep-going)
)

func main() {
	// A run's live heap is small (tens of MB: the cables in flight, people
	// and the graph) and it allocates steadily, so a higher GC target
	// trades a little memory for CPU; the soft limit keeps the total
	// bounded. GOGC and GOMEMLIMIT, when set, win.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(768 << 20)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes the command line args and returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRoot(stdout, stderr)
	root.SetArgs(args)
	root.SetIn(stdin)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	if e, ok := err.(*exitErr); ok {
		if e.msg != "" {
			fmt.Fprintln(stderr, "cablegraph:", e.msg)
		}
		return e.code
	}
	fmt.Fprintln(stderr, "cablegraph:", err)
	return exitError
}

// exitErr carries an exit status out of a command.
type exitErr struct {
	code int
	msg  string
}

func (e *exitErr) Error() string { return e.msg }
