// app.js: tagdex-serve's page. Every string from the index (document
// text, titles, attribute values) goes into the page as text (textContent,
// createTextNode), never as HTML; the server's Content-Security-Policy
// allows this file's script only.
"use strict";

const $ = (id) => document.getElementById(id);
const FILTERS = ["q", "from", "to", "genre", "actor", "who", "hedge", "within"];
const EXAMPLES = [
  ['<seg type="hedge"/> within <s ana="prediction"/>', {}],
  ['<q/>', { who: "kim-jong-un" }],
  ['[lemma="warn"]', {}],
  ['"likely"%c', { from: "2024" }],
  ['[pos="JJ.*"] [lemma="threat"]', {}],
  ['<s ana="claim"/>', { actor: "donald-trump" }],
];
let token = sessionStorage.getItem("tagdex-token") || "";
let state = null; // the current search: its parameters and page

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else e.setAttribute(k, v);
  }
  for (const k of kids) e.append(k);
  return e;
}

async function api(path, params) {
  const url = path + (params ? "?" + new URLSearchParams(params) : "");
  const headers = token ? { Authorization: "Bearer " + token } : {};
  const r = await fetch(url, { headers });
  if (r.status === 401) {
    $("tokenbox").hidden = false;
    throw { message: "this server needs a token" };
  }
  const ctype = r.headers.get("Content-Type") || "";
  if (!ctype.startsWith("application/json")) {
    if (!r.ok) throw { message: "HTTP " + r.status };
    return r.blob();
  }
  const body = await r.json();
  if (!r.ok) throw body.error || { message: "HTTP " + r.status };
  return body;
}

// the search's API parameters from the form (empty fields left out)
function formParams() {
  const f = $("search").elements, p = {};
  for (const k of FILTERS) {
    const v = f[k].value.trim();
    if (k === "hedge") {
      if (v === "*") p.hedge = "";
      else if (v) p.hedge = v;
    } else if (v) p[k] = v;
  }
  return p;
}

function fillForm(p) {
  const f = $("search").elements;
  for (const k of FILTERS) {
    let v = p.get(k);
    if (k === "hedge" && v !== null) {
      v = v === "" ? "*" : v;
      if (![...f.hedge.options].some((o) => o.value === v))
        f.hedge.append(el("option", { value: v, text: v }));
    }
    f[k].value = v === null ? "" : v;
  }
  for (const k of ["number", "context"])
    if (p.get(k)) f[k].value = p.get(k);
}

function showError(e, q) {
  const box = $("error");
  box.hidden = false;
  box.textContent = "Error: " + (e.message || String(e));
  if (typeof e.offset === "number" && q) {
    // the query with a caret under the offset (bytes to characters)
    const bytes = new TextEncoder().encode(q).slice(0, e.offset);
    const col = new TextDecoder().decode(bytes).length;
    box.append("\n  " + q.replace(/[\n\t\r]/g, " ") + "\n  " + " ".repeat(col) + "^");
  }
}

function clearError() {
  $("error").hidden = true;
  $("error").textContent = "";
}

function tab(name, keep) {
  if (!keep) setUrl({ tab: name === "kwic" ? null : name });
  for (const s of document.querySelectorAll("section.tab")) s.hidden = s.id !== name;
  for (const b of document.querySelectorAll("#tabs button"))
    b.classList.toggle("on", b.dataset.tab === name);
  if (name === "freq" && state && !state.freqDone) loadFreq();
}

// ------------------------------------------------------------- search

// keeps the view (page of hits, tab, table) in the URL without a new
// history entry, so that a reload or a shared link shows the same
function setUrl(changes) {
  const u = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(changes))
    if (v === null) u.delete(k);
    else u.set(k, v);
  history.replaceState(null, "", "/?" + u);
}

function search(push) {
  const f = $("search").elements;
  const params = formParams();
  state = {
    params,
    first: 0,
    number: Number(f.number.value) || 20,
    context: f.context.value,
    sort: $("sort").value,
    freqDone: false,
  };
  const first = new URLSearchParams(location.search).get("first") || "";
  if (!push && /^\d+$/.test(first)) state.first = Number(first);
  if (push) {
    const u = new URLSearchParams(params);
    if (state.number !== 20) u.set("number", state.number);
    if (state.context !== "5") u.set("context", state.context);
    if (state.sort) u.set("sort", state.sort);
    history.pushState(null, "", "/?" + u);
  }
  clearError();
  $("doctab").hidden = true;
  $("tabs").hidden = false;
  tab("kwic", !push);
  loadHits();
}

