/* test_parser.c: the CQL grammar to AST (checked through the canonical
 * printer, which must round-trip), and every syntax error with its offset. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "error.h"
#include "tagdex.h"

static void parses_as(const char *q, const char *want)
{
	tq_node *n = NULL;
	int rc = tq_parse(q, strlen(q), &n);
	if (rc < 0)
		fail_msg("%s: %s (offset %ld)", q, td_error_last(),
		        td_error_offset());
	char *s = NULL;
	assert_int_equal(tq_node_print(n, &s), 0);
	if (strcmp(s, want) != 0)
		fail_msg("%s: got %s, want %s", q, s, want);
	/* the canonical form parses to itself */
	tq_node *m = NULL;
	assert_int_equal(tq_parse(s, strlen(s), &m), 0);
	char *s2 = NULL;
	assert_int_equal(tq_node_print(m, &s2), 0);
	assert_string_equal(s, s2);
	free(s);
	free(s2);
	tq_node_free(n);
	tq_node_free(m);
}

static void test_parser_tokens(void **state)
{
	(void)state;
	parses_as("\"likely\"", "[word=\"likely\"]");
	parses_as("\"likely\"%c", "[word=\"likely\"%c]");
	parses_as("'nucle.*'%dc", "[word=\"nucle.*\"%cd]");
	parses_as("[]", "[]");
	parses_as("[norm=\"war\"]", "[norm=\"war\"]");
	parses_as("[lemma=\"warn\"%c]", "[lemma=\"warn\"%c]");
	parses_as("[pos=\"MD\"] [pos=\"VB\"]", "([pos=\"MD\"] [pos=\"VB\"])");
	parses_as("[pos=\"JJ.*\" & !lemma=\"new\"]",
	        "[pos=\"JJ.*\" & !lemma=\"new\"]");
	parses_as("[word!=\"a\"]", "[!word=\"a\"]");
	parses_as("[word=\"a\" & norm=\"b\" | !word=\"c\"%d]",
	        "[word=\"a\" & norm=\"b\" | !word=\"c\"%d]");
	parses_as("[word=\"a\" & (norm=\"b\" | word=\"c\")]",
	        "[word=\"a\" & (norm=\"b\" | word=\"c\")]");
	parses_as("[(word=\"a\" | norm=\"b\") & !(word=\"c\" & word=\"d\")]",
	        "[(word=\"a\" | norm=\"b\") & !(word=\"c\" & word=\"d\")]");
	parses_as("[word=\"a\" | (word=\"b\" | word=\"c\")]",
	        "[word=\"a\" | (word=\"b\" | word=\"c\")]");
	parses_as("[!!word=\"a\"]", "[!!word=\"a\"]");
	/* CQP's %l: literal, its ASCII punctuation escaped */
	parses_as("\"?\"%l", "[word=\"\\?\"]");
	parses_as("[word=\"a.b\"%l]", "[word=\"a\\.b\"]");
	parses_as("\"U.S. (\\\\)\"%l", "[word=\"U\\.S\\.\\ \\(\\\\\\\\\\)\"]");
	parses_as("\"café\"%l", "[word=\"café\"]");
	parses_as("a:[] :: a.word = \"*\"%l", "a:[] :: a.word=\"\\*\"");
	parses_as("\"\\\"\"%l", "[word=\"\\\"\"]");
	parses_as("'\\''%l", "[word=\"\\'\"]");
	/* a single-quoted string with a double quote inside */
	parses_as("'say \"no\"'", "[word=\"say \\\"no\\\"\"]");
}

static void test_parser_sequences(void **state)
{
	(void)state;
	parses_as("\"will\" \"probably\"",
	        "([word=\"will\"] [word=\"probably\"])");
	parses_as(
	        "\"a\" []{0,3} \"b\"", "([word=\"a\"] ([]){0,3} [word=\"b\"])");
	parses_as("\"a\"? \"b\"* \"c\"+ \"d\"{2} \"e\"{2,} \"f\"{,4}",
	        "(([word=\"a\"]){0,1} ([word=\"b\"]){0,} ([word=\"c\"]){1,} "
	        "([word=\"d\"]){2,2} ([word=\"e\"]){2,} ([word=\"f\"]){0,4})");
	parses_as("(\"a\" | \"b\" \"c\") \"d\"",
	        "(([word=\"a\"] | ([word=\"b\"] [word=\"c\"])) [word=\"d\"])");
	parses_as("\"a\" | \"b\"", "([word=\"a\"] | [word=\"b\"])");
	parses_as("((\"a\"))", "[word=\"a\"]");
	parses_as("\"a\"?*", "(([word=\"a\"]){0,1}){0,}");
}

