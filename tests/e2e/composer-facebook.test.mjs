// composer-facebook.test.mjs — reply lint and gate on the facebook.com
// fixture (Lexical comment boxes, one per post): underlines, card, apply
// through Lexical's input path, Enter gated, Shift+Enter a newline.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SITES } from './lib/fixtures.mjs';
import { defineFeedSuite } from './lib/composer.mjs';

defineFeedSuite({
  site: 'facebook', url: SITES.facebook, editor: 'lexical', submitKey: 'Enter', newlineKey: 'Shift+Enter',
  submitButton: () => '[data-test-composer="target"] >> xpath=ancestor::form[1] >> div[role="button"][aria-label="Reageren"]',
}, { test, before, after, assert });
