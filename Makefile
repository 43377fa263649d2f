# Webcare Lens — one entry point: build, demo, test, eval, bench, fuzz, dist.
# `make` installs what is missing (Debian packages, npm packages from the
# lockfile) and builds everything. See README.md.

SHELL := /bin/bash
.DEFAULT_GOAL := all

BUILD   := build
CORE    := core
THIRD   := $(CORE)/third_party
ENGINE  := extension/engine
export NODE_PATH := /usr/share/nodejs

# ---- dependencies ------------------------------------------------------
APT_PKGS := build-essential clang libclang-rt-14-dev emscripten chromium \
            wdutch hunspell-nl \
            fonts-noto-color-emoji zip unzip
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps deps-apt deps-npm
deps: deps-apt deps-npm

deps-apt:
	@missing=""; for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  echo "deps: installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

deps-npm: node_modules/.package-lock.json
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# ---- native core -------------------------------------------------------
CC      ?= cc
CSTD    := -std=c11
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
INCS    := -I$(CORE)/include -I$(CORE)/src -I$(THIRD)/cjson -I$(THIRD)/utf8proc
DEFS    := -DUTF8PROC_STATIC -DCJSON_NESTING_LIMIT=64
OPT     ?= -O2
CFLAGS_CORE  = $(CSTD) $(OPT) $(WARN) $(INCS) $(DEFS)
CFLAGS_THIRD = -std=c99 $(OPT) $(INCS) $(DEFS) -w

