#!/usr/bin/env node
// report.js: turns bench/run's raw timings (raw.tsv) into the printed table
// and bench/results.json. Holds the quoted peer figures of the issue (CWB is
// not installable here, so its column is quoted, never measured).
'use strict';

const fs = require('fs');
const os = require('os');

// Quoted figures on the same Brown text, 2-core machine, ~10M tokens, warm (ms).
const QUOTED = {
	build_s: { cwb: 6.6, fts5: 4.2 },
	the: { cwb: 29, fts5: 14, vocab: 3, rg: 149 },
	rare: { cwb: 1.5, fts5: 1.6, rg: 16 },
	ly: { cwb: 20, vocab: 256, rg: 373 },
	phrase: { cwb: 11, fts5: 1.7, rg: 13 },
	kwic: { cwb: 31, fts5: 2.0, rg: 21 },
	freq: { cwb: 122, vocab: 220, rg: 427 },
};

const QUERIES = [
	['the', '"the" count', '--count \'"the"\''],
	['rare', 'rare word count', '--count \'"RARE"\''],
	['ly', '".*ly" count', '--count \'".*ly"\''],
	['phrase', '"will" "probably"', '--count \'"will" "probably"\''],
	['gap', '"will" []{0,3} "likely"', '--count \'"will" []{0,3} "likely" within <s/>\''],
	['open', '"the" []* "of" (bounded)', '--count \'"the" []* "of"\''],
	['kwic', 'KWIC "the", first 100', '--limit 100 \'"the"\''],
	['conc', 'KWIC "that", all lines', '\'"that"\''],
	['sorted', 'KWIC "that" sorted by left', '--sort left \'"that"\''],
	['sortalt', 'KWIC "it" | "on" sorted by left', '--sort left \'"it" | "on"\''],
	['freq', 'freq by word ".*ly"', '--freq match \'".*ly"\''],
	['tag', '"likely"%c in prediction', '--count \'"likely"%c within <s ana="prediction"/>\''],
	['actor', 'actor united-states', '--count --actor united-states \'[]\''],
];

const PEER_NOTES = {
	rg: 'ripgrep over all.txt: --count-matches -w (occurrences); gap: regex, no word crossing . ! ?; ' +
		'KWIC: -o -m 100 with 40 characters of context | head -100 (all lines: without -m and head; sorted: | sort, ' +
		'by the line, not its left context); freq: -o -w | sort | uniq -c | sort -rn',
	fts5: 'sqlite3 CLI, FTS5 table of paragraphs: count(*) ... MATCH counts paragraphs, not tokens; ' +
		'gap: NEAR(will likely, 3) (unordered, not sentence-bound); KWIC: snippet() LIMIT 100',
	vocab: 'fts5vocab row table: cnt of a term, sum(cnt) / GROUP BY over term LIKE \'%ly\' (case-folded)',
};

function args() {
	const a = {};
	const v = process.argv.slice(2);
	for (let i = 0; i < v.length; i += 2) a[v[i].replace(/^--/, '')] = v[i + 1] ?? '';
	return a;
}

