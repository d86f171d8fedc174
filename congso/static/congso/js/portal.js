// Progressive enhancement only: every page works without this script.
(function () {
  "use strict";
  var toggle = document.querySelector(".main-menu__toggle");
  var list = document.getElementById("main-menu-list");
  if (toggle && list) {
    var setOpen = function (open) {
      list.classList.toggle("is-open", open);
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    };
    toggle.addEventListener("click", function () {
      setOpen(!list.classList.contains("is-open"));
    });
    // Escape closes the phone menu from the button or any of its links, and gives focus back
    // to the button so that a keyboard user is not left on a link that just disappeared.
    (toggle.closest("nav") || document).addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !list.classList.contains("is-open")) {
        return;
      }
      setOpen(false);
      toggle.focus();
    });
  }
  document.querySelectorAll("[data-action=print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
