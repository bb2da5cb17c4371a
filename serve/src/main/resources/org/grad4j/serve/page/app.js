// The grad4j page: every number comes from the server, which runs grad4j's own commands.
"use strict";
const $ = id => document.getElementById(id);

async function api(path, body) {
  const r = await fetch(path, body === undefined ? {} : {
    method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
  let data = null;
  try { data = await r.json(); } catch (e) { data = {error: "bad answer from the server (" + r.status + ")"}; }
  return {ok: r.ok, status: r.status, data};
}

const fmt = v => v === null || v === undefined || !Number.isFinite(v) ? String(v) : (Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-4 && v !== 0)) ? v.toExponential(3) : String(+v.toPrecision(6));

// ---------- tabs ----------
document.querySelectorAll("nav a.tab").forEach(a => a.addEventListener("click", ev => {
  ev.preventDefault();
  document.querySelectorAll("nav a.tab").forEach(b => b.classList.toggle("active", b === a));
  document.querySelectorAll(".panel").forEach(p => p.classList.toggle("active", p.id === a.dataset.tab));
  if (a.dataset.tab === "lab") Lab.update();
}));

let INFO = {optimizers: ["sgd", "momentum", "adagrad", "adam"], datasets: ["mnist-sample"]};

// ---------- descent playground ----------
const Playground = (() => {
  const canvas = $("field"), ctx = canvas.getContext("2d");
  const PRESETS = {
    lr: {expr: "x0^2 + x1^2", range: [-5, 5, -5, 5], start: [-3, 4], steps: 100, minimum: [0, 0],
      opts: [["sgd", 0.1], ["sgd", 10], ["sgd", 1e-10]]},
    book: {expr: "x^2/20 + y^2", range: [-10, 10, -5, 5], start: [-7, 2], steps: 30, minimum: [0, 0],
      opts: [["sgd", 0.95], ["momentum", 0.1], ["adagrad-book", 1.5], ["adam-book", 0.3]]},
    rosenbrock: {expr: "(1 - x)^2 + 100*(y - x^2)^2", range: [-2, 2, -1, 3], start: [-1.5, 2], steps: 1000, minimum: [1, 1],
      opts: [["adam", 0.05], ["sgd", 0.001], ["momentum", 0.001]]},
    saddle: {expr: "x^2 - y^2", range: [-2, 2, -2, 2], start: [-1.5, 0.01], steps: 50, opts: [["sgd", 0.1], ["momentum", 0.1], ["adam", 0.1]]},
  };
  const st = {expr: "x^2/20 + y^2", range: [-10, 10, -5, 5], start: [-7, 2], steps: 30, gradient: "exact",
    opts: [{name: "sgd", lr: 0.95}, {name: "adam", lr: 0.3}]};
  let field = null, background = null, results = null, values = null, frame = 0, playing = false, last = 0;
  let statsAt = 0, behaviours = null, resultsFor = null, ends = [], fieldSeq = 0, runSeq = 0, parseSeq = 0, dirty = true;

  function fr() { const r = st.range; return Plots.frame(canvas, r[0], r[1], r[2], r[3], {pad: {l: 40, r: 8, t: 8, b: 26}}); }

  function fromHash() {
    const p = new URLSearchParams(location.hash.slice(1));
    if (!p.has("expr")) return;
    st.expr = p.get("expr");
    const nums = k => p.has(k) ? p.get(k).split(",").map(Number) : null;
    st.range = nums("range") || st.range; st.start = nums("from") || st.start;
    st.steps = +(p.get("steps") || st.steps); st.gradient = p.get("gradient") || "exact";
    if (p.get("optimizers")) st.opts = p.get("optimizers").split(",").map(s => { const [n, lr, ...rest] = s.split(":"); return {name: n, lr: +lr, extra: rest.join(":").replace(/[^a-z0-9_.=:+-]/gi, "")}; });
  }
  function toHash() {
    const p = new URLSearchParams({expr: st.expr, range: st.range.join(","), from: st.start.join(","), steps: st.steps,
      gradient: st.gradient, optimizers: specs()});
    history.replaceState(null, "", "#" + p.toString());
  }
  const specs = () => st.opts.map(o => o.name + ":" + o.lr + (o.extra ? ":" + o.extra : "")).join(",");
  const quote = s => "'" + s.replace(/'/g, "'\\''") + "'";
  function command() {
    return "./grad4j compare " + quote(st.expr) + " --from " + st.start.join(",") + " --steps " + st.steps
      + " --gradient " + st.gradient + " --optimizers " + specs();
  }

  function syncInputs() {
    $("expr").value = st.expr; $("range").value = st.range.join(","); $("steps").value = st.steps; $("gradient").value = st.gradient;
    $("start").textContent = "(" + st.start.join(", ") + ")";
    renderRows();
  }

  function renderRows() {
    const body = $("optimizers").tBodies[0];
    body.textContent = "";
    st.opts.forEach((o, i) => {
      const tr = document.createElement("tr");
      tr.className = "opt"; tr.dataset.index = i;
      const sel = `<select class="opt-name">${INFO.optimizers.map(n => `<option${n === o.name ? " selected" : ""}>${n}</option>`).join("")}</select>`;
      tr.innerHTML = `<td><span class="swatch" style="background:${Plots.COLORS[i % 8]}"></span></td><td>${sel}</td>`
        + `<td><input class="opt-lr" type="range" min="-10" max="1" step="0.01" value="${Math.log10(o.lr)}"> <span class="lr-text">${o.lr}</span>`
        + ` <input class="opt-extra" size="12" placeholder="key=value:..." title="more hyperparameters, KEY=VALUE:..., torch's names" value="${o.extra || ""}"></td>`
        + `<td class="s-steps"></td><td class="s-f"></td><td class="s-g"></td><td class="s-status"></td><td class="s-behaviour"></td><td><button class="opt-remove">×</button></td>`;
      tr.querySelector(".opt-name").addEventListener("change", e => { o.name = e.target.value; run(); });
      const slider = tr.querySelector(".opt-lr");
      slider.addEventListener("input", e => { o.lr = +Math.pow(10, +e.target.value).toPrecision(3); tr.querySelector(".lr-text").textContent = o.lr; });
      slider.addEventListener("change", () => run());
      tr.querySelector(".opt-extra").addEventListener("change", e => { o.extra = e.target.value.replace(/[^a-z0-9_.=:+-]/gi, ""); run(); });
      tr.querySelector(".opt-remove").addEventListener("click", () => { st.opts.splice(i, 1); renderRows(); run(); });
      body.appendChild(tr);
    });
  }

  function showError(el, input, err) {
    if (!err) { el.hidden = true; el.textContent = ""; delete el.dataset.column; input.classList.remove("bad"); return; }
    el.hidden = false; input.classList.add("bad");
    el.textContent = err.error + (err.column ? "\n" + input.value + "\n" + " ".repeat(err.column - 1) + "^" : "");
    if (err.column) el.dataset.column = err.column; else delete el.dataset.column;
  }

  async function changed() {
    const seq = ++parseSeq;
    const text = $("expr").value;
    const r = await api("/api/parse", {expr: text});
    if (seq !== parseSeq) return;
    if (!r.ok) { showError($("expr-error"), $("expr"), r.data); return; }
    if (r.data.variables.length !== 2) {
      showError($("expr-error"), $("expr"), {error: "the playground needs a function of 2 variables, '" + text + "' has " + r.data.variables.length + " " + JSON.stringify(r.data.variables)});
      return;
    }
    showError($("expr-error"), $("expr"), null);
    st.expr = text;
    await loadField();
    await run();
  }

  async function loadField() {
    const seq = ++fieldSeq, r = st.range;
    const grid = Math.max((r[1] - r[0]) / 80, (r[3] - r[2]) / 55);
    const res = await api("/api/field", {expr: st.expr, range: r, grid: +grid.toPrecision(6)});
    if (seq !== fieldSeq) return;
    if (!res.ok) { showError($("expr-error"), $("expr"), res.data); return; }
    field = res.data; background = null; dirty = true;
    canvas.dataset.fieldPoints = field.x.length * field.y.length;
  }

  function drawBackground(f) {
    const off = document.createElement("canvas"); off.width = canvas.width; off.height = canvas.height;
    const c = off.getContext("2d");
    const xs = field.x, ys = field.y, F = field.f;
    let lo = Infinity, hi = -Infinity;
    F.forEach(row => row.forEach(v => { if (v !== null && Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); } }));
    const hx = (xs[1] - xs[0]) || 1, hy = (ys[1] - ys[0]) || 1;
    for (let j = 0; j < ys.length; j++) for (let i = 0; i < xs.length; i++) {
      const v = F[j][i];
      const t = v === null ? 1 : Math.log1p((v - lo) / ((hi - lo) || 1) * 1000) / Math.log(1001);
      const [R, G, B] = Plots.ramp(t);
      c.fillStyle = `rgb(${R | 0},${G | 0},${B | 0})`;
      const x0 = f.px(xs[i] - hx / 2), x1 = f.px(xs[i] + hx / 2), y0 = f.py(ys[j] + hy / 2), y1 = f.py(ys[j] - hy / 2);
      c.fillRect(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }
    // arrows of -grad f on a coarser grid, lengths by the square root of |grad f|
    const every = 5;
    let gmax = 0;
    for (let j = 0; j < ys.length; j += every) for (let i = 0; i < xs.length; i += every) {
      const n = Math.hypot(field.gradient_x[j][i], field.gradient_y[j][i]); if (Number.isFinite(n)) gmax = Math.max(gmax, n);
    }
    c.strokeStyle = "rgba(255,255,255,0.85)"; c.lineWidth = 1;
    const cell = Math.min(f.px(xs[0] + every * hx) - f.px(xs[0]), f.py(ys[0]) - f.py(ys[0] + every * hy));
    for (let j = 0; j < ys.length; j += every) for (let i = 0; i < xs.length; i += every) {
      const gx = field.gradient_x[j][i], gy = field.gradient_y[j][i], n = Math.hypot(gx, gy);
      if (!Number.isFinite(n) || n === 0) continue;
      const len = 0.9 * cell * Math.sqrt(n / gmax), ux = -gx / n, uy = gy / n; // screen y points down
      const x = f.px(xs[i]), y = f.py(ys[j]), ex = x + ux * len, ey = y + uy * len;
      c.beginPath(); c.moveTo(x, y); c.lineTo(ex, ey);
      const a = Math.atan2(uy, ux);
      c.lineTo(ex - 4 * Math.cos(a - 0.4), ey - 4 * Math.sin(a - 0.4)); c.moveTo(ex, ey);
      c.lineTo(ex - 4 * Math.cos(a + 0.4), ey - 4 * Math.sin(a + 0.4)); c.stroke();
    }
    return off;
  }

  async function run() {
    toHash();
    $("command").textContent = command();
    const seq = ++runSeq;
    const r = await api("/api/compare", {expr: st.expr, from: st.start, steps: st.steps, gradient: st.gradient, optimizers: specs()});
    if (seq !== runSeq) return;
    if (!r.ok) { showError($("expr-error"), $("expr"), r.data); results = null; dirty = true; return; }
    results = r.data.results; values = null; behaviours = null;
    resultsFor = JSON.stringify([st.expr, st.start, st.steps, st.gradient, specs()]);
    frame = 0; playing = true; last = 0; dirty = true;
    const v = await api("/api/values", {expr: st.expr, points: results.flatMap(x => x.history.map(p => p.map(c => c === null ? NaN : c)))});
    if (seq !== runSeq || !v.ok) return;
    const vals = [];
    let k = 0;
    for (const res of results) { const n = res.history.length; vals.push({f: v.data.f.slice(k, k + n), g: v.data.gradient_norm.slice(k, k + n)}); k += n; }
    values = vals; dirty = true;
    // lr-sweep's behaviour of each path, against the preset's known minimum or the lowest f seen
    const preset = Object.values(PRESETS).find(p => p.expr === st.expr && p.minimum);
    const b = await api("/api/behaviour", {expr: st.expr, paths: results.map(x => ({points: x.history, status: x.status})),
      minimum: preset ? preset.minimum : null});
    if (seq !== runSeq) return;
    behaviours = b.ok ? b.data.behaviours : null;
    dirty = true;
  }

  function maxFrame() { return results ? Math.max(...results.map(r => r.history.length - 1)) : 0; }

  function draw() {
    const f = fr();
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (field) { if (!background) background = drawBackground(f); ctx.drawImage(background, 0, 0); }
    Plots.axes(ctx, f, field ? field.variables[0] : "x", field ? field.variables[1] : "y");
    ends = [];
    // the table's text at most 10 times a second while playing: the canvas redraws each frame, the page's layout does not
    const statsDue = !playing || performance.now() - statsAt > 100;
    if (statsDue) statsAt = performance.now();
    if (results) {
      const n = Math.floor(frame);
      results.forEach((res, i) => {
        const h = res.history, upto = Math.min(n, h.length - 1);
        ctx.save(); ctx.beginPath(); ctx.rect(f.pad.l, f.pad.t, f.w, f.h); ctx.clip();
        ctx.strokeStyle = Plots.COLORS[i % 8]; ctx.fillStyle = ctx.strokeStyle; ctx.lineWidth = 2; ctx.beginPath();
        let endPx = null, endIndex = -1;
        for (let s = 0; s <= upto; s++) {
          const p = h[s]; if (!p || p[0] === null || p[1] === null) break;
          const x = f.px(p[0]), y = f.py(p[1]);
          if (s === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
          endPx = [x, y]; endIndex = s;
        }
        ctx.stroke();
        if (endPx) { ctx.beginPath(); ctx.arc(endPx[0], endPx[1], 3.5, 0, 2 * Math.PI); ctx.fill(); }
        ctx.restore();
        ends.push({name: res.name, lr: res.lr, step: endIndex, point: endIndex >= 0 ? h[endIndex] : null});
        const row = $("optimizers").tBodies[0].rows[i];
        if (statsDue && row && values && values[i]) {
          const s = Math.max(0, endIndex);
          const status = upto >= h.length - 1 || endIndex < upto ? res.status : "running";
          row.querySelector(".s-steps").textContent = s;
          row.querySelector(".s-f").textContent = fmt(values[i].f[s]);
          row.querySelector(".s-g").textContent = fmt(values[i].g[s]);
          const cell = row.querySelector(".s-status");
          cell.textContent = status; cell.className = "s-status status-" + status;
          row.querySelector(".s-behaviour").textContent = status !== "running" && behaviours ? (behaviours[i] || "") : "";
        }
      });
    }
    // the start point
    const sx = f.px(st.start[0]), sy = f.py(st.start[1]);
    ctx.strokeStyle = "#fff"; ctx.lineWidth = 2; ctx.beginPath(); ctx.arc(sx, sy, 5, 0, 2 * Math.PI); ctx.stroke();
    if (statsDue) $("frame").textContent = Math.min(Math.floor(frame), maxFrame());
  }

  function tick(t) {
    if (playing && results) {
      const speed = Math.max(10, maxFrame() / 3); // the whole race in about 3 s
      if (last) frame = Math.min(maxFrame(), frame + (t - last) / 1000 * speed);
      if (frame >= maxFrame()) playing = false;
      dirty = true;
    }
    last = t;
    if (dirty) { draw(); dirty = false; }
    requestAnimationFrame(tick);
  }

  function setup() {
    fromHash(); syncInputs();
    let timer = 0;
    $("expr").addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(changed, 120); });
    $("range").addEventListener("change", () => {
      const r = $("range").value.split(",").map(Number);
      if (r.length === 4 && r.every(Number.isFinite) && r[0] < r[1] && r[2] < r[3]) { st.range = r; loadField(); toHash(); }
    });
    $("steps").addEventListener("change", () => { st.steps = Math.max(1, +$("steps").value | 0); run(); });
    $("gradient").addEventListener("change", () => { st.gradient = $("gradient").value; run(); });
    $("play").addEventListener("click", () => { if (frame >= maxFrame()) frame = 0; playing = true; last = 0; });
    $("pause").addEventListener("click", () => { playing = false; });
    $("step").addEventListener("click", () => { playing = false; frame = Math.min(maxFrame(), Math.floor(frame) + 1); dirty = true; });
    $("reset").addEventListener("click", () => { playing = false; frame = 0; dirty = true; });
    $("add-optimizer").addEventListener("click", () => { st.opts.push({name: "adam", lr: 0.1}); renderRows(); run(); });
    $("copy-command").addEventListener("click", () => { navigator.clipboard && navigator.clipboard.writeText(command()).catch(() => {}); });
    $("preset").addEventListener("change", () => {
      const p = PRESETS[$("preset").value]; if (!p) return;
      Object.assign(st, {expr: p.expr, range: p.range.slice(), start: p.start.slice(), steps: p.steps,
        opts: p.opts.map(([name, lr]) => ({name, lr}))});
      syncInputs(); changed();
    });
    // click: start point; drag: pan; wheel: zoom
    let down = null;
    canvas.addEventListener("mousedown", e => { down = {x: e.offsetX, y: e.offsetY, range: st.range.slice(), moved: false}; });
    canvas.addEventListener("mousemove", e => {
      if (!down) return;
      const dx = e.offsetX - down.x, dy = e.offsetY - down.y;
      if (Math.hypot(dx, dy) > 4) down.moved = true;
      if (!down.moved) return;
      const f = fr(), r = down.range, kx = (r[1] - r[0]) / f.w, ky = (r[3] - r[2]) / f.h;
      st.range = [r[0] - dx * kx, r[1] - dx * kx, r[2] + dy * ky, r[3] + dy * ky].map(v => +v.toPrecision(6));
      background = null; dirty = true;
    });
    canvas.addEventListener("mouseup", e => {
      if (!down) return;
      const moved = down.moved; down = null;
      if (moved) { $("range").value = st.range.join(","); loadField(); toHash(); return; }
      const f = fr();
      st.start = [+f.dx(e.offsetX).toPrecision(4), +f.dy(e.offsetY).toPrecision(4)];
      $("start").textContent = "(" + st.start.join(", ") + ")";
      run();
    });
    canvas.addEventListener("wheel", e => {
      e.preventDefault();
      const f = fr(), cx = f.dx(e.offsetX), cy = f.dy(e.offsetY), k = e.deltaY > 0 ? 1.25 : 0.8, r = st.range;
      st.range = [cx + (r[0] - cx) * k, cx + (r[1] - cx) * k, cy + (r[2] - cy) * k, cy + (r[3] - cy) * k].map(v => +v.toPrecision(6));
      $("range").value = st.range.join(","); background = null; dirty = true;
      clearTimeout(timer); timer = setTimeout(() => { loadField(); toHash(); }, 150);
    }, {passive: false});
    requestAnimationFrame(tick);
    changed();
  }
  // for tests: whether the race shown is the one the current inputs ask for, played to its end
  const finished = () => results !== null && values !== null && !playing && frame >= maxFrame() && !dirty
    && resultsFor === JSON.stringify([st.expr, st.start, st.steps, st.gradient, specs()]);
  return {setup, ends: () => ends, state: () => st, results: () => results, playing: () => playing, finished, command};
})();

// ---------- derivative lab ----------
const Lab = (() => {
  const plot = $("lab-plot"), rounding = $("lab-rounding");
  let curve = null, seq = 0, pending = false;
  const METHODS = [["book", "book (central, h = 1e-4)"], ["forward", "forward difference"], ["central", "central difference"],
    ["richardson", "grad4j default (richardson)"], ["exact", "exact (reverse mode)"]];

  function win() { const w = $("lab-window").value.split(",").map(Number); return w.length === 2 && w[0] < w[1] ? w : [-3, 3]; }

  async function update() {
    const s = ++seq, expr = $("lab-expr").value, x = +$("lab-x").value, w = win();
    const c = await api("/api/curve", {expr, from: w[0], to: w[1], points: 400});
    if (s !== seq) return;
    const err = $("lab-error");
    if (!c.ok) {
      err.hidden = false; err.textContent = c.data.error + (c.data.column ? "\n" + expr + "\n" + " ".repeat(c.data.column - 1) + "^" : "");
      if (c.data.column) err.dataset.column = c.data.column;
      return;
    }
    err.hidden = true; delete err.dataset.column;
    curve = c.data;
    const diffs = await Promise.all(METHODS.map(([m]) => api("/api/diff", {expr, at: x, method: m})));
    const round = await api("/api/rounding", {expr, at: x});
    if (s !== seq) return;
    const exact = diffs[4].ok ? diffs[4].data.derivative : NaN;
    const body = $("lab-table").tBodies[0];
    body.textContent = "";
    METHODS.forEach(([m, label], i) => {
      const d = diffs[i].data, tr = document.createElement("tr");
      tr.innerHTML = diffs[i].ok ? `<td>${label}</td><td>${fmt(d.derivative)}</td><td>${fmt(Math.abs(d.derivative - exact))}</td><td>${fmt(d.error)}</td>`
        : `<td>${label}</td><td colspan="3">${d.error}</td>`;
      body.appendChild(tr);
    });
    drawCurve(x, exact);
    if (round.ok) drawRounding(round.data);
  }

  function drawCurve(x, slope) {
    const ctx = plot.getContext("2d"), xs = curve.x, fs = curve.f.map(v => v === null ? NaN : v);
    const fin = fs.filter(Number.isFinite);
    let lo = Math.min(...fin), hi = Math.max(...fin); if (!(hi > lo)) { lo -= 1; hi += 1; }
    const f = Plots.frame(plot, xs[0], xs[xs.length - 1], lo - 0.05 * (hi - lo), hi + 0.05 * (hi - lo));
    ctx.clearRect(0, 0, plot.width, plot.height);
    Plots.axes(ctx, f, "x", "f(x)");
    Plots.line(ctx, f, xs, fs, "#1e88e5", 2);
    const k = xs.reduce((b, v, i) => Math.abs(v - x) < Math.abs(xs[b] - x) ? i : b, 0), fx = fs[k];
    const span = xs[xs.length - 1] - xs[0];
    Plots.line(ctx, f, [x - span, x + span], [fx - slope * span, fx + slope * span], "#e53935", 1.5);
    ctx.fillStyle = "#e53935"; ctx.beginPath(); ctx.arc(f.px(x), f.py(fx), 4, 0, 2 * Math.PI); ctx.fill();
    plot.dataset.x = x;
    plot._frame = f;
  }

  function drawRounding(r) {
    const ctx = rounding.getContext("2d");
    const all = r.forward_error.concat(r.central_error).filter(v => v > 0 && Number.isFinite(v));
    const lo = Math.max(1e-18, Math.min(...all)), hi = Math.max(...all) * 10;
    const f = Plots.frame(rounding, 1e-16, 1, lo, hi, {logx: true, logy: true});
    ctx.clearRect(0, 0, rounding.width, rounding.height);
    Plots.axes(ctx, f, "h", "|error| (rounding lesson)");
    Plots.line(ctx, f, r.h, r.forward_error, "#fb8c00", 2);
    Plots.line(ctx, f, r.h, r.central_error, "#43a047", 2);
    ctx.strokeStyle = "#999"; ctx.setLineDash([4, 4]); ctx.beginPath(); ctx.moveTo(f.px(1e-4), f.pad.t); ctx.lineTo(f.px(1e-4), f.pad.t + f.h); ctx.stroke(); ctx.setLineDash([]);
    Plots.legend(ctx, f, [{label: "forward", color: "#fb8c00"}, {label: "central", color: "#43a047"}, {label: "h = 1e-4 (book)", color: "#999"}]);
  }

  function setup() {
    let timer = 0;
    const later = () => { clearTimeout(timer); timer = setTimeout(update, 120); };
    ["lab-expr", "lab-x", "lab-window"].forEach(id => $(id).addEventListener("input", later));
    let drag = false;
    const move = e => {
      if (!drag || !plot._frame || pending) return;
      pending = true;
      requestAnimationFrame(() => { pending = false; $("lab-x").value = +plot._frame.dx(e.offsetX).toPrecision(4); update(); });
    };
    plot.addEventListener("mousedown", e => { drag = true; move(e); });
    plot.addEventListener("mousemove", move);
    window.addEventListener("mouseup", () => { drag = false; });
  }
  return {setup, update};
})();

// ---------- training ----------
const Training = (() => {
  const canvas = $("train-curve");
  let loss = [], evals = [], total = 1, source = null, pending = false;

  function draw() {
    pending = false;
    const ctx = canvas.getContext("2d");
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const maxLoss = Math.max(0.5, ...loss.map(p => p[1]).filter(Number.isFinite));
    const f = Plots.frame(canvas, 0, total, 0, maxLoss * 1.05, {pad: {l: 50, r: 50, t: 12, b: 30}});
    Plots.axes(ctx, f, "iteration", "loss");
    Plots.line(ctx, f, loss.map(p => p[0]), loss.map(p => p[1]), "#1e88e5", 1.5);
    const a = Plots.frame(canvas, 0, total, 0, 1, {pad: {l: 50, r: 50, t: 12, b: 30}});
    Plots.line(ctx, a, evals.map(p => p[0]), evals.map(p => p[1]), "#43a047", 2);
    Plots.line(ctx, a, evals.map(p => p[0]), evals.map(p => p[2]), "#e53935", 2);
    ctx.fillStyle = "#444"; ctx.font = "11px sans-serif"; ctx.textAlign = "left";
    for (let t = 0; t <= 1; t += 0.25) ctx.fillText(t.toFixed(2), a.pad.l + a.w + 4, a.py(t));
    Plots.legend(ctx, f, [{label: "loss", color: "#1e88e5"}, {label: "train accuracy", color: "#43a047"}, {label: "test accuracy", color: "#e53935"}]);
    canvas.dataset.points = loss.length;
    canvas.dataset.evals = evals.length;
    // how many points each drawing had (the last 50), so that a test can see the curve grow
    const drawn = (canvas.dataset.drawn ? canvas.dataset.drawn.split(",") : []).filter(v => v !== "0").concat(String(loss.length));
    canvas.dataset.drawn = drawn.slice(-50).join(",");
  }
  const redraw = () => { if (!pending) { pending = true; requestAnimationFrame(draw); } };

  function done(d) {
    draw(); // the last evaluation's point, before the state says done
    $("train-start").disabled = false; $("train-stop").disabled = true;
    $("train-status").textContent = (d.stopped ? "stopped" : "done") + ": " + d.iterations + " iterations in " + d.seconds.toFixed(1)
      + " s, train accuracy " + d.train_accuracy.toFixed(4) + ", test accuracy " + d.test_accuracy.toFixed(4);
    $("train-status").dataset.state = "done";
    const t = $("confusion");
    t.innerHTML = "<tr><th>true \\ predicted</th>" + d.confusion.map((_, k) => `<th>${k}</th>`).join("") + "</tr>"
      + d.confusion.map((row, i) => `<tr><th>${i}</th>` + row.map((v, j) => `<td style="background:${i === j ? "rgba(67,160,71," : "rgba(229,57,53,"}${Math.min(0.8, v / Math.max(1, Math.max(...row)))})">${v}</td>`).join("") + "</tr>").join("");
    const m = $("misclassified"); m.textContent = "";
    for (const x of d.misclassified) {
      const div = document.createElement("div"); div.className = "digit";
      const c = document.createElement("canvas"); c.width = 28; c.height = 28; Plots.digit(c, x.pixels, 28, 255);
      div.appendChild(c); div.appendChild(document.createElement("br"));
      div.appendChild(document.createTextNode(x.label + " → " + x.predicted)); m.appendChild(div);
    }
    const a = $("train-download"); a.href = d.model; a.download = "model.npz"; a.hidden = false;
    Draw.modelReady();
  }

  async function start() {
    const body = {dataset: $("train-dataset").value, hidden: $("train-hidden").value, activation: $("train-activation").value,
      optimizer: $("train-optimizer").value, lr: $("train-lr").value, batch: $("train-batch").value, iters: $("train-iters").value};
    const r = await api("/api/train", body);
    if (!r.ok) { $("train-status").textContent = r.data.error; return; }
    loss = []; evals = []; total = +body.iters; canvas.dataset.drawn = ""; draw();
    $("train-start").disabled = true; $("train-stop").disabled = false; $("train-download").hidden = true;
    $("train-status").dataset.state = "running";
    const id = r.data.id;
    $("train-stop").onclick = () => api("/api/train/" + id + "/stop", {});
    if (source) source.close();
    source = new EventSource("/api/train/" + id + "/events");
    source.addEventListener("loading", e => { $("train-status").textContent = "loading " + JSON.parse(e.data).dataset + "..."; });
    source.addEventListener("start", e => { const d = JSON.parse(e.data); total = d.iterations; $("train-status").textContent = d.dataset + ": " + d.architecture; });
    source.addEventListener("progress", e => {
      const d = JSON.parse(e.data); loss.push([d.iteration, d.loss]);
      $("train-status").textContent = `iteration ${d.iteration} / ${total}, loss ${d.loss.toFixed(4)}, ${Math.round(d.rate)} iterations/s, ${d.seconds_left.toFixed(1)} s left`;
      redraw();
    });
    source.addEventListener("eval", e => { const d = JSON.parse(e.data); evals.push([d.iteration, d.train_accuracy, d.test_accuracy]); redraw(); });
    source.addEventListener("done", e => { source.close(); done(JSON.parse(e.data)); });
    source.addEventListener("error", e => {
      if (e.data) { $("train-status").textContent = "error: " + JSON.parse(e.data).error; }
      source.close(); $("train-start").disabled = false; $("train-stop").disabled = true;
    });
  }

  function setup() {
    $("train-dataset").innerHTML = INFO.datasets.map(d => `<option>${d}</option>`).join("");
    $("train-optimizer").innerHTML = INFO.optimizers.map(d => `<option${d === "sgd" ? " selected" : ""}>${d}</option>`).join("");
    $("train-start").addEventListener("click", start);
    draw();
  }
  return {setup};
})();

// ---------- draw a digit ----------
const Draw = (() => {
  const canvas = $("draw-canvas"), ctx = canvas.getContext("2d"), small = document.createElement("canvas");
  small.width = 56; small.height = 56;
  let drawing = false, last = null, inFlight = false, again = false;

  function clear() {
    ctx.fillStyle = "#000"; ctx.fillRect(0, 0, canvas.width, canvas.height);
    Plots.digit($("draw-image"), new Array(784).fill(0));
    bars(null);
  }

  function bars(p) {
    const div = $("draw-bars"); div.textContent = "";
    for (let k = 0; k < 10; k++) {
      const v = p ? p[k] : 0, best = p && p.indexOf(Math.max(...p)) === k;
      const row = document.createElement("div"); row.className = "bar" + (best ? " best" : ""); row.dataset.p = v;
      row.innerHTML = `<b>${k}</b><span class="fill" style="width:${Math.round(200 * v)}px"></span><span>${v.toFixed(3)}</span>`;
      div.appendChild(row);
    }
    $("draw-class").textContent = p ? p.indexOf(Math.max(...p)) : "–";
  }

  async function predict() {
    if (inFlight) { again = true; return; }
    inFlight = true;
    const s = small.getContext("2d");
    s.fillStyle = "#000"; s.fillRect(0, 0, 56, 56); s.drawImage(canvas, 0, 0, 56, 56);
    const d = s.getImageData(0, 0, 56, 56).data, px = [];
    for (let i = 0; i < 56 * 56; i++) px.push(Math.round(d[4 * i] / 255 * 100) / 100);
    const r = await api("/api/predict", {image: {width: 56, height: 56, pixels: px}});
    inFlight = false;
    if (r.data.pixels) Plots.digit($("draw-image"), r.data.pixels);
    if (r.ok) { bars(r.data.probabilities); $("draw-message").textContent = "model: " + r.data.model; }
    else { $("draw-message").textContent = r.data.error; }
    if (again) { again = false; predict(); }
  }

  function point(e) { const b = canvas.getBoundingClientRect(); return [(e.clientX - b.left) * canvas.width / b.width, (e.clientY - b.top) * canvas.height / b.height]; }

  function setup() {
    clear();
    canvas.addEventListener("pointerdown", e => { drawing = true; last = point(e); canvas.setPointerCapture(e.pointerId); stroke(last); });
    canvas.addEventListener("pointermove", e => { if (drawing) stroke(point(e)); });
    canvas.addEventListener("pointerup", () => { drawing = false; predict(); });
    $("draw-clear").addEventListener("click", clear);
  }

  function stroke(p) {
    ctx.strokeStyle = "#fff"; ctx.lineWidth = 20; ctx.lineCap = "round"; ctx.lineJoin = "round";
    ctx.beginPath(); ctx.moveTo(last[0], last[1]); ctx.lineTo(p[0] + 0.01, p[1]); ctx.stroke();
    last = p;
    predict();
  }

  return {setup, modelReady: () => { $("draw-message").textContent = "a model is ready: draw a digit"; }};
})();

(async () => {
  const r = await api("/api/info");
  if (r.ok) INFO = r.data;
  Playground.setup(); Lab.setup(); Training.setup(); Draw.setup();
  window.grad4j = {playground: Playground, lab: Lab};
  const tab = new URLSearchParams(location.search).get("tab"); // ?tab=lab opens that part
  const link = tab && document.querySelector("nav a[data-tab='" + tab.replace(/[^a-z]/g, "") + "']");
  if (link) link.click();
})();
