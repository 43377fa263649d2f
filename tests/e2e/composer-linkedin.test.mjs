// composer-linkedin.test.mjs — reply lint and gate on the linkedin.com
// fixture, legacy dialect (Quill comment boxes, one per post): underlines,
// card, apply through Quill's input path, Ctrl+Enter and the button gated.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SITES } from './lib/fixtures.mjs';
import { defineFeedSuite } from './lib/composer.mjs';

defineFeedSuite({
  site: 'linkedin', url: SITES.linkedin, editor: 'quill', submitKey: 'Control+Enter',
  submitButton: () => '[data-test-composer="target"] >> xpath=ancestor::form[1] >> button[type="submit"]',
}, { test, before, after, assert });
