# serve.mk: tagdex-serve (issue 18), the JSON API and the search page over
# an index, on GNU libmicrohttpd. It shares request.c (the same query from
# the same filters) and the renderers with tagdex-query.
queries_libtdquery_a_SOURCES += queries/output/output.h

bin_PROGRAMS += queries/tagdex-serve
queries_tagdex_serve_SOURCES = queries/serve/serve.c queries/serve/serve.h \
	queries/serve/api.c queries/cli/sigbus.c queries/cli/sigbus.h \
	queries/cli/progopts.c queries/cli/progopts.h
nodist_queries_tagdex_serve_SOURCES = queries/serve/page.c
queries_tagdex_serve_CPPFLAGS = $(AM_CPPFLAGS) -I$(srcdir)/queries/serve -I$(srcdir)/queries/cli
queries_tagdex_serve_CFLAGS = $(AM_CFLAGS) $(MHD_CFLAGS)
queries_tagdex_serve_LDADD = $(TQ_LIBS) $(MHD_LIBS)
dist_man_MANS += queries/serve/tagdex-serve.1

# the page, embedded at build time (embed.sh: C arrays)
TS_PAGE = $(srcdir)/queries/serve/page/index.html \
	$(srcdir)/queries/serve/page/app.js $(srcdir)/queries/serve/page/app.css
EXTRA_DIST += queries/serve/embed.sh queries/serve/page
queries/serve/page.c: $(TS_PAGE) $(srcdir)/queries/serve/embed.sh
	@$(MKDIR_P) queries/serve
	$(SHELL) $(srcdir)/queries/serve/embed.sh $@ $(TS_PAGE)
CLEANFILES += queries/serve/page.c

# the API against tagdex-query, the token, paging and a new commit
TESTS += tests/cli/test_serve.sh
EXTRA_DIST += tests/cli/test_serve.sh

# make serve: the demo index (make demo's) served on 127.0.0.1:8080
serve: queries/tagdex-serve$(EXEEXT) indexer/tagdex-ingest$(EXEEXT)
	rm -rf demo.tagdex
	TAGDEX_LEXICONS='$(abs_top_srcdir)/corpus/lexicons' \
		./indexer/tagdex-ingest -q -x demo.tagdex \
		'$(abs_top_srcdir)/corpus/articles'
	./queries/tagdex-serve -x demo.tagdex

.PHONY: serve

# the page in headless Chromium: hits, paging, speaker, table and chart,
# the document view, and hostile text shown inertly
TESTS += tests/cli/test_serve_page.sh
EXTRA_DIST += tests/cli/test_serve_page.sh

# the page driven by clicks over the DevTools protocol: search, next page,
# sort, CSV download, a speaker's quotes, a document
TESTS += tests/cli/test_serve_browser.sh
EXTRA_DIST += tests/cli/test_serve_browser.sh
