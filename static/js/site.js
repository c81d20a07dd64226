/* The only script on public pages: the "Copy link" share button.
   Without JavaScript the link simply opens the post's short address. */
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
})();