static void test_parser_spans(void **state)
{
	(void)state;
	parses_as("<q/>", "<q/>");
	parses_as("<s ana=\"prediction\"/>", "<s ana=\"prediction\"/>");
	parses_as("<persName ref='kim-.*' type=\"x\" />",
	        "<persName ref=\"kim-.*\" type=\"x\"/>");
	parses_as("<seg type=\"hedge\"/> within <s ana=\"prediction\"/>",
	        "(<seg type=\"hedge\"/> within <s ana=\"prediction\"/>)");
	parses_as(
	        "<s/> containing \"war\"", "(<s/> containing [word=\"war\"])");
	parses_as("\"a\" \"b\" within <q/> containing \"c\"",
	        "((([word=\"a\"] [word=\"b\"]) within <q/>) containing "
	        "[word=\"c\"])");
	parses_as("(\"a\" within <q/>) \"b\"",
	        "(([word=\"a\"] within <q/>) [word=\"b\"])");
	parses_as("<q/> \"said\"", "(<q/> [word=\"said\"])");
	/* negation: !within, not within, !containing, attr!= */
	parses_as("<seg type=\"hedge\"/> !within (<q/> | <said/>)",
	        "(<seg type=\"hedge\"/> !within (<q/> | <said/>))");
	parses_as("<seg/> not within <q/> not containing \"a\"",
	        "((<seg/> !within <q/>) !containing [word=\"a\"])");
	parses_as("<s/> ! containing \"a\" within <p/>",
	        "((<s/> !containing [word=\"a\"]) within <p/>)");
	/* CQP forms: within NAME, a trailing ';' */
	parses_as("\"a\" within s", "([word=\"a\"] within <s/>)");
	parses_as("\"a\" !within persName containing \"b\";",
	        "(([word=\"a\"] !within <persName/>) containing [word=\"b\"])");
	parses_as("\"a\" within s within p ;",
	        "(([word=\"a\"] within <s/>) within <p/>)");
	parses_as("\"a\";", "[word=\"a\"]");
	parses_as("<q who!=\"kim.*\" type=\"x\"/>",
	        "<q who!=\"kim.*\" type=\"x\"/>");
}

static void syntax_error(const char *q, int code, long off, const char *msg);

/* Start and end tags: zero-width positions (CQP's, BlackLab's); an end
 * tag after a start tag of its name in one sequence pairs with it into a
 * region, nested pairs inside out; tags CQP would pair across groups are
 * refused at the tag that cannot pair. */
static void test_parser_tags(void **state)
{
	(void)state;
	parses_as("<s> \"The\"", "(<s> [word=\"The\"])");
	parses_as("\".\" </s>", "([word=\".\"] </s>)");
	parses_as("</s> <s> \"But\"", "(</s> <s> [word=\"But\"])");
	parses_as("<q who=\"lee\"> []", "(<q who=\"lee\"> [])");
	parses_as("<s ana!=\"prediction\" n=\"1\">",
	        "<s ana!=\"prediction\" n=\"1\">");
	parses_as("</q who=\"lee\">", "</q who=\"lee\">");
	parses_as("<q> []{1,3} </q>", "(<q> ([]){1,3} </q>)");
	parses_as("<s> \"a\" [] </s>", "(<s> ([word=\"a\"] []) </s>)");
	parses_as("<s> </s>", "(<s> </s>)");
	/* the end tag's attributes test the same element */
	parses_as("<q who=\"lee\"> [] </q n=\"2\">",
	        "(<q who=\"lee\" n=\"2\"> [] </q>)");
	parses_as("\"x\" <s> [] </s> \"y\"",
	        "([word=\"x\"] (<s> [] </s>) [word=\"y\"])");
	parses_as("<s> <s> [] </s> </s>", "(<s> (<s> [] </s>) </s>)");
	parses_as("<s> <q> [] </q> </s>", "(<s> (<q> [] </q>) </s>)");
	parses_as("<s> [] </s> <s> [] </s>", "((<s> [] </s>) (<s> [] </s>))");
	parses_as("(<s> []* </s>)+", "((<s> ([]){0,} </s>)){1,}");
	parses_as("<s> \"a\" </s> <s> \"b\"",
	        "((<s> [word=\"a\"] </s>) <s> [word=\"b\"])");
	parses_as("<s>? \"a\"", "((<s>){0,1} [word=\"a\"])");
	parses_as("\"a\" within <s> [] </s>",
	        "([word=\"a\"] within (<s> [] </s>))");
	parses_as("a:[] <s> b:[] </s> :: a.word = b.word",
	        "(a:[] (<s> b:[] </s>)) :: a.word=b.word");
	/* pairs CQP makes that one sequence cannot hold */
	syntax_error("(<s> \"a\") </s>", TD_ESYNTAX, 1, "same sequence");
	syntax_error(
	        "(<s> \"a\" | \"b\") </s>", TD_ESYNTAX, 1, "the </s> after it");
	syntax_error("<s> (\"a\" </s>)?", TD_ESYNTAX, 0, "pair up");
	syntax_error("<s> [] </s> </s>", TD_ESYNTAX, 12, "the <s> before it");
	syntax_error("<s> \"a\" | \"b\" </s>", TD_ESYNTAX, 0, "same sequence");
	syntax_error("<s> <q> [] </s> </q>", TD_ESYNTAX, 4, "same sequence");
	syntax_error("(<s> [] </s>)* </s>", TD_ESYNTAX, 15, "pair up");
	/* malformed tags */
	syntax_error("</s/>", TD_ESYNTAX, 3, "an attribute or '>'");
	syntax_error("</>", TD_ESYNTAX, 2, "element name after '</'");
	syntax_error("<s a=\"x\"", TD_ESYNTAX, 8, "'>' or '/>'");
	syntax_error("@<s> []", TD_ESYNTAX, 1, "after '@'");
}

