/* html_reader.h: saved web pages (HTML) into the reading stage's blocks.
 * The HTML reader produces the same td_blocks as the plain-text reader
 * (blocks.h), so structure, annotation and TEI are shared. Internal to
 * tagdex (not installed).
 */
#ifndef TAGDEX_HTML_READER_H
#define TAGDEX_HTML_READER_H

#include "blocks.h"

/* Reads a saved web page data[0, len) (name for messages and the header)
 * into out (cleared with td_blocks_clear(); zeroed here first). The text is
 * the article's visible words in reading order, one block per HTML block,
 * blocks separated by a blank line as in a plain-text article; navigation,
 * scripts, styles, banners, share and related-article widgets, figures and
 * footers are dropped. out->meta gets title, standfirst, date, genre and
 * reading time (from a visible metadata line), author, canonical URL, the
 * source name, the SHA-256 of data and a one-line account of the extraction.
 * Bad bytes never fail a page (browsers do not either): they become U+FFFD
 * with a warning, whatever lenient says (kept for symmetry with
 * td_text_read()). Errors: TD_EINPUT "NAME: no article text found",
 * "NAME: not HTML (unparseable)"; TD_ELIMIT for inputs over 64 MiB;
 * TD_ENOMEM. The first call installs a libxml2 external entity loader that
 * refuses every load (process-wide; tagdex never loads external entities).
 * Safe to call from several threads at once. */
int td_html_read(const char *name, const char *data, size_t len, int lenient,
        td_blocks *out);

#endif
