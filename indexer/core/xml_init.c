/* xml_init.c: libxml2 set up once per process for the HTML and TEI
 * readers, refusing every external entity. In an object of its own, not
 * util.c: a program that reads no XML (tagdex-query) links util.o for its
 * slugs and dates, and util.o calling libxml2 made it load libxml2 and
 * ICU at every start (about 6 ms of CPU a query). */
#include "config.h"
#include "util.h"

#include <libxml/parser.h>
#include <pthread.h>

static xmlParserInputPtr refuse_entities(
        const char *url, const char *id, xmlParserCtxtPtr ctx)
{
	(void)url;
	(void)id;
	(void)ctx;
	return NULL;
}

static void xml_init(void)
{
	xmlInitParser();
	xmlSetExternalEntityLoader(refuse_entities);
}

void td_xml_init(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, xml_init);
}
