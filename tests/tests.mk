# tests.mk: the cmocka unit tests. Each test_<module>.c is one program.
# shared/ (the TEI schema, external corpora) sits beside the repository;
# configure's TD_SHARED says where (distcheck passes it on).
AM_DISTCHECK_CONFIGURE_FLAGS = TD_SHARED='$(TD_SHARED)'
EXTRA_DIST += tests/data
TEST_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) -I$(srcdir)/tests/unit \
	-I$(srcdir)/tests/differential \
	-DTD_SRCDIR='"$(abs_top_srcdir)"' -DTD_BUILDDIR='"$(abs_top_builddir)"' \
	-DTD_SHARED='"$(TD_SHARED)"'
AM_TESTS_ENVIRONMENT = TD_SHARED='$(TD_SHARED)'; export TD_SHARED; \
	TD_TEST_HOOKS='$(TD_TEST_HOOKS)'; export TD_TEST_HOOKS;
TEST_LIBS = $(TD_LIBS) $(CMOCKA_LIBS)

check_PROGRAMS += tests/unit/test_core
tests_unit_test_core_SOURCES = tests/unit/test_core.c
tests_unit_test_core_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_core_LDADD = $(TEST_LIBS)
TESTS += tests/unit/test_core

# query area: lexer, parser (tests/unit/test_lexer.c, tests/unit/test_parser.c)
check_PROGRAMS += tests/unit/test_lexer tests/unit/test_parser
tests_unit_test_lexer_SOURCES = tests/unit/test_lexer.c
tests_unit_test_lexer_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_lexer_LDADD = queries/libtdquery.a $(TEST_LIBS)
tests_unit_test_parser_SOURCES = tests/unit/test_parser.c
tests_unit_test_parser_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_parser_LDADD = queries/libtdquery.a $(TEST_LIBS)
TESTS += tests/unit/test_lexer tests/unit/test_parser

check_PROGRAMS += tests/unit/test_index
tests_unit_test_index_SOURCES = tests/unit/test_index.c tests/unit/seg_reseal.h
tests_unit_test_index_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_index_LDADD = $(TEST_LIBS)
TESTS += tests/unit/test_index

# structure area: reader, sentence splitter, TEI writer
check_PROGRAMS += tests/unit/test_reader tests/unit/test_sentences tests/unit/test_tei_writer
tests_unit_test_reader_SOURCES = tests/unit/test_reader.c
tests_unit_test_reader_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_reader_LDADD = $(TEST_LIBS)
tests_unit_test_sentences_SOURCES = tests/unit/test_sentences.c
tests_unit_test_sentences_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_sentences_LDADD = $(TEST_LIBS)
tests_unit_test_tei_writer_SOURCES = tests/unit/test_tei_writer.c
tests_unit_test_tei_writer_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_tei_writer_LDADD = $(TEST_LIBS)
TESTS += tests/unit/test_reader tests/unit/test_sentences tests/unit/test_tei_writer

# query area: the executor over a real index (tests/unit/test_exec.c)
check_PROGRAMS += tests/unit/test_exec
tests_unit_test_exec_SOURCES = tests/unit/test_exec.c
tests_unit_test_exec_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_exec_LDADD = queries/libtdquery.a $(TEST_LIBS)
TESTS += tests/unit/test_exec

check_PROGRAMS += tests/unit/test_tei_reader
tests_unit_test_tei_reader_SOURCES = tests/unit/test_tei_reader.c
tests_unit_test_tei_reader_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_tei_reader_LDADD = $(TEST_LIBS)
TESTS += tests/unit/test_tei_reader

# structure area: tagdex-ingest end to end, and jing over all TEI
TESTS += tests/cli/test_ingest.sh
EXTRA_DIST += tests/cli/test_ingest.sh tests/cli/lib.sh

# annotators (owned by the annotate area)
ANNOTATE_TESTS = tests/unit/test_actors tests/unit/test_quotes tests/unit/test_hedges \
	tests/unit/test_labels tests/unit/test_dates tests/unit/test_stages \
	tests/unit/test_match tests/unit/test_reported
