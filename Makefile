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
