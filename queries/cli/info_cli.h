/* info_cli.h: tagdex-query --info, --values and --actors (info_cli.c),
 * which main() hands the command line to. */
#ifndef TAGDEX_INFO_CLI_H
#define TAGDEX_INFO_CLI_H

/* 1 if the command line names --info, --values or --actors (before "--"). */
int tq_info_cli_wanted(int argc, char **argv);
/* Runs that mode; returns the exit status. */
int tq_info_cli(int argc, char **argv);

#endif
