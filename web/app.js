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
  for (const element of document.querySelectorAll("[data-number]")) element.textContent = readableNumber(Number(element.dataset.number));
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

/** A number (hours, a rating) in the reader's language: Bengali digits in Bengali, as its dates have. */
function readableNumber(number) {
  try {
    return new Intl.NumberFormat(i18n.language + "-IN").format(number);
  } catch (e) {
    return String(number);
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
  const rating = document.getElementById("feedback-rating");
  for (let stars = 1; stars <= 5; stars++) {
    const wrap = document.createElement("div");
    wrap.className = "choice";
    wrap.innerHTML = `<input type="radio" name="stars" id="feedback-stars-${stars}" value="${stars}">`
      + `<label for="feedback-stars-${stars}" data-number="${stars}">${stars}</label>`;
    rating.appendChild(wrap);
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
  return Boolean(match);
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
  [/^must be a whole number from 1 to 5$/, "error.rating"],
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

// A choice group whose "nothing chosen" says more than "at least one": the feedback's rating.
const NOTHING_CHOSEN = { rating: "error.rating" };

/** Fields the browser can check before sending: required ones left empty. */
function missing(form) {
  const errors = [];
  for (const element of form.elements) {
    if (element.required && element.value.trim() === "") errors.push({ field: element.name, key: "error.required" });
  }
  for (const group of form.querySelectorAll("fieldset[data-name]")) {
    if (!group.querySelector("input:checked")) {
      errors.push({ field: group.dataset.name, key: NOTHING_CHOSEN[group.dataset.name] || "error.chooseAtLeastOne" });
    }
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
    listMine();
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

/** "Follow a request": an id and a token open the request's page; the token is then remembered for this tab. */
function statusForm(form) {
  guard(form, { 401: "error.unauthorized", 404: "error.requestNotFound" }, async () => {
    const id = form.querySelector("input[name=id]").value.trim();
    tokenOf(form);
    if (await openRequest(id, form)) {
      document.getElementById("status-token-needed").hidden = true;
      history.replaceState(null, "", location.pathname + location.search + "#request=" + encodeURIComponent(id));
      listMine();
    }
  });
}

// ------------------------------------------------------------------ my requests and a request's page

const REQUEST_LINK = /^#request=([A-Za-z0-9-]{1,64})$/;

const knownToken = () => sessionStorage.getItem(TOKEN_KEY) || "";

/** The pages of "My requests" read so far, and the cursor of the next one. */
const mine = { items: [], next: null };

/** "My requests", once a token is known: the first 20, newest first, or the next 20 after those shown. */
async function listMine(more = false) {
  const token = knownToken();
  if (!token) return;
  document.getElementById("mine").hidden = false;
  document.getElementById("mine-nav").hidden = false;
  const list = document.getElementById("mine-list");
  const cursor = more && mine.next ? "?cursor=" + encodeURIComponent(mine.next) : "";
  const result = await call("GET", "/requests" + cursor, { token });
  await i18n.ready;
  clearErrors(list);
  if (!result.ok) return showErrors(list, result.problem, false);
  mine.items = cursor ? mine.items.concat(result.json.items) : result.json.items;
  mine.next = result.json.next;
  document.getElementById("mine-more").hidden = !mine.next;
  showDone(list, () => myRequests(mine.items), false);
}

function myRequests(items) {
  if (!items.length) return [text("p", t("mine.none"))];
  const list = document.createElement("ol");
  list.className = "my-requests";
  for (const item of items) {
    const link = text("a", item.title);
    link.href = "#request=" + encodeURIComponent(item.id);
    // The same link twice fires no hashchange: open it again anyway (its status may have moved on).
    link.addEventListener("click", () => { if (location.hash === link.hash) openRequest(item.id); });
    const facts = [t("requestStatus." + item.status), t("category." + item.category),
      t("mine.submitted", { date: readableTime(item.createdAt) })];
    if (item.deadline) facts.push(t("mine.deadline", { date: readableTime(item.deadline) }));
    const entry = document.createElement("li");
    entry.dataset.status = item.status;
    entry.append(link, text("p", facts.join(" · ")));
    list.appendChild(entry);
  }
  return [list];
}

/**
 * Shows a request's page (#request=<id>, as the completion email links to it). Without a known token the
 * "Follow a request" form asks for it once. Problems show on the form that asked; true when the page is shown.
 */
async function openRequest(id, asking = document.getElementById("page-view")) {
  const token = knownToken();
  if (!token) return askForToken(id);
  const page = document.getElementById("page");
  if (asking.id === "page-view") page.hidden = false;
  const result = await call("GET", "/requests/" + encodeURIComponent(id), { token });
  await i18n.ready;
  clearErrors(asking);
  if (!result.ok) {
    showErrors(asking, result.problem);
    return false;
  }
  const view = document.getElementById("page-view");
  if (asking !== view) clearErrors(view);
  page.hidden = false;
  showDone(view, () => requestView(result.json));
  offerFeedback(result.json);
  return true;
}

function askForToken(id) {
  document.getElementById("status-id").value = id;
  document.getElementById("status-token-needed").hidden = false;
  document.getElementById("status").scrollIntoView();
  document.getElementById("status-token").focus();
  return false;
}

function followRequestLink() {
  const match = location.hash.match(REQUEST_LINK);
  if (match) openRequest(match[1]);
}

/** A request's view: its facts and timeline, statuses, times and numbers in the reader's language; texts as people wrote them. */
function requestView(view) {
  const nodes = [text("h3", view.title), text("p", t("view.status", { status: t("requestStatus." + view.status) }))];
  const facts = document.createElement("dl");
  for (const [key, value] of [["view.category", view.category && t("category." + view.category)],
    ["view.jurisdiction", view.jurisdiction], ["view.deadline", view.deadline && readableTime(view.deadline)],
    ["view.submitted", view.createdAt && readableTime(view.createdAt)],
    ["view.lawyer", view.lawyer && [view.lawyer.name, view.lawyer.firm, view.lawyer.email].filter(Boolean).join(", ")],
    ["view.outcome", view.outcome],
    ["view.hours", view.hoursSpent != null && t("view.hoursValue", { hours: readableNumber(view.hoursSpent) })],
    ["view.feedback", view.feedback && [t("view.rating", { rating: readableNumber(view.feedback.rating) }),
      view.feedback.comment].filter(Boolean).join(": ")]]) {
    if (!value) continue;
    facts.append(text("dt", t(key)), text("dd", value));
  }
  nodes.push(facts, text("h4", t("view.history")));
  const timeline = document.createElement("ol");
  timeline.className = "timeline";
  for (const step of view.history || []) {
    const when = text("time", readableTime(step.at));
    when.dateTime = step.at;
    const entry = document.createElement("li");
    entry.append(when, text("strong", t("requestStatus." + step.status)));
    if (step.note) entry.append(text("span", step.note));
    timeline.appendChild(entry);
  }
  nodes.push(timeline);
  return nodes;
}

/** The feedback form shows on a completed request that has none yet. */
function offerFeedback(view) {
  const form = document.getElementById("feedback-form");
  if (form.dataset.request !== view.id) {
    form.reset();
    clearErrors(form);
  }
  form.dataset.request = view.id;
  form.hidden = !(view.status === "COMPLETED" && !view.feedback);
}

function feedbackForm(form) {
  guard(form, { 401: "error.unauthorized", 404: "error.requestNotFound", 409: "error.feedbackRefused" }, async () => {
    const body = { rating: Number(form.querySelector("input[name=stars]:checked").value) };
    const comment = form.elements.comment.value.trim();
    if (comment) body.comment = comment;
    const id = form.dataset.request;
    const result = await call("POST", "/requests/" + encodeURIComponent(id) + "/feedback", { body, token: knownToken() });
    if (!result.ok) return showErrors(form, result.problem);
    form.reset();
    await openRequest(id); // the page shows the feedback as stored, and no form any more
  });
}

fillChoices();
languageSwitch();
setLanguage(startingLanguage(), false);
takeTokenFromLink();
registration(document.getElementById("organisation-form"), "organisation");
registration(document.getElementById("lawyer-form"), "lawyer");
requestForm(document.getElementById("request-form"));
statusForm(document.getElementById("status-form"));
feedbackForm(document.getElementById("feedback-form"));
problemKeys.set(document.getElementById("mine-list"), { 401: "error.unauthorized" });
problemKeys.set(document.getElementById("page-view"), { 401: "error.unauthorized", 404: "error.requestNotFound" });
document.getElementById("mine-more").addEventListener("click", () => listMine(true));
window.addEventListener("hashchange", () => {
  if (takeTokenFromLink()) listMine();
  followRequestLink();
});
listMine();
followRequestLink();