check_PROGRAMS += $(ANNOTATE_TESTS)
TESTS += $(ANNOTATE_TESTS) tests/cli/test_eval.sh tests/cli/test_eval_kinds.sh
EXTRA_DIST += tests/unit/annotate_fixture.h tests/cli/test_eval.sh \
	tests/cli/test_eval_kinds.sh
tests_unit_test_actors_SOURCES = tests/unit/test_actors.c tests/unit/annotate_fixture.h \
	tests/unit/match_fixture.c tests/unit/match_fixture.h
tests_unit_test_actors_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_actors_LDADD = $(TEST_LIBS)
tests_unit_test_reported_SOURCES = tests/unit/test_reported.c tests/unit/annotate_fixture.h
tests_unit_test_reported_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_reported_LDADD = $(TEST_LIBS)
tests_unit_test_quotes_SOURCES = tests/unit/test_quotes.c tests/unit/annotate_fixture.h
tests_unit_test_quotes_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_quotes_LDADD = $(TEST_LIBS)
tests_unit_test_hedges_SOURCES = tests/unit/test_hedges.c tests/unit/annotate_fixture.h
tests_unit_test_hedges_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_hedges_LDADD = $(TEST_LIBS)
tests_unit_test_labels_SOURCES = tests/unit/test_labels.c tests/unit/annotate_fixture.h
tests_unit_test_labels_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_labels_LDADD = $(TEST_LIBS)
tests_unit_test_dates_SOURCES = tests/unit/test_dates.c tests/unit/annotate_fixture.h
tests_unit_test_dates_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_dates_LDADD = $(TEST_LIBS)
tests_unit_test_stages_SOURCES = tests/unit/test_stages.c tests/unit/annotate_fixture.h
tests_unit_test_stages_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_stages_LDADD = $(TEST_LIBS)
tests_unit_test_match_SOURCES = tests/unit/test_match.c tests/unit/annotate_fixture.h \
	tests/unit/match_fixture.c tests/unit/match_fixture.h
tests_unit_test_match_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_match_LDADD = $(TEST_LIBS)

# query area: index vs brute-force oracle (tests/differential/test_differential.c)
check_PROGRAMS += tests/differential/test_differential
tests_differential_test_differential_SOURCES = tests/differential/test_differential.c tests/differential/oracle.c \
	tests/differential/oracle.h
tests_differential_test_differential_CFLAGS = $(TEST_CFLAGS)
tests_differential_test_differential_LDADD = queries/libtdquery.a $(TEST_LIBS)
TESTS += tests/differential/test_differential

TESTS += tests/cli/test_ingest_index.sh tests/cli/test_ingest_identity.sh \
	tests/cli/test_tei_corpus.sh
EXTRA_DIST += tests/cli/test_ingest_index.sh tests/cli/test_ingest_identity.sh \
	tests/cli/test_tei_corpus.sh
# tagdex-ingest --profile: CPU time by stage
TESTS += tests/cli/test_profile.sh
EXTRA_DIST += tests/cli/test_profile.sh
# index area: --memory, a batch in several segments (tests/cli/test_memory.sh)
TESTS += tests/cli/test_memory.sh tests/cli/test_segment_limit.sh
EXTRA_DIST += tests/cli/test_memory.sh tests/cli/test_segment_limit.sh
# memory resident per indexed document (tests/cli/test_rss.sh)
TESTS += tests/cli/test_rss.sh
EXTRA_DIST += tests/cli/test_rss.sh

