// popup.js — the toolbar popup: a compact quick check with links to the pages.
import { startChecker } from './checker.js';

startChecker({ source: 'popup', compact: true });
