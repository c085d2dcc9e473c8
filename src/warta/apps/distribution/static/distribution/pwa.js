/* Warta: register the service worker and offer to install the app.
 * The install banner stays hidden unless the browser says the site is installable
 * (beforeinstallprompt), or on iOS Safari, which never says so but can add the site
 * to the home screen by hand. A dismissal is remembered for two weeks.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var workerUrl = (script && script.getAttribute("data-service-worker")) || "/sw.js";
  var DISMISSED_KEY = "warta:pasang-ditutup";
  var DISMISS_DAYS = 14;
  var deferredPrompt = null;

  if ("serviceWorker" in navigator && window.isSecureContext) {
    var register = function () {
      navigator.serviceWorker.register(workerUrl, { scope: "/" }).catch(function (error) {
        console.warn("Warta: service worker tidak terpasang", error);
      });
    };
    if (document.readyState === "complete") register();
    else window.addEventListener("load", register);
  }

  function banner() {
    return document.querySelector("[data-install-prompt]");
  }

  function dismissedRecently() {
    try {
      var at = Number(window.localStorage.getItem(DISMISSED_KEY));
      return Boolean(at) && Date.now() - at < DISMISS_DAYS * 86400000;
    } catch (error) {
      return false; // storage blocked: ask again next time rather than never
    }
  }

  function isStandalone() {
    return window.navigator.standalone === true ||
      (window.matchMedia && window.matchMedia("(display-mode: standalone)").matches);
  }

  function isIos() {
    var ua = window.navigator.userAgent;
    return /iphone|ipad|ipod/i.test(ua) ||
      (window.navigator.platform === "MacIntel" && window.navigator.maxTouchPoints > 1);
  }

  function show(iosInstructions) {
    var element = banner();
    if (!element || dismissedRecently() || isStandalone()) return;
    var ios = element.querySelector("[data-install-ios]");
    var accept = element.querySelector("[data-install-accept]");
    if (ios) ios.hidden = !iosInstructions;
    if (accept) accept.hidden = iosInstructions;
    element.hidden = false;
  }

  function hide() {
    var element = banner();
    if (element) element.hidden = true;
  }

  window.addEventListener("beforeinstallprompt", function (event) {
    event.preventDefault();
    deferredPrompt = event;
    show(false);
  });

  window.addEventListener("appinstalled", function () {
    deferredPrompt = null;
    hide();
  });

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    if (target.closest("[data-install-accept]") && deferredPrompt) {
      var prompt = deferredPrompt;
      deferredPrompt = null;
      prompt.prompt();
      prompt.userChoice.then(hide, hide);
    } else if (target.closest("[data-install-dismiss]")) {
      try {
        window.localStorage.setItem(DISMISSED_KEY, String(Date.now()));
      } catch (error) {
        // storage blocked: the banner just closes for this page
      }
      hide();
    }
  });

  function offerOnIos() {
    if (isIos() && !isStandalone()) show(true);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", offerOnIos);
  else offerOnIos();
})();
