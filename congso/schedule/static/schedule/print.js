// The print view's "In lịch" button (no inline script: the portal sends no unsafe-inline).
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.addEventListener("click", function () { window.print(); });
});
