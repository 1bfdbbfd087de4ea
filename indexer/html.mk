# html.mk: saved web pages as input (indexer/read/html_reader.c), its tests and
# sample pages with their plain-text twins (tests/data/html).
indexer_libtagdex_a_SOURCES += indexer/read/html_reader.h indexer/read/html_reader.c

check_PROGRAMS += tests/unit/test_html_reader tests/unit/test_html_equiv
tests_unit_test_html_reader_SOURCES = tests/unit/test_html_reader.c
tests_unit_test_html_reader_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_html_reader_LDADD = $(TEST_LIBS)
tests_unit_test_html_equiv_SOURCES = tests/unit/test_html_equiv.c
tests_unit_test_html_equiv_CFLAGS = $(TEST_CFLAGS) -DTD_JING='"$(JING)"'
tests_unit_test_html_equiv_LDADD = $(TEST_LIBS)
TESTS += tests/unit/test_html_reader tests/unit/test_html_equiv
EXTRA_DIST += tests/fuzz/fuzz_html.c
