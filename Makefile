# The two commands in the README. Each installs what is missing first.
.PHONY: serve test build screenshots
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
