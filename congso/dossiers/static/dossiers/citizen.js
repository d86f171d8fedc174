/* Progressive enhancement only: every page works without it.
   A button marked data-once is disabled once its form is sent, so a second tap does not send it
   again (the server is idempotent anyway). */
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset.sent) { event.preventDefault(); return; }
    var button = form.querySelector("button[data-once]");
    if (button && event.submitter === button) {
      form.dataset.sent = "1";
      button.dataset.label = button.textContent;
      // Disabled after this tick, or the button's name/value would not be sent.
      setTimeout(function () { button.disabled = true; button.textContent = "Đang gửi…"; }, 0);
    }
  });
  // Back to a page kept in the browser's memory: its forms can be sent again.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) { return; }
    document.querySelectorAll("form[data-sent]").forEach(function (form) {
      delete form.dataset.sent;
      var button = form.querySelector("button[data-once]");
      if (button) { button.disabled = false; button.textContent = button.dataset.label || button.textContent; }
    });
  });
})();
