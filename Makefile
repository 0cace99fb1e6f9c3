# ckube — one non-recursive GNU Makefile (CONVENTIONS.md "Build and tests").
#
#   make            build build/ckube
#   make run        install what is missing, build, run the main job (a single-node server)
#   make test       install what is missing, build, run every unit and end-to-end test
#   make asan       the same tests on an AddressSanitizer + UBSan build in build/asan
#   make deps       install the Debian packages the project needs (only the missing ones)
#   make format     clang-format every C file in place
#   make bench-store  run bench/store (a benchmark, not a test)
#   make bench-api    run bench/api: API throughput, cache reads, watch fan-out, RSS
#   make fuzz       build the libFuzzer targets with clang in build/fuzz, run each FUZZ_SECONDS
#   make fuzz-smoke run every fuzz target over its seed corpus only (also part of make test)
#   V=1             show full commands

BUILD ?= build
SAN ?=
V ?=

Q := $(if $(V),,@)

PKG_LIBS := libevent libevent_openssl libevent_pthreads jansson openssl yaml-0.1 libarchive libnghttp2
# Lazily evaluated so that `make deps` can install pkg-config and the -dev packages first.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKG_LIBS))
PKG_LDLIBS = $(shell pkg-config --libs $(PKG_LIBS))

WARN := -Wall -Wextra -Wformat=2 -Wshadow -Werror -Wno-missing-field-initializers
CFLAGS ?= -O2 -g
comma := ,
SAN_FLAGS := $(if $(SAN),-fsanitize=address$(comma)undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
ALL_CFLAGS = -std=gnu11 $(CFLAGS) $(SAN_FLAGS) $(WARN) -D_GNU_SOURCE -Isrc -MMD -MP $(PKG_CFLAGS)
ALL_LDFLAGS = $(SAN_FLAGS) $(LDFLAGS)
LDLIBS_ALL = $(PKG_LDLIBS) -lpthread -lm

VERSION := $(shell cat VERSION 2>/dev/null || echo 0.0.0)
GIT_REV := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)

# Library: every module under src/ except main.c; the binary is main.c over it.
LIB_SRCS := $(filter-out src/main.c,$(shell find src -name '*.c' | sort))
LIB_OBJS := $(LIB_SRCS:%.c=$(BUILD)/%.o)
LIB := $(BUILD)/libckube.a
BIN := $(BUILD)/ckube

# Unit tests: tests/unit/<module>/test-<name>.c, one cmocka suite each, linked with the
# shared helpers in tests/unit/support/.
TEST_SRCS := $(shell find tests/unit -name 'test-*.c' | sort)
TEST_BINS := $(TEST_SRCS:%.c=$(BUILD)/%)
SUPPORT_SRCS := $(shell find tests/unit/support -name '*.c' | sort)
SUPPORT_OBJS := $(SUPPORT_SRCS:%.c=$(BUILD)/%.o)

BENCH_SRCS := $(shell find bench -name '*.c' | sort)
BENCH_BINS := $(BENCH_SRCS:%.c=$(BUILD)/%)

# Fuzz targets: tests/fuzz/fuzz-<name>.c, one per parser that reads the network. `make`
# links each with tests/fuzz/standalone.c (a main() that replays files) so that the seed
# corpus runs under `make test`; `make fuzz` links them with libFuzzer (see the end).
FUZZ_SRCS := $(shell find tests/fuzz -name 'fuzz-*.c' | sort)
FUZZ_SEED_BINS := $(FUZZ_SRCS:%.c=$(BUILD)/%)

# Debian's python3 has python3-pytest and python3-kubernetes; another python3 earlier on
# PATH may not (DESIGN.md §7).
PYTHON := /usr/bin/python3

.PHONY: all build run test unit e2e asan deps format bench-store bench-api clean
.DEFAULT_GOAL := all
# Keep intermediate objects (test support objects would otherwise be deleted after a link).
.SECONDARY:

all: $(BIN) $(TEST_BINS) $(BENCH_BINS) $(FUZZ_SEED_BINS)

