// In-browser benchmarks: the release build with a large plan, measured through
// Chromium's own counters. Not part of the test suite (run .ci/bench-ui.sh).
import base from './playwright.config.js';

export default { ...base, testDir: './bench', testMatch: '**/*.bench.js', timeout: 300_000, workers: 1, fullyParallel: false };
