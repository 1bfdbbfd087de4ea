# fuzz.mk: hardening (owned by the hardening area). The fuzz harnesses in
# tests/fuzz are built twice: here with the ordinary compiler and a small
# main (tests/fuzz/driver.c) so that `make check` replays their seeds and
# every saved regression input, and by scripts/fuzz.sh with libFuzzer
# (`make fuzz`; `FUZZ_SECONDS=20 make fuzz` in CI). Also the hostile-input
# test and `make check-valgrind`.
FUZZ_CFLAGS = $(AM_CFLAGS) -I$(srcdir)/tests/fuzz \
	-DTD_SRCDIR='"$(abs_top_srcdir)"'
FUZZ_REPLAY = tests/fuzz/replay_text tests/fuzz/replay_tei \
	tests/fuzz/replay_html tests/fuzz/replay_query tests/fuzz/replay_serve
check_PROGRAMS += $(FUZZ_REPLAY)
tests_fuzz_replay_text_SOURCES = tests/fuzz/fuzz_text.c tests/fuzz/driver.c \
	tests/fuzz/fuzz_common.h
tests_fuzz_replay_text_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_replay_text_LDADD = $(TD_LIBS)
tests_fuzz_replay_tei_SOURCES = tests/fuzz/fuzz_tei.c tests/fuzz/driver.c \
	tests/fuzz/fuzz_common.h
tests_fuzz_replay_tei_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_replay_tei_LDADD = $(TD_LIBS)
tests_fuzz_replay_html_SOURCES = tests/fuzz/fuzz_html.c tests/fuzz/driver.c \
	tests/fuzz/fuzz_common.h
tests_fuzz_replay_html_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_replay_html_LDADD = $(TD_LIBS)
tests_fuzz_replay_query_SOURCES = tests/fuzz/fuzz_query.c \
	tests/fuzz/driver.c tests/fuzz/fuzz_common.h
tests_fuzz_replay_query_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_replay_query_LDADD = queries/libtdquery.a $(TD_LIBS)
# tagdex-serve's requests: the harness runs api.c's daemon (serve.mk)
tests_fuzz_replay_serve_SOURCES = tests/fuzz/fuzz_serve.c \
	tests/fuzz/driver.c tests/fuzz/fuzz_common.h queries/serve/api.c
nodist_tests_fuzz_replay_serve_SOURCES = queries/serve/page.c
tests_fuzz_replay_serve_CFLAGS = $(FUZZ_CFLAGS) $(MHD_CFLAGS) \
	-I$(srcdir)/queries/serve
tests_fuzz_replay_serve_LDADD = queries/libtdquery.a $(TD_LIBS) $(MHD_LIBS)

TESTS += tests/fuzz/replay.sh tests/cli/test_hostile.sh
EXTRA_DIST += tests/fuzz/replay.sh tests/fuzz/README.md tests/fuzz/text.dict \
	tests/fuzz/tei.dict tests/fuzz/query.dict tests/fuzz/serve.dict \
	tests/fuzz/seeds \
	tests/fuzz/regress tests/cli/test_hostile.sh tests/data/hostile \
	scripts/fuzz.sh

# Runs every harness under libFuzzer for $FUZZ_SECONDS (default 60) each.
fuzz:
	$(SHELL) $(abs_top_srcdir)/scripts/fuzz.sh

# The unit test programs and the seed replays under valgrind: any invalid
# access or definite/indirect leak fails the test. Not for sanitizer builds
# (valgrind and ASan do not mix); the shell tests run as usual. Tests that
# bound wall time should multiply the bound by $TD_TIMEOUT_SCALE. The
# differential test runs 10 of its 40 random corpora here (every corpus
# shape of its round-robin still comes up: long documents every 8th round,
# tagged lemmas every 2nd): the 40 run natively and under ASan, and under
# valgrind all 40 took 9 of CI's 27 minutes.
VALGRIND_DIFF_ROUNDS = 10
VALGRIND = valgrind
VALGRIND_FLAGS = -q --error-exitcode=1 --leak-check=full \
	--show-leak-kinds=definite,indirect \
	--errors-for-leak-kinds=definite,indirect --track-origins=yes
check-valgrind:
	@case '$(CFLAGS) $(LDFLAGS)' in *-fsanitize=*) \
		echo "check-valgrind: not with -fsanitize builds" >&2; exit 1;; \
	esac
	@command -v $(VALGRIND) >/dev/null || \
		{ echo "check-valgrind: $(VALGRIND) not found" >&2; exit 1; }
	$(MAKE) $(AM_MAKEFLAGS) check TD_TIMEOUT_SCALE=20 \
		TD_DIFF_ROUNDS=$(VALGRIND_DIFF_ROUNDS) \
		LOG_COMPILER='$(VALGRIND) $(VALGRIND_FLAGS)' \
		TD_VALGRIND='$(VALGRIND) $(VALGRIND_FLAGS)' \
		TESTS='$(filter-out %.sh,$(TESTS)) tests/fuzz/replay.sh'

.PHONY: fuzz check-valgrind
