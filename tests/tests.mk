# tests.mk: the cmocka unit tests. Each test_<module>.c is one program.
TEST_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) \
	-DTD_SRCDIR='"$(abs_top_srcdir)"' -DTD_BUILDDIR='"$(abs_top_builddir)"'
TEST_LIBS = $(TD_LIBS) $(CMOCKA_LIBS)

check_PROGRAMS += tests/test_core
tests_test_core_SOURCES = tests/test_core.c
tests_test_core_CFLAGS = $(TEST_CFLAGS)
tests_test_core_LDADD = $(TEST_LIBS)
TESTS += tests/test_core
