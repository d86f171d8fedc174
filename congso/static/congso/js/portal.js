// Progressive enhancement only: every page works without this script.
(function () {
  "use strict";
  var toggle = document.querySelector(".main-menu__toggle");
  var list = document.getElementById("main-menu-list");
  if (toggle && list) {
    toggle.addEventListener("click", function () {
      var open = list.classList.toggle("is-open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }
  document.querySelectorAll("[data-action=print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
