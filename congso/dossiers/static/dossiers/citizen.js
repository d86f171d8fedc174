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
      // Disabled after this tick, or the button's name/value would not be sent.
      setTimeout(function () { button.disabled = true; button.textContent = "Đang gửi…"; }, 0);
    }
  });
})();
