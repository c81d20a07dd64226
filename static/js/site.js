/* The only script on public pages, and nothing depends on it:
   - the "Copy link" share button (without JavaScript the link simply opens the
     post's short address);
   - tables wider than the column: their scrolling box becomes focusable, so a
     keyboard can scroll it (WCAG 2.1.1). */
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-copy-link]");
    if (!link || !navigator.clipboard) {
      return;
    }
    event.preventDefault();
    var status = document.getElementById(link.dataset.status);
    navigator.clipboard.writeText(link.href).then(
      function () {
        if (status) {
          status.textContent = "Link copied: " + link.href;
        }
      },
      function () {
        if (status) {
          status.textContent = "Could not copy. The link is: " + link.href;
        }
      }
    );
  });

  // CKEditor wraps a table in <figure class="table">, which the stylesheet lets
  // scroll; a bare table (an imported post) gets a box of its own here.
  function scrollBox(table) {
    var parent = table.parentElement;
    if (parent.matches("figure.table, .table-scroll")) {
      return parent;
    }
    var box = document.createElement("div");
    box.className = "table-scroll";
    parent.insertBefore(box, table);
    box.appendChild(table);
    return box;
  }

  function fitTables() {
    document.querySelectorAll(".prose table").forEach(function (table) {
      var box = scrollBox(table);
      if (box.scrollWidth > box.clientWidth) {
        var caption = table.querySelector("caption");
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute(
          "aria-label",
          caption ? caption.textContent.trim() : "Table (scrolls sideways)"
        );
      } else {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }

  fitTables(); // the script is deferred: the document is parsed by now
  var pending = false;
  window.addEventListener("resize", function () {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        fitTables();
      });
    }
  });
})();
