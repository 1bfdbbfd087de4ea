# queries.mk: the query language, its executor and renderers, and the
# program tagdex-query (owned by the query area).
noinst_LIBRARIES += queries/libtdquery.a
queries_libtdquery_a_SOURCES = queries/engine/lexer.h queries/engine/lexer.c \
	queries/engine/ast.h queries/engine/ast.c queries/engine/parser.c \
	queries/engine/plan.h queries/engine/filter.h queries/engine/exec.h \
	queries/engine/article.h queries/engine/hits.h queries/engine/context.h \
	queries/engine/suggest.h queries/engine/lookup.h queries/engine/subcorpus.h \
	queries/engine/info.h queries/engine/freq.h queries/engine/table.h \
	queries/output/kwic.h queries/output/render.h \
	queries/engine/plan_int.h queries/engine/plan.c \
	queries/engine/exec_int.h queries/engine/exec.c queries/engine/exec_leaves.c \
	queries/engine/exec_spans.c queries/engine/exec_nodes.c \
	queries/engine/exec_docs.c queries/engine/exec_anchors.c \
	queries/engine/labels.c queries/engine/info.c \
	queries/engine/context.c queries/engine/article.c queries/engine/hits.c \
	queries/output/kwic.c queries/engine/freq.c queries/output/render_tsv.c \
	queries/output/render_json.c queries/engine/suggest.c queries/engine/lookup.c queries/engine/subcorpus.c \
	queries/engine/stats.h queries/engine/stats.c queries/engine/colloc.c \
	queries/engine/keyness.c queries/engine/disp.c \
	queries/engine/ngrams.c \
	queries/engine/table.c \
	queries/output/request.h queries/output/request.c \
	queries/output/indexes.h queries/output/indexes.c \
	queries/output/sort.h queries/output/sort.c
TQ_LIBS = queries/libtdquery.a $(TD_LIBS)

bin_PROGRAMS += queries/tagdex-query
queries_tagdex_query_SOURCES = queries/cli/main.c queries/cli/stats_cli.c \
	queries/cli/batch.c queries/cli/batch.h \
	queries/cli/messages.c queries/cli/messages.h \
	queries/cli/info_cli.c queries/cli/info_cli.h \
	queries/cli/stats_cli.h queries/cli/sigbus.c queries/cli/sigbus.h \
	queries/cli/progopts.c queries/cli/progopts.h
queries_tagdex_query_LDADD = $(TQ_LIBS)
dist_man_MANS += queries/cli/tagdex-query.1

# A concordance of hedges in predictions over corpus/ (the README's first
# command), with an index in the build directory.
demo: queries/tagdex-query$(EXEEXT) indexer/tagdex-ingest$(EXEEXT)
	rm -rf demo.tagdex
	TAGDEX_LEXICONS='$(abs_top_srcdir)/corpus/lexicons' \
		./indexer/tagdex-ingest -q -x demo.tagdex \
		'$(abs_top_srcdir)/corpus/articles'
	./queries/tagdex-query -x demo.tagdex \
		'<seg type="hedge"/> within <s ana="prediction"/>'

.PHONY: demo
