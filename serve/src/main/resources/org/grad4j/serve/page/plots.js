// Small canvas plotting helpers for the grad4j page (no libraries).
"use strict";
const Plots = (() => {
  const COLORS = ["#e53935", "#1e88e5", "#43a047", "#fb8c00", "#8e24aa", "#00897b", "#6d4c41", "#3949ab"];

  // viridis-like colour ramp, t in 0..1
  function ramp(t) {
    const stops = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
    t = Math.min(1, Math.max(0, t)) * (stops.length - 1);
    const i = Math.min(stops.length - 2, Math.floor(t)), u = t - i, a = stops[i], b = stops[i + 1];
    return [a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u, a[2] + (b[2] - a[2]) * u];
  }

  // A mapping between data coordinates and a canvas box.
  function frame(canvas, xmin, xmax, ymin, ymax, opts = {}) {
    const pad = opts.pad || {l: 50, r: 12, t: 12, b: 30};
    const w = canvas.width - pad.l - pad.r, h = canvas.height - pad.t - pad.b;
    const lx = !!opts.logx, ly = !!opts.logy;
    const tx = v => lx ? Math.log10(v) : v, ty = v => ly ? Math.log10(v) : v;
    const x0 = tx(xmin), x1 = tx(xmax), y0 = ty(ymin), y1 = ty(ymax);
    return {
      pad, w, h, xmin, xmax, ymin, ymax, logx: lx, logy: ly,
      px: x => pad.l + (tx(x) - x0) / (x1 - x0) * w,
      py: y => pad.t + h - (ty(y) - y0) / (y1 - y0) * h,
      dx: p => { const v = x0 + (p - pad.l) / w * (x1 - x0); return lx ? Math.pow(10, v) : v; },
      dy: p => { const v = y0 + (pad.t + h - p) / h * (y1 - y0); return ly ? Math.pow(10, v) : v; },
    };
  }

  function ticks(min, max, n, log) {
    if (log) {
      const out = [];
      for (let e = Math.ceil(Math.log10(min)); e <= Math.floor(Math.log10(max)); e++) out.push(Math.pow(10, e));
      const step = Math.max(1, Math.ceil(out.length / n));
      return out.filter((_, i) => i % step === 0);
    }
    const span = max - min, raw = span / n, mag = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 5, 10].map(m => m * mag).find(s => span / s <= n) || raw;
    const out = [];
    for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
    return out;
  }

  function label(v) {
    if (v === 0) return "0";
    const a = Math.abs(v);
    return (a >= 1e4 || a < 1e-3) ? v.toExponential(0) : String(+v.toPrecision(4));
  }

  function axes(ctx, f, xlabel, ylabel) {
    ctx.save();
    ctx.strokeStyle = "#999"; ctx.fillStyle = "#444"; ctx.font = "11px sans-serif"; ctx.lineWidth = 1;
    ctx.strokeRect(f.pad.l, f.pad.t, f.w, f.h);
    ctx.textAlign = "center"; ctx.textBaseline = "top";
    for (const t of ticks(f.xmin, f.xmax, 8, f.logx)) {
      const x = f.px(t); ctx.beginPath(); ctx.moveTo(x, f.pad.t + f.h); ctx.lineTo(x, f.pad.t + f.h + 4); ctx.stroke();
      ctx.fillText(label(t), x, f.pad.t + f.h + 6);
    }
    ctx.textAlign = "right"; ctx.textBaseline = "middle";
    for (const t of ticks(f.ymin, f.ymax, 6, f.logy)) {
      const y = f.py(t); ctx.beginPath(); ctx.moveTo(f.pad.l - 4, y); ctx.lineTo(f.pad.l, y); ctx.stroke();
      ctx.fillText(label(t), f.pad.l - 6, y);
    }
    if (xlabel) { ctx.textAlign = "right"; ctx.textBaseline = "bottom"; ctx.fillText(xlabel, f.pad.l + f.w, f.pad.t + f.h - 2); }
    if (ylabel) { ctx.textAlign = "left"; ctx.textBaseline = "top"; ctx.fillText(ylabel, f.pad.l + 4, f.pad.t + 2); }
    ctx.restore();
  }

  // A polyline of (xs[i], ys[i]), skipping non-finite points and points outside a log axis.
  function line(ctx, f, xs, ys, color, width = 1.5) {
    ctx.save();
    ctx.beginPath(); ctx.rect(f.pad.l, f.pad.t, f.w, f.h); ctx.clip();
    ctx.strokeStyle = color; ctx.lineWidth = width; ctx.beginPath();
    let pen = false;
    for (let i = 0; i < xs.length; i++) {
      const ok = Number.isFinite(xs[i]) && Number.isFinite(ys[i]) && (!f.logy || ys[i] > 0) && (!f.logx || xs[i] > 0);
      if (!ok) { pen = false; continue; }
      const x = f.px(xs[i]), y = f.py(ys[i]);
      if (pen) ctx.lineTo(x, y); else ctx.moveTo(x, y);
      pen = true;
    }
    ctx.stroke();
    ctx.restore();
  }

  function legend(ctx, f, items) {
    ctx.save(); ctx.font = "12px sans-serif"; ctx.textBaseline = "middle";
    items.forEach((it, i) => {
      const y = f.pad.t + 12 + 16 * i, x = f.pad.l + f.w - 150;
      ctx.fillStyle = it.color; ctx.fillRect(x, y - 2, 14, 4);
      ctx.fillStyle = "#222"; ctx.fillText(it.label, x + 20, y);
    });
    ctx.restore();
  }

  // A grey-scale image (values 0..1 or 0..255) into a small canvas, white ink on black.
  function digit(canvas, pixels, side = 28, scale = 1) {
    const ctx = canvas.getContext("2d"), img = ctx.createImageData(side, side);
    for (let i = 0; i < side * side; i++) {
      const v = Math.round(scale === 1 ? pixels[i] * 255 : pixels[i]);
      img.data[4 * i] = img.data[4 * i + 1] = img.data[4 * i + 2] = v; img.data[4 * i + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }

  return {COLORS, ramp, frame, axes, line, legend, digit, label};
})();
