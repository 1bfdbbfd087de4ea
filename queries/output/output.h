/* output.h: the renderers' building blocks that tagdex-serve shares with
 * tagdex-query's output, beyond what render.h declares. */
#ifndef TAGDEX_OUTPUT_H
#define TAGDEX_OUTPUT_H

#include "hits.h"

#include <jansson.h>

/* Appends to arr an object {"name", "start", "end", "attrs"} for each span
 * of h's document over h (containing it when contain is set, else
 * overlapping it), start and end being token numbers minus first (the
 * document's first token: numbers within the document). 0 or an error. */
int tq_json_spans(const tq_hit *h, int contain, uint32_t first, json_t *arr);

#endif