// TEI pointers (#kim-jong-un) as keys (kim-jong-un)
const key = (v) => (v || "").replace(/^#/, "");

function speakerOf(hit) {
  // the innermost quote or reported speech over the match
  let best = null;
  for (const s of hit.spans)
    if ((s.name === "q" || s.name === "said") && s.attrs.who)
      if (!best || s.end - s.start < best.end - best.start) best = s;
  return best ? key(best.attrs.who) : "";
}

async function loadHits() {
  const p = Object.assign({}, state.params, {
    first: state.first,
    number: state.number,
    context: state.context,
  });
  // sorted by the server over the whole result (tagdex-query --sort)
  if (state.sort) p.sort = state.sort;
  for (const a of document.querySelectorAll("#hits th a"))
    a.classList.toggle("on", a.dataset.sort === state.sort);
  const tbody = $("hits").tBodies[0];
  let r;
  try {
    r = await api("/api/hits", p);
  } catch (e) {
    showError(e, state.params.q);
    $("kwic").hidden = true;
    return;
  }
  tbody.replaceChildren();
  for (const h of r.hits) {
    const a = el("a", { href: "#", text: h.doc || "" });
    a.addEventListener("click", (ev) => {
      ev.preventDefault();
      openDoc(h.doc, h.start, h.end, true);
    });
    const who = speakerOf(h);
    tbody.append(
      el("tr", {},
        el("td", { class: "date", text: h.date || "" }),
        el("td", { class: "doc", title: h.title || "" }, a),
        el("td", { class: "l", text: h.left }),
        el("td", { class: "m", text: h.match }),
        el("td", { class: "r", text: h.right }),
        el("td", {}, who ? el("span", { class: "spk", text: who }) : "")));
  }
  const last = r.first + r.hits.length;
  $("range").textContent = r.total
    ? `hits ${r.first + 1}–${last} of ${r.total}`
    : "no hits";
  $("prev").disabled = r.first === 0;
  $("next").disabled = last >= r.total;
  if (r.warnings) showError({ message: r.warnings.join("\n") });
}

// ---------------------------------------------------------- frequency

async function loadFreq() {
  state.freqDone = true;
  const by = $("by").value;
  const tbody = $("freqtable").tBodies[0];
  tbody.replaceChildren();
  try {
    const r = await api("/api/freq", Object.assign({}, state.params, { by }));
    for (const row of r.rows)
      tbody.append(
        el("tr", {},
          el("td", { text: row.value === null ? "(none)" : row.value }),
          el("td", { text: String(row.count) }),
          el("td", { text: row.per_million === null ? "NA" : row.per_million.toFixed(2) }),
          el("td", { text: String(row.tokens) })));
    const per = $("per").value;
    const m = by === per ? r : await api("/api/freq", Object.assign({}, state.params, { by: per }));
    chart(m.rows);
  } catch (e) {
    showError(e, state.params.q);
  }
}

// bars of hits per million tokens by month or year, in order (plain SVG)
function chart(rows) {
  const box = $("chart");
  box.replaceChildren();
  const data = rows.filter((r) => r.value !== null && r.per_million !== null)
    .sort((a, b) => (a.value < b.value ? -1 : 1));
  if (!data.length) {
    box.textContent = "no dated hits";
    return;
  }
  const NS = "http://www.w3.org/2000/svg";
  const W = Math.max(300, Math.min(1000, data.length * 40)), H = 180, pad = 30;
  const max = Math.max(...data.map((r) => r.per_million));
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("width", W);
  svg.setAttribute("height", H + pad);
  const bw = (W - pad) / data.length;
  data.forEach((r, i) => {
    const h = max ? (r.per_million / max) * (H - 20) : 0;
    const rect = document.createElementNS(NS, "rect");
    rect.setAttribute("x", pad + i * bw + 2);
    rect.setAttribute("y", H - h);
    rect.setAttribute("width", Math.max(1, bw - 4));
    rect.setAttribute("height", h);
    const t = document.createElementNS(NS, "title");
    t.textContent = `${r.value}: ${r.count} hits, ${r.per_million.toFixed(1)} per million of ${r.tokens} tokens`;
    rect.append(t);
    svg.append(rect);
    const lab = document.createElementNS(NS, "text");
    lab.setAttribute("x", pad + i * bw + bw / 2);
    lab.setAttribute("y", H + 14);
    lab.setAttribute("text-anchor", "middle");
    // at most about 12 labels, so that they do not overlap
    lab.textContent = i % Math.ceil(data.length / 12) ? "" : r.value;
    svg.append(lab);
  });
  const top = document.createElementNS(NS, "text");
  top.setAttribute("x", 2);
  top.setAttribute("y", 12);
  top.textContent = max.toFixed(0);
  svg.append(top);
  box.append(svg);
}

// ------------------------------------------------------------- export

async function exportAs(format) {
  try {
    const p = Object.assign({}, state.params, { format });
    if (state.sort) p.sort = state.sort;
    const blob = await api("/api/hits", p);
    const a = el("a", { href: URL.createObjectURL(blob), download: "tagdex-hits." + format });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  } catch (e) {
    showError(e, state.params.q);
  }
}

// ----------------------------------------------------------- document

// the classes and hover text one span gives the tokens under it
function styleOf(s) {
  const a = s.attrs;
  switch (s.name) {
    case "persName": case "orgName": case "placeName": case "rs":
      return a.ref ? ["actor", "actor: " + key(a.ref)] : null;
    case "q":
      return ["q", "quote by " + (key(a.who) || "(unidentified)")];
    case "said":
      return ["said", "reported speech of " + (key(a.who) || "(unidentified)")];
    case "seg":
      return a.type === "hedge" ? ["hedge", "hedge: " + (a.subtype || "")] : null;
    case "s": {
      const ana = (a.ana || "").split(/\s+/).map(key);
      const c = ana.filter((x) => x === "prediction" || x === "claim");
      return c.length ? [c.join(" "), c.join(", ") + " sentence"] : null;
    }
    default:
      return null;
  }
}

async function openDoc(id, hs, he, push) {
  if (push) {
    // the document view is in the URL too: ?...&view=ID&hit=START-END
    const u = new URLSearchParams(location.search);
    u.set("view", id);
    if (hs !== undefined) u.set("hit", hs + "-" + he);
    else u.delete("hit");
    history.pushState(null, "", "/?" + u);
  }
  let d;
  try {
    d = await api("/api/docs/" + encodeURIComponent(id));
  } catch (e) {
    showError(e);
    return;
  }
  $("tabs").hidden = false;
  $("doctab").hidden = false;
  tab("doc", true);
  $("doctitle").textContent = d.title || d.id;
  $("docmeta").textContent = [d.id, d.date, d.genre, d.tokens + " tokens"].filter(Boolean).join(" · ");
  const n = d.text.length;
  const cls = Array.from({ length: n }, () => []);
  const tips = Array.from({ length: n }, () => []);
  const blockStart = new Map(); // token -> "p" or "head"
  for (const s of d.spans) {
    if (s.name === "p" || s.name === "head") {
      if (!blockStart.has(s.start) || s.name === "head") blockStart.set(s.start, s.name);
      continue;
    }
    const st = styleOf(s);
    if (!st) continue;
    for (let i = s.start; i < s.end && i < n; i++) {
      cls[i].push(st[0]);
      tips[i].push(st[1]);
    }
  }
  if (hs !== undefined)
    for (let i = hs; i < he && i < n; i++) cls[i].push("hit");
  const out = $("doctext");
  out.replaceChildren();
  let block = el("div", { class: "block" });
  out.append(block);
  let cur = null, key = null, hitEl = null;
  for (let i = 0; i < n; i++) {
    const [gap, word] = d.text[i];
    if (blockStart.has(i) || (/\n/.test(gap) && i > 0)) {
      block = el("div", { class: blockStart.get(i) === "head" ? "block head" : "block" });
      out.append(block);
      cur = null;
    }
    const k = cls[i].join(" ") + "|" + tips[i].join("; ");
    if (cur && k === key) {
      cur.append(gap.replace(/\s+/g, " ") + word); // text nodes only
    } else {
      if (gap) block.append(gap.replace(/\s+/g, " "));
      cur = el("span", { text: word });
      if (cls[i].length) cur.className = [...new Set(cls[i].join(" ").split(" "))].join(" ");
      if (tips[i].length) cur.title = tips[i].join("; ");
      block.append(cur);
      key = k;
    }
    if (i === hs && !hitEl) hitEl = cur;
  }
  block.append(d.tail);
  if (hitEl) hitEl.scrollIntoView({ block: "center" });
}

// --------------------------------------------------------------- setup

async function loadInfo() {
  try {
    const info = await api("/api/info");
    $("info").textContent = `${info.name}: ${info.documents} documents, ${info.tokens} tokens`;
    $("tokenbox").hidden = true;
    const sub = await api("/api/freq", { q: '<seg type="hedge"/>', by: "hedge" });
    for (const r of sub.rows)
      if (r.value) $("hedge").append(el("option", { value: r.value, text: r.value }));
    const lists = [["actors", '<persName/> | <orgName/> | <placeName/> | <rs/>', "actor"],
                   ["speakers", "<q/> | <said/>", "who"]];
    for (const [id, q, by] of lists) {
      const f = await api("/api/freq", { q, by });
      for (const r of f.rows.slice(0, 200))
        if (r.value) $(id).append(el("option", { value: r.value }));
    }
    const docs = await api("/api/docs", { number: 1000 });
    for (const g of new Set(docs.docs.map((d) => d.genre).filter(Boolean)))
      $("genres").append(el("option", { value: g }));
  } catch (e) {
    showError(e);
  }
}

function fromUrl() {
  const p = new URLSearchParams(location.search);
  fillForm(p);
  if ([...$("by").options].some((o) => o.value === p.get("by"))) $("by").value = p.get("by");
  $("per").value = p.get("per") === "year" ? "year" : "month";
  $("sort").value = [...$("sort").options].some((o) => o.value === p.get("sort")) ? p.get("sort") : "";
  if (FILTERS.some((k) => p.get(k) !== null)) {
    search(false);
    if (p.get("tab") === "freq") tab("freq", true);
  }
  const view = p.get("view");
  if (view) {
    const m = (p.get("hit") || "").match(/^(\d+)-(\d+)$/);
    openDoc(view, m ? Number(m[1]) : undefined, m ? Number(m[2]) : undefined, false);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  // a token may come in the fragment (#token=...), kept out of the server's logs
  const m = location.hash.match(/token=([^&]+)/);
  if (m) {
    token = decodeURIComponent(m[1]);
    sessionStorage.setItem("tagdex-token", token);
    history.replaceState(null, "", location.pathname + location.search);
  }
  for (const [q, flt] of EXAMPLES) {
    const label = q + Object.entries(flt).map(([k, v]) => `  ${k}=${v}`).join("");
    const b = el("button", { type: "button", text: label });
    b.addEventListener("click", () => {
      fillForm(new URLSearchParams(Object.assign({ q }, flt)));
      search(true);
    });
    $("examples").append(b);
  }
  $("search").addEventListener("submit", (ev) => {
    ev.preventDefault();
    search(true);
  });
  $("q").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && !ev.shiftKey) {
      ev.preventDefault();
      search(true);
    }
  });
  for (const b of document.querySelectorAll("#tabs button"))
    b.addEventListener("click", () => tab(b.dataset.tab));
  $("prev").addEventListener("click", () => {
    state.first = Math.max(0, state.first - state.number);
    setUrl({ first: state.first || null });
    loadHits();
  });
  $("next").addEventListener("click", () => {
    state.first += state.number;
    setUrl({ first: state.first });
    loadHits();
  });
  const sortBy = (key) => {
    $("sort").value = key;
    if (!state) return;
    state.sort = key;
    state.first = 0;
    setUrl({ sort: key || null, first: null });
    loadHits();
  };
  $("sort").addEventListener("change", () => sortBy($("sort").value));
  for (const a of document.querySelectorAll("#hits th a"))
    a.addEventListener("click", (ev) => {
      ev.preventDefault();
      sortBy(a.dataset.sort);
    });
  $("per").addEventListener("change", () => {
    setUrl({ per: $("per").value === "year" ? "year" : null });
    loadFreq();
  });
  $("by").addEventListener("change", () => {
    setUrl({ by: $("by").value });
    loadFreq();
  });
  $("csv").addEventListener("click", (ev) => { ev.preventDefault(); exportAs("csv"); });
  $("jsonl").addEventListener("click", (ev) => { ev.preventDefault(); exportAs("jsonl"); });
  $("tokenok").addEventListener("click", () => {
    token = $("token").value;
    sessionStorage.setItem("tagdex-token", token);
    loadInfo();
    if (state) search(false);
  });
  window.addEventListener("popstate", fromUrl);
  loadInfo();
  fromUrl();
});
