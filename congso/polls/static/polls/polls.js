// The home page is cached and shared, so its vote form has no CSRF token. Before sending,
// fetch one from the poll's uncached token address and post the vote; if that fails, the
// form's plain GET opens the poll's own page with the choice made, where the vote is sent.
(function () {
  "use strict";
  document.querySelectorAll("form[data-poll-form]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (form.dataset.posting) return;
      event.preventDefault();
      fetch(form.dataset.tokenUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) throw new Error("token");
          return response.json();
        })
        .then(function (data) {
          var token = document.createElement("input");
          token.type = "hidden";
          token.name = "csrfmiddlewaretoken";
          token.value = data.token;
          form.appendChild(token);
          form.querySelectorAll("input[name=phuong-an]").forEach(function (input) {
            input.name = "option";
          });
          form.method = "post";
          form.dataset.posting = "1";
          form.submit();
        })
        .catch(function () {
          form.dataset.posting = "1";
          form.submit();
        });
    });
  });
})();
