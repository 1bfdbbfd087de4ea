/* dates.c: time expressions inside prediction sentences as <date>, resolved
 * against the publication date: this/next year, this/next month, the coming
 * months, in/by YEAR, month names (the next such month on or after the
 * publication date), "15 January". Without a publication date only
 * absolute years are resolved.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "match.h"

static const char *const months[] = {"January", "February", "March", "April",
        "May", "June", "July", "August", "September", "October", "November",
        "December", NULL};

static int month_at(const td_actx *c, size_t i, size_t t1)
{
	if (i >= t1)
		return 0;
	for (int k = 0; months[k]; k++)
		if (td_tok_eq(c, i, months[k], 0))
			return k + 1;
	return 0;
}

static int year_at(const td_actx *c, size_t i, size_t t1)
{
	if (i >= t1 || td_tok_len(c, i) != 4 || !td_tok_is_num(c, i))
		return 0;
	int y = atoi(td_tok_str(c, i));
	return y >= 1900 && y <= 2199 ? y : 0;
}

static int last_day(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

/* The last day of a date value "YYYY", "YYYY-MM" or "YYYY-MM-DD" as
 * YYYYMMDD. */
static long period_end(const char *v)
{
	int y = 0, m = 0, d = 0;
	int n = sscanf(v, "%4d-%2d-%2d", &y, &m, &d);
	if (n < 1)
		return 0;
	if (n < 2 || m < 1 || m > 12)
		m = 12;
	if (n < 3)
		d = last_day(y, m);
	return (long)y * 10000 + m * 100 + d;
}

/* A <date> in a prediction: @type "horizon" when its period ends on or
 * after the publication date (what the forecast is due by), "past" when
 * it ends before ("as was the case in 1958", "last September"), so that
 * a search for predictions due before a date finds horizons only. */
static int add_date(td_actx *c, size_t t0, size_t t1, const char *a1,
        const char *v1, const char *a2, const char *v2)
{
	size_t idx;
	int rc = td_actx_add(c, "date", c->tok.v[t0].start,
	        c->tok.v[t1 - 1].end, &idx, a1, v1, a2, v2);
	if (rc != 0)
		return rc < 0 ? rc : 0;
	const char *end = a2 && strcmp(a2, "notAfter") == 0 ? v2
	                  : strcmp(a1, "notBefore") == 0    ? NULL
	                                                    : v1;
	long pub = c->pub_y ? (long)c->pub_y * 10000 +
	                              (c->pub_m ? c->pub_m : 12) * 100 +
	                              (c->pub_d ? c->pub_d : 31)
	                    : 0;
	if (!pub)
		return 0; /* nothing to compare with */
	int past = end &&
	           period_end(end) <
	                   (c->pub_m && c->pub_d ? pub
	                                         : pub / 10000 * 10000 + 101);
	rc = td_span_set_attr(c->doc, idx, "type", past ? "past" : "horizon");
	return rc < 0 ? rc : 0;
}

static int eq(const td_actx *c, size_t i, size_t t1, const char *w)
{
	return i < t1 && td_tok_eq(c, i, w, 1);
}

