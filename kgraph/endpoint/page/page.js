// kgraph's query page: the named queries, an editor, a results table. No library, nothing from the internet.
"use strict";

const editor = document.getElementById("editor");
const statusLine = document.getElementById("status");
const note = document.getElementById("note");
const results = document.getElementById("results");
const params = document.getElementById("params");
const PREFIXES = {
  "https://w3id.org/kgraph/ontology#": "kg:",
  "https://w3id.org/kgraph/resource/": "kgr:",
  "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
  "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
  "http://www.wikidata.org/entity/": "wd:",
};
let chosen = null;
let binding = Promise.resolve();  // the last parameter binding under way: Run waits for it

document.getElementById("endpoint").textContent = new URL("sparql", location.href).href;

function setStatus(text, isError) {
  statusLine.textContent = text;
  statusLine.className = isError ? "error" : "";
}

function short(iri) {
  for (const [long, prefix] of Object.entries(PREFIXES)) {
    if (iri.startsWith(long)) return prefix + iri.slice(long.length);
  }
  return iri;
}

function cell(term) {
  const td = document.createElement("td");
  if (!term) return td;
  if (term.type === "uri") {
    td.className = "iri";
    td.textContent = short(term.value);
    td.title = term.value;
  } else {
    td.textContent = term.value;
    if (term["xml:lang"]) td.title = "@" + term["xml:lang"];
  }
  return td;
}

function table(json) {
  results.replaceChildren();
  if (json.boolean !== undefined) {
    results.textContent = json.boolean ? "yes (true)" : "no (false)";
    return 0;
  }
  const names = json.head.vars;
  const rows = json.results.bindings;
  const t = document.createElement("table");
  const head = t.createTHead().insertRow();
  for (const name of names) {
    const th = document.createElement("th");
    th.textContent = name;
    head.appendChild(th);
  }
  const body = t.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const name of names) tr.appendChild(cell(row[name]));
  }
  results.appendChild(t);
  return rows.length;
}

async function run() {
  await binding;
  const query = editor.value;
  setStatus("running…");
  note.classList.add("hidden");
  const started = performance.now();
  let response;
  try {
    response = await fetch("sparql", {
      method: "POST",
      headers: {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
      body: query,
    });
  } catch (error) {
    setStatus("the endpoint did not answer: " + error, true);
    return;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const text = await response.text();
  if (!response.ok) {
    setStatus(response.status + " " + response.statusText, true);
    const pre = document.createElement("pre");
    pre.className = "error";
    pre.textContent = text;
    results.replaceChildren(pre);
    return;
  }
  if ((response.headers.get("Content-Type") || "").includes("json") && !query.match(/^\s*(CONSTRUCT|DESCRIBE)/mi)) {
    const count = table(JSON.parse(text));
    setStatus(count + (count === 1 ? " row" : " rows") + " in " + seconds + " s");
  } else {
    const pre = document.createElement("pre");
    pre.textContent = text;
    results.replaceChildren(pre);
    setStatus("graph in " + seconds + " s");
  }
  if (response.headers.get("X-Kgraph-Truncated") === "true") {
    note.textContent = "Cut at " + response.headers.get("X-Kgraph-Limit") +
      " rows: the endpoint returns no more (kgraph serve --limit). Narrow the query, or page it with LIMIT and OFFSET.";
    note.classList.remove("hidden");
  }
}

function bind() {
  binding = bindParameters();
  return binding;
}

async function bindParameters() {
  const values = new URLSearchParams();
  for (const input of params.querySelectorAll("input")) values.set(input.name, input.value);
  const response = await fetch("queries/" + encodeURIComponent(chosen.name) + "?" + values);
  const text = await response.text();
  if (response.ok) {
    editor.value = text;
    setStatus("");
  } else {
    setStatus(text, true);
  }
}

function choose(query, button) {
  chosen = query;
  for (const other of document.querySelectorAll("nav button")) other.classList.remove("chosen");
  button.classList.add("chosen");
  params.replaceChildren();
  for (const param of query.params) {
    const label = document.createElement("label");
    label.textContent = param.name;
    label.title = param.help;
    const input = document.createElement("input");
    input.name = param.name;
    input.placeholder = param.help.replace(/^.*e\.g\. /, "");
    input.addEventListener("change", bind);
    label.appendChild(input);
    params.appendChild(label);
  }
  editor.value = query.text;
  results.replaceChildren();
  note.classList.add("hidden");
  setStatus(query.params.length ? "fill in the parameters, then Run" : "");
}

async function listQueries() {
  const response = await fetch("queries");
  const list = document.getElementById("queries");
  for (const query of await response.json()) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    const name = document.createElement("b");
    name.textContent = query.name;
    const title = document.createElement("small");
    title.textContent = query.title;
    button.append(name, title);
    button.addEventListener("click", () => choose(query, button));
    item.appendChild(button);
    list.appendChild(item);
  }
}

document.getElementById("run").addEventListener("click", run);
editor.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    run();
  } else if (event.key === "Tab") {
    event.preventDefault();
    editor.setRangeText("  ", editor.selectionStart, editor.selectionEnd, "end");
  }
});
listQueries();
