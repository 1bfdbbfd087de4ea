# annotate.mk: sources of this area (owned by its area)
# The annotators: actors, quotes and reported speech, hedges, dates, labels.
indexer_libtagdex_a_SOURCES += indexer/annotate/annotate.h indexer/annotate/annotate.c \
	indexer/annotate/match.h indexer/annotate/match.c indexer/annotate/patset.h \
	indexer/annotate/lexicons.h indexer/annotate/lexicons.c
indexer_libtagdex_a_SOURCES += indexer/annotate/actors.c indexer/annotate/quotes.c \
	indexer/annotate/reported.c indexer/annotate/speakers.c indexer/annotate/future.c \
	indexer/annotate/hedges.c indexer/annotate/labels.c indexer/annotate/dates.c \
	indexer/annotate/names.h indexer/annotate/names.c \
	indexer/annotate/claim_model.h indexer/annotate/claim_model.c \
	indexer/annotate/who_dump.c indexer/annotate/dump_file.c
lexicondir = $(pkgdatadir)/lexicons
dist_lexicon_DATA = corpus/lexicons/actors.tsv corpus/lexicons/hedges.tsv \
	corpus/lexicons/speech_verbs.tsv corpus/lexicons/titles.tsv \
	corpus/lexicons/places.tsv corpus/lexicons/claim_cues.tsv \
	corpus/lexicons/given_names.tsv
dist_lexicon_DATA += corpus/lexicons/subdivisions.tsv corpus/lexicons/clubs.tsv corpus/lexicons/parties.tsv \
	corpus/lexicons/stance.tsv corpus/lexicons/person_words.tsv \
	corpus/lexicons/claim_model.tsv corpus/lexicons/report_verbs.tsv
bin_PROGRAMS += indexer/tagdex-eval
indexer_tagdex_eval_SOURCES = indexer/programs/score.c
indexer_tagdex_eval_LDADD = $(TD_LIBS)
dist_man_MANS += indexer/programs/tagdex-eval.1
