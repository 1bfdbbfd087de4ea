# index.mk: sources of this area (owned by its area)
# Reading TEI into the document model, and the on-disk index: segments,
# manifest, writer, checks.
indexer_libtagdex_a_SOURCES += indexer/index/index_int.h indexer/index/bits.h \
	indexer/index/checksum.h indexer/index/strtab.h indexer/index/docpool.h indexer/index/idcode.h indexer/index/postings.h \
	indexer/index/segformat.h indexer/index/segbuild.h indexer/index/segout.h \
	indexer/index/stream_merge.h indexer/index/segment.h indexer/index/docmap.h \
	indexer/index/manifest.h indexer/index/durable.h indexer/index/fault.h indexer/index/job.h \
	indexer/index/checksum.c \
	indexer/index/strtab.c indexer/index/docpool.c indexer/index/idcode.c indexer/index/postings.c indexer/index/segbuild.c \
	indexer/index/segout.c indexer/index/job.c indexer/index/stream_merge.c \
	indexer/index/segment_int.h indexer/index/segment.c \
	indexer/index/segment_lexicon.c indexer/index/segment_spans.c \
	indexer/index/segment_doc.c indexer/index/docmap.c indexer/index/manifest.c indexer/index/fault.c indexer/index/index.c indexer/index/writer.c \
	indexer/index/check.c indexer/tei/tei_reader.c
