# The two commands a newcomer needs are `make serve` and `make test`; both install what
# is missing first (scripts/setup.sh).
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER := wasm-bindgen-test-runner
export CHROMEDRIVER := /usr/bin/chromedriver

.PHONY: setup serve build test test-native test-browser test-e2e bench clean

setup:
	@scripts/setup.sh

## Serve the calculator with live reload at http://127.0.0.1:8080
serve: setup
	trunk serve --offline

## Build the deployable static site into dist/
build: setup
	trunk build --release --offline

## Run every test: native, in-browser (wasm-bindgen-test) and end-to-end
test: setup test-native test-browser test-e2e

test-native:
	cargo test

test-browser:
	cargo test --target wasm32-unknown-unknown --test web

test-e2e: build
	node --test --test-concurrency=1 tests/e2e/

## Measure the model, the bundle, the page in Chromium and Lighthouse: one table, also in .bench/report.json
bench: build
	node scripts/bench/run.mjs

clean:
	rm -rf dist .build
	cargo clean

## Fuzz the link decoder, scenario JSON -> report and the usage importer for FUZZ_SECONDS each (nightly;
## not part of `make test`). Crashes land in fuzz/artifacts/<target>/.
.PHONY: fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := link_decode scenario_evaluate import_detect_parse
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	@for t in $(FUZZ_TARGETS); do \
	  echo "fuzzing $$t for $(FUZZ_SECONDS) s"; \
	  cargo +nightly fuzz run --fuzz-dir fuzz --target-dir "$${CARGO_TARGET_DIR:-target}/fuzz" $$t \
	    -- -max_total_time=$(FUZZ_SECONDS) -max_len=4096 || exit 1; \
	done