/* CQP's labels, label references, global constraints and target */
static void test_parser_labels(void **state)
{
	(void)state;
	parses_as("a:[] \"and\" b:[] :: a.word = b.word",
	        "(a:[] [word=\"and\"] b:[]) :: a.word=b.word");
	parses_as("a:[pos=\"JJ\"] [lemma = a.lemma]",
	        "(a:[pos=\"JJ\"] [lemma=a.lemma])");
	parses_as("a:[] [norm != a.norm & pos=\"N.*\"]",
	        "(a:[] [!norm=a.norm & pos=\"N.*\"])");
	parses_as("\"the\" @[pos=\"JJ\"] \"war\"",
	        "([word=\"the\"] @[pos=\"JJ\"] [word=\"war\"])");
	parses_as("@a:\"x\" b:[] :: a", "(@a:[word=\"x\"] b:[]) :: a");
	parses_as("a:@[] :: a", "@a:[] :: a");
	parses_as("a:[] b:[] :: a.pos = \"NN\"%c & !(b.word = a.word | b)",
	        "(a:[] b:[]) :: a.pos=\"NN\"%c & !(b.word=a.word | b)");
	parses_as("a:[] b:[] :: a.word = b.word within s;",
	        "((a:[] b:[]) within <s/>) :: a.word=b.word");
	parses_as("(a:[] b:[] within <q/>) :: !a",
	        "((a:[] b:[]) within <q/>) :: !a");
	parses_as("(a:[])+ \"x\" :: a.norm=\"y\"",
	        "((a:[]){1,} [word=\"x\"]) :: a.norm=\"y\"");
	parses_as("(@[])?", "(@[]){0,1}");
}

static void syntax_error(const char *q, int code, long off, const char *msg)
{
	tq_node *n = (tq_node *)1;
	td_error_clear();
	int rc = tq_parse(q, strlen(q), &n);
	if (rc != code)
		fail_msg("%s: rc %d, want %d (%s)", q, rc, code,
		        td_error_last());
	assert_null(n);
	if (td_error_offset() != off)
		fail_msg("%s: offset %ld, want %ld (%s)", q, td_error_offset(),
		        off, td_error_last());
	if (!strstr(td_error_last(), msg))
		fail_msg(
		        "%s: message '%s' lacks '%s'", q, td_error_last(), msg);
}

