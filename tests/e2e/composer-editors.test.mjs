// composer-editors.test.mjs — extension/editors/* against the real editor
// libraries (Draft.js, Lexical, Quill from node_modules, bundled here with
// esbuild), without the extension: the text read from the DOM and its UTF-16
// offset map (emoji, line breaks, empty lines), and replace() through the
// editor's input path — the editor MODEL holds the intended text, typing
// continues at the right place, and the editor's own undo restores the text.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM, root } from './lib/browser.mjs';

const HARNESS = {
  draft: {
    sel: '.public-DraftEditor-content',
    code: `import React, { useState } from 'react';
      import { createRoot } from 'react-dom/client';
      import { Editor, EditorState } from 'draft-js';
      const ref = { current: EditorState.createEmpty() };
      function App() {
        const [s, set] = useState(ref.current);
        return React.createElement('div', { style: { width: '480px', border: '1px solid #ccc' } },
          React.createElement(Editor, { editorState: s, onChange: (n) => { ref.current = n; set(n); } }));
      }
      window.__model = () => ref.current.getCurrentContent().getPlainText();
      createRoot(document.getElementById('root')).render(React.createElement(App));`,
  },
  lexical: {
    sel: '[data-lexical-editor="true"]',
    code: `import { createEditor, $getRoot } from 'lexical';
      import { registerRichText } from '@lexical/rich-text';
      import { registerHistory, createEmptyHistoryState } from '@lexical/history';
      const ce = document.createElement('div');
      ce.contentEditable = 'true';
      ce.style.cssText = 'width:480px;border:1px solid #ccc;min-height:40px';
      document.getElementById('root').append(ce);
      const editor = createEditor({ namespace: 't', onError: (e) => { throw e; } });
      editor.setRootElement(ce);
      registerRichText(editor);
      registerHistory(editor, createEmptyHistoryState(), 0);
      // Paragraphs joined by one newline (getTextContent() puts two between blocks).
      window.__model = () => editor.getEditorState().read(() => $getRoot().getChildren().map((n) => n.getTextContent()).join('\\n'));`,
  },
  quill: {
    sel: '.ql-editor',
    code: `import Quill from 'quill';
      const box = document.createElement('div');
      box.style.cssText = 'width:480px;border:1px solid #ccc';
      document.getElementById('root').append(box);
      const q = new Quill(box, { modules: { history: { delay: 0 } } });
      window.__model = () => q.getText().replace(/\\n$/, '');`,
  },
};

async function bundle(contents) {
  const out = await build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true, format: 'iife', write: false, logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
  });
  return out.outputFiles[0].text;
}

let browser;
let editorsJs;
const bundles = {};

before(async () => {
  editorsJs = await bundle(`import { editorFor } from ${JSON.stringify(path.join(root, 'extension/editors/index.js'))};
    import * as dt from ${JSON.stringify(path.join(root, 'extension/editors/dom-text.js'))};
    import { Underlines } from ${JSON.stringify(path.join(root, 'extension/ui/underlines.js'))};
    import { ComposerSession } from ${JSON.stringify(path.join(root, 'extension/content/composer-session.js'))};
    import { normalizeSettings } from ${JSON.stringify(path.join(root, 'extension/lib/settings.js'))};
    window.__ed = { editorFor, Underlines, ComposerSession, normalizeSettings, ...dt };`);
  for (const [name, h] of Object.entries(HARNESS)) bundles[name] = await bundle(h.code);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless=new'] });
});
after(async () => {
  await browser?.close();
});

async function editorPage(name) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setContent('<!doctype html><meta charset="utf-8"><div id="root"></div>');
  await page.addScriptTag({ content: bundles[name] });
  await page.addScriptTag({ content: editorsJs });
  await page.locator(HARNESS[name].sel).click();
  return { page, errors };
}

/** The text a test types, line by line (Enter between lines; '' = an empty line). */
async function typeLines(page, lines) {
  for (let i = 0; i < lines.length; i++) {
    if (i) await page.keyboard.press('Enter');
    if (lines[i]) await page.keyboard.type(lines[i]);
  }
}

