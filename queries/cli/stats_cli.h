/* stats_cli.h: the statistics modes of tagdex-query (stats_cli.c), which
 * main() hands the command line to. */
#ifndef TAGDEX_STATS_CLI_H
#define TAGDEX_STATS_CLI_H

/* 1 if the command line names --collocates or --keywords (before "--"). */
int tq_stats_cli_wanted(int argc, char **argv);
/* Runs that mode; returns the exit status. */
int tq_stats_cli(int argc, char **argv);

#endif