static void test_parser_errors(void **state)
{
	(void)state;
	syntax_error("", TD_ESYNTAX, 0, "expected a token");
	syntax_error("   ", TD_ESYNTAX, 3, "expected a token");
	syntax_error("\"a\" )", TD_ESYNTAX, 4, "end of the query");
	syntax_error("(\"a\"", TD_ESYNTAX, 4, "expected ')'");
	syntax_error("[word=\"a\"", TD_ESYNTAX, 9, "expected ']'");
	syntax_error("[tag=\"a\"]", TD_ESYNTAX, 1,
	        "'word', 'norm', 'lemma' or 'pos'");
	syntax_error("[word \"a\"]", TD_ESYNTAX, 6, "expected '='");
	syntax_error("[word=a]", TD_ESYNTAX, 6, "quoted string");
	syntax_error("[&]", TD_ESYNTAX, 1, "a condition");
	syntax_error("[(word=\"a\"]", TD_ESYNTAX, 10, "')'");
	syntax_error("\"a\" |", TD_ESYNTAX, 5, "expected a token");
	syntax_error("| \"a\"", TD_ESYNTAX, 0, "expected a token");
	syntax_error("\"a\"{", TD_ESYNTAX, 4, "a number or ','");
	syntax_error("\"a\"{2", TD_ESYNTAX, 5, "',' or '}'");
	syntax_error("\"a\"{2,1}", TD_ESYNTAX, 6, "not below the minimum");
	syntax_error("\"a\"{2,3", TD_ESYNTAX, 7, "'}'");
	syntax_error("\"a\"{99999}", TD_ELIMIT, 4, "at most");
	syntax_error("<", TD_ESYNTAX, 1, "element name");
	syntax_error("<s", TD_ESYNTAX, 2, "'/>'");
	syntax_error("<s ana/>", TD_ESYNTAX, 6, "'='");
	syntax_error("<s ana=p/>", TD_ESYNTAX, 7, "quoted attribute value");
	syntax_error("<s/", TD_ESYNTAX, 3, "'>'");
	syntax_error("\"a\" within", TD_ESYNTAX, 10, "expected a token");
	syntax_error("within \"a\"", TD_ESYNTAX, 0, "expected a token");
	syntax_error("\"a\" foo", TD_ESYNTAX, 4, "'within', 'containing'");
	syntax_error(
	        "\"a\" ! \"b\"", TD_ESYNTAX, 6, "'within' or 'containing'");
	/* labels, references, constraints, target */
	syntax_error("[word = a.word]", TD_ESYNTAX, 8, "a label set before");
	syntax_error(
	        "[word = a.word] a:[]", TD_ESYNTAX, 8, "a label set before");
	syntax_error("a:[] [word = a.lemma]", TD_ESYNTAX, 13,
	        "same attribute on both sides");
	syntax_error("a:[] a:[]", TD_ESYNTAX, 5, "already set");
	syntax_error("@[] @[]", TD_ESYNTAX, 4, "at most one target");
	syntax_error("a:<s/>", TD_ESYNTAX, 2, "after the label");
	syntax_error("@(\"a\")", TD_ESYNTAX, 1, "after '@'");
	syntax_error("\"a\" :: a.word=\"x\"", TD_ESYNTAX, 4,
	        "labels (a:[...]) before");
	syntax_error(
	        "a:[] :: b.word=\"x\"", TD_ESYNTAX, 8, "a label of the query");
	syntax_error("a:[] :: a.tag=\"x\"", TD_ESYNTAX, 8,
	        "'word', 'norm', 'lemma' or 'pos' after 'a.'");
	syntax_error("a:[] :: a.word", TD_ESYNTAX, 14, "'=' or '!='");
	syntax_error("a:[] :: a.word=b", TD_ESYNTAX, 15,
	        "a quoted string or a label's attribute");
	syntax_error("a:[] ::", TD_ESYNTAX, 7, "a label's attribute");
	/* a bare label, then a token the lexer refuses (leaked the label's
	 * condition: fuzz_query) */
	syntax_error("a:[] :: a %", TD_ESYNTAX, 10, "expected a flag");
	syntax_error("\"a\" not <q/>", TD_ESYNTAX, 8, "after '!' or 'not'");
	syntax_error("\"a\" !within", TD_ESYNTAX, 11, "expected a token");
	syntax_error("<q who!/>", TD_ESYNTAX, 6, "'=' or '!='");
	syntax_error("\"a\"; \"b\"", TD_ESYNTAX, 5, "after ';'");
	syntax_error("\"a\";;", TD_ESYNTAX, 4, "after ';'");
	syntax_error(";", TD_ESYNTAX, 0, "expected a token");
	syntax_error(
	        "\"a\" within s \"b\"", TD_ESYNTAX, 13, "end of the query");
	syntax_error("\"unterminated", TD_ESYNTAX, 0, "closing");
	syntax_error("\"a\"%q", TD_ESYNTAX, 3, "flag");
	syntax_error("\"a\"%lc", TD_ESYNTAX, 3, "%l alone");
	syntax_error("[word=\"a\"%dl]", TD_ESYNTAX, 9, "%l alone");
}

