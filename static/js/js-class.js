/* Loaded in <head> without defer, before the first paint: the page is styled for JavaScript
   from the start, so the menu never collapses after being shown (no layout shift). The public
   CSP allows no inline script, hence this tiny same-origin file. */
document.documentElement.className = document.documentElement.className.replace(/\bno-js\b/, "js");