# query area: tagdex-query end to end (tests/cli/test_query_cli.sh)
TESTS += tests/cli/test_query_cli.sh
EXTRA_DIST += tests/cli/test_query_cli.sh
# --sort's orders against PyICU
TESTS += tests/cli/test_sort.sh
EXTRA_DIST += tests/cli/test_sort.sh
# concordance lines in any order of hits against one document at a time
TESTS += tests/cli/test_lines.sh
EXTRA_DIST += tests/cli/test_lines.sh
# alternatives (A | B) started from the union of their anchors
TESTS += tests/cli/test_alternatives.sh
EXTRA_DIST += tests/cli/test_alternatives.sh
# TEI milestones (pb, cb, milestone) as regions and --show, against Python
# reading the TEI (tests/data/milestones)
TESTS += tests/cli/test_milestones.sh
EXTRA_DIST += tests/cli/test_milestones.sh
# --docs against the TEI of corpus/tei
TESTS += tests/cli/test_docs.sh
EXTRA_DIST += tests/cli/test_docs.sh
# query area: n-way frequency tables (tests/cli/test_freq_table.sh)
TESTS += tests/cli/test_freq_table.sh
EXTRA_DIST += tests/cli/test_freq_table.sh
# query area: the CQP and NoSketch Engine forms (tests/cli/test_query_forms.sh)
TESTS += tests/cli/test_query_forms.sh
EXTRA_DIST += tests/cli/test_query_forms.sh
# query area: --actor and --who by name (tests/cli/test_actor_lookup.sh)
TESTS += tests/cli/test_actor_lookup.sh
EXTRA_DIST += tests/cli/test_actor_lookup.sh
# query area: -f FILE, a batch of queries (tests/cli/test_batch.sh)
TESTS += tests/cli/test_batch.sh
EXTRA_DIST += tests/cli/test_batch.sh
# query area: saved results and subcorpora (tests/cli/test_subcorpus.sh)
TESTS += tests/cli/test_subcorpus.sh
EXTRA_DIST += tests/cli/test_subcorpus.sh
# every export format read back with Python's csv and json modules
TESTS += tests/cli/test_export.sh
EXTRA_DIST += tests/cli/test_export.sh

# index area: the corruption campaign (issue 12): bit flips x 12 queries
check_PROGRAMS += tests/unit/test_corrupt
# the index it damages is built from corpus/articles as tagdex-ingest
# walks it (inputs.c is the program's, not the library's)
tests_unit_test_corrupt_SOURCES = tests/unit/test_corrupt.c tests/unit/seg_reseal.h \
	indexer/programs/inputs.c
tests_unit_test_corrupt_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_corrupt_LDADD = queries/libtdquery.a $(TEST_LIBS)
TESTS += tests/unit/test_corrupt

# issue 11's counting (tests/data/counting: hand-counted fixtures)
TESTS += tests/cli/test_counting.sh
EXTRA_DIST += tests/cli/test_counting.sh tests/data/counting/a.xml \
	tests/data/counting/b.xml tests/data/split-quote/c.xml

# the library boundary: no printing, exiting or environment in the libraries
TESTS += tests/cli/test_library.sh tests/cli/test_naming.sh
EXTRA_DIST += tests/cli/test_library.sh tests/cli/test_naming.sh

# one exit-status table for every program and man page
TESTS += tests/cli/test_exit_table.sh
EXTRA_DIST += tests/cli/test_exit_table.sh

# index area: SIGINT/SIGTERM at every commit step (issue 12)
TESTS += tests/cli/test_ingest_signal.sh
EXTRA_DIST += tests/cli/test_ingest_signal.sh

# index area: out-of-memory injection at every allocation of a commit
# (issue 12) and of a query plan: the allocation functions are wrapped in
# this program only
check_PROGRAMS += tests/unit/test_oom
tests_unit_test_oom_SOURCES = tests/unit/test_oom.c \
	indexer/programs/ingest_index.c indexer/programs/tei_out.c \
	indexer/programs/inputs.c
tests_unit_test_oom_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_oom_LDFLAGS = -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc \
	-Wl,--wrap=strdup,--wrap=strndup,--wrap=open_memstream,--wrap=realpath
tests_unit_test_oom_LDADD = queries/libtdquery.a $(TEST_LIBS)
TESTS += tests/unit/test_oom

# shards built apart with GNU parallel, searched as one (issue 17)
TESTS += tests/cli/test_shards.sh
EXTRA_DIST += tests/cli/test_shards.sh
