/* Dossier steps: autosave while typing (throttled), status in an aria-live region; a link
   followed with unsaved changes saves them first, closing the page with changes not yet saved
   (or a chosen file not yet sent) asks the browser's confirmation.
   Progressive enhancement: without JS the "Enregistrer" buttons do the same job. */
(function () {
    "use strict";
    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () { window.print(); });
    });

    var form = document.querySelector("form[data-autosave]");
    if (!form || !window.fetch || !window.FormData) { return; }
    var status = document.getElementById("autosave-status");
    var version = form.querySelector("input[name=version]");
    var DELAY = 2500;
    var timer = null;
    var saving = false;
    var again = false;
    var stopped = false;
    var dirty = false;
    var pending = null;

    function say(text) { if (status) { status.textContent = text; } }

    function updateProgress(done, total) {
        var bar = document.querySelector(".dossier-progress progress");
        var text = document.querySelector("[data-progress-text]");
        if (bar) { bar.value = done; bar.max = total; bar.textContent = done + " / " + total; }
        if (text) { text.textContent = done + " sur " + total; }
    }

    function save() {
        if (stopped) { return Promise.resolve(); }
        if (saving) { again = true; return pending; }
        saving = true;
        dirty = false;
        var data = new FormData(form);
        form.querySelectorAll("input[type=file]").forEach(function (input) { data.delete(input.name); });
        pending = fetch(form.getAttribute("data-autosave"), {
            method: "POST",
            body: data,
            credentials: "same-origin",
            headers: { "Accept": "application/json" }
        }).then(function (response) {
            return response.json().then(function (body) { return { status: response.status, body: body }; });
        }).then(function (result) {
            if (result.body.ok) {
                if (version) { version.value = result.body.version; }
                updateProgress(result.body.done, result.body.total);
                say(result.body.message);
            } else {
                dirty = true;
                say(result.body.message);
                if (result.status === 409) { stopped = true; }
            }
        }).catch(function () {
            dirty = true;
            say("Enregistrement automatique impossible pour le moment : utilisez le bouton « Enregistrer le brouillon ».");
        }).then(function () {
            saving = false;
            if (again) { again = false; return save(); }
        });
        return pending;
    }

    function fileChosen() {
        return Array.prototype.some.call(form.querySelectorAll("input[type=file]"), function (input) {
            return input.files && input.files.length > 0;
        });
    }

    function schedule(event) {
        if (event.target && event.target.type === "file") { return; }
        dirty = true;
        window.clearTimeout(timer);
        timer = window.setTimeout(save, DELAY);
    }

    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
    form.addEventListener("submit", function () { window.clearTimeout(timer); stopped = true; });

    // A link followed before the autosave ran: save now, then go.
    document.addEventListener("click", function (event) {
        var link = event.target.closest && event.target.closest("a[href]");
        if (!link || stopped || !(dirty || saving) || link.target || event.ctrlKey || event.metaKey
            || event.shiftKey || event.altKey || link.getAttribute("href").charAt(0) === "#") { return; }
        event.preventDefault();
        window.clearTimeout(timer);
        say("Enregistrement de vos modifications…");
        (saving ? pending : save()).then(function () { return saving ? pending : null; }).then(function () {
            if (!dirty) { window.location.href = link.href; }
        });
    });

    // Leaving otherwise (closing the tab, typing an address): the browser asks first.
    window.addEventListener("beforeunload", function (event) {
        if (!stopped && (dirty || saving || fileChosen())) {
            event.preventDefault();
            event.returnValue = "";
        }
    });
})();
