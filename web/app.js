// The clearinghouse form: plain JavaScript, no framework. Sends JSON to the API named in config.js and
// shows the API's problem responses (RFC 9457) next to the fields they name, in English, Hindi or Bengali.
"use strict";

const API = (window.CLEARINGHOUSE_API || "").replace(/\/$/, "");
const CATEGORIES = ["CONTRACT_REVIEW", "CONTRACT_DRAFTING", "EMPLOYMENT", "INTELLECTUAL_PROPERTY",
  "FCRA_COMPLIANCE", "REGULATORY_COMPLIANCE", "ENTITY_FORMATION", "GOVERNANCE", "LEGAL_ADVICE",
  "LITIGATION", "OTHER"];
const TOKEN_KEY = "clearinghouse.token";
const LANGUAGES = ["en", "hi", "bn"];
const LANGUAGE_KEY = "clearinghouse.language";

// ------------------------------------------------------------------ languages

const i18n = { language: "en", texts: {}, loaded: {}, ready: Promise.resolve() };

/** The text of a key in the page's language, {placeholders} filled from values. */
function t(key, values = {}) {
  const template = i18n.texts[key] ?? i18n.loaded.en?.[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** The remembered choice, else the browser's first language the form speaks, else English. */
function startingLanguage() {
  let remembered = null;
  try { remembered = localStorage.getItem(LANGUAGE_KEY); } catch (e) { /* storage blocked: not remembered */ }
  if (LANGUAGES.includes(remembered)) return remembered;
  for (const tag of navigator.languages || [navigator.language || ""]) {
    const primary = tag.toLowerCase().split("-")[0];
    if (LANGUAGES.includes(primary)) return primary;
  }
  return "en";
}

async function textsOf(language) {
  if (!i18n.loaded[language]) {
    const response = await fetch("i18n/" + language + ".json");
    if (!response.ok) throw new Error("i18n/" + language + ".json: " + response.status);
    i18n.loaded[language] = await response.json();
  }
  return i18n.loaded[language];
}

function translatePage() {
  for (const element of document.querySelectorAll("[data-i18n]")) element.textContent = t(element.dataset.i18n);
  for (const element of document.querySelectorAll("[data-i18n-aria-label]")) {
    element.setAttribute("aria-label", t(element.dataset.i18nAriaLabel));
  }
}

/** The page, the language buttons and both registrations' preferredLanguage follow the chosen language. */
function chooseEmailLanguage(form) {
  for (const select of (form || document).querySelectorAll("select[data-email-language]")) select.value = i18n.language;
}

function setLanguage(language, remember) {
  i18n.ready = i18n.ready.then(async () => {
    try {
      i18n.texts = await textsOf(language);
    } catch (e) {
      console.warn("Texts for " + language + " could not be loaded:", e);
      return;
    }
    i18n.language = language;
    if (remember) {
      try { localStorage.setItem(LANGUAGE_KEY, language); } catch (e) { /* storage blocked: this visit only */ }
    }
    translatePage();
    for (const button of document.querySelectorAll("button[data-language]")) {
      button.setAttribute("aria-pressed", String(button.dataset.language === language));
    }
    chooseEmailLanguage();
    for (const [form, render] of [...shown]) {
      clearErrors(form);
      render(false);
    }
    document.documentElement.lang = language;
    // The privacy notice in the language being read (web/privacy/<version>.<language>.html).
    for (const link of document.querySelectorAll("a[data-privacy-notice]")) {
      link.href = `privacy/${link.dataset.privacyNotice}.${language}.html`;
    }
  });
  return i18n.ready;
}

function languageSwitch() {
  for (const button of document.querySelectorAll("button[data-language]")) {
    button.addEventListener("click", () => setLanguage(button.dataset.language, true));
  }
}

/** A time from the API (ISO-8601 UTC) as people read it, in the reader's language and time zone. */
function readableTime(iso) {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(i18n.language + "-IN", { dateStyle: "medium", timeStyle: "short" }).format(date);
  } catch (e) {
    return iso;
  }
}

// ------------------------------------------------------------------ set-up

function fillChoices() {
  for (const select of document.querySelectorAll("select[data-options=categories]")) {
    for (const code of CATEGORIES) {
      const option = new Option(code, code);
      option.dataset.i18n = "category." + code;
      select.add(option);
    }
  }
  const areas = document.getElementById("lawyer-practiceAreas");
  for (const code of CATEGORIES) {
    const id = "lawyer-area-" + code.toLowerCase();
    const wrap = document.createElement("div");
    wrap.className = "choice";
    wrap.innerHTML = `<input type="checkbox" id="${id}" value="${code}"><label for="${id}" data-i18n="category.${code}">${code}</label>`;
    areas.appendChild(wrap);
  }
}

/** The approval email links to <web url>/#token=...: keep the token for this tab, then hide it from the address bar. */
function takeTokenFromLink() {
  const match = location.hash.match(/^#token=([A-Za-z0-9_-]+)/);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, "", location.pathname + location.search + "#request");
  }
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) {
    for (const input of document.querySelectorAll("input[name=token]")) input.value = token;
  }
  if (match) document.getElementById("request-category").focus();
}

