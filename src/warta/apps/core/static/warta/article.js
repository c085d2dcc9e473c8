// Article page: remember what this browser read (locally only), copy link, Web Share.
(function () {
  "use strict";
  var article = document.querySelector("[data-article-id]");
  if (article) {
    try {
      var key = "warta:baca";
      var id = article.getAttribute("data-article-id");
      var read = JSON.parse(localStorage.getItem(key) || "[]").filter(function (x) { return x !== id; });
      read.push(id);
      localStorage.setItem(key, JSON.stringify(read.slice(-200)));
    } catch (e) { /* storage disabled: nothing to remember */ }
  }
  var copy = document.querySelector(".share-copy");
  if (copy && navigator.clipboard) {
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(copy.getAttribute("data-copy-url")).then(function () {
        copy.textContent = "Tautan disalin";
      });
    });
  }
  var native = document.querySelector(".share-native");
  if (native && navigator.share) {
    native.hidden = false;
    native.addEventListener("click", function () {
      navigator.share({ title: native.getAttribute("data-share-title"), url: native.getAttribute("data-share-url") });
    });
  }
})();
