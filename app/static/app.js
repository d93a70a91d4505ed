// Small progressive enhancements; every page works without them.
(function () {
  "use strict";
  // A confirmation before decisions that are not undone in the system (write-off).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
  // "Tick all" for batch lists.
  document.addEventListener("change", function (event) {
    var box = event.target;
    var name = box.getAttribute && box.getAttribute("data-check-all");
    if (!name) { return; }
    var form = box.form || document;
    form.querySelectorAll('input[type="checkbox"][name="' + name + '"]').forEach(function (b) {
      b.checked = box.checked;
    });
  });
  // Commune suggestions from the TERYT register (GET /api/v1/teryt/communes): picking one fills
  // the hidden TERC code; typing on clears it, so the code always matches the text shown.
  var communeTimer = null;
  document.addEventListener("input", function (event) {
    var box = event.target;
    var codeId = box.getAttribute && box.getAttribute("data-commune-code");
    if (!codeId) { return; }
    var hidden = document.getElementById(codeId);
    var list = box.list;
    var chosen = list && Array.prototype.find.call(list.options, function (o) {
      return o.value === box.value;
    });
    hidden.value = chosen ? chosen.getAttribute("data-code") : "";
    if (chosen || box.value.trim().length < 2) { return; }
    clearTimeout(communeTimer);
    communeTimer = setTimeout(function () {
      fetch("/api/v1/teryt/communes?q=" + encodeURIComponent(box.value.trim()), {
        credentials: "same-origin", headers: { Accept: "application/json" }
      }).then(function (r) { return r.ok ? r.json() : []; }).then(function (rows) {
        list.innerHTML = "";
        rows.forEach(function (c) {
          var option = document.createElement("option");
          option.value = c.label;
          option.setAttribute("data-code", c.code);
          list.appendChild(option);
        });
      });
    }, 150);
  });
  // The write-off amount only matters for a partial write-off.
  function syncScope() {
    var scope = document.getElementById("umorzenie-scope");
    var amount = document.getElementById("umorzenie-amount");
    if (scope && amount) { amount.disabled = scope.value !== "czesc"; }
  }
  document.addEventListener("change", function (event) {
    if (event.target.id === "umorzenie-scope") { syncScope(); }
  });
  // The delivery form shows the dates the chosen way of delivering needs.
  function syncMethod() {
    var method = document.getElementById("doreczenie-method");
    if (!method) { return; }
    method.form.querySelectorAll("[data-methods]").forEach(function (group) {
      var shown = group.getAttribute("data-methods").split(" ").indexOf(method.value) >= 0;
      group.hidden = !shown;
      group.querySelectorAll("input, select").forEach(function (f) { f.disabled = !shown; });
    });
  }
  document.addEventListener("change", function (event) {
    if (event.target.id === "doreczenie-method") { syncMethod(); }
  });
  document.addEventListener("DOMContentLoaded", syncMethod);
  document.addEventListener("DOMContentLoaded", function () {
    syncScope();
    // After a refused form, the field with the error already has autofocus; otherwise, when the
    // page shows an error summary, move the reader there.
    var summary = document.querySelector(".form-errors");
    if (summary && !document.querySelector("[autofocus]")) {
      summary.setAttribute("tabindex", "-1");
      summary.focus();
    }
  });
})();
