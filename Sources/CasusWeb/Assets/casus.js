// casus: small enhancements only; every page and form works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Ask before a real name is shown: the look-up is audited.
  document.querySelectorAll("form[action$='/naam']").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      var question = document.documentElement.lang === "en"
        ? "Show the real name? This look-up is recorded in the audit trail."
        : "Echte naam tonen? Deze inzage komt in het auditlog.";
      if (!window.confirm(question)) { event.preventDefault(); }
    });
  });
  // Lint findings: the mark's note is also reachable by keyboard.
  document.querySelectorAll(".narrative mark[title]").forEach(function (mark) {
    mark.setAttribute("tabindex", "0");
  });
});

// The narrative editor: the linter reads along as the researcher types (debounced; each request
// carries a revision number and an answer to an older revision is dropped), findings are marked in a
// mirror behind the text area, and the draft is kept on the server every few seconds and when the
// page is left. Offsets from the server count UTF-16 code units, as the text area does.
document.addEventListener("DOMContentLoaded", function () {
  var area = document.getElementById("narratief-tekst");
  if (!area) { return; }
  var english = document.documentElement.lang === "en";
  var form = area.form;
  var token = form.querySelector("input[name=_csrf]").value;
  var basis = form.querySelector("input[name=basis]");
  var mirror = document.getElementById("spiegel");
  var list = document.getElementById("bevindingen");
  var count = document.getElementById("bevindingen-aantal");
  var draftStatus = document.getElementById("concept-status");
  var sent = 0, lintTimer = null, draftTimer = null, lastDraft = area.value, firstUnsaved = 0, submitting = false;
  var findings = [];

  function body(fields) {
    var data = new URLSearchParams();
    data.set("_csrf", token);
    Object.keys(fields).forEach(function (key) { data.set(key, fields[key]); });
    return data;
  }

  function lint() {
    var revision = ++sent;
    fetch(area.dataset.lint, { method: "POST", body: body({ tekst: area.value, revisie: String(revision) }),
      credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        if (!answer || answer.revision !== sent) { return; } // an older revision: a newer one is on its way
        findings = answer.findings;
        area.dataset.revision = String(answer.revision);
        showFindings(answer);
        paintMirror();
      })
      .catch(function () {});
  }

  function paintMirror() {
    var text = area.value, at = 0;
    mirror.textContent = "";
    findings.slice().sort(function (a, b) { return a.start - b.start; }).forEach(function (finding) {
      if (finding.end <= finding.start || finding.start < at || finding.end > text.length) { return; }
      mirror.appendChild(document.createTextNode(text.slice(at, finding.start)));
      var mark = document.createElement("mark");
      if (/CitaatNietInTranscript|QuoteNotInTranscript/.test(finding.rule)) { mark.className = "quote"; }
      mark.textContent = text.slice(finding.start, finding.end);
      mirror.appendChild(mark);
      at = finding.end;
    });
    mirror.appendChild(document.createTextNode(text.slice(at) + "\n"));
    mirror.scrollTop = area.scrollTop;
  }

  function showFindings(answer) {
    count.textContent = answer.findings.length + (english ? " findings · " : " bevindingen · ") +
      answer.words + (english ? " words" : " woorden");
    list.textContent = "";
    answer.findings.forEach(function (finding) {
      var item = document.createElement("li");
      item.dataset.rule = finding.rule;
      var go = document.createElement("button");
      go.type = "button";
      go.className = "link finding";
      var label = document.createElement("strong");
      label.textContent = finding.categoryLabel;
      go.appendChild(label);
      go.appendChild(document.createTextNode(" — " + finding.message));
      go.addEventListener("click", function () {
        area.focus();
        area.setSelectionRange(finding.start, finding.end);
      });
      item.appendChild(go);
      if (finding.suggestion) {
        var hint = document.createElement("div");
        hint.className = "help";
        hint.textContent = finding.suggestion;
        item.appendChild(hint);
      }
      var tools = document.createElement("div");
      tools.appendChild(toolButton(english ? "explain" : "uitleg", function () { explain(finding, item); }));
      tools.appendChild(document.createTextNode(" "));
      tools.appendChild(toolButton(english ? "suppress" : "uitzondering", function () { suppress(finding); }));
      item.appendChild(tools);
      list.appendChild(item);
    });
  }

  function toolButton(text, action) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "small secondary";
    button.textContent = text;
    button.addEventListener("click", action);
    return button;
  }

  function explain(finding, item) {
    var shown = item.querySelector(".explanation");
    if (shown) { shown.remove(); return; }
    fetch(area.dataset.regel + "?id=" + encodeURIComponent(finding.rule), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (rule) {
        if (!rule) { return; }
        var box = document.createElement("div");
        box.className = "explanation";
        var name = document.createElement("strong");
        name.textContent = rule.name;
        box.appendChild(name);
        var why = document.createElement("p");
        why.textContent = rule.rationale;
        box.appendChild(why);
        [[rule.triggering, english ? "Reported:" : "Meldt:"], [rule.nonTriggering, english ? "Not reported:" : "Meldt niet:"]]
          .forEach(function (pair) {
            if (!pair[0].length) { return; }
            var head = document.createElement("p");
            head.textContent = pair[1];
            box.appendChild(head);
            var examples = document.createElement("ul");
            pair[0].slice(0, 4).forEach(function (example) {
              var line = document.createElement("li");
              line.textContent = example;
              examples.appendChild(line);
            });
            box.appendChild(examples);
          });
        item.appendChild(box);
      });
  }

  // A suppression is a comment above the line, and it needs a reason: without one it does not apply.
  function suppress(finding) {
    var reason = window.prompt(english ? "Why does this rule not apply here? (required)"
      : "Waarom geldt deze regel hier niet? (verplicht)");
    if (reason === null) { return; }
    reason = reason.replace(/--+>?/g, " ").trim();
    if (!reason) {
      window.alert(english ? "A suppression needs a reason; nothing was changed."
        : "Een uitzondering heeft een reden nodig; er is niets veranderd.");
      return;
    }
    var text = area.value;
    var lineStart = text.lastIndexOf("\n", finding.start - 1) + 1;
    var comment = "<!-- casus-lint disable-next-line " + finding.rule + ": " + reason + " -->\n";
    area.value = text.slice(0, lineStart) + comment + text.slice(lineStart);
    changed();
  }

  function saveDraft(useBeacon) {
    if (submitting || area.value === lastDraft) { return; }
    var data = body({ tekst: area.value, basis: basis.value });
    lastDraft = area.value;
    firstUnsaved = 0;
    if (useBeacon && navigator.sendBeacon) { navigator.sendBeacon(area.dataset.concept, data); return; }
    fetch(area.dataset.concept, { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) {
        if (response.ok) {
          draftStatus.textContent = (english ? "Draft kept at " : "Concept bewaard om ") +
            new Date().toLocaleTimeString(english ? "en-GB" : "nl-NL");
        }
      })
      .catch(function () { lastDraft = null; });
  }

  function changed() {
    clearTimeout(lintTimer);
    lintTimer = setTimeout(lint, 400);
    paintMirror();
    // The draft goes 2 s after the last key, and at least every 5 s while typing goes on.
    clearTimeout(draftTimer);
    if (!firstUnsaved) { firstUnsaved = Date.now(); }
    var wait = Math.max(0, Math.min(2000, 5000 - (Date.now() - firstUnsaved)));
    draftTimer = setTimeout(function () { saveDraft(false); }, wait);
  }

  area.addEventListener("input", changed);
  area.addEventListener("scroll", function () { mirror.scrollTop = area.scrollTop; });
  form.addEventListener("submit", function () { submitting = true; });
  window.addEventListener("pagehide", function () { saveDraft(true); });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") { saveDraft(true); }
  });
  lint();
});
