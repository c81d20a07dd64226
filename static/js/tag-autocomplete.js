/* Suggest existing tags in the admin's comma-separated tag box.
   The names come from a JSON <script> beside the input (no inline code, so the
   admin keeps working under a strict Content-Security-Policy). */
(function () {
  "use strict";

  function setup(root) {
    var input = root.querySelector("input[type=text]");
    var source = input && document.getElementById(input.id + "-names");
    var list = root.querySelector("[role=listbox]");
    if (!input || !source || !list) {
      return;
    }
    var names = JSON.parse(source.textContent);
    var matches = [];
    var active = -1;

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("autocomplete", "off");

    function split() {
      var value = input.value;
      var cut = value.lastIndexOf(",");
      return {
        head: cut >= 0 ? value.slice(0, cut + 1) : "",
        term: value.slice(cut + 1).trim()
      };
    }

    function close() {
      list.hidden = true;
      list.textContent = "";
      matches = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      active = index;
      Array.prototype.forEach.call(list.children, function (li, i) {
        li.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", list.children[index].id);
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function pick(name) {
      var parts = split();
      var head = parts.head ? parts.head.replace(/\s+$/, "") + " " : "";
      var quoted = name.indexOf(",") >= 0 ? '"' + name + '"' : name;
      input.value = head + quoted + ", ";
      close();
      input.focus();
    }

    function render() {
      var parts = split();
      var term = parts.term.toLowerCase();
      if (!term) {
        close();
        return;
      }
      var taken = parts.head.toLowerCase().split(",").map(function (s) {
        return s.trim().replace(/^"|"$/g, "");
      });
      var starts = [];
      var contains = [];
      names.forEach(function (name) {
        var lower = name.toLowerCase();
        if (taken.indexOf(lower) >= 0 || lower === term) {
          return;
        }
        if (lower.indexOf(term) === 0) {
          starts.push(name);
        } else if (lower.indexOf(term) > 0) {
          contains.push(name);
        }
      });
      matches = starts.concat(contains).slice(0, 8);
      list.textContent = "";
      if (!matches.length) {
        close();
        return;
      }
      matches.forEach(function (name, i) {
        var li = document.createElement("li");
        li.id = list.id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.textContent = name;
        li.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep focus in the input
          pick(name);
        });
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      highlight(-1);
    }

    input.addEventListener("input", render);
    input.addEventListener("blur", close);
    input.addEventListener("keydown", function (event) {
      if (list.hidden) {
        return;
      }
      if (event.key === "ArrowDown") {
        event.preventDefault();
        highlight((active + 1) % matches.length);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight(active <= 0 ? matches.length - 1 : active - 1);
      } else if (event.key === "Enter" || event.key === "Tab") {
        if (active >= 0) {
          event.preventDefault();
          pick(matches[active]);
        }
      } else if (event.key === "Escape") {
        event.preventDefault();
        close();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-tag-autocomplete]").forEach(setup);
  });
})();