function stats(us) {
	const ms = us.map((x) => x / 1000).sort((x, y) => x - y);
	const n = ms.length;
	const median = n % 2 ? ms[(n - 1) / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
	const p95 = ms[Math.min(n - 1, Math.ceil(0.95 * n) - 1)];
	const r = (x) => Math.round(x * 100) / 100;
	return { n, median_ms: r(median), p95_ms: r(p95), min_ms: r(ms[0]), max_ms: r(ms[n - 1]) };
}

function fmtMs(x) {
	if (x == null) return 'n/a';
	return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}
function fmtRatio(x) { return x == null ? '-' : x >= 10 ? `${x.toFixed(0)}x` : `${x.toFixed(2)}x`; }
function pad(s, n, left) { s = String(s); return left ? s.padEnd(n) : s.padStart(n); }

function main() {
	const a = args();
	const manifest = JSON.parse(fs.readFileSync(a.manifest, 'utf8'));
	const runs = Number(a.runs);
	const builds = {};
	const measured = {};
	let tagger = null;
	let tdtokens = null;
	const profile = {}; // the -j1 ingest's --profile: stage -> CPU seconds, calls
	for (const line of fs.readFileSync(a.raw, 'utf8').split('\n')) {
		if (!line) continue;
		const f = line.split('\t');
		if (f[0] === 'build') {
			const [, name, st, us, rss, size, tei, note] = f;
			const s = Number(us) / 1e6;
			const b = { status: Number(st), seconds: Math.round(s * 1000) / 1000,
				peak_rss_kb: Number(rss) || null, bytes: Number(size) || 0, tei_bytes: Number(tei) || 0 };
			if (b.status === 0 || (name.startsWith('tagdex') && b.status === 3)) {
				b.mb_per_s = Math.round(manifest.bytes / 1e6 / s * 100) / 100;
				b.tokens_per_s = Math.round(manifest.tokens / s);
				b.size_fraction = Math.round(b.bytes / manifest.bytes * 1000) / 1000;
				if (b.tei_bytes) b.tei_fraction = Math.round(b.tei_bytes / manifest.bytes * 1000) / 1000;
			}
			if (note) b.note = note;
			builds[name] = b;
		} else if (f[0] === 'profile') {
			profile[f[1]] = { cpu_seconds: Number(f[2]), calls: f[3] === '-' ? null : Number(f[3]) };
		} else if (f[0] === 'tdtokens') {
			tdtokens = Number(f[1]) || null;
		} else if (f[0] === 'tagger') {
			tagger = f[1] ? { mtokens_per_cpu_s: Number(f[1]) } : { mtokens_per_cpu_s: null };
		} else if (f[0] === 'query') {
			const [, sys, q, st, rss, answer, times] = f;
			const r = { status: Number(st), answer, peak_rss_kb: Number(rss) || null };
			if (times) Object.assign(r, stats(times.split(',').map(Number)));
			(measured[q] = measured[q] || {})[sys] = r;
		}
	}

	const queries = [];
	for (const [id, label, tdArgs] of QUERIES) {
		const m = measured[id] || {};
		const med = (s) => (m[s] && m[s].median_ms != null ? m[s].median_ms : null);
		const q = QUOTED[id] || {};
		const fts = [med('fts5'), med('vocab')].filter((x) => x != null);
		const peers = { ripgrep: med('rg'), fts5: fts.length ? Math.min(...fts) : null,
			cwb_quoted: q.cwb ?? null };
		let best = null;
		for (const [k, v] of Object.entries(peers)) if (v != null && (best === null || v < best[1])) best = [k, v];
		const td = med('td');
		const ratio = (p) => (td != null && p != null ? Math.round(td / p * 100) / 100 : null);
		queries.push({
			id, label, tagdex_args: tdArgs.replace('RARE', manifest.rare_word),
			tagdex: m.td || null, ripgrep: m.rg || null, fts5: m.fts5 || null, fts5vocab: m.vocab || null,
			quoted_ms: q,
			best_peer: best ? best[0] : null, best_peer_ms: best ? best[1] : null,
			ratio: { vs_best: ratio(best && best[1]), vs_ripgrep: ratio(peers.ripgrep),
				vs_fts5: ratio(peers.fts5), vs_cwb_quoted: ratio(peers.cwb_quoted) },
		});
	}

	const spawn = (measured.true || {}).spawn || null;
	const cpu = (os.cpus()[0] || {}).model || 'unknown';
	// Tagging and lemmatising in the -j1 ingest (issue 14), measured: the
	// CPU seconds of its "pos" and "lemma" stages (tagdex-ingest --profile:
	// each thread's CPU clock at every change of stage) over the process's
	// CPU seconds. Every stage's figure is kept (ingest_profile_j1).
	let share = null;
	const cpu_s = (k) => (profile[k] ? profile[k].cpu_seconds : null);
	if (cpu_s('process') > 0 && cpu_s('pos') != null && cpu_s('lemma') != null) {
		share = { fraction: Math.round((cpu_s('pos') + cpu_s('lemma')) / cpu_s('process') * 1000) / 1000,
			pos_s: cpu_s('pos'), lemma_s: cpu_s('lemma'), process_s: cpu_s('process') };
	}
	const result = {
		generated: new Date().toISOString(),
		machine: { cpus: os.cpus().length, cpu, memory_gb: Math.round(os.totalmem() / 2 ** 30), kernel: os.release(),
			process_start_ms: spawn ? { median_ms: spawn.median_ms, p95_ms: spawn.p95_ms } : null,
			load_average_before: a['load-before'] || null, load_average_after: a['load-after'] || null },
		corpus: { dir: a.corpus, ...manifest },
		runs_per_query: runs,
		tools: { tagdex: a.tagdex || null, tagdex_version: a['tagdex-version'] || null,
			ripgrep: a['rg-version'], sqlite3: a['sqlite-version'] },
		build: { ...builds, cwb_quoted: { seconds: QUOTED.build_s.cwb }, fts5_quoted: { seconds: QUOTED.build_s.fts5 } },
		tagger,
		tagdex_tokens: tdtokens,
		pos_lemma_share: share,
		ingest_profile_j1: Object.keys(profile).length ? profile : null,
		queries,
		notes: { ...PEER_NOTES, cwb: 'CWB 3.4.33 figures are quoted from the issue, not measured (CWB is not installable here)',
			times: 'whole command started with posix_spawn (no shell; pipelines run under sh -c), wall clock, ' +
				'warm (2 untimed runs first); median and p95 (nearest rank) in ms' },
	};
	fs.writeFileSync(a.json, JSON.stringify(result, null, 2) + '\n');

	// ---------------------------------------------------------- the table
	const o = [];
	const mb = manifest.bytes / 1e6;
	o.push(`tagdex bench: ${manifest.tokens.toLocaleString('en')} tokens, ${mb.toFixed(1)} MB, ` +
		`${manifest.articles.toLocaleString('en')} articles (Brown x${manifest.copies}); ` +
		`${os.cpus().length} cores; warm; ${runs} runs per query`);
	o.push('');
	o.push(`${pad('Build', 30, 1)}${pad('seconds', 9)}${pad('MB/s', 8)}${pad('ktok/s', 9)}` +
		`${pad('peak RSS', 10)}${pad('size/text', 11)}${pad('TEI/text', 10)}  vs FTS5   vs CWB*`);
	const fts5b = builds.fts5 && builds.fts5.status === 0 ? builds.fts5.seconds : null;
	const brow = (name, b) => {
		if (!b) { o.push(`${pad(name, 30, 1)}${pad('n/a', 9)}`); return; }
		if (b.mb_per_s == null) { o.push(`${pad(name, 30, 1)}${pad('FAILED', 9)}  exit ${b.status} ${b.note || ''}`); return; }
		const rss = b.peak_rss_kb ? `${(b.peak_rss_kb / 1024).toFixed(0)} MiB` : '-';
		const vs = (p) => (p ? fmtRatio(b.seconds / p) : '-');
		o.push(`${pad(name, 30, 1)}${pad(b.seconds.toFixed(2), 9)}${pad(b.mb_per_s.toFixed(2), 8)}` +
			`${pad((b.tokens_per_s / 1000).toFixed(0), 9)}${pad(rss, 10)}${pad(b.size_fraction.toFixed(2), 11)}` +
			`${pad(b.tei_fraction != null ? b.tei_fraction.toFixed(2) : '-', 10)}` +
			`${pad(name.startsWith('tagdex') ? vs(fts5b) : '', 9)}${pad(name.startsWith('tagdex') ? vs(QUOTED.build_s.cwb) : '', 9)}` +
			(b.status ? `  (exit ${b.status})` : ''));
	};
	brow('tagdex-ingest -j1', builds['tagdex-j1']);
	brow('tagdex-ingest -j2', builds['tagdex-j2']);
	const nl = builds['tagdex-j1-nolayers'], j1 = builds['tagdex-j1'];
	brow('  -j1 without pos/lemma', nl);
	if (nl && j1 && nl.mb_per_s != null && j1.mb_per_s != null)
		o.push(`${pad('  pos and lemma layers cost', 30, 1)}${pad(`+${((j1.seconds / nl.seconds - 1) * 100).toFixed(0)}%`, 9)}` +
			` of the time, ${j1.peak_rss_kb && nl.peak_rss_kb ? `+${((j1.peak_rss_kb - nl.peak_rss_kb) / 1024).toFixed(0)} MiB` : '-'} peak RSS` +
			' (lemmas and the stored layers; both rows tag, for the annotators)');
	if (tagger)
		o.push(`${pad('  tagger alone, one thread', 30, 1)}` +
			(tagger.mtokens_per_cpu_s != null ? `${tagger.mtokens_per_cpu_s.toFixed(2)}M tokens per CPU second` : 'FAILED') +
			' (tagdex-train-pos --eval on Brown; target: at least 1M)');
	if (share)
		o.push(`${pad('  tagging and lemmatising', 30, 1)}${pad(`${(share.fraction * 100).toFixed(1)}%`, 9)}` +
			` of the -j1 ingest's CPU time, measured (--profile): pos ${share.pos_s.toFixed(2)} s` +
			` + lemma ${share.lemma_s.toFixed(2)} s of ${share.process_s.toFixed(2)} s; target: at most 15%`);
	brow('tagdex-ingest --merge', builds['tagdex-merge']);
	brow('SQLite FTS5 (import+optimize)', builds.fts5);
	o.push(`${pad('CWB 3.4.33* (quoted)', 30, 1)}${pad(QUOTED.build_s.cwb.toFixed(2), 9)}`);
	o.push(`${pad('SQLite FTS5* (quoted)', 30, 1)}${pad(QUOTED.build_s.fts5.toFixed(2), 9)}`);
	o.push('');
	const cell = (r) => (r && r.median_ms != null ? `${fmtMs(r.median_ms)} [${fmtMs(r.p95_ms)}]`
		: r && r.status > 1 ? `FAILED (${r.status})` : 'n/a');
	// The label column is as wide as the longest query label (at least 26), so
	// a long label ("KWIC "it" | "on" sorted by left") cannot push its row's
	// numbers under the next column's heading.
	const lw = Math.max(26, ...queries.map((q) => q.label.length + 1));
	o.push(`${pad('Query: ms, median [p95]', lw, 1)}${pad('tagdex', 16)}${pad('ripgrep', 16)}${pad('FTS5', 16)}` +
		`${pad('fts5vocab', 16)}${pad('CWB*', 7)}  ${pad('best peer', 10, 1)}${pad('td/best', 8)}` +
		`${pad('td/rg', 8)}${pad('td/fts5', 8)}${pad('td/CWB*', 8)}`);
	for (const q of queries) {
		const bp = q.best_peer ? q.best_peer.replace('_quoted', '*').replace('ripgrep', 'rg') : '-';
		o.push(`${pad(q.label, lw, 1)}${pad(cell(q.tagdex), 16)}${pad(cell(q.ripgrep), 16)}${pad(cell(q.fts5), 16)}` +
			`${pad(cell(q.fts5vocab), 16)}${pad(q.quoted_ms.cwb != null ? fmtMs(q.quoted_ms.cwb) : '-', 7)}  ` +
			`${pad(bp, 10, 1)}${pad(fmtRatio(q.ratio.vs_best), 8)}${pad(fmtRatio(q.ratio.vs_ripgrep), 8)}` +
			`${pad(fmtRatio(q.ratio.vs_fts5), 8)}${pad(fmtRatio(q.ratio.vs_cwb_quoted), 8)}`);
	}
	const short = queries.filter((q) => ['tagdex', 'ripgrep', 'fts5', 'fts5vocab']
		.some((s) => q[s] && q[s].n != null && q[s].n < runs));
	if (short.length) o.push(`(fewer than ${runs} runs, time budget hit: ${short.map((q) => q.id).join(', ')})`);
	if (spawn) o.push(`Floor: starting a process (/bin/true) takes ${fmtMs(spawn.median_ms)} ms [p95 ${fmtMs(spawn.p95_ms)}] here.`);
	const load = Number(String(a['load-before'] || '0').split(' ')[0]);
	if (load >= 0.5)
		o.push(`Warning: load average ${load} when the bench started: other work was running, times are inflated.`);
	o.push('');
	o.push('Answers (first line of output, or its line count):');
	const ans = (r, n) => (r ? String(r.answer).slice(0, n - 2) : 'n/a');
	o.push(`${pad('', lw, 1)}${pad('tagdex', 40, 1)}${pad('ripgrep', 14, 1)}${pad('FTS5', 14, 1)}${pad('fts5vocab', 14, 1)}`);
	for (const q of queries)
		o.push(`${pad(q.label, lw, 1)}${pad(ans(q.tagdex, 40), 40, 1)}${pad(ans(q.ripgrep, 14), 14, 1)}` +
			`${pad(ans(q.fts5, 14), 14, 1)}${pad(ans(q.fts5vocab, 14), 14, 1)}`);
	o.push('');
	o.push('* CWB 3.4.33 and the starred build rows are quoted figures from the issue (same Brown text,');
	o.push('  2 cores, ~10M tokens), not measured here. td/X = tagdex median / X median (<1: tagdex faster);');
	o.push('  FTS5 as a peer is the faster of its two forms. FTS5 MATCH counts paragraphs, not tokens.');
	o.push(`Results: ${a.json}`);
	process.stdout.write(o.join('\n') + '\n');
}

main();