static int sentence_dates(td_actx *c, size_t si)
{
	size_t t0 = c->sents[si].t0, t1 = c->sents[si].t1;
	int Y = c->pub_y, M = c->pub_m, D = c->pub_d, rc = 0;
	char b1[32], b2[32];
	char pub[16];
	if (Y && M && D)
		snprintf(pub, sizeof pub, "%04d-%02d-%02d", Y, M, D);
	else if (Y)
		snprintf(pub, sizeof pub, "%04d", Y);
	for (size_t i = t0; i < t1 && rc == 0; i++) {
		int y, m;
		if (Y && (eq(c, i, t1, "this") || eq(c, i, t1, "next")) &&
		        i + 1 < t1) {
			int next = eq(c, i, t1, "next");
			if (eq(c, i + 1, t1, "year")) {
				if (next) {
					snprintf(b1, sizeof b1, "%04d", Y + 1);
					rc = add_date(c, i, i + 2, "when", b1,
					        NULL, NULL);
				} else {
					snprintf(
					        b1, sizeof b1, "%04d-12-31", Y);
					rc = add_date(c, i, i + 2, "notBefore",
					        pub, "notAfter", b1);
				}
				i++;
				continue;
			}
			if (M && eq(c, i + 1, t1, "month")) {
				if (next) {
					int ny = M == 12 ? Y + 1 : Y,
					    nm = M == 12 ? 1 : M + 1;
					snprintf(b1, sizeof b1, "%04d-%02d", ny,
					        nm);
					rc = add_date(c, i, i + 2, "when", b1,
					        NULL, NULL);
				} else {
					snprintf(b1, sizeof b1,
					        "%04d-%02d-%02d", Y, M,
					        last_day(Y, M));
					rc = add_date(c, i, i + 2, "notBefore",
					        pub, "notAfter", b1);
				}
				i++;
				continue;
			}
		}
		if (Y && eq(c, i, t1, "the") && eq(c, i + 1, t1, "coming") &&
		        i + 2 < t1 &&
		        (eq(c, i + 2, t1, "months") ||
		                eq(c, i + 2, t1, "weeks") ||
		                eq(c, i + 2, t1, "days") ||
		                eq(c, i + 2, t1, "years"))) {
			rc = add_date(
			        c, i, i + 3, "notBefore", pub, NULL, NULL);
			i += 2;
			continue;
		}
		if ((y = year_at(c, i, t1)) != 0) {
			snprintf(b1, sizeof b1, "%04d", y);
			if (i > t0 && eq(c, i - 1, t1, "by"))
				rc = add_date(c, i, i + 1, "notAfter", b1, NULL,
				        NULL);
			else if (i > t0 && (eq(c, i - 1, t1, "in") ||
			                           eq(c, i - 1, t1, "until") ||
			                           eq(c, i - 1, t1, "before") ||
			                           eq(c, i - 1, t1, "after")))
				rc = add_date(
				        c, i, i + 1, "when", b1, NULL, NULL);
			continue;
		}
		if ((m = month_at(c, i, t1)) != 0) {
			/* "May" as a modal is not a month */
			if (m == 5 && i + 1 < t1 && td_tok_is_lower(c, i + 1))
				continue;
			size_t s = i, e = i + 1;
			int day = 0;
			if (i > t0 && td_tok_is_num(c, i - 1) &&
			        td_tok_len(c, i - 1) <= 2) {
				day = atoi(td_tok_str(c, i - 1));
				s = i - 1;
			} else if (i + 1 < t1 && td_tok_is_num(c, i + 1) &&
			           td_tok_len(c, i + 1) <= 2) {
				day = atoi(td_tok_str(c, i + 1));
				e = i + 2;
			}
			int yy = year_at(c, e, t1);
			if (yy)
				e++;
			else if (Y) {
				int last = i > t0 && eq(c, i - 1, t1, "last");
				yy = Y;
				if (last ? (m >= M) : (M && m < M))
					yy += last ? -1 : 1;
			}
			if (!yy)
				continue;
			if (day >= 1 && day <= last_day(yy, m))
				snprintf(b2, sizeof b2, "%04d-%02d-%02d", yy, m,
				        day);
			else
				snprintf(b2, sizeof b2, "%04d-%02d", yy, m);
			rc = add_date(c, s, e, "when", b2, NULL, NULL);
			i = e - 1;
		}
	}
	return rc;
}

int td_dates_find(td_actx *c)
{
	for (size_t si = 0; si < c->n_sents; si++) {
		if (!(c->sflags[si] & TD_SF_PREDICTION))
			continue;
		int rc = sentence_dates(c, si);
		if (rc)
			return rc;
	}
	return 0;
}
