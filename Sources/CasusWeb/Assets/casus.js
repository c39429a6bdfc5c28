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
