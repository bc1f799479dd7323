# The two commands in the README. Each installs what is missing first.
.PHONY: serve test build screenshots bench
serve:
	scripts/setup.sh
	scripts/build.sh
	node scripts/serve.mjs dist 8080

test:
	scripts/test.sh

build:
	scripts/setup.sh
	scripts/build.sh

screenshots: build
	node scripts/screenshots.mjs

# Performance figures and budgets (README, "Performance"). Timing is never part of `make test`.
bench: build
	cargo run --locked --release --quiet --bin snapshot-synth
	cargo run --locked --release --quiet --bin index-bench
	node scripts/bench.mjs
