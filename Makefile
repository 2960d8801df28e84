# cablegraph: read diplomatic cable dumps, find who met whom, export the network.
#   make run    build and run the main job on the bundled sample (output in out/)
#   make test   gofmt, go vet, all tests, the race detector, a short fuzz of every parser
#               (a count of inputs, not a time: a fuzz deadline that falls during
#               minimization is reported as a failure, "context deadline exceeded")
#   make bench  the stage table (cablebench: MB/s, cables/s, peak RSS, prose ratio) and the
#               throughput benchmarks, on the shared corpus (the sample without it)
#   make beam   the Beam pipeline's test (dist/beam, a module of its own): Prism gives the
#               graph of a local run (also part of make test)
#   make fuzz   every fuzz target for FUZZTIME each (default 10m)
#   make validate-corpus  the corpus's graph exports through the shared validators
#   make pictures  the README's pictures (docs/network.svg, docs/ego-$(EGO).svg) from a run
#               of the shared corpus (CORPUS) into PICTURES_RUN

GO       ?= go
BIN      := bin/cablegraph
FUZZTIME ?= 10m
# package:FuzzTarget for every parser
FUZZ := ./cable:FuzzFindDTG ./cable:FuzzHeader ./normalize:FuzzBody ./source:FuzzCSV ./source:FuzzOpen ./source:FuzzHTML ./rules:FuzzParse ./audit:FuzzWorksheet ./relate:FuzzFindDate

.PHONY: build run test lint bench fuzz validators validate-corpus beam pictures clean

build:
	$(GO) build -o $(BIN) ./cmd/cablegraph

run: build
	./$(BIN) run -o out
	@echo "make run: output is in out/ (cables.jsonl, report.json, graph.gexf for Gephi, graph.graphml, graph.dot, nodes.csv, edges.csv, meetings.jsonl, refs.graphml and refs-*.csv: which cable cites which; graph.html: open it in a browser; cablegraph.db: sqlite3 out/cablegraph.db); try ./$(BIN) inspect testdata/sample/text/09BAGHDAD323.txt"

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	cd dist/beam && $(GO) vet ./...
	@if $(GO) list -deps ./graph | grep -q prose; then echo "graph depends on prose (it should read records only)"; exit 1; fi

# the shared graph validators (../shared/tools), when the shared folder is there
validators:
	@if [ -x ../shared/tools/install-validators ]; then ../shared/tools/install-validators; \
	else echo "../shared/tools not found: graph exports will not be validated"; fi

test: lint validators
	$(GO) test -count=1 ./...
	$(GO) test -count=1 -race -short ./...
	$(MAKE) --no-print-directory fuzz FUZZTIME=30000x
	$(MAKE) --no-print-directory beam

beam:
	cd dist/beam && $(GO) test -count=1 -timeout 30m ./...

# every export of the whole corpus through the validators (Graphviz lays out the
# DOT file: minutes)
validate-corpus: validators
	CABLEGRAPH_VALIDATE_CORPUS=1 $(GO) test -count=1 -timeout 60m -run CorpusExportsValid -v ./pipeline

# the README's pictures: a run of the corpus (cables.jsonl is all picture
# reads, so the run writes the smallest export besides), then picture
CORPUS       ?= ../shared/corpus/cables.csv.gz
PICTURES_RUN ?= $(or $(TMPDIR),/tmp)/cablegraph-pictures
EGO          ?= vladimir-putin
pictures: build
	@test -f $(CORPUS) || { echo "make pictures: $(CORPUS) not found (the shared corpus sits beside the project; CORPUS=... to name another)"; exit 1; }
	./$(BIN) run --progress never --format meetings -o $(PICTURES_RUN) $(CORPUS)
	./$(BIN) picture --ego $(EGO) -o docs $(PICTURES_RUN)/cables.jsonl

bench:
	$(GO) build -o bin/cablebench ./cmd/cablebench
	./bin/cablebench -corpus ../shared/corpus/cables.csv.gz
	$(GO) test -run '^$$' -bench . -benchmem -count=1 -cpu 1,2 ./source ./normalize ./pipeline
	$(GO) test -run '^$$' -bench . -benchmem -count=1 -benchtime 1x -cpu 2 ./extract

fuzz:
	@set -e; for t in $(FUZZ); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "fuzz $$pkg $$name for $(FUZZTIME)"; \
		$(GO) test -run '^$$' -fuzz "^$$name$$" -fuzztime $(FUZZTIME) -timeout 0 $$pkg; \
	done

clean:
	rm -rf bin out
