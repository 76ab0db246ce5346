// The anonymous contact form's draft, kept in this tab's sessionStorage so a reload on a poor connection
// keeps what was typed. Only the anonymous form has data-draft; the form about a child never does, so
// nothing that names a child is kept on the phone. Cleared when the server says the contact is saved.
(function () {
  "use strict";
  var form = document.querySelector("form[data-draft]");
  if (!form || !window.sessionStorage) { return; }
  var key = "utvag-draft:" + form.getAttribute("data-draft");
  var storage = window.sessionStorage;

  function fields() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== "csrfmiddlewaretoken" && el.type !== "submit" && el.type !== "hidden";
    });
  }

  function save() {
    var draft = {};
    fields().forEach(function (el) {
      if (el.type === "radio" || el.type === "checkbox") {
        if (el.checked) { (draft[el.name] = draft[el.name] || []).push(el.value); }
      } else {
        draft[el.name] = el.value;
      }
    });
    try { storage.setItem(key, JSON.stringify(draft)); } catch (e) { /* storage full or refused */ }
  }

  function restore() {
    var draft;
    try { draft = JSON.parse(storage.getItem(key) || "null"); } catch (e) { draft = null; }
    if (!draft) { return; }
    fields().forEach(function (el) {
      if (!(el.name in draft)) { return; }
      if (el.type === "radio" || el.type === "checkbox") {
        el.checked = draft[el.name].indexOf(el.value) !== -1;
      } else {
        el.value = draft[el.name];
      }
    });
  }

  if (form.hasAttribute("data-draft-clear")) {
    storage.removeItem(key);
  } else if (form.hasAttribute("data-draft-restore")) {
    restore();
  }
  form.addEventListener("input", save);
  form.addEventListener("change", save);
})();