build: all

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(if $(Q),@echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/src/version.o: ALL_CFLAGS += -DCK_VERSION='"$(VERSION)"' -DCK_GIT_REV='"$(GIT_REV)"'
$(BUILD)/src/version.o: VERSION

$(LIB): $(LIB_OBJS)
	@mkdir -p $(@D)
	$(Q)rm -f $@ && ar rcs $@ $^

$(BIN): $(BUILD)/src/main.o $(LIB)
	$(if $(Q),@echo "  LINK    $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LDLIBS_ALL)

$(BUILD)/tests/unit/%: tests/unit/%.c $(SUPPORT_OBJS) $(LIB)
	@mkdir -p $(@D)
	$(if $(Q),@echo "  TEST    $@")
	$(Q)$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(SUPPORT_OBJS) $(LIB) $(ALL_LDFLAGS) $(LDLIBS_ALL) -lcmocka

$(BUILD)/tests/unit/support/%.o: tests/unit/support/%.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(ALL_CFLAGS) -Itests/unit -c -o $@ $<

$(BUILD)/bench/%: bench/%.c $(LIB)
	@mkdir -p $(@D)
	$(if $(Q),@echo "  BENCH   $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(ALL_LDFLAGS) $(LDLIBS_ALL)

$(BUILD)/tests/fuzz/fuzz-%: tests/fuzz/fuzz-%.c $(BUILD)/tests/fuzz/standalone.o $(LIB)
	@mkdir -p $(@D)
	$(if $(Q),@echo "  FUZZ    $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/tests/fuzz/standalone.o $(LIB) $(ALL_LDFLAGS) $(LDLIBS_ALL)

deps:
	$(Q)./scripts/deps

# The main job: a single-node server in the foreground, state under $(RUN_DIR); Ctrl-C stops it.
RUN_DIR ?= $(BUILD)/run
run: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)$(BIN) server --data-dir $(RUN_DIR)

# The unit suites run under pytest (tests/unit/test_cmocka.py) beside the end-to-end tests,
# so one runner reports everything and ends with its summary line.
test: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)CK_BUILD=$(abspath $(BUILD)) $(PYTHON) -m pytest -q -p no:cacheprovider tests

unit: all
	$(Q)CK_BUILD=$(abspath $(BUILD)) $(PYTHON) -m pytest -q -p no:cacheprovider tests/unit

e2e: all
	$(Q)CK_BUILD=$(abspath $(BUILD)) $(PYTHON) -m pytest -q -p no:cacheprovider tests/e2e

asan:
	$(Q)$(MAKE) --no-print-directory BUILD=build/asan SAN=1 CFLAGS="-O1 -g" test

bench-store: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)$(BUILD)/bench/store

bench-api: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)$(BUILD)/bench/api

format:
	$(Q)clang-format -i $$(find src tests bench -name '*.[ch]')

# ---- fuzzing ------------------------------------------------------------------------
#
# `make fuzz` builds a tree of its own in $(FUZZ_BUILD) with clang: the library with
# -fsanitize=fuzzer-no-link plus ASan and UBSan (SAN=1), each target linked with libFuzzer
# (-fsanitize=fuzzer) as $(FUZZ_BUILD)/fuzz-<name>. Then tests/fuzz/run-fuzz runs each of
# FUZZ_TARGETS for FUZZ_SECONDS from its seeds (tests/fuzz/corpus/<name>/, never written)
# and what it found before ($(FUZZ_BUILD)/corpus/<name>/), with tests/fuzz/<name>.dict when
# there is one, and fails when any target crashes, leaks, breaks an invariant or takes more
# than FUZZ_TIMEOUT seconds on one input; the input is saved as
# $(FUZZ_BUILD)/crashes/<name>-{crash,leak,timeout,oom}-<sha1>, the log as
# $(FUZZ_BUILD)/<name>.log. Replay one: $(FUZZ_BUILD)/fuzz-<name> <file> (or, without
# clang, build/tests/fuzz/fuzz-<name> <file>).
# clang (not gcc) warns that error.c's error_vset passes a non-literal format; the flag
# that silences it here goes once error_vset has a format attribute.
FUZZ_BUILD := build/fuzz
FUZZ_SECONDS ?= 10
FUZZ_TIMEOUT ?= 25
FUZZ_TARGETS ?= $(FUZZ_SRCS:tests/fuzz/fuzz-%.c=%)
FUZZ_BINS := $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz-%)

.PHONY: fuzz fuzz-build fuzz-bins fuzz-smoke

fuzz: deps
	$(Q)$(MAKE) --no-print-directory fuzz-build
	$(Q)tests/fuzz/run-fuzz $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_TIMEOUT) $(FUZZ_TARGETS)

fuzz-build:
	$(Q)$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=clang SAN=1 \
		CFLAGS="-O1 -g -fsanitize=fuzzer-no-link" \
		fuzz-bins

# Only inside fuzz-build's make (BUILD=$(FUZZ_BUILD)).
fuzz-bins: $(FUZZ_BINS)

$(FUZZ_BUILD)/fuzz-%: tests/fuzz/fuzz-%.c $(LIB)
	@mkdir -p $(@D)
	$(if $(Q),@echo "  FUZZ    $@")
	$(Q)$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(LIB) $(ALL_LDFLAGS) $(LDLIBS_ALL)

fuzz-smoke: all
	$(Q)CK_BUILD=$(abspath $(BUILD)) $(PYTHON) -m pytest -q -p no:cacheprovider tests/fuzz

clean:
	rm -rf build

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