// ------------------------------------------------------------------ reading a form

/** The form as the API's JSON: dotted names nest (contact.email), lists split on commas, empty optional fields left out. */
function bodyOf(form) {
  const body = {};
  for (const element of form.elements) {
    if (!element.name || element.dataset.local || element.type === "checkbox") continue;
    const raw = element.value.trim();
    if (raw === "") continue;
    let value = raw;
    if (element.dataset.type === "list") value = raw.split(",").map((s) => s.trim()).filter(Boolean);
    if (element.dataset.type === "int") value = Number(raw);
    if (element.dataset.type === "instant") value = new Date(raw).toISOString().replace(/\.\d{3}Z$/, "Z");
    const path = element.name.split(".");
    let target = body;
    for (const key of path.slice(0, -1)) target = target[key] = target[key] || {};
    target[path[path.length - 1]] = value;
  }
  for (const group of form.querySelectorAll("fieldset[data-name]")) {
    body[group.dataset.name] = [...group.querySelectorAll("input:checked")].map((box) => box.value);
  }
  return body;
}

// ------------------------------------------------------------------ showing errors and results

/** What each form shows now, as a function that shows it again (in a newly chosen language). */
const shown = new Map();

// The API's field messages (shared Validation, in English) by their wording, so the form can say them in the
// reader's language; an unknown wording is shown as the server wrote it.
const SERVER_MESSAGES = [
  [/^is required$/, "error.required"],
  [/^needs at least 1 entry$/, "error.chooseAtLeastOne"],
  [/^must be an email address/, "error.email"],
  [/^must be in international form/, "error.phone"],
  [/^must be an ISO 3166-2 code/, "error.jurisdiction"],
  [/^must be an ISO 639-1 code/, "error.language"],
  [/^must be a web address/, "error.website"],
  [/^must be between (?<min>\d+) and (?<max>\d+)$/, "error.between"],
  [/^must be at least (?<min>\d+) characters$/, "error.tooShort"],
  [/^must be at most (?<max>\d+) characters$/, "error.tooLong"],
  [/^takes at most (?<max>\d+) entries$/, "error.tooMany"],
  [/^must be in the future$/, "error.future"],
  [/^must be one of /, "error.oneOf"],
];

// Problems without field errors, by status, in the reader's language; the form's own map comes first.
const STATUS_MESSAGES = { 413: "error.tooLarge", 429: "error.throttled" };

function clearErrors(form) {
  shown.delete(form);
  for (const error of form.querySelectorAll(".error")) error.remove();
  for (const field of form.querySelectorAll("[aria-invalid]")) {
    field.removeAttribute("aria-invalid");
    const describedBy = (field.getAttribute("aria-describedby") || "").split(" ")
      .filter((id) => id && !id.endsWith("-error")).join(" ");
    if (describedBy) field.setAttribute("aria-describedby", describedBy); else field.removeAttribute("aria-describedby");
  }
  const summary = form.querySelector(".summary");
  summary.hidden = true;
  summary.replaceChildren();
  const done = form.querySelector(".done");
  done.hidden = true;
  done.replaceChildren();
}

