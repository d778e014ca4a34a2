/*! Vigyapti chat widget. Embed on any page with one line:
 *    <script src="https://HOST/widget.js" data-api="https://HOST"></script>
 *  Optional attributes: data-lang="hi|en" (first interface language), data-open (start open).
 *  Everything that comes from the API is inserted as text (textContent / text nodes), never as HTML.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.Vigyapti) return; // once per page

  var scriptUrl = new URL(script.src, location.href);
  var API = (script.getAttribute("data-api") || scriptUrl.origin).replace(/\/+$/, "");
  var CSS_URL = new URL("widget.css", scriptUrl).href;
  var TIMEOUT_MS = 45000;
  // /ask's limit, written in by the server (bot/web.py); NaN where it was not, and then /ask refuses.
  var MAX_QUESTION = Number("__VIGYAPTI_MAX_QUESTION__");
  var NEAR = 0.9; // share of the limit from which the count shows
  var SHORT = 420; // characters of a long answer shown before "Show more"
  var MAX_LABELLED = 10; // figures listed with their labels under an answer

  var T = {
    en: {
      launcher: "Ask Vigyapti",
      launcherLabel: "Open the Vigyapti chat: ask about government press releases",
      title: "Vigyapti",
      subtitle: "Answers from PIB press releases",
      close: "Close chat",
      toggle: "हिंदी",
      toggleLabel: "हिंदी में देखें (switch to Hindi)",
      log: "Conversation",
      label: "Your question",
      placeholder: "Ask in Hindi or English…",
      send: "Send",
      welcome: "Ask about Government of India press releases, in Hindi or English (Hindi in English letters too). You get the sentence that answers, with its figures highlighted, and the releases it comes from.",
      tryThis: "Try:",
      examples: ["How many sellers from Madhya Pradesh completed their profile on GeM?",
                 "मध्य प्रदेश के कितने विक्रेताओं ने जेम पर अपनी प्रोफाइल पूरी की है?"],
      you: "You asked",
      typing: "Searching the press releases…",
      answer: "Answer",
      sources: "Sources",
      closest: "Closest releases",
      noAnswer: "I could not find an answer to this in the press releases. Try asking it in other words.",
      nothingAsked: "Please ask about a scheme, a place or a figure, with its time if it matters.",
      unsupportedLanguage: "Your question is written in {script} script. I answer questions in Hindi and English only: please ask in one of them.",
      notMentioned: "The closest release does not mention {names}, so I cannot answer this.",
      notNamed: "The passage that would answer does not name {names}: its figure may be for another place.",
      or: "or",
      otherTime: "The closest release was published on {date}; it is not about the time you asked about.",
      otherTimeStated: "The closest release is about {time}, not the time you asked about.",
      down: "The service cannot be reached right now. Please check your connection and try again in a moment.",
      slow: "This is taking longer than usual. Please try again in a moment.",
      rate: "You have asked many questions in a short time. Please wait {s} seconds and try again.",
      rateSoon: "You have asked many questions in a short time. Please wait a moment and try again.",
      server: "Something went wrong on our side. Please try again.",
      bad: "That question could not be understood. Please shorten or rephrase it.",
      count: "{n} of {max} characters",
      tooLong: "Your question is too long ({n} characters; at most {max}). Please shorten it.",
      retry: "Try again",
      notYetBusy: "Not yet: a question is being answered. You can try again once it has its reply.",
      notYetPaused: "Not yet: asking is paused after many questions in a short time. You can try again when the pause ends.",
      queued: "Queued: it will be asked in turn.",
      open: "Open release on pib.gov.in (new tab)",
      more: "Show more",
      fromTitle: "From the release's headline: its body does not state this figure.",
      unnamed: "This answer does not name {names}: its figure may be for another place.",
      footer: "Quoted from PIB releases. Check the source before you rely on it."
    },
    hi: {
      launcher: "विज्ञप्ति से पूछें",
      launcherLabel: "विज्ञप्ति चैट खोलें: सरकारी प्रेस विज्ञप्तियों के बारे में पूछें",
      title: "विज्ञप्ति",
      subtitle: "PIB प्रेस विज्ञप्तियों से उत्तर",
      close: "चैट बंद करें",
      toggle: "English",
      toggleLabel: "Switch to English (अंग्रेज़ी में देखें)",
      log: "बातचीत",
      label: "आपका प्रश्न",
      placeholder: "हिंदी या अंग्रेज़ी में पूछें…",
      send: "भेजें",
      welcome: "भारत सरकार की प्रेस विज्ञप्तियों के बारे में हिंदी या अंग्रेज़ी में पूछें (रोमन अक्षरों में लिखी हिंदी भी)। आपको उत्तर वाला वाक्य, उसके आँकड़े हाइलाइट करके, और उसके स्रोत मिलेंगे।",
      tryThis: "आज़माएँ:",
      examples: ["मध्य प्रदेश के कितने विक्रेताओं ने जेम पर अपनी प्रोफाइल पूरी की है?",
                 "How many sellers from Madhya Pradesh completed their profile on GeM?"],
      you: "आपका प्रश्न",
      typing: "प्रेस विज्ञप्तियों में खोज रहे हैं…",
      answer: "उत्तर",
      sources: "स्रोत",
      closest: "सबसे निकट की विज्ञप्तियाँ",
      noAnswer: "इस प्रश्न का उत्तर प्रेस विज्ञप्तियों में नहीं मिला। कृपया प्रश्न को दूसरे शब्दों में पूछकर देखें।",
      nothingAsked: "कृपया किसी योजना, स्थान या आँकड़े के बारे में पूछें, ज़रूरत हो तो उसके समय के साथ।",
      unsupportedLanguage: "आपका प्रश्न {script} लिपि में लिखा है। मैं केवल हिंदी और अंग्रेज़ी में पूछे गए प्रश्नों के उत्तर देता हूँ: कृपया इनमें से किसी एक भाषा में पूछें।",
      notMentioned: "सबसे निकट की विज्ञप्ति में {names} का उल्लेख नहीं है, इसलिए मैं इसका उत्तर नहीं दे सकता।",
      notNamed: "जो अंश उत्तर देता, उसमें {names} का नाम नहीं है; उसका आंकड़ा किसी और जगह का हो सकता है।",
      or: "या",
      otherTime: "सबसे निकट की विज्ञप्ति {date} को जारी हुई थी; वह आपके पूछे गए समय के बारे में नहीं है।",
      otherTimeStated: "सबसे निकट की विज्ञप्ति {time} के बारे में है, आपके पूछे गए समय के बारे में नहीं।",
      down: "सेवा से अभी संपर्क नहीं हो पा रहा है। कृपया अपना इंटरनेट कनेक्शन जाँचें और थोड़ी देर बाद फिर कोशिश करें।",
      slow: "इसमें सामान्य से अधिक समय लग रहा है। कृपया थोड़ी देर बाद फिर कोशिश करें।",
      rate: "आपने कम समय में बहुत से प्रश्न पूछे हैं। कृपया {s} सेकंड रुककर फिर कोशिश करें।",
      rateSoon: "आपने कम समय में बहुत से प्रश्न पूछे हैं। कृपया थोड़ा रुककर फिर कोशिश करें।",
      server: "हमारी ओर से कुछ गड़बड़ हुई। कृपया फिर कोशिश करें।",
      bad: "यह प्रश्न समझा नहीं जा सका। कृपया इसे छोटा करके या दूसरे शब्दों में पूछें।",
      count: "{max} में से {n} अक्षर",
      tooLong: "आपका प्रश्न बहुत लंबा है ({n} अक्षर; अधिकतम {max})। कृपया इसे छोटा करें।",
      retry: "फिर कोशिश करें",
      notYetBusy: "अभी नहीं: एक प्रश्न का उत्तर खोजा जा रहा है। उसका उत्तर आने के बाद फिर कोशिश करें।",
      notYetPaused: "अभी नहीं: कम समय में बहुत से प्रश्न पूछे जाने के कारण पूछना रुका हुआ है। रुकावट खत्म होने पर फिर कोशिश करें।",
      queued: "कतार में: बारी आने पर पूछा जाएगा।",
      open: "pib.gov.in पर विज्ञप्ति खोलें (नया टैब)",
      more: "और दिखाएँ",
      fromTitle: "विज्ञप्ति के शीर्षक से: उसके पाठ में यह आंकड़ा नहीं है।",
      unnamed: "इस उत्तर में {names} का नाम नहीं है: इसका आँकड़ा किसी और जगह का हो सकता है।",
      footer: "उत्तर PIB विज्ञप्तियों से लिए गए हैं। भरोसा करने से पहले स्रोत देखें।"
    }
  };
  var HI_MONTHS = ["जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"];
  var EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  var lang = script.getAttribute("data-lang") ||
    (/^hi\b/i.test(document.documentElement.lang || "") ? "hi" : "en");
  if (!T[lang]) lang = "en";

  // -- small DOM helpers: every string goes in as text ------------------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) for (var k in attrs) if (attrs[k] != null) node.setAttribute(k, attrs[k]);
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }
  function svg(paths, cls) {
    var NS = "http://www.w3.org/2000/svg";
    var s = document.createElementNS(NS, "svg");
    s.setAttribute("viewBox", "0 0 24 24");
    s.setAttribute("aria-hidden", "true");
    s.setAttribute("focusable", "false");
    if (cls) s.setAttribute("class", cls);
    paths.forEach(function (d) {
      var p = document.createElementNS(NS, "path");
      p.setAttribute("d", d);
      s.appendChild(p);
    });
    return s;
  }
  var ICON_CHAT = ["M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-4.2 3.6c-.5.4-1.3.1-1.3-.6V16h0A2.5 2.5 0 0 1 4 13.5z"];
  var ICON_CLOSE = ["M6 6l12 12M18 6L6 18"];
  var ICON_SEND = ["M4 12l16-8-6 16-2.5-6.5z", "M11.5 13.5L20 4"];
  var ICON_LINK = ["M14 4h6v6", "M20 4l-9 9", "M18 14v4a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h4"];

  function t(key) { return T[lang][key]; }
  function scriptOf(text) {
    var deva = (text.match(/[\u0900-\u097F]/g) || []).length;
    var latin = (text.match(/[A-Za-z]/g) || []).length;
    return deva && deva >= latin ? "hi" : "en";
  }
  function formatDate(iso, l) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!m) return iso || "";
    return parseInt(m[3], 10) + " " + (l === "hi" ? HI_MONTHS : EN_MONTHS)[parseInt(m[2], 10) - 1] + " " + m[1];
  }
  // A time the server names (a day, a month, a year, or first/last day: no_answer.stated).
  function formatTime(iso, l) {
    var fy = /^(\d{4})-04-01\/(\d{4})-03-31$/.exec(String(iso));  // a financial year, as releases write it
    if (fy && parseInt(fy[2], 10) === parseInt(fy[1], 10) + 1) return fy[1] + "-" + fy[2].slice(2);
    return String(iso).split("/").map(function (part) {
      var m = /^(\d{4})-(\d{2})$/.exec(part), month = m ? parseInt(m[2], 10) : 0;
      return month >= 1 && month <= 12 ? (l === "hi" ? HI_MONTHS : EN_MONTHS)[month - 1] + " " + m[1] : formatDate(part, l);
    }).join(" – ");
  }
  // A question's length as /ask counts it: in code points, so an emoji is one, not two.
  function lengthOf(text) { return Array.from(text.trim()).length; }
  // The count and the too-long message, with the limit: "1,408 characters; at most 1,000".
  function limitText(template, n) {
    return template.replace("{n}", n.toLocaleString("en-IN")).replace("{max}", MAX_QUESTION.toLocaleString("en-IN"));
  }
  // Names as "A or B", "A, B or C": the closest release (or an answer) names none of them, which
  // "A, B" read as "A and B" did not say.
  function anyOf(names, or) {
    return names.length < 2 ? names.join("") : names.slice(0, -1).join(", ") + " " + or + " " + names[names.length - 1];
  }
  function safeUrl(url, releaseId) {
    try {
      var u = new URL(url);
      if (u.protocol === "https:" || u.protocol === "http:") return u.href;
    } catch (e) { /* fall through */ }
    return releaseId ? "https://pib.gov.in/PressReleasePage.aspx?PRID=" + encodeURIComponent(releaseId) : null;
  }

  // -- the answer and its sources, as the server chose them ------------------------------------------
  // `asked`: the figure that answers (`answer.figure`), one of `figures`, marked apart from the rest.
  function figureMarks(text, figures, asked) {
    var out = [];
    (figures || []).forEach(function (f) {
      // offsets are relative to the answer text; one that does not fit it is left plain
      if (f && typeof f.text === "string" && f.text && text.slice(f.start, f.end) === f.text)
        out.push({ start: f.start, end: f.end, fig: f,
                   asked: !!asked && asked.start === f.start && asked.end === f.end });
    });
    out.sort(function (a, b) { return a.start - b.start; });
    return out.filter(function (r, i) { return i === 0 || r.start >= out[i - 1].end; });
  }
  function readReply(data) {
    var a = data.answer, sources = Array.isArray(data.sources) ? data.sources : [];
    if (!a || typeof a.text !== "string" || !a.text)
      return { none: true, why: data.no_answer && typeof data.no_answer === "object" ? data.no_answer : null,
               sources: sources };
    return { text: a.text, lang: a.lang, marks: figureMarks(a.text, a.figures, a.figure), sources: sources,
             inTitle: a.in_title === true, unnamed: namesIn(a.unnamed) };
  }
  function namesIn(list) {
    return Array.isArray(list) ? list.filter(function (n) { return typeof n === "string"; }) : [];
  }
  // Why there is no answer, where the server says why in a way a reader can act on.
  function noAnswerText(why, tt, l) {
    var names = namesIn(why && why.names);
    var date = why && typeof why.published === "string" ? formatDate(why.published, l) : null;
    var time = why && typeof why.stated === "string" && why.stated ? formatTime(why.stated, l) : null;
    var written = why && typeof why.script === "string" && why.script ? why.script : null;
    if (why && why.kind === "nothing_asked") return tt.nothingAsked;
    if (why && why.kind === "unsupported_language" && written) return tt.unsupportedLanguage.replace("{script}", function () { return written; });
    if (why && why.kind === "not_mentioned" && names.length) return tt.notMentioned.replace("{names}", function () { return anyOf(names, tt.or); });
    if (why && why.kind === "not_named" && names.length) return tt.notNamed.replace("{names}", function () { return anyOf(names, tt.or); });
    if (why && why.kind === "other_time" && time) return tt.otherTimeStated.replace("{time}", function () { return time; });
    if (why && why.kind === "other_time" && date) return tt.otherTime.replace("{date}", function () { return date; });
    return tt.noAnswer;
  }
  function highlighted(tag, text, marks) {
    var node = el(tag), pos = 0;
    marks.forEach(function (r) {
      if (r.start > pos) node.appendChild(document.createTextNode(text.slice(pos, r.start)));
      var mark = el("mark", { "class": r.asked ? "vg-fig vg-asked" : "vg-fig" }, [text.slice(r.start, r.end)]);
      if (r.fig && r.fig.label) mark.setAttribute("title", String(r.fig.label));
      node.appendChild(mark);
      pos = r.end;
    });
    if (pos < text.length) node.appendChild(document.createTextNode(text.slice(pos)));
    return node;
  }

  // -- the widget ---------------------------------------------------------------------------------
  var host = el("div", { id: "vigyapti-widget" });
  host.style.display = "none"; // shown once its stylesheet has loaded
  var root = host.attachShadow({ mode: "open" });
  var link = el("link", { rel: "stylesheet", href: CSS_URL });
  link.addEventListener("load", function () { host.style.display = ""; });
  link.addEventListener("error", function () { host.style.display = ""; });
  root.appendChild(link);
  var frame = el("div", { "class": "vg-root" });
  root.appendChild(frame);

  var i18n = []; // [node, key, attribute or null] re-labelled when the language changes
  function tx(node, key, attr) { i18n.push([node, key, attr || null]); return node; }

  var launcherText = tx(el("span", { "class": "vg-launcher-text" }), "launcher");
  var launcher = tx(el("button", { type: "button", "class": "vg-launcher", "aria-expanded": "false",
    "aria-controls": "vg-panel", "aria-haspopup": "dialog" }, [svg(ICON_CHAT, "vg-icon"), launcherText]),
    "launcherLabel", "aria-label");

  var title = tx(el("h2", { id: "vg-title", "class": "vg-title" }), "title");
  var subtitle = tx(el("p", { "class": "vg-subtitle" }), "subtitle");
  var langBtn = el("button", { type: "button", "class": "vg-lang" });
  tx(langBtn, "toggle"); tx(langBtn, "toggleLabel", "aria-label");
  var closeBtn = tx(el("button", { type: "button", "class": "vg-close" }, [svg(ICON_CLOSE)]), "close", "aria-label");
  var head = el("header", { "class": "vg-head" }, [
    el("div", { "class": "vg-logo", "aria-hidden": "true" }, ["वि"]),
    el("div", { "class": "vg-heading" }, [title, subtitle]), langBtn, closeBtn]);

  var log = tx(el("div", { "class": "vg-log", role: "log", "aria-live": "polite", tabindex: "0" }), "log", "aria-label");
  var status = el("div", { "class": "vg-sr", role: "status", "aria-live": "polite" });

  var input = tx(el("textarea", { id: "vg-input", "class": "vg-input", rows: "1", autocomplete: "off",
    enterkeyhint: "send" }), "placeholder", "placeholder");
  var label = tx(el("label", { "for": "vg-input", "class": "vg-sr" }), "label");
  var sendBtn = tx(el("button", { type: "submit", "class": "vg-send" }, [svg(ICON_SEND)]), "send", "aria-label");
  var form = el("form", { "class": "vg-form", novalidate: "" }, [label, input, sendBtn]);
  var count = el("p", { id: "vg-count", "class": "vg-count", hidden: "" });
  var wait = el("p", { "class": "vg-wait", hidden: "" }); // why Enter or Send sent nothing yet (submit())
  var foot = tx(el("p", { "class": "vg-foot" }), "footer");

  // tabindex -1: a click on the panel's text focuses the panel, not the page's body, so that Escape
  // and Shift+Tab still act on the panel from there.
  var panel = el("section", { id: "vg-panel", "class": "vg-panel", role: "dialog", "aria-modal": "true",
    "aria-labelledby": "vg-title", tabindex: "-1", hidden: "" }, [head, log, status, form, count, wait, foot]);
  frame.appendChild(launcher);
  frame.appendChild(panel);

  function relabel() {
    i18n.forEach(function (item) {
      var value = t(item[1]);
      if (item[2]) item[0].setAttribute(item[2], value); else item[0].textContent = value;
    });
    langBtn.setAttribute("lang", lang === "hi" ? "en" : "hi");
    panel.setAttribute("lang", lang);
    launcher.setAttribute("lang", lang);
    renderWelcome();
    showCount();
    offer();
  }
  function setLang(l) { if (T[l] && l !== lang) { lang = l; relabel(); } }

  var welcome = el("div", { "class": "vg-msg vg-bot vg-welcome" });
  function renderWelcome() {
    welcome.textContent = "";
    welcome.appendChild(el("p", null, [t("welcome")]));
    var chips = el("div", { "class": "vg-chips" }, [el("span", { "class": "vg-try" }, [t("tryThis")])]);
    t("examples").forEach(function (q) {
      var chip = el("button", { type: "button", "class": "vg-chip", lang: scriptOf(q) }, [q]);
      chip.addEventListener("click", function () { ask(q); });
      chips.appendChild(chip);
    });
    welcome.appendChild(chips);
  }
  log.appendChild(welcome);

  // Shows a reply with its question (`asked`): both whole if they fit, else from the question's top
  // while that leaves half the view to the reply, else from the reply's start: starting at a long
  // question's top put its answer below the fold.
  function reveal(asked, reply) {
    var top = asked.offsetTop - log.offsetTop - 8, start = reply.offsetTop - log.offsetTop - 8;
    var end = start + reply.offsetHeight + 16, view = log.clientHeight;
    log.scrollTop = end - top <= view ? end - view : start - top <= view / 2 ? top : start;
  }

  // -- open / close / keyboard -------------------------------------------------------------------
  function isOpen() { return !panel.hidden; }
  function open() {
    if (isOpen()) return;
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    input.focus();
  }
  function close() {
    if (!isOpen()) return;
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    launcher.focus();
  }
  launcher.addEventListener("click", function () { isOpen() ? close() : open(); });
  closeBtn.addEventListener("click", close);
  langBtn.addEventListener("click", function () { setLang(lang === "hi" ? "en" : "hi"); });
  // The open panel is modal for the keyboard: Tab and Shift+Tab go round its controls, not out to the page.
  function tabbable() {
    return [].filter.call(panel.querySelectorAll("a[href], button, textarea, [tabindex]"), function (n) {
      return n.tabIndex >= 0 && !n.disabled && n.getClientRects().length > 0;
    });
  }
  panel.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && !e.isComposing) { e.preventDefault(); close(); }
    if (e.key !== "Tab") return;
    var all = tabbable(), first = all[0], last = all[all.length - 1];
    if (e.shiftKey ? e.target === first || e.target === panel : e.target === last) {
      e.preventDefault();
      (e.shiftKey ? last : first).focus();
    }
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); submit(); }
  });
  input.addEventListener("input", function () {
    input.style.height = "auto";
    input.style.height = Math.min(input.scrollHeight, 120) + "px";
    showCount();
  });
  // Near the limit, how many characters of it are used; over it, that the question is too long.
  function showCount() {
    var n = lengthOf(input.value), over = n > MAX_QUESTION;
    count.hidden = !(n >= MAX_QUESTION * NEAR);
    // a description names the count only while it shows: a hidden element's text would still be read
    if (count.hidden) input.removeAttribute("aria-describedby"); else input.setAttribute("aria-describedby", "vg-count");
    count.textContent = limitText(over ? t("tooLong") : t("count"), n);
    count.classList.toggle("vg-over", over);
    if (over) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
    return over;
  }
  form.addEventListener("submit", function (e) { e.preventDefault(); submit(); });
  // Any element on the host page with data-vigyapti-open opens the chat; data-vigyapti-ask asks too.
  document.addEventListener("click", function (e) {
    var target = e.target && e.target.closest && e.target.closest("[data-vigyapti-open],[data-vigyapti-ask]");
    if (!target) return;
    e.preventDefault();
    var q = target.getAttribute("data-vigyapti-ask");
    if (q) ask(q); else open();
  });

  // -- asking ------------------------------------------------------------------------------------
  var busy = false, coolUntil = 0;
  // The one rule for sending: nothing while a question is at the server or while a 429's pause runs;
  // notYet() names which (a key of T), null when sending is free. Send and every "Try again" are
  // offered by it (offer()); a question asked from the page or a chip waits in the queue until it
  // holds, its bubble shown and marked as waiting meanwhile.
  function notYet() { return busy ? "notYetBusy" : Date.now() < coolUntil ? "notYetPaused" : null; }
  function free() { return !notYet(); }
  // Send and every "Try again" are marked unavailable with the reason (Send's in the interface's
  // language, a "Try again"'s in its failure's) and stay in the Tab order, so the reason is heard and
  // focus on them is not dropped out of the dialog; pressed, they ask nothing (Send: submit() says why).
  // A queued question's mark is worded here too, in the interface's language, so that it follows a
  // switch as Send's reason does.
  function offer() {
    var why = notYet();
    unavailable(sendBtn, why && t(why));
    [].forEach.call(log.querySelectorAll(".vg-retry"), function (retry) {
      unavailable(retry, why && T[retry.parentNode.getAttribute("lang")][why]);
    });
    [].forEach.call(log.querySelectorAll(".vg-queued-mark"), function (mark) {
      mark.textContent = t("queued");
      mark.setAttribute("lang", lang);
    });
    if (why) { // what submit() said under the box, kept true
      wait.textContent = t(why);
    } else {
      if (!wait.hidden && status.textContent === wait.textContent) status.textContent = "";
      wait.hidden = true;
    }
  }
  function unavailable(button, reason) {
    if (reason) {
      button.setAttribute("aria-disabled", "true");
      button.title = reason;
    } else {
      button.removeAttribute("aria-disabled");
      button.removeAttribute("title");
    }
  }
  // Questions the page (or a chip) asks while one is being answered wait here, to be asked in
  // turn: a page cannot see that the widget is busy, and dropping them said nothing to anyone.
  // Each waits as { question, asked }: its bubble shows in the conversation at once, marked as
  // waiting, or the click looked lost and was clicked again; its reply comes under it in its turn.
  // The one before it failing does not hold it back (it is its own question, with its own "Try
  // again" if it fails too); a 429's pause does, as it holds everything sent (free()).
  var queue = [], asking = null;
  function submit() {
    var q = input.value.trim();
    if (!q) return;
    setLang(scriptOf(q)); // as asking it would: what is said about it, in its language
    if (lengthOf(q) > MAX_QUESTION) { // stays in the box to be shortened; the count says why
      status.textContent = count.textContent;
      return;
    }
    var why = notYet();
    if (why) { // stays in the box, to be sent when it may be; why, under it and to the status region
      wait.textContent = status.textContent = t(why);
      wait.hidden = false;
      return;
    }
    input.value = "";
    input.style.height = "auto";
    showCount();
    ask(q);
  }
  function setBusy(b) {
    busy = b;
    offer();
    log.setAttribute("aria-busy", b ? "true" : "false");
  }
  function cooldown(seconds) {
    coolUntil = Date.now() + seconds * 1000;
    offer();
    setTimeout(function () { offer(); next(); }, seconds * 1000 + 50);
  }

  function ask(question) {
    open();
    question = String(question).trim();
    if (!question) return;
    if (lengthOf(question) > MAX_QUESTION) {
      setLang(scriptOf(question));
      var msg = log.appendChild(errorMessage("long", limitText(t("tooLong"), lengthOf(question)), lang));
      reveal(msg, msg);
      return;
    }
    if (queue.length || !free()) {
      // a double click asks once: not queued again while it waits or is being answered
      if (question === asking || queue.some(function (w) { return w.question === question; })) return;
      var asked = bubble(question);
      asked.classList.add("vg-queued");
      asked.appendChild(el("span", { "class": "vg-queued-mark" })); // worded by offer()
      queue.push({ question: question, asked: asked });
      offer();
      // the log is aria-busy until the reply before it, which may hold back its announcement
      status.textContent = t("queued");
      reveal(asked, asked);
      return;
    }
    put(question);
  }
  function next() {
    if (!queue.length || !free()) return; // else cooldown() calls again
    var w = queue.shift();
    w.asked.classList.remove("vg-queued");
    w.asked.querySelector(".vg-queued-mark").remove();
    put(w.question, w.asked);
  }
  // Asks `question` under `asked`, its bubble from the queue, else a new one.
  function put(question, asked) {
    setLang(scriptOf(question));
    send(question, asked || bubble(question), null);
  }
  // "You asked" in the question's language, which the bubble is marked as (and the interface
  // switches to when it is asked): a queued one is shown before that switch.
  function bubble(question) {
    var l = scriptOf(question);
    return log.appendChild(el("div", { "class": "vg-msg vg-user", lang: l }, [
      el("span", { "class": "vg-sr" }, [T[l].you + ": "]), question]));
  }

  // The reply goes where `slot` is (the failure that "Try again" replaces, under its question `asked`,
  // with other questions since below it), else right under `asked`: questions queued after it are
  // already shown below it.
  function send(question, asked, slot) {
    var l = scriptOf(question); // the language put() set when it was asked, also for a later "Try again"
    function again(failure) { send(question, asked, failure); }
    asking = question;
    // Focus waits in the box: the button, chip or "Try again" that asked is disabled or gone before
    // the reply comes, and focus would fall out of the dialog to the page.
    if (isOpen()) input.focus();
    setBusy(true);
    var typing = el("div", { "class": "vg-msg vg-bot vg-typing", "aria-hidden": "true" }, [el("span"), el("span"), el("span")]);
    if (slot) slot.replaceWith(typing); else asked.after(typing);
    reveal(asked, typing);
    status.textContent = T[l].typing;
    var ctrl = window.AbortController ? new AbortController() : null, slow = false;
    // A server that answers nothing in time is up but slow (a stopped one fails at once): said apart.
    var timer = ctrl && setTimeout(function () { slow = true; ctrl.abort(); }, TIMEOUT_MS);
    fetch(API + "/ask", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ question: question, top_k: 5 }),
      signal: ctrl ? ctrl.signal : undefined,
      credentials: "omit"
    }).then(function (res) {
      if (res.ok) return res.json().then(function (data) { return { data: data }; });
      return { status: res.status, retryAfter: res.headers.get("Retry-After") };
    }, function () {
      return { status: 0, slow: slow };
    }).then(function (r) {
      return r.data ? answerMessage(r.data, l) : failureMessage(r, l, again);
    }).catch(function () {
      return failureMessage({ status: -1, slow: slow }, l, again);
    }).then(function (reply) {
      typing.replaceWith(reply);
      reveal(asked, reply);
      clearTimeout(timer);
      status.textContent = "";
      asking = null;
      setBusy(false);
      next();
    });
  }

  function retryAfterSeconds(value) {
    if (!value) return null;
    if (/^\d+$/.test(value.trim())) return parseInt(value, 10);
    var when = Date.parse(value);
    return isNaN(when) ? null : Math.max(1, Math.round((when - Date.now()) / 1000));
  }

  function failureMessage(r, l, again) {
    var tt = T[l], text, wait = null, kind = "down";
    if (r.slow) {
      kind = "slow"; text = tt.slow;
    } else if (r.status === 429) {
      kind = "rate";
      wait = retryAfterSeconds(r.retryAfter);
      text = wait ? tt.rate.replace("{s}", String(wait)) : tt.rateSoon;
      cooldown(wait || 5);
    } else if (r.status === 0 || r.status === 502 || r.status === 503 || r.status === 504) {
      text = tt.down;
    } else if (r.status === 422 || r.status === 400 || r.status === 413) {
      kind = "bad"; text = tt.bad;
    } else {
      kind = "server"; text = tt.server;
    }
    var msg = errorMessage(kind, text, l);
    if (kind !== "bad") {
      // offered or not by offer(), once in the log; pressed while not, it asks nothing
      var retry = el("button", { type: "button", "class": "vg-retry" }, [tt.retry]);
      retry.addEventListener("click", function () { if (free()) again(msg); });
      msg.appendChild(retry);
    }
    return msg;
  }

  function errorMessage(kind, text, l) {
    return el("div", { "class": "vg-msg vg-bot vg-error", "data-error": kind, lang: l }, [el("p", null, [text])]);
  }

  function sourceCard(p, l) {
    var url = safeUrl(p.url, p.release_id);
    var titleText = String(p.title || p.release_id || "");
    var titleNode = url
      ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer", "class": "vg-card-title",
          lang: p.lang || null, title: titleText + " — " + T[l].open }, [titleText, svg(ICON_LINK, "vg-ext")])
      : el("span", { "class": "vg-card-title", lang: p.lang || null, title: titleText }, [titleText]);
    var meta = [p.ministry, formatDate(p.date, l)].filter(Boolean).join(" · ");
    return el("li", { "class": "vg-card", "data-release": String(p.release_id || "") }, [
      titleNode,
      meta ? el("span", { "class": "vg-meta", lang: p.lang || null }, [meta]) : null,
      el("span", { "class": "vg-id" }, ["PRID " + String(p.release_id || "")])
    ].filter(Boolean));
  }

  // What each figure counts, where the answer shows several that say so (a table row's cells, a
  // "respectively" list's items): a phone has no pointer to hover over a figure for its label.
  function figureList(marks) {
    var labelled = marks.filter(function (r) { return r.fig && r.fig.label; });
    if (labelled.length < 2) return null;
    // the figure that answers first
    labelled = labelled.filter(function (r) { return r.asked; }).concat(labelled.filter(function (r) { return !r.asked; }));
    return el("ul", { "class": "vg-figs" }, labelled.slice(0, MAX_LABELLED).map(function (r) {
      return el("li", null, [el("mark", { "class": r.asked ? "vg-fig vg-asked" : "vg-fig" }, [String(r.fig.text)]),
                             " — " + String(r.fig.label)]);
    }));
  }

  // A long answer shows its start (with the first figure) and a button for the rest.
  function answerBlock(a, tt) {
    var box = el("div", { "class": "vg-answer-box" });
    function render(full) {
      var text = a.text, marks = a.marks, cut = text.length;
      if (!full && text.length > SHORT) {
        // the figure that answers stays in view; else the first
        var shown = marks.filter(function (r) { return r.asked; })[0] || marks[0];
        var need = shown ? shown.end : 0;
        cut = text.lastIndexOf(" ", Math.max(SHORT, need + 40));
        if (cut <= need) cut = Math.max(SHORT, need);
        marks = marks.filter(function (r) { return r.end <= cut; });
        text = text.slice(0, cut).replace(/[\s,;:]+$/, "") + " …";
      }
      var p = highlighted("p", text, marks);
      p.className = "vg-answer";
      if (a.lang) p.setAttribute("lang", a.lang);
      box.textContent = "";
      box.appendChild(p);
      // The question's places (or organisations) the answer names nowhere, as the server found them
      // (`answer.unnamed`): its figure is mostly another place's. Right under the sentence and inside
      // the reply the log announces, so a screen reader reads it with the answer.
      if (a.unnamed.length) {
        var names = anyOf(a.unnamed, tt.or);
        box.appendChild(el("p", { "class": "vg-unnamed" }, [tt.unnamed.replace("{names}", function () { return names; })]));
      }
      var figs = figureList(marks);
      if (figs) box.appendChild(figs);
      if (a.inTitle) box.appendChild(el("p", { "class": "vg-from-title" }, [tt.fromTitle]));
      if (cut < a.text.length) {
        var more = el("button", { type: "button", "class": "vg-more" }, [tt.more]);
        more.addEventListener("click", function () { render(true); box.querySelector(".vg-answer").focus(); });
        box.appendChild(more);
      }
      if (full) p.setAttribute("tabindex", "-1");
    }
    render(false);
    return box;
  }

  function answerMessage(data, l) {
    var tt = T[l], a = readReply(data || {});
    var msg = el("div", { "class": "vg-msg vg-bot vg-reply", lang: l });
    if (a.none) {
      msg.classList.add("vg-none");
      msg.appendChild(el("p", null, [noAnswerText(a.why, tt, l)]));
    } else {
      msg.appendChild(answerBlock(a, tt));
    }
    var cards = a.sources.map(function (p) { return sourceCard(p, l); });
    if (cards.length) {
      msg.appendChild(el("h3", { "class": "vg-sources-title" }, [a.none ? tt.closest : tt.sources]));
      msg.appendChild(el("ol", { "class": "vg-sources" }, cards));
    }
    return msg;
  }

  relabel();
  var startOpen = script.hasAttribute("data-open");
  function mount() {
    document.body.appendChild(host);
    if (startOpen) open();
  }
  if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);

  window.Vigyapti = { open: open, close: close, ask: ask, setLang: setLang, version: "1" };
})();
