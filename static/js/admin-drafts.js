/* Unsaved work survives a closed tab, a crash or an expired session.

   While the author types, the change form's text (title, excerpt, the editor's
   HTML) is copied to this browser's localStorage, keyed by the page address.
   Coming back to the form, a copy that differs from what the server holds is
   offered back: "Restore" or "Discard". The copy is forgotten only once the
   admin confirms a save ("… was changed successfully"), so a save that bounced
   off the login page after an expired session loses nothing.
   Loaded from a static file (no inline script), so it runs under a strict CSP. */
(function () {
  "use strict";

  var PREFIX = "hawkins-draft:";
  var SUBMITTED = "hawkins-draft-submitted";
  var key = PREFIX + window.location.pathname;

  function forgetConfirmedSave() {
    var submitted = window.sessionStorage.getItem(SUBMITTED);
    if (submitted && document.querySelector(".messagelist .success")) {
      window.localStorage.removeItem(submitted);
      window.sessionStorage.removeItem(SUBMITTED);
    }
  }

  function textFields(form) {
    return Array.prototype.filter.call(
      form.querySelectorAll("input[type=text], textarea"),
      function (el) {
        return el.name && el.name.indexOf("-__prefix__-") < 0 && !el.disabled;
      }
    );
  }

  function read(form) {
    var snapshot = { fields: {}, editors: {} };
    textFields(form).forEach(function (el) {
      if (!window.editors || !window.editors[el.id]) {
        snapshot.fields[el.name] = el.value;
      }
    });
    Object.keys(window.editors || {}).forEach(function (id) {
      snapshot.editors[id] = window.editors[id].getData();
    });
    return snapshot;
  }

  function same(a, b) {
    return JSON.stringify(a.fields) === JSON.stringify(b.fields) &&
      JSON.stringify(a.editors) === JSON.stringify(b.editors);
  }

  function load() {
    try {
      return JSON.parse(window.localStorage.getItem(key));
    } catch (error) {
      return null;
    }
  }

  function store(form) {
    var snapshot = read(form);
    snapshot.savedAt = new Date().toISOString();
    try {
      window.localStorage.setItem(key, JSON.stringify(snapshot));
    } catch (error) {
      /* storage full or disabled: nothing more we can do */
    }
  }

  function restore(form, draft) {
    textFields(form).forEach(function (el) {
      if (Object.prototype.hasOwnProperty.call(draft.fields, el.name)) {
        el.value = draft.fields[el.name];
      }
    });
    Object.keys(draft.editors).forEach(function (id) {
      if (window.editors && window.editors[id]) {
        window.editors[id].setData(draft.editors[id]);
      }
    });
  }

  function offer(form, draft) {
    var when = new Date(draft.savedAt);
    var list = document.createElement("ul");
    list.className = "messagelist";
    list.setAttribute("role", "status");
    var item = document.createElement("li");
    item.className = "warning";
    item.appendChild(document.createTextNode(
      "This browser kept changes you had not saved (" +
      when.toLocaleString() + "). "
    ));
    var restoreButton = document.createElement("button");
    restoreButton.type = "button";
    restoreButton.textContent = "Restore them";
    var discardButton = document.createElement("button");
    discardButton.type = "button";
    discardButton.textContent = "Discard";
    item.appendChild(restoreButton);
    item.appendChild(document.createTextNode(" "));
    item.appendChild(discardButton);
    list.appendChild(item);
    form.parentNode.insertBefore(list, form);
    restoreButton.addEventListener("click", function () {
      restore(form, draft);
      list.remove();
    });
    discardButton.addEventListener("click", function () {
      window.localStorage.removeItem(key);
      list.remove();
    });
  }

  function watch(form) {
    // A form sent back with errors holds text the server has not stored yet.
    var dirty = Boolean(document.querySelector(".errornote"));
    var timer = null;
    var server = read(form);
    var draft = load();
    if (draft && draft.fields) {
      if (same(draft, server)) {
        if (!dirty) {
          window.localStorage.removeItem(key);
        }
      } else {
        offer(form, draft);
      }
    }
    function changed() {
      dirty = true;
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { store(form); }, 800);
    }
    form.addEventListener("input", changed);
    Object.keys(window.editors || {}).forEach(function (id) {
      window.editors[id].model.document.on("change:data", changed);
    });
    form.addEventListener("submit", function () {
      if (dirty) {
        store(form);
      }
      dirty = false;
      window.sessionStorage.setItem(SUBMITTED, key);
    });
    window.addEventListener("beforeunload", function (event) {
      if (dirty) {
        store(form);
        event.preventDefault();
        event.returnValue = "";
      }
    });
  }

  function whenEditorsReady(form, callback) {
    var pending = Array.prototype.filter.call(
      form.querySelectorAll("textarea.django_ckeditor_5"),
      function (el) { return el.id.indexOf("__prefix__") < 0; }
    );
    var waited = 0;
    (function check() {
      var ready = pending.every(function (el) {
        return window.editors && window.editors[el.id];
      });
      if (ready || waited > 10000) {
        callback();
      } else {
        waited += 100;
        window.setTimeout(check, 100);
      }
    })();
  }

  document.addEventListener("DOMContentLoaded", function () {
    forgetConfirmedSave();
    var form = document.querySelector("#content-main form[id$='_form'][method=post]");
    if (form && form.querySelector("textarea.django_ckeditor_5")) {
      whenEditorsReady(form, function () { watch(form); });
    }
  });
})();