/** The control an error's field names: "contact.email", "practiceAreas[0]" → practiceAreas. */
function controlFor(form, field) {
  const name = field.replace(/\[\d+\]$/, "").replace(/\[\d+\]\./g, ".");
  return form.querySelector(`[name="${CSS.escape(name)}"]`)
    || form.querySelector(`fieldset[data-name="${CSS.escape(name)}"]`);
}

/** One field error in the reader's language: the form's own key, else the server's wording mapped, else the server's text. */
function fieldMessage(field, error) {
  if (error.key) return t(error.key, { field });
  for (const [pattern, key] of SERVER_MESSAGES) {
    const match = pattern.exec(error.message || "");
    if (match) return t(key, { field, ...match.groups });
  }
  return t("error.fromServer", { field, message: error.message });
}

/** The summary's first line: a count of field errors, else a known status in the reader's language, else the server's text. */
function problemHeading(form, problem) {
  const errors = problem.errors || [];
  if (errors.length) return errors.length === 1 ? t("error.fieldsOne") : t("error.fieldsMany", { count: errors.length });
  if (problem.key) return t(problem.key);
  const key = (problemKeys.get(form) || {})[problem.status] || STATUS_MESSAGES[problem.status]
    || (problem.status >= 500 ? "error.unavailable" : null);
  if (key) return t(key);
  return problem.detail || problem.title || (problem.status ? t("error.status", { status: problem.status }) : t("error.unknown"));
}

const problemKeys = new Map();

function showErrors(form, problem, focus = true) {
  shown.set(form, (again) => showErrors(form, problem, again));
  const summary = form.querySelector(".summary");
  summary.appendChild(text("p", problemHeading(form, problem)));
  const list = document.createElement("ul");
  for (const error of problem.errors || []) {
    const control = controlFor(form, error.field);
    const item = document.createElement("li");
    if (control) {
      const id = (control.id || control.name) + "-error";
      const message = document.createElement("p");
      message.className = "error";
      message.id = id;
      message.textContent = fieldMessage(readable(control), error);
      const anchor = control.tagName === "FIELDSET" ? control.querySelector("legend") : control;
      anchor.insertAdjacentElement("afterend", message);
      control.setAttribute("aria-invalid", "true");
      control.setAttribute("aria-describedby", ((control.getAttribute("aria-describedby") || "") + " " + id).trim());
      const link = document.createElement("a");
      link.href = "#" + (control.id || "");
      link.textContent = message.textContent;
      item.appendChild(link);
    } else {
      item.textContent = fieldMessage(error.field, error);
    }
    list.appendChild(item);
  }
  if (list.children.length) summary.appendChild(list);
  summary.hidden = false;
  if (focus) summary.focus();
}

function readable(control) {
  const labelElement = control.tagName === "FIELDSET" ? control.querySelector("legend")
    : document.querySelector(`label[for="${control.id}"]`);
  return labelElement ? labelElement.firstChild.textContent.trim() : control.name;
}

/** Shows what render() builds; on a change of language it is built again in the new one. */
function showDone(form, render, focus = true) {
  shown.set(form, (again) => showDone(form, render, again));
  const done = form.querySelector(".done");
  done.replaceChildren(...render());
  done.hidden = false;
  if (focus) done.focus();
}

const text = (tag, content) => {
  const element = document.createElement(tag);
  element.textContent = content;
  return element;
};

// ------------------------------------------------------------------ talking to the API

async function call(method, path, { body, token, idempotencyKey } = {}) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = "Bearer " + token;
  if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
  let response;
  try {
    response = await fetch(API + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    return { ok: false, problem: { key: "error.network" } };
  }
  let json = null;
  try { json = await response.json(); } catch (e) { /* not JSON */ }
  if (response.ok) return { ok: true, status: response.status, json };
  return { ok: false, status: response.status, problem: { ...(json || {}), status: response.status } };
}

function tokenOf(form) {
  const token = form.querySelector("input[name=token]").value.trim();
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  return token;
}

