// Counts this page view and refreshes the "Thống kê" block. The page itself may come from a
// shared cache, so counting cannot happen while rendering it.
(function () {
  "use strict";
  var block = document.querySelector("[data-stats-url][data-token]");
  if (!block || !window.fetch) {
    return;
  }
  var body = new URLSearchParams();
  body.append("t", block.getAttribute("data-token"));
  fetch(block.getAttribute("data-stats-url"), {
    method: "POST",
    body: body,
    credentials: "omit",
    cache: "no-store",
    keepalive: true,
  })
    .then(function (response) {
      return response.ok ? response.json() : null;
    })
    .then(function (figures) {
      if (!figures) {
        return;
      }
      ["visits_today", "reads_today", "visits_total"].forEach(function (name) {
        var cell = block.querySelector('[data-stat="' + name + '"]');
        if (cell && figures[name + "_text"] !== undefined) {
          cell.textContent = figures[name + "_text"];
        }
      });
      var pageId = block.getAttribute("data-page-id");
      if (pageId && figures.article_views_text !== undefined) {
        document.querySelectorAll('[data-article-views="' + pageId + '"]').forEach(function (cell) {
          cell.textContent = figures.article_views_text;
        });
      }
      block.setAttribute("data-counted", "true");
    })
    .catch(function () {
      // Statistics are a courtesy; a failed count must never disturb the reader.
    });
})();
