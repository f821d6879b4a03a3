// The drawing pad of the feedback box: finger, stylus or mouse on a canvas.
// Strokes live only in this page's memory, never in browser storage, so Undo can
// take the last one away and leaving the page forgets them all. The canvas keeps
// its pixel size and CSS scales it, so every pointer position is mapped from CSS
// pixels to canvas pixels before it is drawn.

import { countWords } from "./words.js";

// Line widths as a share of the canvas width: the same look at any canvas size.
const THICKNESS = { thin: 1 / 100, thick: 1 / 32 };
// The server flattens onto white too; painting it here makes the PNG match the screen.
const PAPER = "#ffffff";

export function attachDrawingPad(fieldset) {
  const canvas = fieldset.querySelector("canvas");
  const context = canvas.getContext("2d");
  const undoButton = fieldset.querySelector("[data-drawing-action='undo']");
  const clearButton = fieldset.querySelector("[data-drawing-action='clear']");
  const status = fieldset.querySelector("[data-drawing-status]");
  // What the pad says, from the page in its language (_drawing_pad.html).
  const words = { ...fieldset.dataset, drawingLines: countWords(fieldset.dataset.drawingLines) };

  let strokes = [];
  // What Undo takes back, newest last: a stroke, or the strokes the Clear button
  // removed (a child who taps Clear by mistake can have the drawing back).
  const history = [];
  let drawing = null; // { pointerId, stroke } while a finger, pen or mouse is down

  // The template names each colour once, in the radio's value; the thickness
  // choices show their dot in the chosen colour.
  for (const swatch of fieldset.querySelectorAll(".drawing-swatch")) {
    swatch.style.setProperty("--swatch", swatch.value);
  }
  const showPen = () => fieldset.style.setProperty("--pen", chosen("drawing-colour"));
  fieldset.addEventListener("change", showPen);
  showPen();

  function chosen(name) {
    return fieldset.querySelector(`input[name="${name}"]:checked`)?.value;
  }

  function newStroke(point) {
    const thickness = THICKNESS[chosen("drawing-thickness")] ?? THICKNESS.thin;
    return {
      colour: chosen("drawing-colour") || "#1f2d3a",
      width: Math.max(2, Math.round(canvas.width * thickness)),
      points: [point],
    };
  }

  // From the pointer's CSS position to canvas pixels, inside border and padding.
  function canvasPoints(event) {
    const box = canvas.getBoundingClientRect();
    const style = getComputedStyle(canvas);
    const left = parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
    const top = parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop);
    const right = parseFloat(style.borderRightWidth) + parseFloat(style.paddingRight);
    const bottom = parseFloat(style.borderBottomWidth) + parseFloat(style.paddingBottom);
    const scaleX = canvas.width / (box.width - left - right);
    const scaleY = canvas.height / (box.height - top - bottom);
    const events = event.getCoalescedEvents?.() ?? [];
    return (events.length ? events : [event]).map((e) => ({
      x: (e.clientX - box.left - left) * scaleX,
      y: (e.clientY - box.top - top) * scaleY,
    }));
  }

  function paintDot(stroke, point) {
    context.fillStyle = stroke.colour;
    context.beginPath();
    context.arc(point.x, point.y, stroke.width / 2, 0, 2 * Math.PI);
    context.fill();
  }

  function paintLine(stroke, points) {
    context.strokeStyle = stroke.colour;
    context.lineWidth = stroke.width;
    context.lineCap = "round";
    context.lineJoin = "round";
    context.beginPath();
    context.moveTo(points[0].x, points[0].y);
    for (const point of points.slice(1)) context.lineTo(point.x, point.y);
    context.stroke();
  }

  function paintStroke(stroke) {
    if (stroke.points.length === 1) paintDot(stroke, stroke.points[0]);
    else paintLine(stroke, stroke.points);
  }

  function repaint() {
    context.fillStyle = PAPER;
    context.fillRect(0, 0, canvas.width, canvas.height);
    for (const stroke of strokes) paintStroke(stroke);
  }

  function changed(message = "") {
    const lines = strokes.length;
    undoButton.setAttribute("aria-disabled", String(history.length === 0));
    clearButton.setAttribute("aria-disabled", String(lines === 0));
    canvas.setAttribute(
      "aria-label",
      lines ? words.drawingLines(lines) : words.drawingEmpty,
    );
    if (status) status.textContent = message;
  }

  function stopDrawing() {
    if (!drawing) return;
    if (canvas.hasPointerCapture(drawing.pointerId)) canvas.releasePointerCapture(drawing.pointerId);
    drawing = null;
  }

  canvas.addEventListener("pointerdown", (event) => {
    // One line at a time; a pen's eraser or a mouse's other buttons do nothing.
    if (drawing || event.button !== 0) return;
    event.preventDefault();
    const [point] = canvasPoints(event);
    const stroke = newStroke(point);
    strokes.push(stroke);
    history.push({ stroke });
    drawing = { pointerId: event.pointerId, stroke };
    canvas.setPointerCapture(event.pointerId);
    paintDot(stroke, point); // a single tap leaves a dot
    changed();
  });

  canvas.addEventListener("pointermove", (event) => {
    if (!drawing || event.pointerId !== drawing.pointerId) return;
    const { stroke } = drawing;
    const last = stroke.points[stroke.points.length - 1];
    const points = canvasPoints(event).filter((p, i, all) => {
      const before = i ? all[i - 1] : last;
      return p.x !== before.x || p.y !== before.y;
    });
    if (!points.length) return;
    paintLine(stroke, [last, ...points]);
    stroke.points.push(...points);
  });

  for (const type of ["pointerup", "pointercancel", "lostpointercapture"]) {
    canvas.addEventListener(type, (event) => {
      if (!drawing || event.pointerId !== drawing.pointerId) return;
      stopDrawing();
      changed();
    });
  }

  // A long press must not open a menu over the drawing.
  canvas.addEventListener("contextmenu", (event) => event.preventDefault());

  undoButton.addEventListener("click", () => {
    if (drawing || !history.length) return;
    const step = history.pop();
    if (step.stroke) strokes.pop();
    else strokes = step.cleared;
    repaint();
    changed(step.stroke ? words.lineGone : words.drawingBack);
  });

  clearButton.addEventListener("click", () => {
    if (drawing || !strokes.length) return;
    history.push({ cleared: strokes });
    strokes = [];
    repaint();
    changed(words.drawingCleared);
  });

  repaint();

  return {
    // The drawing as a PNG file for Send, or null when nothing is drawn.
    toBlob: () =>
      strokes.length ? new Promise((resolve) => canvas.toBlob(resolve, "image/png")) : Promise.resolve(null),
  };
}
