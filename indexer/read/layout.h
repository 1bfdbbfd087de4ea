/* layout.h: web-layout debris (layout.c): the patterns of layout.tsv that
 * mark a block as layout ("Article (1st|2nd) half") rather than text.
 * Internal to tagdex (not installed).
 */
#ifndef TAGDEX_LAYOUT_H
#define TAGDEX_LAYOUT_H

#include <stddef.h>

typedef struct td_layout td_layout;

/* Loads layout.tsv: one PCRE2 pattern per row, matched case-insensitively
 * against a whole block ("Article (1st|2nd) half"). Errors name the file,
 * line and pattern offset. */
int td_layout_load(const char *path, td_layout **out);
void td_layout_free(td_layout *l);
/* 1 if s[0, len) is a layout marker line, else 0. l may be NULL. */
int td_layout_match(const td_layout *l, const char *s, size_t len);

#endif
