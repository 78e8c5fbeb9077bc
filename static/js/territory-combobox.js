/* Territory autocomplete following the WAI-ARIA 1.2 combobox pattern (list autocomplete).
   Without JS the search form and its radio list do the same job. */
(function () {
    "use strict";
    var searchForm = document.querySelector("[data-territory-search]");
    var choice = document.getElementById("territory-choice");
    if (!searchForm || !choice || !window.fetch) { return; }
    var input = searchForm.querySelector("input[type=search]");
    var endpoint = searchForm.getAttribute("data-endpoint");
    var listbox = document.createElement("ul");
    var count = document.getElementById("territory-count");
    var choiceInput = choice.querySelector("input[name=territory]");
    var choiceLabel = document.getElementById("territory-choice-label");
    var options = [];
    var active = -1;
    var timer = null;
    var lastQuery = "";

    listbox.id = "territory-listbox";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", "Collectivités trouvées");
    listbox.className = "combobox-list";
    listbox.hidden = true;
    input.parentNode.appendChild(listbox);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);

    function close() {
        listbox.hidden = true;
        input.setAttribute("aria-expanded", "false");
        input.removeAttribute("aria-activedescendant");
        active = -1;
    }

    function highlight(index) {
        options.forEach(function (li, i) { li.setAttribute("aria-selected", i === index ? "true" : "false"); });
        active = index;
        if (index >= 0) {
            input.setAttribute("aria-activedescendant", options[index].id);
            options[index].scrollIntoView({ block: "nearest" });
        } else {
            input.removeAttribute("aria-activedescendant");
        }
    }

    function pick(index) {
        var li = options[index];
        if (!li) { return; }
        input.value = li.getAttribute("data-name");
        choiceInput.value = li.getAttribute("data-id");
        choiceLabel.textContent = "Collectivité choisie : " + li.textContent;
        choice.hidden = false;
        close();
        choice.querySelector("button").focus();
    }

    function render(results) {
        listbox.textContent = "";
        options = results.map(function (item, i) {
            var li = document.createElement("li");
            li.id = "territory-option-" + i;
            li.setAttribute("role", "option");
            li.setAttribute("aria-selected", "false");
            li.setAttribute("data-id", item.id);
            li.setAttribute("data-name", item.name);
            li.textContent = item.label;
            li.addEventListener("mousedown", function (event) { event.preventDefault(); });
            li.addEventListener("click", function () { pick(i); });
            listbox.appendChild(li);
            return li;
        });
        if (count) {
            count.textContent = results.length ? results.length + " collectivité(s) trouvée(s) : flèches haut et bas pour choisir." : "Aucune collectivité trouvée.";
        }
        if (results.length) {
            listbox.hidden = false;
            input.setAttribute("aria-expanded", "true");
        } else {
            close();
        }
        active = -1;
    }

    function search() {
        var query = input.value.trim();
        if (query.length < 2) { render([]); return; }
        if (query === lastQuery) { return; }
        lastQuery = query;
        fetch(endpoint + "?q=" + encodeURIComponent(query), { credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (response) { return response.json(); })
            .then(function (body) { if (input.value.trim() === query) { render(body.results); } })
            .catch(function () { close(); });
    }

    input.addEventListener("input", function () {
        choice.hidden = true;
        window.clearTimeout(timer);
        timer = window.setTimeout(search, 250);
    });
    input.addEventListener("keydown", function (event) {
        if (event.key === "ArrowDown") {
            event.preventDefault();
            if (listbox.hidden && options.length) { listbox.hidden = false; input.setAttribute("aria-expanded", "true"); }
            highlight(Math.min(active + 1, options.length - 1));
        } else if (event.key === "ArrowUp") {
            event.preventDefault();
            highlight(Math.max(active - 1, 0));
        } else if (event.key === "Enter" && !listbox.hidden && active >= 0) {
            event.preventDefault();
            pick(active);
        } else if (event.key === "Escape") {
            close();
        }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 150); });
})();
