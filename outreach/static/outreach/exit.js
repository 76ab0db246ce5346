// "Leave this page quickly": replace this page and its history entry with a neutral site, by the button or
// by pressing Escape, so that the back button does not bring the page back.
(function () {
  "use strict";
  function leave(event) {
    var link = document.querySelector("[data-quick-exit]");
    if (!link) { return; }
    if (event) { event.preventDefault(); }
    document.body.hidden = true;
    window.location.replace(link.href);
  }
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-quick-exit]")) { leave(event); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { leave(event); }
  });
}());
