// Utväg's few behaviours on top of server-rendered pages. Everything works without it; it only
// improves: focus on the error summary, the phone menu, tables as labelled cards, confirmations.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function focusErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) { summary.focus(); }
  }

  function menu() {
    var button = document.querySelector("[data-menu-button]");
    var panel = button && document.getElementById(button.getAttribute("aria-controls"));
    if (!panel) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(open));
      panel.toggleAttribute("data-open", open);
    });
  }

  // Each cell gets its column's heading, which the phone layout shows beside the value.
  function labelTableCells() {
    document.querySelectorAll("table.ds-table").forEach(function (table) {
      var headings = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
        return th.textContent.trim();
      });
      table.querySelectorAll("tbody tr").forEach(function (row) {
        Array.prototype.forEach.call(row.children, function (cell, index) {
          if (headings[index] && !cell.hasAttribute("data-label")) { cell.setAttribute("data-label", headings[index]); }
        });
      });
    });
  }

  // An irreversible action says what it does before it is done: the button (or its form) carries the words.
  function confirmations() {
    document.addEventListener("submit", function (event) {
      var source = event.submitter && event.submitter.hasAttribute("data-confirm") ? event.submitter : event.target;
      var words = source && source.getAttribute && source.getAttribute("data-confirm");
      if (words && !window.confirm(words)) { event.preventDefault(); event.stopImmediatePropagation(); }
    }, true);
  }

  function start() { focusErrorSummary(); menu(); labelTableCells(); confirmations(); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
  document.addEventListener("htmx:afterSettle", labelTableCells);
})();