CORE_SRCS  := $(filter-out $(CORE)/src/cli.c,$(wildcard $(CORE)/src/*.c $(CORE)/src/gen/*.c))
# utf8proc is compiled through core/src/gen/utf8proc/utf8proc.c, the vendored
# file with core/third_party/utf8proc/patches/ applied, whose
# `#include "utf8proc_data.c"` picks up the small tables beside it
# (core/tools/gen-utf8proc-min.mjs, `make regen-utf8proc`; ~50 KB instead of ~330 KB).
U8MIN      := $(CORE)/src/gen/utf8proc
# cJSON likewise through core/src/gen/cjson/cJSON.c: the vendored file with
# core/third_party/cjson/patches/ applied (numbers without stdio;
# core/tools/gen-cjson-min.mjs, `make regen-cjson`).
CJMIN      := $(CORE)/src/gen/cjson
THIRD_SRCS := $(CJMIN)/cJSON.c $(U8MIN)/utf8proc.c
CORE_HDRS  := $(wildcard $(CORE)/include/*.h $(CORE)/src/*.h $(CORE)/src/gen/*.h)
RULE_FILES := $(sort $(wildcard $(CORE)/rules/nl/*.json))

CORE_OBJS  := $(patsubst %.c,$(BUILD)/obj/%.o,$(CORE_SRCS))
THIRD_OBJS := $(patsubst %.c,$(BUILD)/obj/%.o,$(THIRD_SRCS))

$(BUILD)/obj/$(THIRD)/%.o: $(THIRD)/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_THIRD) -c $< -o $@

$(BUILD)/obj/$(CJMIN)/%.o: $(CJMIN)/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_THIRD) -c $< -o $@

$(BUILD)/obj/$(U8MIN)/%.o: $(U8MIN)/%.c $(U8MIN)/utf8proc_data.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_THIRD) -c $< -o $@

$(BUILD)/obj/$(CORE)/%.o: $(CORE)/%.c $(CORE_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_CORE) -c $< -o $@

$(BUILD)/libwebcare.a: $(CORE_OBJS) $(THIRD_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/webcare: $(CORE)/src/cli.c $(BUILD)/libwebcare.a $(CORE_HDRS)
	$(CC) $(CFLAGS_CORE) $< $(BUILD)/libwebcare.a -lm -o $@

.PHONY: native
native: $(BUILD)/webcare $(BUILD)/libwebcare.a

# ---- WebAssembly -------------------------------------------------------
EMCC      := emcc
WASM_OUT  := $(BUILD)/wasm
WASM_FLAGS := -Oz -flto -mbulk-memory $(CSTD) $(INCS) $(DEFS) \
  -sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=createWebcareCore \
  -sENVIRONMENT=web,worker -sFILESYSTEM=0 -sALLOW_MEMORY_GROWTH=1 \
  -sINITIAL_MEMORY=4194304 -sTOTAL_STACK=262144 -sMALLOC=emmalloc \
  -sDYNAMIC_EXECUTION=0 -sTEXTDECODER=2 \
  -sEXPORTED_FUNCTIONS=@wasm-build/exports.txt \
  -sEXPORTED_RUNTIME_METHODS=[]

$(WASM_OUT)/webcare-core.mjs: $(CORE_SRCS) $(THIRD_SRCS) $(U8MIN)/utf8proc_data.c $(CORE_HDRS) wasm-build/webcare-wasm.c wasm-build/exports.txt | deps-apt
	@mkdir -p $(WASM_OUT)
	@$(EMCC) --version | head -1
	$(EMCC) $(WASM_FLAGS) wasm-build/webcare-wasm.c $(CORE_SRCS) $(THIRD_SRCS) -o $@

$(ENGINE)/webcare.wasm: $(WASM_OUT)/webcare-core.mjs
	@mkdir -p $(ENGINE)
	cp $(WASM_OUT)/webcare-core.mjs $(ENGINE)/webcare-core.mjs
	cp $(WASM_OUT)/webcare-core.wasm $(ENGINE)/webcare.wasm
	cp wasm-build/webcare.mjs $(ENGINE)/webcare.mjs

$(ENGINE)/webcare.mjs: wasm-build/webcare.mjs
	@mkdir -p $(ENGINE)
	cp $< $@

.PHONY: wasm
wasm: $(ENGINE)/webcare.wasm $(ENGINE)/webcare.mjs

# ---- everything --------------------------------------------------------
.PHONY: all build
all: build
build: deps native wasm extension-build

# Extension assets built from npm packages (fixtures and bundles hook in here).
.PHONY: extension-build
extension-build: deps-npm extension-bundle fixtures

# ---- extension pages: uPlot for the stats page (issue 8) ----------------
# No CDN, no remote code: the ESM build + CSS of the pinned npm package are
# copied into extension/vendor/ (git-ignored) and imported by pages/stats.js.
.PHONY: extension-vendor
extension-build: extension-vendor
extension-vendor: deps-npm
	@mkdir -p extension/vendor
	@cp node_modules/uplot/dist/uPlot.esm.js node_modules/uplot/dist/uPlot.min.css extension/vendor/

# ---- e2e fixture pages: x.com / facebook / linkedin look-alikes --------
# tests/e2e/pages/*-app.js(x) bundled with esbuild (React + Draft.js, Lexical,
# Quill from node_modules) into build/fixtures/, served by tests/e2e/lib/fixtures.mjs.
FIXTURE_DIR     := tests/e2e/pages
FIXTURE_ENTRIES := $(wildcard $(FIXTURE_DIR)/*-app.js $(FIXTURE_DIR)/*-app.jsx)
FIXTURE_SRCS    := $(wildcard $(FIXTURE_DIR)/*.js $(FIXTURE_DIR)/*.jsx $(FIXTURE_DIR)/*.css \
                   $(FIXTURE_DIR)/shared/*.js $(FIXTURE_DIR)/posts.json)
.PHONY: fixtures
fixtures: $(BUILD)/fixtures/.stamp
$(BUILD)/fixtures/.stamp: $(FIXTURE_SRCS) | deps-npm
	@mkdir -p $(dir $@)
	node_modules/.bin/esbuild $(FIXTURE_ENTRIES) --bundle --outdir=$(BUILD)/fixtures --format=iife \
	  --target=chrome110 --jsx=automatic --define:process.env.NODE_ENV='"production"' \
	  --define:global=window --legal-comments=none --log-level=warning
	@touch $@

# ---- extension: content-script bundle, web-ext lint (issue 6) ----------
# MV3 content scripts cannot be ES modules, so extension/content/main.js and
# its imports are bundled by esbuild into extension/dist/content.js (IIFE).
# The service worker stays a plain ES module ("type": "module").
EXT_JS    := $(shell find extension -name '*.js' -not -path 'extension/dist/*' -not -path 'extension/engine/*' 2>/dev/null)
EXT_STAGE := $(BUILD)/ext-stage
.PHONY: extension-bundle lint-ext
extension-bundle: extension/dist/content.js
extension/dist/content.js: $(EXT_JS) | deps-npm
	@mkdir -p $(dir $@)
	npx esbuild extension/content/main.js --bundle --format=iife --target=chrome120,firefox128 \
	  --legal-comments=none --log-level=warning --outfile=$@

# web-ext lint on a staging copy holding only what the extension ships.
lint-ext: extension-bundle
	@rm -rf $(EXT_STAGE) && mkdir -p $(EXT_STAGE)
	@cp manifest.json $(EXT_STAGE)/
	@cd extension && find . -type f \( -name '*.js' -o -name '*.mjs' -o -name '*.wasm' -o -name '*.png' \
	  -o -name '*.html' -o -name '*.css' -o -name '*.json' \) -not -path './tools/*' \
	  -exec install -D -m 644 {} ../$(EXT_STAGE)/extension/{} \;
	@npx web-ext lint --source-dir $(EXT_STAGE) --self-hosted --output=json > $(BUILD)/web-ext-lint.json || true
	@node extension/tools/check-lint.mjs $(BUILD)/web-ext-lint.json

# ---- tests -------------------------------------------------------------
TEST_SRCS := $(sort $(wildcard tests/c/test_*.c))
TEST_BINS := $(patsubst tests/c/%.c,$(BUILD)/tests/%,$(TEST_SRCS))
ASAN_BINS := $(patsubst tests/c/%.c,$(BUILD)/tests-asan/%,$(TEST_SRCS))
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g -O1

$(BUILD)/tests/%: tests/c/%.c tests/c/check.h $(BUILD)/libwebcare.a $(CORE_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_CORE) -Itests/c $< $(BUILD)/libwebcare.a -lm -o $@

# The core is compiled once with the sanitizers into its own archive; each
# test binary only compiles its own file (CI has 2 cores).
ASAN_OBJS := $(patsubst %.c,$(BUILD)/obj-asan/%.o,$(CORE_SRCS) $(THIRD_SRCS))
$(BUILD)/obj-asan/%.o: %.c $(CORE_HDRS) $(U8MIN)/utf8proc_data.c
	@mkdir -p $(dir $@)
	clang $(CSTD) $(SAN_FLAGS) $(WARN) $(INCS) $(DEFS) -c $< -o $@

$(BUILD)/libwebcare-asan.a: $(ASAN_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/tests-asan/%: tests/c/%.c tests/c/check.h $(BUILD)/libwebcare-asan.a $(CORE_HDRS)
	@mkdir -p $(dir $@)
	clang $(CSTD) $(SAN_FLAGS) $(WARN) $(INCS) $(DEFS) -Itests/c $< $(BUILD)/libwebcare-asan.a -lm -o $@

.PHONY: test test-c test-asan test-wasm test-e2e test-cli
test: build test-c test-asan test-cli test-wasm lint-ext test-static test-e2e
	@echo "make test: all suites passed"

test-c: $(TEST_BINS)
	@node core/tools/gen-cjson-min.mjs --check
	@tests/run-c-tests.sh $(TEST_BINS)

test-asan: $(ASAN_BINS)
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 tests/run-c-tests.sh $(ASAN_BINS)

test-cli: $(BUILD)/webcare
	@tests/cli/run.sh $(BUILD)/webcare
	@tests/cli/lint.sh $(BUILD)/webcare

# Static hardening check (issue 10): no HTML sinks, eval, network APIs or
# remote URLs in extension/ (tests/static/allowlist.json names the legitimate
# ones), manifest permissions/hosts/CSP; plus the checker's own tests.
.PHONY: test-static
test-static: wasm extension-build
	@node tests/static/no-html-sinks.mjs
	@node --test tests/static/

test-wasm: wasm native deps-npm
	node --test tests/wasm/

test-e2e: build
	@if ls tests/e2e/*.test.mjs >/dev/null 2>&1; then node --test --test-concurrency=1 tests/e2e/; fi

# ---- demo, eval, bench, fuzz, dist (filled by their issues) -------------
.PHONY: demo eval bench fuzz dist regen clean
demo: build
	@tests/demo/cli-demo.sh $(BUILD)/webcare
	@echo "pages (issue 8): screenshots"; node tests/demo/pages-demo.mjs
	@node tests/demo/browser-demo.mjs  # issue 6: extension on the fixture sites, screenshots in build/demo/ (HEADED=1 for a window)

clean:
	rm -rf $(BUILD) $(ENGINE)

# ---- regen / eval: each issue adds its own `regen: regen-x` / `eval: eval-x` --
# Dutch d/t + confusion checks (issue 11): verb lexicon from OpenTaal data
# (Debian wdutch + hunspell-nl), and precision/recall on tests/data/dutch.jsonl.
.PHONY: regen-dutch eval-dutch
regen: regen-dutch
regen-dutch: | deps-apt
	node core/tools/gen-dutch-verbs.mjs /usr/share/hunspell/nl.dic /usr/share/dict/dutch tests/c/gen/dutch_lexicon_expect.h > core/src/gen/dutch_verbs.c.new
	mv core/src/gen/dutch_verbs.c.new core/src/gen/dutch_verbs.c

eval: eval-dutch
eval-dutch: $(BUILD)/tests/test_dutch $(BUILD)/webcare
	node tests/eval/dutch-eval.mjs

# Linter rules (issue 5): one JSON file per rule in core/rules/nl, compiled by
# core/tools/gen-rules.mjs into core/src/gen/rules_default.c (static data; the
# C file is rebuilt whenever a rule file changes). `make eval-lint`: per-rule
# precision/recall on tests/data/replies.jsonl (train and held-out).
.PHONY: regen-rules eval-lint
regen: regen-rules
regen-rules:
	node core/tools/gen-rules.mjs
$(CORE)/src/gen/rules_default.c: $(RULE_FILES) $(CORE)/rules/nl-macros.json core/tools/gen-rules.mjs
	node core/tools/gen-rules.mjs

eval: eval-lint
eval-lint: wasm native
	node tests/eval/lint-eval.mjs

# X weighted length (issue 3): URL classes, TLDs and the emoji regex of the
# pinned twitter-text / twemoji-parser, as core/src/gen/x_tables.c.
.PHONY: regen-x-length
regen: regen-x-length
regen-x-length: deps-npm
	node core/tools/gen-x-tables.mjs

# Mention classifier (issue 4): word lists in core/lexicon -> core/src/gen/
# lexicon_*.c; `make eval-classify`: held-out/train scores next to the
# multilang-sentiment baseline. Retrain the model (train split only) with
# `node core/tools/train-classifier.mjs` after changing cues, then `make regen`.
.PHONY: regen-lexicon eval-classify
regen: regen-lexicon
regen-lexicon:
	node core/tools/gen-lexicon.mjs

eval: eval-classify
eval-classify: wasm native deps-npm
	node tests/eval/classify-eval.mjs

.PHONY: regen-utf8proc
regen: regen-utf8proc
regen-utf8proc:
	node core/tools/gen-utf8proc-min.mjs

.PHONY: regen-cjson
regen: regen-cjson
regen-cjson:
	node core/tools/gen-cjson-min.mjs

# ---- fuzz (issue 10; tests/fuzz/README.md) -------------------------------
# libFuzzer targets built with clang against the core + vendored sources.
# `make fuzz` runs each for FUZZ_SECONDS and exits non-zero on a finding;
# `make fuzz-build` only builds them. Not part of `make test`.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := call text pack
FUZZ_BINS    := $(patsubst %,$(BUILD)/fuzz/fuzz_%,$(FUZZ_TARGETS))
FUZZ_FLAGS   := -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
                -fno-omit-frame-pointer -g -O1

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h $(CORE_SRCS) $(THIRD_SRCS) $(CORE_HDRS)
	@mkdir -p $(dir $@)
	clang $(CSTD) $(FUZZ_FLAGS) $(WARN) $(INCS) $(DEFS) -Itests/fuzz $< $(CORE_SRCS) $(THIRD_SRCS) -lm -o $@

.PHONY: fuzz-build
fuzz-build: $(FUZZ_BINS)

fuzz: $(FUZZ_BINS)
	@FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz/run.sh $(BUILD)/fuzz $(FUZZ_TARGETS)

# ---- dist (issue 10): build/webcare-lens-<version>.zip --------------------
# Only what the extension needs: manifest.json and the files reachable from it
# (extension/tools/dist-files.mjs: worker, engine, content bundle, pages,
# vendor, icons) — no tests, tools, sources only bundled, READMEs or maps.
# The unpacked copy in build/dist-stage passes web-ext lint and the static
# check; tests/e2e/dist.test.mjs loads the zip in Chromium.
DIST_VERSION := $(shell node -p "require('./manifest.json').version" 2>/dev/null)
DIST_STAGE   := $(BUILD)/dist-stage
DIST_ZIP     := $(BUILD)/webcare-lens-$(DIST_VERSION).zip
dist: wasm extension-build
	@rm -rf $(DIST_STAGE) $(DIST_ZIP) && mkdir -p $(DIST_STAGE)
	@node extension/tools/dist-files.mjs > $(BUILD)/dist-files.txt
	@while read -r f; do install -D -m 644 "$$f" "$(DIST_STAGE)/$$f"; done < $(BUILD)/dist-files.txt
	@cd $(DIST_STAGE) && TZ=UTC find . -type f -exec touch -d 2026-01-01T00:00:00Z {} + && \
	  sort ../dist-files.txt | zip -X -q -D ../$(notdir $(DIST_ZIP)) -@
	@npx web-ext lint --source-dir $(DIST_STAGE) --self-hosted --output=json > $(BUILD)/web-ext-lint-dist.json || true
	@node extension/tools/check-lint.mjs $(BUILD)/web-ext-lint-dist.json
	@node tests/static/no-html-sinks.mjs --root $(DIST_STAGE)
	@echo "dist: $(DIST_ZIP) ($$(wc -l < $(BUILD)/dist-files.txt) files, $$(du -k $(DIST_ZIP) | cut -f1) KB)"
# The browser test of the zip needs it built.
test-e2e: dist

# ---- bench (issue 9; not part of `make test`) ----------------------------
# One table: our lint/classify/length per call (native + WASM), cold start,
# sizes, memory and the Chromium figures, next to harper.js, write-good,
# multilang-sentiment and twitter-text on the same corpora
# (tests/bench/corpus, from tests/bench/make-corpus.mjs); writes build/bench.json.
BENCH_NATIVE := $(BUILD)/bench/bench_native
$(BENCH_NATIVE): tests/bench/bench_native.c $(BUILD)/libwebcare.a $(CORE_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_CORE) $< $(BUILD)/libwebcare.a -lm -o $@

# The classifier's own bench (tests/bench/classify-bench.{c,mjs}) is shown under the table.
$(BUILD)/classify-bench: tests/bench/classify-bench.c $(BUILD)/libwebcare.a $(CORE_HDRS)
	$(CC) $(CFLAGS_CORE) $< $(BUILD)/libwebcare.a -lm -o $@

bench: build dist $(BENCH_NATIVE) $(BUILD)/classify-bench
	node tests/bench/run.mjs

# tests/wasm/bench-smoke.test.mjs runs the bench script in --quick mode.
test-wasm: $(BENCH_NATIVE)
