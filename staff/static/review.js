// The review page of a new document (staff/review.py): the text with the draft's
// quotes, the current measure's fields as controls, problems live, and the operations.
// Everything shown from the draft is set as text (textContent), never as markup.
(function () {
  "use strict";
  const doc = document.querySelector("[data-doc]").dataset.doc;
  const base = "/drafts/" + encodeURIComponent(doc);
  let state = null;
  let current = null;          // the current measure's id
  let problems = {};           // measure id -> problems from the last check
  let pending = null;          // debounced edit
  const $ = (id) => document.getElementById(id);
  const WHY = {decision: "判断", actor: "施行主体", lead: "牵头", named: "括号中牵头的单位", groups: "身份", gender: "性别",
    all_groups: "同时具备",
    tech_business: "科技型企业", audience: "对象", category: "类别", edited: "修改", added: "补充"};

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else if (k === "dataset") Object.assign(e.dataset, v);
      else e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }

  function say(text, bad) {
    const m = $("rv-msg");
    m.textContent = text || "";
    m.className = "rv-msg" + (bad ? " error" : "");
  }

  async function call(path, body) {
    const res = await fetch(base + path, {
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? {} : {"Content-Type": "application/json", "X-Review": "1"},
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
    const data = await res.json();
    if (!res.ok) throw new Error(data.error || res.statusText);
    return data;
  }

  async function apply(data) {
    state = data;
    Object.assign(problems, data.problems || {});
    // a rolled-back accept says why in the message; the measure is checked again as it stands
    if (data.rolled_back) delete problems[data.current];
    const ids = state.measures.map((m) => m.id);
    if (data.current !== undefined) current = data.current;
    if (!ids.includes(current)) current = ids.length ? ids[0] : null;
    render();
    if (current && problems[current] === undefined) await check(current);
  }

  async function check(mid) {
    try {
      const data = await call("/measure/" + encodeURIComponent(mid) + "/edit", {fields: {}});
      state = data;
      Object.assign(problems, data.problems || {});
      renderCurrent();
    } catch (e) { say(e.message, true); }
  }

  // ---- the text --------------------------------------------------------------------
  function renderText() {
    const text = state.text;
    const marks = [];
    for (const m of state.measures) marks.push({a: m.chars[0], b: m.chars[1], kind: "q", mid: m.id});
    for (const m of state.accepted) if (m.chars) marks.push({a: m.chars[0], b: m.chars[1], kind: "acc", mid: m.id});
    for (const s of state.left_out) marks.push({a: s.chars[0], b: s.chars[1], kind: "out", why: s.reason});
    for (const h of state.headings) marks.push({a: h.chars[0], b: h.chars[1], kind: "head"});
    for (const a of state.articles) if (!a.actionable)
      marks.push({a: a.chars[0], b: a.chars[1], kind: "internal", why: "未收录：" + a.reason});
    const cuts = new Set([0, text.length]);
    for (const k of marks) { cuts.add(k.a); cuts.add(k.b); }
    const points = [...cuts].filter((x) => x >= 0 && x <= text.length).sort((x, y) => x - y);
    const box = $("rv-text");
    box.replaceChildren();
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const on = marks.filter((k) => k.a <= a && b <= k.b);
      const span = el("span", {dataset: {o: String(a)}, text: text.slice(a, b)});
      const q = on.find((k) => k.kind === "q");
      const acc = on.find((k) => k.kind === "acc");
      const classes = [];
      if (q) { classes.push("q"); span.dataset.mid = q.mid; if (q.mid === current) classes.push("cur"); }
      else if (acc) { classes.push("q", "acc"); span.title = "已接受：" + acc.mid; }
      const out = on.find((k) => k.kind === "out" || k.kind === "internal");
      if (out) { classes.push(out.kind); span.title = out.why; }
      if (on.some((k) => k.kind === "head")) classes.push("head");
      span.className = classes.join(" ");
      box.append(span);
    }
  }

  function selectionSpan() {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const r = sel.getRangeAt(0);
    const box = $("rv-text");
    if (!box.contains(r.startContainer) || !box.contains(r.endContainer)) return null;
    const at = (node, offset) => {
      if (node.nodeType === Node.TEXT_NODE) return Number(node.parentElement.dataset.o) + offset;
      const child = node.childNodes[offset] || null;
      if (child && child.dataset) return Number(child.dataset.o);
      return state.text.length;
    };
    const a = at(r.startContainer, r.startOffset), b = at(r.endContainer, r.endOffset);
    return a < b ? [a, b] : null;
  }

  // ---- the measure list and the current measure -------------------------------------------
  function renderList() {
    const list = $("rv-list");
    list.replaceChildren();
    state.measures.forEach((m, i) => {
      list.append(el("button", {type: "button", class: m.id === current ? "cur" : "", dataset: {mid: m.id},
        title: m.quote, onclick: () => { current = m.id; render(); if (problems[m.id] === undefined) check(m.id); }},
        (i + 1) + ". " + (m.label || "") + " " + m.id));
    });
    if (!state.measures.length) list.append(el("span", {text: "草稿中的措施都已审阅完毕。"}));
  }

  function choiceBoxes(name, options, chosen, onchange) {
    const box = el("div", {class: "rv-choices", dataset: {field: name}});
    for (const o of options) {
      const id = "rv-" + name + "-" + o.id;
      box.append(el("label", {for: id},
        el("input", {type: "checkbox", id, value: o.id, checked: chosen.includes(o.id), onchange}),
        " " + o.label + (o.new ? "（新）" : "")));
    }
    return box;
  }

  function field(label, control) { return [el("label", {text: label}), control]; }

  // Who acts: a text that names functions (a national law: "县级以上地方人民政府…主管部门") lists
  // the measure's functions, the first leading; a text that names offices lists lead and support
  // agencies, and under a bracket "按职责分工负责" the function that makes the lead act.
  function who(m, ag, c, edit, checked) {
    const fns = m.functions || [];
    const options = (chosen) => [el("option", {value: ""}, "（不选）"),
      ...c.functions.map((f) => el("option", {value: f.id, selected: f.id === chosen, title: f.duty}, f.label))];
    if (state.by_function) {
      return [
        ...field("牵头职能（全国性文件写的是职能，由当事人所在地的这一部门办理）",
          el("select", {name: "lead_function_of_functions", id: "rv-function-lead",
            onchange: (e) => edit({functions: [e.target.value, ...fns.filter((f) => f !== e.target.value)].filter(Boolean)})},
            ...options(fns[0] || ""))),
        ...field("其他职能", choiceBoxes("functions", c.functions.filter((f) => f.id !== fns[0]), fns.slice(1),
          () => edit({functions: [fns[0], ...checked("functions")].filter(Boolean)}))),
      ];
    }
    return [
      ...field("牵头部门", choiceBoxes("lead", c.agencies.map((a) => ({id: a.id, label: a.name, new: a.new})),
        ag.lead || [], () => edit({lead: checked("lead")}))),
      ...field("配合部门", choiceBoxes("support", c.agencies.map((a) => ({id: a.id, label: a.name, new: a.new})),
        ag.support || [], () => edit({support: checked("support")}))),
      ...field("按职能牵头（括号写“按职责分工负责”时：牵头部门的职能）", el("select", {name: "lead_function",
        onchange: (e) => edit({lead_function: e.target.value})}, ...options(m.lead_function || ""))),
    ];
  }

  function renderCurrent() {
    const box = $("rv-current");
    box.replaceChildren();
    const m = state.measures.find((x) => x.id === current);
    if (!m) { box.append(el("p", {text: "没有待审的措施。可以选中原文补充一条，或回到草稿列表。"})); return; }
    const cond = m.conditions || {};
    const ag = m.agencies || {};
    const aud = Array.isArray(m.audience) ? m.audience : (m.audience ? [m.audience] : []);
    const c = state.choices;
    const edit = (fields) => schedule(m.id, fields);
    const checked = (name) => [...box.querySelectorAll(`[data-field="${name}"] input:checked`)].map((i) => i.value);
    const form = el("div", {class: "rv-form"},
      el("h2", {text: (m.label || ("第" + m.article + "条")) + "  ·  " + m.id}),
      el("div", {class: "rv-quote", id: "rv-quote", text: m.quote}),
      el("button", {type: "button", id: "rv-replace-quote", onclick: () => {
        const span = selectionSpan();
        if (!span) { say("先在左边原文中选中新的引文。", true); return; }
        edit({chars: span});
      }}, "用所选文字替换引文"),
      ...field("措施编号 id", el("input", {type: "text", name: "id", value: m.id, onchange: (e) => edit({id: e.target.value})})),
      ...field("标题（简短）", el("input", {type: "text", name: "title", value: m.title || "",
        onchange: (e) => edit({title: e.target.value})})),
      ...field("摘要（白话，忠实于原文，保留“探索、鼓励、逐步”等措辞）", el("textarea", {name: "summary", rows: 3,
        onchange: (e) => edit({summary: e.target.value})}, m.summary || "")),
      ...field("类别", el("select", {name: "category", onchange: (e) => edit({category: e.target.value})},
        ...c.categories.map((o) => el("option", {value: o.id, selected: o.id === m.category}, o.label)))),
      ...field("身份（不选 = 面向所有人）", choiceBoxes("groups", c.groups, cond.groups || [],
        () => edit({groups: checked("groups")}))),
      ...field("性别", el("select", {name: "gender", onchange: (e) => edit({gender: e.target.value})},
        ...c.genders.map((o) => el("option", {value: o.id, selected: (cond.gender || "") === o.id}, o.label)))),
      el("label", {}, el("input", {type: "checkbox", name: "all_groups", checked: !!m.all_groups,
        onchange: (e) => edit({all_groups: e.target.checked ? "true" : ""})}), " 须同时具备所选的全部身份（如 残疾退役军人）"),
      el("label", {}, el("input", {type: "checkbox", name: "tech", checked: !!cond.tech_business,
        onchange: (e) => edit({tech: e.target.checked ? "true" : ""})}), " 仅限科技型企业"),
      ...field("对象（引文写的受益者）", choiceBoxes("audience", c.audiences, aud, () => edit({audience: checked("audience")}))),
      ...who(m, ag, c, edit, checked),
      ...field("牵头依据（原文中说明由谁办理的原话，可不填）", el("input", {type: "text", name: "lead_reason",
        value: m.lead_reason || "", onchange: (e) => edit({lead_reason: e.target.value})})),
      ...field("备注（可不填）", el("input", {type: "text", name: "note", value: m.note || "",
        onchange: (e) => edit({note: e.target.value})})),
    );
    box.append(form);
    const why = el("div", {class: "rv-why"}, el("strong", {text: "起草依据："}));
    for (const [k, v] of Object.entries(m.why || {})) why.append(el("div", {text: (WHY[k] || k) + "：" + v}));
    box.append(why);
    if ((m.review || []).length) {
      const rev = el("div", {class: "rv-review"}, el("strong", {text: "请核对："}));
      for (const r of m.review) rev.append(el("div", {text: "？ " + r}));
      box.append(rev);
    }
    const found = problems[m.id];
    if (found === undefined) box.append(el("div", {class: "rv-ok", id: "rv-problems", text: "正在检查…"}));
    else if (found.length) {
      const p = el("div", {class: "rv-problems", id: "rv-problems"}, el("strong", {text: "接受前须解决："}));
      for (const x of found) p.append(el("div", {text: x}));
      box.append(p);
    } else box.append(el("div", {class: "rv-ok", id: "rv-problems", text: "检查通过：可以接受。"}));
    const others = state.measures.filter((x) => x.article === m.article && x.id !== m.id);
    box.append(el("div", {class: "rv-actions"},
      el("button", {type: "button", id: "rv-accept", disabled: !found || found.length > 0,
        onclick: () => op("/measure/" + encodeURIComponent(m.id) + "/accept", {},
          (d) => d.rolled_back ? "未接受，已撤回：" + (d.problems[m.id] || []).join("；") : "已接受 " + d.accepted + "，已写入规则和情形用例。")},
        "接受"),
      el("button", {type: "button", id: "rv-reject",
        onclick: () => op("/measure/" + encodeURIComponent(m.id) + "/reject", {}, () => "不要 " + m.id)}, "不要"),
      others.length ? el("select", {id: "rv-merge-with"}, ...others.map((o) => el("option", {value: o.id}, o.id))) : null,
      others.length ? el("button", {type: "button", id: "rv-merge", onclick: () => op(
        "/measure/" + encodeURIComponent(m.id) + "/merge", {with: $("rv-merge-with").value}, (d) => "已合并为 " + d.current)},
        "与所选合并") : null,
      el("button", {type: "button", id: "rv-split", onclick: () => {
        const span = selectionSpan();
        if (!span) { say("先在原文的引文中点选拆分处（选中拆分处之后的几个字）。", true); return; }
        op("/measure/" + encodeURIComponent(m.id) + "/split", {at: span[0]}, (d) => "已拆分，当前为 " + d.current);
      }}, "在所选处拆分")));
  }

  function schedule(mid, fields) {
    // edits are saved together after a short pause; accepting waits for them
    const merged = Object.assign(pending && pending.mid === mid ? pending.fields : {}, fields);
    pending = {mid, fields: merged};
    document.body.dataset.pending = "1";
    const accept = $("rv-accept");
    if (accept) accept.disabled = true;
    clearTimeout(schedule.t);
    schedule.t = setTimeout(async () => {
      const body = {fields: pending.fields};
      pending = null;
      try {
        const d = await call("/measure/" + encodeURIComponent(mid) + "/edit", body);
        problems[d.current] = d.problems[d.current];
        delete document.body.dataset.pending;
        await apply(d);
        say("已保存修改（" + Object.keys(body.fields).join("、") + "）。");
      } catch (e) {
        delete document.body.dataset.pending;
        say(e.message, true);
      }
    }, 250);
  }

  async function op(path, body, message) {
    try {
      const d = await call(path, body);
      await apply(d);
      say(message(d), !!d.rolled_back);
    } catch (e) { say(e.message, true); }
  }

  // ---- metadata, new agency / group, left out ---------------------------------------------------
  function renderMeta() {
    const box = $("rv-meta");
    box.replaceChildren();
    const s = state.source;
    const fields = [["title", "标题"], ["short_title", "简称（引用时用）"], ["issuer", "发文机关"],
      ["number", "文号"], ["issued", "成文日期"], ["adopted", "通过或修订日期（法律、法规）"], ["in_force", "施行日期"],
      ["valid_until", "有效期至"],
      ["period_label", "规划期（如 2021—2023年）"]];
    const rows = el("div", {class: "row"});
    for (const [k, label] of fields) {
      rows.append(el("label", {for: "rv-src-" + k, text: label}),
        el("input", {type: ["issued", "adopted", "in_force", "valid_until"].includes(k) ? "date" : "text",
          id: "rv-src-" + k, name: k, value: s[k] || ""}));
    }
    rows.append(el("label", {for: "rv-src-publisher", text: "发布部门（文件未指定责任部门时）"}),
      el("select", {id: "rv-src-publisher", name: "publisher"}, el("option", {value: ""}, "（不填）"),
        ...state.choices.agencies.map((a) => el("option", {value: a.id, selected: s.publisher === a.id}, a.name))));
    box.append(el("h2", {text: "文件信息"}), rows);
    const ev = state.source_evidence || {};
    if (Object.keys(ev).length) {
      const e = el("div", {class: "note"}, el("strong", {text: "从原文读到："}));
      for (const [k, v] of Object.entries(ev)) e.append(el("div", {text: k + "：“" + v + "”"}));
      box.append(e);
    }
    const todo = [...(state.source_problems || []), ...(state.source_review || [])];
    if (todo.length) {
      const t = el("div", {class: "rv-problems", id: "rv-source-problems"}, el("strong", {text: "请补充或核对："}));
      for (const x of todo) t.append(el("div", {text: x}));
      box.append(t);
    }
    box.append(el("button", {type: "button", id: "rv-save-meta", onclick: () => {
      const f = {};
      for (const [k] of fields) f[k] = $("rv-src-" + k).value;
      f.publisher = $("rv-src-publisher").value;
      op("/source", {fields: f}, (d) => (d.refused || []).length ? "未保存：" + d.refused.join("；") : "已保存文件信息。");
    }}, "保存文件信息"));
  }

  function renderNewForms() {
    const box = $("rv-new-forms");
    if (box.childElementCount) return;
    box.append(el("h3", {text: "新增部门"}),
      ...field("简称（如 市人社局）", el("input", {type: "text", id: "rv-ag-name"})),
      ...field("全称", el("input", {type: "text", id: "rv-ag-full"})),
      ...field("层级", el("select", {id: "rv-ag-level"}, ...state.choices.levels.map((o) => el("option", {value: o.id}, o.label)))),
      el("button", {type: "button", id: "rv-ag-add", onclick: () => op("/agency",
        {name: $("rv-ag-name").value, full_name: $("rv-ag-full").value, level: $("rv-ag-level").value},
        (d) => "已新增部门 " + d.added_agency + "：可以在牵头、配合部门中选用。")}, "新增部门"),
      el("h3", {text: "新增身份（人群）"}),
      ...field("编号（小写英文，如 disabled）", el("input", {type: "text", id: "rv-gr-id"})),
      ...field("名称", el("input", {type: "text", id: "rv-gr-label"})),
      ...field("同义词（逗号分隔）", el("input", {type: "text", id: "rv-gr-syn"})),
      el("button", {type: "button", id: "rv-gr-add", onclick: () => op("/group",
        {id: $("rv-gr-id").value, label: $("rv-gr-label").value, synonyms: $("rv-gr-syn").value},
        (d) => "已新增身份 " + d.added_group + "（接受用到它的措施时写入 facts.yml；之后运行 make gen 和 make train）。")},
        "新增身份"));
  }

  function renderLeft() {
    const box = $("rv-left");
    box.replaceChildren();
    const list = el("ul", {});
    for (const a of state.articles) if (!a.actionable) list.append(el("li", {text: a.label + " " + (a.title || "") + " — " + a.reason}));
    for (const s of state.left_out) list.append(el("li", {text: "略去 " + s.chars[0] + "–" + s.chars[1] + "：" + s.reason + "（" + s.text + "）"}));
    box.append(list);
  }

  function render() {
    const p = state.progress;
    $("rv-title").textContent = state.source.short_title || state.source.title || doc;
    $("rv-progress").textContent = `已审阅 ${p.reviewed} / ${p.total}（接受 ${p.accepted}，不要 ${p.rejected}）`;
    renderText();
    renderList();
    renderCurrent();
    renderMeta();
    renderNewForms();
    renderLeft();
    if (!state.in_rules && (state.source_problems || []).length) $("rv-meta").hidden = false;
  }

  $("rv-text").addEventListener("click", (e) => {
    const mid = e.target.dataset && e.target.dataset.mid;
    if (mid && window.getSelection().isCollapsed) {
      current = mid;
      render();
      if (problems[mid] === undefined) check(mid);
    }
  });
  $("rv-meta-toggle").addEventListener("click", () => { $("rv-meta").hidden = !$("rv-meta").hidden; });
  $("rv-add-selection").addEventListener("click", () => {
    const span = selectionSpan();
    if (!span) { say("先在左边原文中选中要补充的一段（须在一个条款内）。", true); return; }
    op("/add", {start: span[0], end: span[1]}, (d) => "已补充 " + d.current + "：请逐项核对。");
  });
  call("/state").then(apply).catch((e) => say(e.message, true));
})();
