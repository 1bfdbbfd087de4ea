# tests.mk: the cmocka unit tests. Each test_<module>.c is one program.
# shared/ (the TEI schema, external corpora) sits beside the repository;
# configure's TD_SHARED says where (distcheck passes it on).
AM_DISTCHECK_CONFIGURE_FLAGS = TD_SHARED='$(TD_SHARED)'
EXTRA_DIST += tests/data
TEST_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) \
	-DTD_SRCDIR='"$(abs_top_srcdir)"' -DTD_BUILDDIR='"$(abs_top_builddir)"' \
	-DTD_SHARED='"$(TD_SHARED)"'
AM_TESTS_ENVIRONMENT = TD_SHARED='$(TD_SHARED)'; export TD_SHARED;
TEST_LIBS = $(TD_LIBS) $(CMOCKA_LIBS)

check_PROGRAMS += tests/test_core
tests_test_core_SOURCES = tests/test_core.c
tests_test_core_CFLAGS = $(TEST_CFLAGS)
tests_test_core_LDADD = $(TEST_LIBS)
TESTS += tests/test_core

# query area: lexer, parser (tests/test_lexer.c, tests/test_parser.c)
check_PROGRAMS += tests/test_lexer tests/test_parser
tests_test_lexer_SOURCES = tests/test_lexer.c
tests_test_lexer_CFLAGS = $(TEST_CFLAGS)
tests_test_lexer_LDADD = queries/libtdquery.a $(TEST_LIBS)
tests_test_parser_SOURCES = tests/test_parser.c
tests_test_parser_CFLAGS = $(TEST_CFLAGS)
tests_test_parser_LDADD = queries/libtdquery.a $(TEST_LIBS)
TESTS += tests/test_lexer tests/test_parser

check_PROGRAMS += tests/test_index
tests_test_index_SOURCES = tests/test_index.c
tests_test_index_CFLAGS = $(TEST_CFLAGS)
tests_test_index_LDADD = $(TEST_LIBS)
TESTS += tests/test_index

# structure area: reader, sentence splitter, TEI writer
check_PROGRAMS += tests/test_reader tests/test_sentences tests/test_tei_writer
tests_test_reader_SOURCES = tests/test_reader.c
tests_test_reader_CFLAGS = $(TEST_CFLAGS)
tests_test_reader_LDADD = $(TEST_LIBS)
tests_test_sentences_SOURCES = tests/test_sentences.c
tests_test_sentences_CFLAGS = $(TEST_CFLAGS)
tests_test_sentences_LDADD = $(TEST_LIBS)
tests_test_tei_writer_SOURCES = tests/test_tei_writer.c
tests_test_tei_writer_CFLAGS = $(TEST_CFLAGS)
tests_test_tei_writer_LDADD = $(TEST_LIBS)
TESTS += tests/test_reader tests/test_sentences tests/test_tei_writer

# query area: the executor over a real index (tests/test_exec.c)
check_PROGRAMS += tests/test_exec
tests_test_exec_SOURCES = tests/test_exec.c
tests_test_exec_CFLAGS = $(TEST_CFLAGS)
tests_test_exec_LDADD = queries/libtdquery.a $(TEST_LIBS)
TESTS += tests/test_exec

check_PROGRAMS += tests/test_tei_reader
tests_test_tei_reader_SOURCES = tests/test_tei_reader.c
tests_test_tei_reader_CFLAGS = $(TEST_CFLAGS)
tests_test_tei_reader_LDADD = $(TEST_LIBS)
TESTS += tests/test_tei_reader

# structure area: tagdex-ingest end to end, and jing over all TEI
TESTS += tests/test_ingest.sh
EXTRA_DIST += tests/test_ingest.sh

# annotators (owned by the annotate area)
ANNOTATE_TESTS = tests/test_actors tests/test_quotes tests/test_hedges \
	tests/test_labels tests/test_dates
check_PROGRAMS += $(ANNOTATE_TESTS)
TESTS += $(ANNOTATE_TESTS) tests/test_eval.sh
EXTRA_DIST += tests/annotate_fixture.h tests/test_eval.sh
tests_test_actors_SOURCES = tests/test_actors.c tests/annotate_fixture.h
tests_test_actors_CFLAGS = $(TEST_CFLAGS)
tests_test_actors_LDADD = $(TEST_LIBS)
tests_test_quotes_SOURCES = tests/test_quotes.c tests/annotate_fixture.h
tests_test_quotes_CFLAGS = $(TEST_CFLAGS)
tests_test_quotes_LDADD = $(TEST_LIBS)
tests_test_hedges_SOURCES = tests/test_hedges.c tests/annotate_fixture.h
tests_test_hedges_CFLAGS = $(TEST_CFLAGS)
tests_test_hedges_LDADD = $(TEST_LIBS)
tests_test_labels_SOURCES = tests/test_labels.c tests/annotate_fixture.h
tests_test_labels_CFLAGS = $(TEST_CFLAGS)
tests_test_labels_LDADD = $(TEST_LIBS)
tests_test_dates_SOURCES = tests/test_dates.c tests/annotate_fixture.h
tests_test_dates_CFLAGS = $(TEST_CFLAGS)
tests_test_dates_LDADD = $(TEST_LIBS)

# query area: index vs brute-force oracle (tests/test_differential.c)
check_PROGRAMS += tests/test_differential
tests_test_differential_SOURCES = tests/test_differential.c tests/oracle.c \
	tests/oracle.h
tests_test_differential_CFLAGS = $(TEST_CFLAGS)
tests_test_differential_LDADD = queries/libtdquery.a $(TEST_LIBS)
TESTS += tests/test_differential

TESTS += tests/test_ingest_index.sh tests/test_ingest_identity.sh
EXTRA_DIST += tests/test_ingest_index.sh tests/test_ingest_identity.sh

# query area: tagdex-query end to end (tests/test_query_cli.sh)
TESTS += tests/test_query_cli.sh
EXTRA_DIST += tests/test_query_cli.sh
# every export format read back with Python's csv and json modules
TESTS += tests/test_export.sh
EXTRA_DIST += tests/test_export.sh

# index area: the corruption campaign (issue 12): bit flips x 12 queries
check_PROGRAMS += tests/test_corrupt
tests_test_corrupt_SOURCES = tests/test_corrupt.c
tests_test_corrupt_CFLAGS = $(TEST_CFLAGS)
tests_test_corrupt_LDADD = queries/libtdquery.a $(TEST_LIBS)
TESTS += tests/test_corrupt

# issue 11's counting (tests/data/counting: hand-counted fixtures)
TESTS += tests/test_counting.sh
EXTRA_DIST += tests/test_counting.sh tests/data/counting/a.xml \
	tests/data/counting/b.xml
