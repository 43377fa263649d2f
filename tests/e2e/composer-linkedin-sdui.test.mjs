// composer-linkedin-sdui.test.mjs — reply lint and gate on the linkedin.com
// fixture, SDUI dialect (TipTap/ProseMirror comment boxes): underlines, card,
// apply through ProseMirror's input path, Shift+Enter a line break,
// Ctrl+Enter and the button gated.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SITES } from './lib/fixtures.mjs';
import { defineFeedSuite } from './lib/composer.mjs';

defineFeedSuite({
  site: 'linkedin', label: 'linkedin-sdui', url: SITES.linkedinSdui, editor: 'prosemirror', submitKey: 'Control+Enter', newlineKey: 'Shift+Enter',
  submitButton: () => '[data-test-composer="target"] >> xpath=ancestor::div[@data-view-name="comment-box"][1] >> button[type="submit"]',
}, { test, before, after, assert });
