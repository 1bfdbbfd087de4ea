/* who_dump.c: which rule gave each quotation and reported clause its
 * speaker (@who), so that the rules can be measured one by one. The
 * deciding code notes its rule (td_who_note), the quote and said records
 * keep a copy (td_who_rule_now), and the file named by TAGDEX_WHO_DUMP
 * gets one line a record. It decides nothing and changes no @who.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annotator.h"
#include "match.h"

/* The rules noted by the thread annotating now: [TD_WHO_SITE] where the
 * key was given to the record, [TD_WHO_SPK] the speaker rule (quotes.c's
 * speaker), [TD_WHO_PRON] the referent rule of a he/she. Static strings
 * only. */
static _Thread_local const char *note[3];
static _Thread_local td_who_evidence note_ev;

const char *td_who_note(int level, const char *rule, const char *key)
{
	if (key)
		note[level] = rule;
	return key;
}

void td_who_clear(int level)
{
	for (int l = level; l < 3; l++)
		note[l] = NULL;
	note_ev = (td_who_evidence){-1, 0, 0, 0};
}

void td_who_note_evidence(const td_who_evidence *ev)
{
	note_ev = *ev;
}

td_who_rule td_who_at(const char *site)
{
	return (td_who_rule){site, NULL, NULL, {-1, 0, 0, 0}};
}

td_who_rule td_who_rule_now(void)
{
	return (td_who_rule){note[TD_WHO_SITE], note[TD_WHO_SPK],
	        note[TD_WHO_PRON], note_ev};
}

/* The dump (dump_file.c): one file for the process, a document's lines
 * written in one block. */
static td_dump_file dump = TD_DUMP_FILE_INIT("TAGDEX_WHO_DUMP");

int td_who_dump_open(const char *path)
{
	return td_dump_file_open(&dump, path);
}

int td_who_dump_close(void)
{
	return td_dump_file_close(&dump);
}

/* One record: source, sentence, q or said, its text (whitespace made
 * spaces), @who or "-", and the rule as site/speaker/pronoun, "-" for a
 * level not noted ("-/-/-": no rule gave a key). */
static void dump_line(FILE *f, const td_actx *c, const char *kind, int sent,
        size_t s, size_t e, const char *who, td_who_rule r)
{
	const char *src = c->doc && c->doc->meta.source_name
	                          ? c->doc->meta.source_name
	                          : "-";
	fprintf(f, "%s\t%d\t%s\t", src, sent, kind);
	for (size_t b = s; b < e && b < c->doc->len; b++) {
		char ch = c->doc->text[b];
		fputc(ch == '\t' || ch == '\n' || ch == '\r' ? ' ' : ch, f);
	}
	fprintf(f, "\t%s\t%s/%s/%s", who ? who : "-",
	        who && r.site ? r.site : "-", who && r.spk ? r.spk : "-",
	        who && r.pron ? r.pron : "-");
	if (who && r.pron)
		fprintf(f, "\tparas=%d rivals=%d gender=%d turns=%d",
		        r.ev.paras, r.ev.rivals, r.ev.gender, r.ev.turns);
	fputc('\n', f);
}

int td_who_dump(const td_actx *c)
{
	if (!dump.f)
		return 0;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return td_error(TD_ENOMEM, "out of memory");
	for (size_t i = 0; i < c->n_said; i++)
		dump_line(f, c, "said", c->said[i].sent, c->said[i].start,
		        c->said[i].end, c->said[i].who, c->said[i].rule);
	for (size_t q = 0; q < c->n_quotes; q++)
		dump_line(f, c, "q", c->quotes[q].sent, c->quotes[q].start,
		        c->quotes[q].end, c->quotes[q].who, c->quotes[q].rule);
	if (fclose(f)) {
		free(buf);
		return td_error(TD_ENOMEM, "out of memory");
	}
	td_dump_file_write(&dump, buf, len);
	free(buf);
	return 0;
}
