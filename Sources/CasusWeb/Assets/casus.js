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

  var quoteChoice = document.getElementById("citaat-keuze");
  if (quoteChoice) {
    document.getElementById("citaat-invoegen").addEventListener("click", function () {
      var start = area.selectionStart, end = area.selectionEnd;
      var quoted = "“" + quoteChoice.value + "”";
      area.value = area.value.slice(0, start) + quoted + area.value.slice(end);
      area.focus();
      area.setSelectionRange(start + quoted.length, start + quoted.length);
      changed();
    });
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


// A file input that sends its file as it is (the form token in a header) to `url`, with a status line
// beside it; `done(ok, answer)` gets the server's JSON answer.
function fileSender(id, accept, labelText, url, token, busyText, failText, done) {
  var wrap = document.createElement("span");
  var label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = labelText;
  var input = document.createElement("input");
  input.type = "file";
  input.id = id;
  input.accept = accept;
  var status = document.createElement("span");
  status.className = "sub";
  status.setAttribute("role", "status");
  input.addEventListener("change", function () {
    var file = input.files[0];
    if (!file) { return; }
    status.textContent = " " + busyText;
    fetch(url, { method: "POST", body: file, credentials: "same-origin",
      headers: { "X-Casus-Token": token, "X-Casus-Filename": encodeURIComponent(file.name),
        "Content-Type": "application/octet-stream" } })
      .then(function (response) {
        return response.json().then(function (answer) { return { ok: response.ok, answer: answer }; });
      })
      .then(function (result) { status.textContent = " " + done(result.ok, result.answer); })
      .catch(function () { status.textContent = " " + failText; });
  });
  wrap.appendChild(label);
  wrap.appendChild(input);
  wrap.appendChild(status);
  return wrap;
}

// A text field that takes a file: the file is read on the server by what its bytes are (DOCX, ODT,
// Markdown or plain text) and the text put in the field; nothing is stored until the form is saved.
document.addEventListener("DOMContentLoaded", function () {
  var english = document.documentElement.lang === "en";
  document.querySelectorAll("textarea[data-upload]").forEach(function (area) {
    var tokenField = area.form && area.form.querySelector("input[name=_csrf]");
    if (!tokenField) { return; }
    var wrap = document.createElement("p");
    wrap.className = "upload";
    wrap.appendChild(fileSender(area.id + "-bestand", ".docx,.odt,.md,.txt",
      english ? "Or read in a file (.docx, .odt, .md, .txt)" : "Of lees een bestand in (.docx, .odt, .md, .txt)",
      area.dataset.upload, tokenField.value, english ? "Reading…" : "Bezig met lezen…",
      english ? "The file could not be read." : "Het bestand kon niet gelezen worden.",
      function (ok, answer) {
        if (!ok) { return answer.error; }
        area.value = answer.text;
        area.dispatchEvent(new Event("input"));
        return english ? "Read in; check the text and save." : "Ingelezen; controleer de tekst en sla op.";
      }));
    area.parentNode.insertBefore(wrap, area.closest(".editor-box") || area);
  });
});

// A recording for an interview: sent as it is, refused by the server (with the reason) when the person
// gave no consent for a recording; nothing of a refused file is kept.
document.addEventListener("DOMContentLoaded", function () {
  var english = document.documentElement.lang === "en";
  var tokenField = document.querySelector("input[name=_csrf]");
  if (!tokenField) { return; }
  document.querySelectorAll("p[data-recording]").forEach(function (place, index) {
    place.appendChild(fileSender("opname-" + index, "audio/*", place.dataset.label, place.dataset.recording,
      tokenField.value, english ? "Sending…" : "Bezig met versturen…",
      english ? "The recording could not be sent." : "De opname kon niet worden verstuurd.",
      function (ok, answer) { return ok ? answer.message : answer.error; }));
  });
});
// Quotes: words selected in a transcript go into the quote form, with which occurrence they are.
document.addEventListener("DOMContentLoaded", function () {
  var passage = document.getElementById("citaat-passage");
  if (!passage) { return; }
  function take(transcript) {
    var selection = window.getSelection();
    if (!selection.rangeCount) { return; }
    var words = selection.toString().trim();
    var range = selection.getRangeAt(0);
    if (!words || !transcript.contains(range.startContainer)) { return; }
    var before = document.createRange();
    before.setStart(transcript, 0);
    before.setEnd(range.startContainer, range.startOffset);
    var text = transcript.textContent, offset = before.toString().length, count = 0, total = 0, at = -1;
    while ((at = text.indexOf(words, at + 1)) !== -1) {
      total += 1;
      if (at <= offset + (selection.toString().length - selection.toString().trimStart().length)) { count += 1; }
    }
    document.getElementById("citaat-interview").value = transcript.dataset.interview;
    passage.value = words;
    document.getElementById("citaat-keer").value = total > 1 ? String(Math.max(count, 1)) : "";
    document.querySelector("#form-citaat details").open = true;
  }
  document.querySelectorAll("pre.selectable").forEach(function (transcript) {
    transcript.addEventListener("mouseup", function () { take(transcript); });
    transcript.addEventListener("keyup", function () { take(transcript); });
  });
});

// The journey map drawn along while an event, agency or hand-off is being typed (debounced; an answer
// to an older revision is dropped). Nothing is stored until the form is saved.
document.addEventListener("DOMContentLoaded", function () {
  var figure = document.getElementById("kaart-voorbeeld");
  if (!figure) { return; }
  var drawing = document.getElementById("kaart-tekening");
  var state = document.getElementById("kaart-stand");
  var sent = 0, timer = null;
  figure.ownerDocument.querySelectorAll("form.step-form").forEach(function (form) {
    var kind = form.action.split("/vastleggen/")[1];
    if (["gebeurtenis", "overdracht", "instantie"].indexOf(kind) < 0) { return; }
    function draw() {
      var revision = ++sent;
      var data = new URLSearchParams(new FormData(form));
      data.set("revisie", String(revision));
      fetch(figure.dataset.preview + kind, { method: "POST", body: data, credentials: "same-origin",
        headers: { "Accept": "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (answer) {
          if (!answer || answer.revision !== sent) { return; }
          // The drawing is casus's own SVG, its texts escaped on the server.
          drawing.innerHTML = answer.svg;
          state.textContent = answer.note;
        })
        .catch(function () {});
    }
    function changed() {
      clearTimeout(timer);
      timer = setTimeout(draw, 400);
    }
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
  });
});