for (const name of Object.keys(HARNESS)) {
  test(`${name}: read + offset map, replace behind an emoji, caret, undo`, async () => {
    const { page, errors } = await editorPage(name);
    await typeLines(page, ['Hoi 👩‍💻 Sanne,', '', 'we gaan ernaar kijken!']);
    const read = await page.evaluate((sel) => {
      const { editorFor, readDom, rangeAt, offsetAt } = window.__ed;
      const hit = editorFor(document.querySelector(sel));
      const model = readDom(hit.root);
      const t = model.text;
      // Every offset maps to a DOM point and back (a round trip), and a range reads back its slice.
      const bad = [];
      for (let i = 0; i <= t.length; i++) {
        const r = rangeAt(model, i, i);
        if (offsetAt(model, r.startContainer, r.startOffset) !== i) bad.push(i);
      }
      const s = t.indexOf('ernaar');
      return { editor: hit.editor.name, text: t, bad, slice: rangeAt(model, s, s + 6).toString() };
    }, HARNESS[name].sel);
    assert.equal(read.editor, name);
    assert.equal(read.text, 'Hoi 👩‍💻 Sanne,\n\nwe gaan ernaar kijken!');
    assert.deepEqual(read.bad, [], 'offset -> DOM -> offset is the identity');
    assert.equal(read.slice, 'ernaar');

    const res = await page.evaluate(async (sel) => {
      const { editorFor, readDom } = window.__ed;
      const { editor, root } = editorFor(document.querySelector(sel));
      const t = readDom(root).text;
      const s = t.indexOf('we gaan ernaar kijken');
      return editor.replace(root, s, s + 'we gaan ernaar kijken'.length, 'ik bel je om 15:00');
    }, HARNESS[name].sel);
    assert.equal(res.ok, true, JSON.stringify(res));
    const want = 'Hoi 👩‍💻 Sanne,\n\nik bel je om 15:00!';
    const model = await page.evaluate(() => window.__model());
    assert.equal(model, want, 'the editor model holds the replacement');
    await page.keyboard.type(' X');
    assert.equal(await page.evaluate(() => window.__model()),
                 'Hoi 👩‍💻 Sanne,\n\nik bel je om 15:00 X!', 'typing continues right after the insert');
    // The replacement is one step in the editor's own history: undo brings the original back.
    const original = 'Hoi 👩‍💻 Sanne,\n\nwe gaan ernaar kijken!';
    for (let i = 0; i < 4 && (await page.evaluate(() => window.__model())) !== original; i++) {
      await page.keyboard.press('Control+z');
    }
    assert.equal(await page.evaluate(() => window.__model()), original, 'undo restores the text before the replacement');
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('quill: deleting a range (empty replacement) and inserting at an empty span', async () => {
  const { page } = await editorPage('quill');
  await page.keyboard.type('Hoi 😀 Mark!!! Tot zo.');
  const out = await page.evaluate(async (sel) => {
    const { editorFor } = window.__ed;
    const { editor, root } = editorFor(document.querySelector(sel));
    const a = await editor.replace(root, 12, 14, '');
    const b = await editor.replace(root, 0, 0, 'Wat vervelend! ');
    return [a.ok, b.ok, window.__model()];
  }, HARNESS.quill.sel);
  assert.deepEqual(out, [true, true, 'Wat vervelend! Hoi 😀 Mark! Tot zo.']);
  await page.close();
});

test('underlines: highlight ranges and the overlay fallback stay on the text through scroll, resize and line breaks', async () => {
  const { page } = await editorPage('quill');
  await page.setViewportSize({ width: 800, height: 400 });
  await page.evaluate(() => {
    document.body.style.height = '3000px';
    document.getElementById('root').style.marginTop = '120px';
  });
  await page.locator(HARNESS.quill.sel).click();
  await typeLines(page, ['Hoi 😀 Mark!!!', 'We gaan ernaar kijken, dat beloof ik je echt heel erg.']);
  const check = () => page.evaluate((sel) => {
    const { editorFor, readDom, rangeAt, Underlines } = window.__ed;
    const { root } = editorFor(document.querySelector(sel));
    const model = readDom(root);
    const s = model.text.indexOf('ernaar kijken');
    window.__u ??= { hl: new Underlines(root), ov: new Underlines(root, { forceOverlay: true }) };
    const items = [{ range: rangeAt(model, s, s + 13), severity: 'warning' },
                   { range: rangeAt(model, 10, 13), severity: 'error' }];
    window.__u.hl.set(items);
    window.__u.ov.set(items);
    window.__u.ov.drawOverlay(); // what the scroll/resize handler runs on the next frame
    const want = items.flatMap((i) => [...i.range.getClientRects()].filter((r) => r.width >= 1)
      .map((r) => [Math.round(r.left), Math.round(r.top), Math.round(r.width)]));
    const boxes = [...document.querySelector('webcare-underlines').shadowRoot.querySelectorAll('.u')]
      .map((b) => [Math.round(parseFloat(b.style.left)), Math.round(parseFloat(b.style.top)), Math.round(parseFloat(b.style.width))]);
    const hl = CSS.highlights.get('webcare-warning');
    return { want, boxes, texts: [...hl].map((r) => r.toString()), mode: window.__u.hl.mode, ovMode: window.__u.ov.mode };
  }, HARNESS.quill.sel);
  const first = await check();
  assert.equal(first.mode, 'highlight');
  assert.equal(first.ovMode, 'overlay');
  assert.deepEqual(first.texts, ['ernaar kijken']);
  assert.deepEqual(first.boxes, first.want);
  await page.mouse.wheel(0, 90);
  await page.waitForFunction(() => window.scrollY >= 90);
  const scrolled = await check();
  assert.deepEqual(scrolled.boxes, scrolled.want);
  assert.notDeepEqual(scrolled.want, first.want, 'the text moved with the scroll');
  await page.setViewportSize({ width: 360, height: 400 });
  await page.evaluate(() => { document.querySelector('.ql-container').style.width = '60px'; });
  const wrapped = await check();
  assert.deepEqual(wrapped.boxes, wrapped.want);
  assert.ok(wrapped.want.length >= 3, `a finding that wraps is drawn as one box per line: ${JSON.stringify(wrapped)}`);
  await page.close();
});

test('session: answers that arrive out of order are dropped; findings follow the text being typed', async () => {
  const { page } = await editorPage('quill');
  await page.evaluate((sel) => {
    const { editorFor, ComposerSession, normalizeSettings } = window.__ed;
    const { editor, root } = editorFor(document.querySelector(sel));
    const calls = [];
    const client = { classifyBatch: async () => ({ results: [] }),
                     lint: (request) => new Promise((resolve) => calls.push({ request, resolve })) };
    window.__calls = calls;
    window.__s = new ComposerSession({ root, editor, site: 'x', reader: { table: null }, client,
                                       getSettings: () => normalizeSettings(null), debounceMs: 1e9 });
  }, HARNESS.quill.sel);
  const finding = (rule, start, end) => ({ rule, severity: 'warning', start, end, message: rule, suggestions: [] });
  await page.keyboard.type('Hoi Mark!!!');
  await page.evaluate(() => { window.__p1 = window.__s.lintNow(); });
  await page.waitForFunction(() => window.__calls.length === 1);
  await page.keyboard.type(' Groet');
  await page.evaluate(() => { window.__p2 = window.__s.lintNow(); });
  await page.waitForFunction(() => window.__calls.length === 2);
  const out = await page.evaluate(async ({ a, b }) => {
    const [first, second] = window.__calls;
    second.resolve({ result: { score: 80, findings: [b], checklist: [] } });
    const r2 = await window.__p2;
    first.resolve({ result: { score: 10, findings: [a], checklist: [] } });
    const r1 = await window.__p1;
    const root = window.__s.root;
    return { r1, r2: Boolean(r2.result), texts: window.__calls.map((c) => c.request.text),
             findings: root.getAttribute('data-webcare-findings'), score: root.getAttribute('data-webcare-score'),
             underlined: [...CSS.highlights.get('webcare-warning')].map((r) => r.toString()) };
  }, { a: finding('first', 8, 11), b: finding('second', 12, 17) });
  assert.deepEqual(out.texts, ['Hoi Mark!!!', 'Hoi Mark!!! Groet']);
  assert.deepEqual(out.r1, { stale: true }, 'the older answer is dropped');
  assert.equal(out.r2, true);
  assert.equal(out.findings, 'second');
  assert.equal(out.score, '80');
  assert.deepEqual(out.underlined, ['Groet']);
  // Typing before the range shifts the underline with the text at once, before any new answer.
  await page.keyboard.press('Home');
  await page.keyboard.type('Ja, ');
  const shifted = await page.evaluate(() => [...CSS.highlights.get('webcare-warning')].map((r) => r.toString()));
  assert.deepEqual(shifted, ['Groet']);
  await page.close();
});
