package pipeline

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// atomicFile is written to a temporary file beside its final name and
// renamed into place by commit, so readers never see half a file and an
// interrupted run leaves the old file as it was.
type atomicFile struct {
	f    *os.File
	w    *bufio.Writer
	path string
	done bool
}

// newAtomicFile creates the temporary file of path. Its writes fail once
// ctx is cancelled, so a long export stops soon after an interruption.
func newAtomicFile(ctx context.Context, path string) (*atomicFile, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("creating %s: %w", path, err)
	}
	return &atomicFile{f: f, w: bufio.NewWriterSize(ctxWriter{ctx, f}, 1<<20), path: path}, nil
}

// ctxWriter and ctxReader stop with ctx's error once it is cancelled.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

func (a *atomicFile) commit() error {
	if err := a.w.Flush(); err != nil {
		return fmt.Errorf("writing %s: %w", a.path, err)
	}
	if err := a.f.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", a.path, err)
	}
	if err := os.Chmod(a.f.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(a.f.Name(), a.path); err != nil {
		return fmt.Errorf("writing %s: %w", a.path, err)
	}
	a.done = true
	return nil
}

// abort removes the temporary file unless commit succeeded.
func (a *atomicFile) abort() {
	if a.done {
		return
	}
	a.f.Close()
	os.Remove(a.f.Name())
	a.done = true
}
