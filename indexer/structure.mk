# structure.mk: plain text -> blocks -> structure -> TEI, and tagdex-ingest.
# Also the lexicons this area reads and `make corpus`, which regenerates the
# checked-in corpus/tei/*.xml from corpus/articles/*.txt.
indexer_libtagdex_a_SOURCES += indexer/read/blocks.h indexer/read/sentences.h \
	indexer/read/layout.h indexer/read/structure.h indexer/read/text_reader.c \
	indexer/read/sentences.c indexer/read/layout.c indexer/read/structure.c \
	indexer/tei/tei_writer.c indexer/pipeline/pipeline.c

bin_PROGRAMS += indexer/tagdex-ingest
indexer_tagdex_ingest_SOURCES = indexer/programs/ingest.c \
	indexer/programs/ingest.h indexer/programs/exit_status.h \
	indexer/programs/ingest_index.c indexer/programs/tei_out.c \
	indexer/programs/tei_out.h \
	indexer/programs/inputs.h indexer/programs/inputs.c
indexer_tagdex_ingest_LDADD = $(TD_LIBS)
dist_man_MANS += indexer/programs/tagdex-ingest.1

lexdir = $(pkgdatadir)/lexicons
dist_lex_DATA = corpus/lexicons/abbreviations.tsv corpus/lexicons/layout.tsv

# Regenerates corpus/tei in the source tree; the result is checked in.
corpus: indexer/tagdex-ingest$(EXEEXT)
	TAGDEX_LEXICONS='$(abs_top_srcdir)/corpus/lexicons' \
		./indexer/tagdex-ingest -q -o '$(abs_top_srcdir)/corpus/tei' \
		'$(abs_top_srcdir)'/corpus/articles/*.txt

.PHONY: corpus

# (tests/data is distributed whole by tests/tests.mk)
