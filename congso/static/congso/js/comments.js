// The article page is cached and shared, so its comment form has an empty CSRF field and an
// empty submission key. We ask the server for this reader's token and for a key for this form
// when they start writing, and before sending. The key makes sending the same form again (a
// double click, a resend after a lost answer) save one comment.
(function () {
  "use strict";
  document.querySelectorAll("form[data-comment-form]").forEach(function (form) {
    var field = form.querySelector('input[name="csrfmiddlewaretoken"]');
    var keyField = form.querySelector('input[name="submission_key"]');
    var status = form.querySelector(".comment-form__status");
    var pending = null;

    if (!keyField) {
      // A page cached before keys existed, served with this script.
      keyField = document.createElement("input");
      keyField.type = "hidden";
      keyField.name = "submission_key";
      form.append(keyField);
    }

    function ready() {
      return Boolean(field.value && keyField.value);
    }

    function fetchToken() {
      if (ready()) {
        return Promise.resolve(field.value);
      }
      if (!pending) {
        var url = new URL(form.getAttribute("data-token-url"), window.location.href);
        url.searchParams.set("form", form.getAttribute("action"));
        pending = fetch(url.href, {
          credentials: "same-origin",
          cache: "no-store",
          headers: { Accept: "application/json" },
        })
          .then(function (response) {
            if (!response.ok) {
              throw new Error("token " + response.status);
            }
            return response.json();
          })
          .then(function (data) {
            field.value = data.token;
            // Never replace a key already in the form: a resend must carry the first one.
            if (!keyField.value && data.key) {
              keyField.value = data.key;
            }
            return data.token;
          })
          .catch(function (error) {
            pending = null;
            throw error;
          });
      }
      return pending;
    }

    form.addEventListener("focusin", function () {
      fetchToken().catch(function () {});
    });

    form.addEventListener("submit", function (event) {
      if (ready()) {
        return;
      }
      event.preventDefault();
      if (status) {
        status.textContent = "Đang gửi…";
      }
      fetchToken()
        .then(function () {
          // Without a key (the server gave none) the form still goes, as before keys existed.
          // form.submit() does not fire "submit" again, and the browser's own checks already passed.
          form.submit();
        })
        .catch(function () {
          if (status) {
            status.textContent = "";
          }
          var link = document.createElement("a");
          link.href = form.getAttribute("data-fallback-url");
          link.textContent = "gửi bình luận tại trang riêng";
          if (status) {
            status.append("Không kết nối được máy chủ. Vui lòng thử lại hoặc ", link, ".");
          }
        });
    });
  });
})();
