# quality.mk: tests of the tests (issue 20): known-answer renderer test,
# make mutants and make coverage. Kept apart from tests.mk so that the
# fragments change without touching each other.

# make mutants: each curated bug in tests/mutants/*.patch applied on its own
# to a scratch copy (mutants-work/), rebuilt, and the tests it names run;
# MUTANTS='path.patch ...' picks some; MUTANTS_BASELINE=0 skips the
# unmutated run. Not part of make check (minutes).
EXTRA_DIST += tests/mutants
mutants:
	TD_SHARED='$(TD_SHARED)' MUTANTS_BASELINE='$(MUTANTS_BASELINE)' \
		$(SHELL) $(abs_top_srcdir)/scripts/mutants.sh \
		$(abs_top_srcdir) $(abs_top_builddir)/mutants-work $(MUTANTS)
.PHONY: mutants

# every renderer on a fixed tiny index, exact bytes (tests/cli/test_render.sh)
TESTS += tests/cli/test_render.sh
EXTRA_DIST += tests/cli/test_render.sh

# make coverage: line and branch coverage of the library (lcov) from a
# gcov build in coverage-work/ (scripts/coverage.sh); report in
# coverage-work/html.
coverage:
	TD_SHARED='$(TD_SHARED)' $(SHELL) $(abs_top_srcdir)/scripts/coverage.sh \
		$(abs_top_srcdir) $(abs_top_builddir)/coverage-work
.PHONY: coverage

# --collocates and --keywords: counts against a brute force in Python over
# the token stream, every measure recomputed from its contingency table
# (tests/cli/test_stats.sh)
TESTS += tests/cli/test_stats.sh
EXTRA_DIST += tests/cli/test_stats.sh
