// quick-check.js — the full-page quick check (extension/pages/quick-check.html).
import { markNav } from './common.js';
import { startChecker } from './checker.js';

markNav('quick-check');
startChecker({ source: 'quick-check' });
