// The clearinghouse form: plain JavaScript, no framework. Sends JSON to the API named in config.js and
// shows the API's problem responses (RFC 9457) next to the fields they name.
"use strict";

const API = (window.CLEARINGHOUSE_API || "").replace(/\/$/, "");
const CATEGORIES = ["CONTRACT_REVIEW", "CONTRACT_DRAFTING", "EMPLOYMENT", "INTELLECTUAL_PROPERTY",
  "FCRA_COMPLIANCE", "REGULATORY_COMPLIANCE", "ENTITY_FORMATION", "GOVERNANCE", "LEGAL_ADVICE",
  "LITIGATION", "OTHER"];
const TOKEN_KEY = "clearinghouse.token";

const label = (code) => code === "FCRA_COMPLIANCE" ? "FCRA compliance"
  : code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, " ");

// ------------------------------------------------------------------ set-up

function fillChoices() {
  for (const select of document.querySelectorAll("select[data-options=categories]")) {
    for (const code of CATEGORIES) select.add(new Option(label(code), code));
  }
  const areas = document.getElementById("lawyer-practiceAreas");
  for (const code of CATEGORIES) {
    const id = "lawyer-area-" + code.toLowerCase();
    const wrap = document.createElement("div");
    wrap.className = "choice";
    wrap.innerHTML = `<input type="checkbox" id="${id}" value="${code}"><label for="${id}">${label(code)}</label>`;
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

// ------------------------------------------------------------------ showing errors

function clearErrors(form) {
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

function showErrors(form, problem) {
  const summary = form.querySelector(".summary");
  const heading = document.createElement("p");
  heading.textContent = problem.detail || problem.title || "Something went wrong.";
  summary.appendChild(heading);
  const list = document.createElement("ul");
  let first = null;
  for (const error of problem.errors || []) {
    const control = controlFor(form, error.field);
    const item = document.createElement("li");
    if (control) {
      const id = (control.id || control.name) + "-error";
      const message = document.createElement("p");
      message.className = "error";
      message.id = id;
      message.textContent = readable(control) + " " + error.message;
      const anchor = control.tagName === "FIELDSET" ? control.querySelector("legend") : control;
      anchor.insertAdjacentElement("afterend", message);
      control.setAttribute("aria-invalid", "true");
      control.setAttribute("aria-describedby", ((control.getAttribute("aria-describedby") || "") + " " + id).trim());
      const link = document.createElement("a");
      link.href = "#" + (control.id || "");
      link.textContent = message.textContent;
      item.appendChild(link);
      first = first || control;
    } else {
      item.textContent = error.field + " " + error.message;
    }
    list.appendChild(item);
  }
  if (list.children.length) summary.appendChild(list);
  summary.hidden = false;
  summary.focus();
}

function readable(control) {
  const labelElement = control.tagName === "FIELDSET" ? control.querySelector("legend")
    : document.querySelector(`label[for="${control.id}"]`);
  return labelElement ? labelElement.firstChild.textContent.trim() : control.name;
}

function showDone(form, ...nodes) {
  const done = form.querySelector(".done");
  done.replaceChildren(...nodes);
  done.hidden = false;
  done.focus();
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
    return { ok: false, problem: { detail: "Cannot reach the service. Check your connection and try again." } };
  }
  let json = null;
  try { json = await response.json(); } catch (e) { /* not JSON */ }
  if (response.ok) return { ok: true, status: response.status, json };
  return { ok: false, status: response.status, problem: json || { detail: "The service answered " + response.status + "." } };
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
    if (element.required && element.value.trim() === "") errors.push({ field: element.name, message: "is required" });
  }
  for (const group of form.querySelectorAll("fieldset[data-name]")) {
    if (!group.querySelector("input:checked")) errors.push({ field: group.dataset.name, message: "needs at least one choice" });
  }
  return errors;
}

function guard(form, handler) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const errors = missing(form);
    if (errors.length) {
      showErrors(form, { detail: errors.length === 1 ? "One field needs attention." : errors.length + " fields need attention.", errors });
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
  guard(form, async () => {
    const body = bodyOf(form);
    const result = await call("POST", form.dataset.endpoint, { body });
    if (!result.ok) return showErrors(form, result.problem);
    const email = kind === "organisation" ? body.contact.email : body.email;
    form.reset();
    showDone(form,
      text("p", `Thank you. We have sent an email to ${email}: open the link in it to confirm the address.`),
      text("p", `Our team reviews your registration next. Reference: ${result.json.id}`));
  });
}

function requestForm(form) {
  let idempotencyKey = null; // kept until the request is created, so a retried send is not a second request
  form.addEventListener("input", () => { idempotencyKey = null; });
  guard(form, async () => {
    idempotencyKey = idempotencyKey || crypto.randomUUID();
    const result = await call("POST", "/requests", { body: bodyOf(form), token: tokenOf(form), idempotencyKey });
    if (!result.ok) return showErrors(form, result.problem);
    idempotencyKey = null;
    const id = result.json.id;
    document.getElementById("status-id").value = id;
    form.querySelectorAll("input:not([name=token]), textarea").forEach((element) => { element.value = element.defaultValue; });
    form.querySelector("select").selectedIndex = 0;
    const link = text("a", "Follow it below");
    link.href = "#status";
    showDone(form, text("p", `Your request was received (id ${id}). We will email you when a lawyer takes it on.`), link);
  });
}

function statusForm(form) {
  guard(form, async () => {
    const id = form.querySelector("input[name=id]").value.trim();
    const result = await call("GET", "/requests/" + encodeURIComponent(id), { token: tokenOf(form) });
    if (!result.ok) return showErrors(form, result.problem);
    const view = result.json;
    const nodes = [text("h3", view.title), text("p", "Status: " + view.status)];
    const facts = document.createElement("dl");
    for (const [name, value] of [["Category", label(view.category || "")], ["Jurisdiction", view.jurisdiction],
      ["Deadline", view.deadline], ["Submitted", view.createdAt]]) {
      if (!value) continue;
      facts.append(text("dt", name), text("dd", value));
    }
    if (view.lawyer) {
      facts.append(text("dt", "Lawyer"), text("dd",
        [view.lawyer.name, view.lawyer.firm, view.lawyer.email].filter(Boolean).join(", ")));
    }
    nodes.push(facts, text("h4", "History"));
    const history = document.createElement("ol");
    for (const step of view.history || []) {
      history.appendChild(text("li", `${step.at}: ${step.status}${step.note ? " (" + step.note + ")" : ""}`));
    }
    nodes.push(history);
    showDone(form, ...nodes);
  });
}

fillChoices();
takeTokenFromLink();
registration(document.getElementById("organisation-form"), "organisation");
registration(document.getElementById("lawyer-form"), "lawyer");
requestForm(document.getElementById("request-form"));
statusForm(document.getElementById("status-form"));