static void test_parser_quantifier_chain(void **state)
{
	(void)state;
	syntax_error("\"a\"?*+?", TD_ELIMIT, 6, "quantifiers");
}

static void test_parser_limits(void **state)
{
	(void)state;
	/* 100 KB of nesting must fail cleanly at the first level too deep */
	size_t n = 100000;
	char *q = malloc(n + 1);
	assert_non_null(q);
	memset(q, '(', n);
	q[n] = '\0';
	syntax_error(q, TD_ELIMIT, TQ_MAX_DEPTH, "levels of nesting");
	q[0] = '[';
	memset(q + 1, '!', n - 1);
	syntax_error(q, TD_ELIMIT, TQ_MAX_DEPTH + 1, "levels of nesting");
	/* a long flat sequence is fine */
	for (size_t i = 0; i + 4 <= n; i += 4)
		memcpy(q + i, "\"a\" ", 4);
	q[n - n % 4] = '\0';
	tq_node *node = NULL;
	assert_int_equal(tq_parse(q, strlen(q), &node), 0);
	assert_int_equal(node->kind, TQ_SEQ);
	assert_int_equal(node->nkids, n / 4);
	tq_node_free(node);
	/* a long condition chain is bounded */
	size_t len = 0;
	q[len++] = '[';
	while (len + 20 < n) {
		memcpy(q + len, "word=\"a\" & ", 11);
		len += 11;
	}
	memcpy(q + len, "word=\"a\"]", 10);
	syntax_error(q, TD_ELIMIT, 1 + 11 * 1000, "conditions");
	/* so is a within chain */
	syntax_error("\"a\" within <q/> within <q/> within <q/> within <q/> "
	             "within <q/> within <q/> within <q/> within <q/> within "
	             "<q/>",
	        TD_ELIMIT, 100, "within/containing");
	free(q);
}

/* Printing never nests deeper than the query parsed (found by fuzzing:
 * 48 '!' or 70 '&' terms printed past TQ_MAX_DEPTH). */
static void test_parser_print_depth(void **state)
{
	(void)state;
	char q[4096], *s = NULL;
	size_t n = 0;
	n += (size_t)snprintf(q + n, sizeof q - n, "[");
	for (int i = 0; i < 48; i++)
		q[n++] = '!';
	n += (size_t)snprintf(q + n, sizeof q - n, "word=\"t\"]");
	tq_node *a = NULL, *b = NULL;
	assert_int_equal(tq_parse(q, n, &a), 0);
	assert_int_equal(tq_node_print(a, &s), 0);
	assert_int_equal(tq_parse(s, strlen(s), &b), 0);
	free(s);
	tq_node_free(a);
	tq_node_free(b);
	n = 0;
	n += (size_t)snprintf(q + n, sizeof q - n, "[word=\"a\"");
	for (int i = 0; i < 70; i++)
		n += (size_t)snprintf(q + n, sizeof q - n, " & word=\"a\"");
	n += (size_t)snprintf(q + n, sizeof q - n, "]");
	assert_int_equal(tq_parse(q, n, &a), 0);
	assert_int_equal(tq_node_print(a, &s), 0);
	assert_int_equal(tq_parse(s, strlen(s), &b), 0);
	assert_null(strchr(s, '('));
	free(s);
	tq_node_free(a);
	tq_node_free(b);
}

static void test_parser_span_new(void **state)
{
	(void)state;
	tq_node *n = tq_span_new("q", "who", "kim-jong-un", NULL);
	assert_non_null(n);
	char *s = NULL;
	assert_int_equal(tq_node_print(n, &s), 0);
	assert_string_equal(s, "<q who=\"kim-jong-un\"/>");
	free(s);
	tq_node_free(n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_parser_tokens),
	        cmocka_unit_test(test_parser_print_depth),
	        cmocka_unit_test(test_parser_sequences),
	        cmocka_unit_test(test_parser_spans),
	        cmocka_unit_test(test_parser_tags),
	        cmocka_unit_test(test_parser_labels),
	        cmocka_unit_test(test_parser_errors),
	        cmocka_unit_test(test_parser_quantifier_chain),
	        cmocka_unit_test(test_parser_limits),
	        cmocka_unit_test(test_parser_span_new),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
