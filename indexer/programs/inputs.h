/* inputs.h: tagdex-ingest's input files from its command line's paths
 * (inputs.c). Program code: it walks directories, which the library never
 * does. */
#ifndef TAGDEX_INPUTS_H
#define TAGDEX_INPUTS_H

#include <stddef.h>

/* Expands paths (files or directories, recursively, sorted) into the input
 * files tagdex takes (td_pipeline_takes). *out is a malloc'd array of
 * malloc'd strings, freed with td_free_inputs(). */
int td_collect_inputs(char *const *paths, size_t n, char ***out, size_t *nout);
void td_free_inputs(char **v, size_t n);

#endif