/** Fields the browser can check before sending: required ones left empty. */
function missing(form) {
  const errors = [];
  for (const element of form.elements) {
    if (element.required && element.value.trim() === "") errors.push({ field: element.name, key: "error.required" });
  }
  for (const group of form.querySelectorAll("fieldset[data-name]")) {
    if (!group.querySelector("input:checked")) errors.push({ field: group.dataset.name, key: "error.chooseAtLeastOne" });
  }
  return errors;
}

/** Wires a form's submit; statusKeys names this form's problems by status (409 on a registration: the email is taken). */
function guard(form, statusKeys, handler) {
  problemKeys.set(form, statusKeys);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    await i18n.ready;
    clearErrors(form);
    const errors = missing(form);
    if (errors.length) {
      showErrors(form, { errors });
      return;
    }
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      await handler(form);
    } finally {
      button.disabled = false;
    }
  });
}

// ------------------------------------------------------------------ the four forms

function registration(form, kind) {
  guard(form, { 409: "error.emailTaken" }, async () => {
    const body = bodyOf(form);
    const result = await call("POST", form.dataset.endpoint, { body });
    if (!result.ok) return showErrors(form, result.problem);
    const email = kind === "organisation" ? body.contact.email : body.email;
    const id = result.json.id;
    form.reset();
    chooseEmailLanguage(form);
    showDone(form, () => [text("p", t("done.registered", { email })), text("p", t("done.reviewNext", { id }))]);
  });
}

function requestForm(form) {
  let idempotencyKey = null; // kept until the request is created, so a retried send is not a second request
  form.addEventListener("input", () => { idempotencyKey = null; });
  guard(form, { 401: "error.unauthorized" }, async () => {
    idempotencyKey = idempotencyKey || crypto.randomUUID();
    const result = await call("POST", "/requests", { body: bodyOf(form), token: tokenOf(form), idempotencyKey });
    if (!result.ok) return showErrors(form, result.problem);
    idempotencyKey = null;
    const id = result.json.id;
    document.getElementById("status-id").value = id;
    form.querySelectorAll("input:not([name=token]), textarea").forEach((element) => { element.value = element.defaultValue; });
    form.querySelector("select").selectedIndex = 0;
    showDone(form, () => {
      const link = text("a", t("done.followIt"));
      link.href = "#status";
      return [text("p", t("done.requestReceived", { id })), link];
    });
  });
}

function statusForm(form) {
  guard(form, { 401: "error.unauthorized", 404: "error.requestNotFound" }, async () => {
    const id = form.querySelector("input[name=id]").value.trim();
    const result = await call("GET", "/requests/" + encodeURIComponent(id), { token: tokenOf(form) });
    if (!result.ok) return showErrors(form, result.problem);
    showDone(form, () => requestView(result.json));
  });
}

/** A request's view: its facts and history, statuses and times in the reader's language; texts as people wrote them. */
function requestView(view) {
  const nodes = [text("h3", view.title), text("p", t("view.status", { status: t("requestStatus." + view.status) }))];
  const facts = document.createElement("dl");
  for (const [key, value] of [["view.category", view.category && t("category." + view.category)],
    ["view.jurisdiction", view.jurisdiction], ["view.deadline", view.deadline && readableTime(view.deadline)],
    ["view.submitted", view.createdAt && readableTime(view.createdAt)]]) {
    if (!value) continue;
    facts.append(text("dt", t(key)), text("dd", value));
  }
  if (view.lawyer) {
    facts.append(text("dt", t("view.lawyer")), text("dd",
      [view.lawyer.name, view.lawyer.firm, view.lawyer.email].filter(Boolean).join(", ")));
  }
  nodes.push(facts, text("h4", t("view.history")));
  const history = document.createElement("ol");
  for (const step of view.history || []) {
    history.appendChild(text("li", `${readableTime(step.at)}: ${t("requestStatus." + step.status)}${step.note ? " (" + step.note + ")" : ""}`));
  }
  nodes.push(history);
  return nodes;
}

fillChoices();
languageSwitch();
setLanguage(startingLanguage(), false);
takeTokenFromLink();
registration(document.getElementById("organisation-form"), "organisation");
registration(document.getElementById("lawyer-form"), "lawyer");
requestForm(document.getElementById("request-form"));
statusForm(document.getElementById("status-form"));
