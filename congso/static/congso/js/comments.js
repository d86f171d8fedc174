// The article page is cached and shared, so its comment form has an empty CSRF field. We ask
// the server for this reader's token when they start writing, and before sending.
(function () {
  "use strict";
  document.querySelectorAll("form[data-comment-form]").forEach(function (form) {
    var field = form.querySelector('input[name="csrfmiddlewaretoken"]');
    var status = form.querySelector(".comment-form__status");
    var pending = null;

    function fetchToken() {
      if (field.value) {
        return Promise.resolve(field.value);
      }
      if (!pending) {
        pending = fetch(form.getAttribute("data-token-url"), {
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
      if (field.value) {
        return;
      }
      event.preventDefault();
      if (status) {
        status.textContent = "Đang gửi…";
      }
      fetchToken()
        .then(function () {
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
