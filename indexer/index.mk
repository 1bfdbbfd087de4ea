# index.mk: sources of this area (owned by its area)
# Reading TEI into the document model, and the on-disk index: segments,
# manifest, writer, checks, and the index mode of tagdex-ingest.
indexer_libtagdex_a_SOURCES += indexer/index_int.h indexer/checksum.c \
	indexer/strtab.c indexer/postings.c indexer/segbuild.c \
	indexer/segment.c indexer/manifest.c indexer/index.c indexer/writer.c \
	indexer/check.c indexer/tei_reader.c \
	indexer/ingest_index.c
