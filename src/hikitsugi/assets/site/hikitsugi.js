/* hikitsugi site script: review banners computed again from today's date, and a
 * Japanese-aware search that works over file:// (no fetch, no worker, no CDN).
 * The index is a script setting window.HIKITSUGI_SEARCH_INDEX, loaded on first use. */
(function () {
  "use strict";
  var here = document.currentScript ? document.currentScript.src : "";
  var base = here.replace(/assets\/hikitsugi\/hikitsugi\.js(?:[?#].*)?$/, "");
  var FIELD_WEIGHTS = [10, 6, 4, 1, 8, 4]; // title, tags, summary, other, reading of the title, of the tags
  var STEP_WEIGHT = 2.5;
  var WHOLE_WEIGHT = 3; // the runbook's text as one field: a query's parts may sit in different fields

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  /* The review state of an item due on `due` (YYYY-MM-DD, "" if never reviewed) seen on `day`:
   * facts/review.py `state` in the browser (tests/render/site/test_browser.py runs both). */
  function reviewState(due, day, soon) {
    if (!due) return "never";
    if (day > due) return "stale";
    var days = (Date.parse(due) - Date.parse(day)) / 86400000;
    return days <= soon ? "due-soon" : "current";
  }
  window.hikitsugiReviewState = reviewState;

  /* The names holding a post on `day`, each once, roster order: facts/people.py `holders` in
   * the browser. `spans` are [name, from, until or ""] (tests/render/site/test_browser.py). */
  function holdersOn(spans, day) {
    var names = [];
    for (var i = 0; i < spans.length; i++) {
      var s = spans[i];
      if (s[1] <= day && (!s[2] || day <= s[2]) && names.indexOf(s[0]) < 0) names.push(s[0]);
    }
    return names;
  }
  window.hikitsugiHoldersOn = holdersOn;

  /* Holders and 空席 as of the reader's today: someone who has left is never shown. */
  function updateHolders() {
    var day = today(), spans = document.querySelectorAll("[data-hk-holders]");
    for (var i = 0; i < spans.length; i++) {
      var el = spans[i], names;
      try { names = holdersOn(JSON.parse(el.getAttribute("data-hk-holders")), day); } catch (e) { continue; }
      el.className = names.length ? "hk-holders" : "hk-vacant";
      el.textContent = "(" + (names.length ? names.join("、") : el.getAttribute("data-vacant")) + ")";
    }
  }

  /* The banner, computed again from the reader's today. */
  function updateReviews() {
    var day = today();
    var banners = document.querySelectorAll("[data-hk-review]");
    for (var i = 0; i < banners.length; i++) {
      var el = banners[i], due = el.getAttribute("data-due");
      if (!due) continue;
      var state = reviewState(due, day, parseInt(el.getAttribute("data-due-soon-days"), 10));
      el.className = el.className.replace(/hk-review--[\w-]+/, "hk-review--" + state);
      el.setAttribute("data-state", state);
      el.textContent = el.getAttribute("data-label-" + state).replace("{due}", due);
    }
  }

  function normalize(text) {
    return text.normalize("NFKC").toLowerCase().replace(/[*_`#>|\[\]]+/g, " ").replace(/\s+/g, " ").trim();
  }
  var CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\u3005\u30fc]/;

  /* A query word is matched whole; failing that, by its CJK bigrams, or by its runs of
   * kanji / katakana / latin (particles and okurigana dropped), whichever covers more. */
  var RUNS = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005]+|[\u30a0-\u30ff]+|[\u3040-\u309f]+|[^\s\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005]+/g;
  var HIRAGANA = /^[\u3040-\u309f]+$/;
  function makeTerm(text) {
    var grams = [], runs = (text.match(RUNS) || []).filter(function (r) { return !HIRAGANA.test(r); });
    if (CJK.test(text) && text.length > 2) {
      for (var i = 0; i + 2 <= text.length; i++) grams.push(text.slice(i, i + 2));
    }
    if (runs.length < 2 || runs.join("") === text) runs = [];
    return { text: text, grams: grams, runs: runs };
  }
  function termScore(term, field) {
    if (!field) return 0;
    if (field.indexOf(term.text) >= 0) return 1;
    var best = 0, i;
    if (term.grams.length) {
      var found = 0;
      for (i = 0; i < term.grams.length; i++) if (field.indexOf(term.grams[i]) >= 0) found++;
      var share = found / term.grams.length;
      if (share >= 0.5) best = share * share * 0.6;
    }
    if (term.runs.length) {
      var covered = 0, length = 0;
      for (i = 0; i < term.runs.length; i++) {
        length += term.runs[i].length;
        if (field.indexOf(term.runs[i]) >= 0) covered += term.runs[i].length;
      }
      best = Math.max(best, (covered / length) * (covered / length) * 0.8);
    }
    return best;
  }

  /* A standard shares its steps with the city's runbooks that extend it (doc.x, their URLs):
   * when both are found about as well (the standard's own words, like 標準手順, set it apart),
   * the city's own comes first. */
  function ownBeforeStandard(results) {
    for (var i = results.length - 1; i >= 0; i--) {
      var extenders = results[i].doc.x;
      if (!extenders) continue;
      for (var j = results.length - 1; j > i; j--) {
        if (extenders.indexOf(results[j].doc.u) >= 0 && results[j].score >= 0.7 * results[i].score) {
          results.splice(j, 0, results.splice(i, 1)[0]);
          break;
        }
      }
    }
  }

  /* The parts of a term that occur in a page (doc.any holds all its fields), or null if none do:
   * the parts that do not cannot score in any field, so each field is searched for fewer. */
  function localTerm(term, text) {
    var present = function (part) { return text.indexOf(part) >= 0; };
    var local = {
      text: term.text, whole: present(term.text), gramCount: term.grams.length,
      grams: term.grams.filter(present), runs: term.runs.filter(present), runLength: term.runs.join("").length
    };
    if (local.grams.length * 2 < local.gramCount) local.grams = []; // a share under 0.5 scores 0
    return local.whole || local.grams.length || local.runs.length ? local : null;
  }

  /* termScore() with a localTerm: the same value. */
  function localScore(local, field) {
    if (!field) return 0;
    if (local.whole && field.indexOf(local.text) >= 0) return 1;
    var best = 0, i;
    if (local.grams.length) {
      var found = 0;
      for (i = 0; i < local.grams.length; i++) if (field.indexOf(local.grams[i]) >= 0) found++;
      var share = found / local.gramCount;
      if (share >= 0.5) best = share * share * 0.6;
    }
    if (local.runs.length) {
      var covered = 0;
      for (i = 0; i < local.runs.length; i++) if (field.indexOf(local.runs[i]) >= 0) covered += local.runs[i].length;
      best = Math.max(best, (covered / local.runLength) * (covered / local.runLength) * 0.8);
    }
    return best;
  }

  /* A term's score in each field and each step of a page, computed once for both the term's
   * rarity and the page's score; null when no part of the term is in the page. */
  function termScores(doc, term) {
    var local = localTerm(term, doc.any);
    if (!local) return null;
    var scores = { local: local, fields: [], steps: [], found: false }, i, v;
    for (i = 0; i < doc.fl.length; i++) {
      v = localScore(local, doc.fl[i]); scores.fields.push(v); scores.found = scores.found || v > 0;
    }
    for (i = 0; i < doc.st.length; i++) {
      v = localScore(local, doc.st[i][3]); scores.steps.push(v); scores.found = scores.found || v > 0;
    }
    return scores;
  }

  function scoreDoc(doc, terms, idf, scores) {
    var total = 0, matched = 0, stepScores = [];
    for (var s = 0; s < doc.st.length; s++) stepScores.push(0);
    for (var t = 0; t < terms.length; t++) {
      if (!scores[t]) continue;
      var best = 0, sum = 0;
      for (var f = 0; f < doc.fl.length; f++) {
        var v = FIELD_WEIGHTS[f] * scores[t].fields[f];
        best = Math.max(best, v); sum += v;
      }
      for (var k = 0; k < doc.st.length; k++) {
        var sv = scores[t].steps[k];
        stepScores[k] += sv * idf[t];
        var w = STEP_WEIGHT * sv;
        best = Math.max(best, w); sum += w * 0.3;
      }
      best = Math.max(best, WHOLE_WEIGHT * localScore(scores[t].local, doc.all));
      if (best > 0) matched++;
      total += idf[t] * (best + 0.15 * sum);
    }
    if (!matched) return null;
    var coverage = matched / terms.length;
    var score = total * coverage * coverage * (doc.s === "retired" ? 0.5 : 1);
    var step = -1, top = 0;
    for (var j = 0; j < stepScores.length; j++) if (stepScores[j] > top) { top = stepScores[j]; step = j; }
    return { doc: doc, score: score, step: step };
  }

  /* Matching is on lower-cased copies, made once; snippets show the text as written. */
  function prepare(index) {
    if (index.prepared) return;
    index.docs.forEach(function (doc) {
      doc.fl = doc.f.map(function (f) { return f.toLowerCase(); });
      doc.st.forEach(function (st) { st[3] = st[2].toLowerCase(); });
      doc.all = doc.fl.slice(0, 4).concat(doc.st.map(function (st) { return st[3]; })).join(" ");
      doc.any = doc.all + " " + doc.fl.slice(4).join(" ");
    });
    index.prepared = true;
  }

  function search(index, query) {
    prepare(index);
    var words = normalize(query).split(" ").filter(Boolean);
    if (!words.length) return [];
    var terms = words.map(makeTerm), docs = index.docs, idf = [], scores = [], t, d;
    for (d = 0; d < docs.length; d++) {
      scores.push(terms.map(function (term) { return termScores(docs[d], term); }));
    }
    for (t = 0; t < terms.length; t++) {
      var df = 0;
      for (d = 0; d < docs.length; d++) if (scores[d][t] && scores[d][t].found) df++;
      idf.push(Math.log(1 + docs.length / (1 + df)));
    }
    var results = [];
    for (d = 0; d < docs.length; d++) {
      if (!scores[d].some(Boolean)) continue;
      var r = scoreDoc(docs[d], terms, idf, scores[d]);
      if (r) results.push(r);
    }
    results.sort(function (a, b) { return b.score - a.score || (a.doc.t < b.doc.t ? -1 : 1); });
    ownBeforeStandard(results);
    return results.map(function (r) { r.terms = terms; return r; });
  }

  function snippet(text, terms) {
    var at = -1, lower = text.toLowerCase();
    for (var t = 0; t < terms.length && at < 0; t++) {
      at = lower.indexOf(terms[t].text);
      for (var g = 0; at < 0 && g < terms[t].grams.length; g++) at = lower.indexOf(terms[t].grams[g]);
    }
    var start = Math.max(0, at - 20);
    return (start > 0 ? "…" : "") + text.slice(start, start + 80) + (start + 80 < text.length ? "…" : "");
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  /* What a result is (手順書, チェックリスト …), in the vocabulary's words from the build. */
  function kindLabel(index, doc) {
    var word = (index.kinds || {})[doc.p || "runbook"];
    return word ? el("span", "hk-result-kind", word) : null;
  }

  /* Nothing matched: say so, with a hint, instead of an empty strip. */
  function showNone(list, index, query) {
    var template = index.none || "「{query}」に一致するページは見つかりませんでした。";
    var p = el("p", "hk-search-none", template.replace("{query}", query.trim()));
    p.setAttribute("role", "status");
    list.parentNode.insertBefore(p, list);
  }

  /* The snippet of a result without a matching step: the first field that has a term. */
  function bestField(doc, terms) {
    for (var f = 2; f < 4; f++) {
      for (var t = 0; t < terms.length; t++) if (termScore(terms[t], doc.fl[f]) > 0) return doc.f[f];
    }
    return doc.f[2] || doc.f[3];
  }

  function show(list, results, query) {
    list.textContent = "";
    var old = list.parentNode.querySelector(".hk-search-none");
    if (old) old.parentNode.removeChild(old);
    var index = window.HIKITSUGI_SEARCH_INDEX;
    if (!results.length) showNone(list, index, query);
    var limit = Math.min(results.length, 20);
    var STATUS = index.statuses || {}; // the vocabulary's words, from the build
    for (var i = 0; i < limit; i++) {
      var r = results[i], li = el("li", "hk-result");
      var status = STATUS[r.doc.s] && r.doc.t.indexOf(STATUS[r.doc.s]) < 0 ? " (" + STATUS[r.doc.s] + ")" : "";
      var kind = kindLabel(index, r.doc);
      if (kind) li.appendChild(kind);
      var a = el("a", "hk-result-title", r.doc.t + status);
      a.href = base + r.doc.u;
      li.appendChild(a);
      if (r.step >= 0) {
        var step = r.doc.st[r.step], s = el("a", "hk-result-step", step[1]);
        s.href = base + r.doc.u + "#step-" + step[0];
        li.appendChild(s);
        li.appendChild(el("p", "hk-result-snippet", snippet(step[2], r.terms)));
      } else {
        li.appendChild(el("p", "hk-result-snippet", snippet(bestField(r.doc, r.terms), r.terms)));
      }
      if (r.doc.c && index.sheet) {
        var sheet = el("a", "hk-result-sheet", index.sheet);
        sheet.href = base + r.doc.c;
        li.appendChild(sheet);
      }
      list.appendChild(li);
    }
    list.setAttribute("data-count", String(results.length));
    list.setAttribute("data-ready", "true");
  }

  var waiting = [];
  function withIndex(callback) {
    if (window.HIKITSUGI_SEARCH_INDEX) { callback(window.HIKITSUGI_SEARCH_INDEX); return; }
    waiting.push(callback);
    if (waiting.length > 1) return;
    var tag = document.createElement("script");
    tag.src = base + "assets/hikitsugi/search-index.js";
    tag.onload = function () {
      var calls = waiting; waiting = [];
      calls.forEach(function (c) { c(window.HIKITSUGI_SEARCH_INDEX); });
    };
    document.head.appendChild(tag);
  }

  function buildUi() {
    var holder = document.querySelector(".md-header__inner") || document.body;
    var form = el("form", "hk-search");
    form.setAttribute("role", "search");
    var input = el("input", "hk-search-input");
    input.type = "search"; input.name = "q"; input.autocomplete = "off";
    input.placeholder = /^en/.test(document.documentElement.lang) ? "Search the site" : "サイト内を検索";
    input.setAttribute("aria-label", input.placeholder);
    form.appendChild(input);
    var panel = el("div", "hk-search-panel");
    panel.hidden = true;
    var list = el("ol", "hk-search-results");
    list.setAttribute("data-search-results", "");
    panel.appendChild(list);
    form.appendChild(panel);
    holder.appendChild(form);
    var timer = null;
    function run() {
      var query = input.value;
      if (!query.trim()) { panel.hidden = true; return; }
      withIndex(function (index) { show(list, search(index, query), query); panel.hidden = false; });
    }
    input.addEventListener("focus", function () { withIndex(function () {}); });
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
    input.addEventListener("keydown", function (e) { if (e.key === "Escape") panel.hidden = true; });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var first = list.querySelector("a");
      if (first && !panel.hidden) window.location.href = first.href; else run();
    });
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) { input.value = q; run(); }
  }

  window.hikitsugiSearch = search;
  function wirePrint() {
    var buttons = document.querySelectorAll("[data-hk-print]");
    for (var i = 0; i < buttons.length; i++) buttons[i].addEventListener("click", function () { window.print(); });
  }
  /* The calendar opens on the reader's month: scrolled into view (a phone shows 2–3 months). */
  function showThisMonth() {
    var table = document.querySelector("[data-hk-current-month]");
    if (!table) return;
    var month = today().slice(0, 7), marks = table.querySelectorAll("[data-month]");
    for (var i = 0; i < marks.length; i++) {
      var on = marks[i].getAttribute("data-month") === month;
      marks[i].classList.toggle("hk-current-month", on);
    }
    var head = table.querySelector('th[data-month="' + month + '"]');
    var box = table.closest(".hk-scroll");
    if (head && box && box.scrollWidth > box.clientWidth) {
      var first = table.querySelector("th[scope=row]");
      box.scrollLeft = head.offsetLeft - (first ? first.offsetWidth : 0);
    }
  }
  function start() { updateReviews(); updateHolders(); wirePrint(); showThisMonth(); buildUi(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
