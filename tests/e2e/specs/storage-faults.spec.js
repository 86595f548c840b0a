// Randomised storage faults (issue 8): edits, reloads, a second tab, a full
// storage and corrupted entries, mixed in an order drawn from a seed. The
// invariant: whatever the user saw saved ("Saved" in the header) is still there
// after every reload. Reproduce a failure with FAULT_SEEDS=<seed> and the same
// FAULT_STEPS.
import { test, expect, openApp, reload, loadDemo, goTo, storageKeys, addGoal, fillStorage, freeStorage, settledStatus, demoName } from '../support/app.js';

const seeds = (process.env.FAULT_SEEDS ?? '11,23').split(',').map(Number);
const steps = Number(process.env.FAULT_STEPS ?? 24);

/** A small seeded generator (mulberry32), so a run can be replayed. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function goalNames(page) {
  // The demo plan always has goals: wait for the table's rows before reading them.
  const headers = page.getByTestId('goals-table').getByRole('rowheader');
  await expect(headers.first()).toBeVisible();
  return headers.allTextContents();
}

/** Damages one stored entry the way a crash or another program might. */
async function corrupt(page, which) {
  await page.evaluate((which) => {
    const keys = Object.keys(localStorage);
    if (which === 'head') {
      const key = keys.find((k) => k.startsWith('abm-planner:head:'));
      if (key) localStorage.setItem(key, '{"revision": ');
    } else if (which === 'settings') {
      localStorage.setItem('abm-planner:settings', 'null?');
    } else {
      // A version left behind by a save that never finished.
      const key = keys.find((k) => k.startsWith('abm-planner:plan:'));
      if (key) {
        const parts = key.split(':');
        try {
          localStorage.setItem(`abm-planner:plan:${parts[2]}:999999:leftover`, '{"format": "abm-planner/plan", "plan": ');
        } catch {
          // Storage is full: nothing is left behind either.
        }
      }
    }
  }, which);
}

for (const seed of seeds) {
  test(`seed ${seed}: nothing the user saw saved is ever lost`, async ({ context }) => {
    test.setTimeout(240_000);
    const random = generator(seed);
    const page = await context.newPage();
    await openApp(page);
    await loadDemo(page);
    await goTo(page, 'Goals (KGI)');
    let saved = new Set(await goalNames(page));
    let full = false;
    let clean = true; // no edits since the last "Saved"
    let n = 0;
    const log = [];

    const checkSaved = async (when) => {
      const shown = new Set(await goalNames(page));
      const lost = [...saved].filter((g) => !shown.has(g));
      expect(lost, `lost after ${when}; steps: ${log.join(', ')}`).toEqual([]);
    };

    for (let step = 0; step < steps; step++) {
      const r = random();
      if (r < 0.35) {
        const name = `Goal ${seed}-${++n}`;
        log.push(`edit ${name}`);
        await addGoal(page, name);
        const status = await settledStatus(page);
        if (full) {
          expect(status, `steps: ${log.join(', ')}`).toBe('Not saved: storage full');
          clean = false;
        } else {
          // Saved, and with it every goal on screen (those typed while storage was full too).
          expect(status, `steps: ${log.join(', ')}`).toMatch(/^Saved/);
          saved = new Set(await goalNames(page));
          clean = true;
        }
      } else if (r < 0.5) {
        log.push('reload');
        await reload(page);
        await expect(page.getByRole('heading', { name: 'Goals (KGI)', level: 1 })).toBeVisible();
        await checkSaved('a reload');
        clean = true;
        saved = new Set(await goalNames(page));
      } else if (r < 0.62) {
        full = !full;
        log.push(full ? 'fill storage' : 'free storage');
        await (full ? fillStorage(page) : freeStorage(page));
      } else if (r < 0.77) {
        const which = ['head', 'settings', 'leftover'][Math.floor(random() * 3)];
        log.push(`corrupt ${which} and reload`);
        await corrupt(page, which);
        await reload(page);
        await expect(page.getByTestId('current-plan-name'), `steps: ${log.join(', ')}`).toHaveText(demoName);
        await checkSaved(`corrupting the ${which}`);
        clean = true;
        saved = new Set(await goalNames(page));
      } else if (!full && clean) {
        // A second tab adds a goal and saves it; this tab hears of it.
        const name = `Tab two ${seed}-${++n}`;
        log.push(`second tab ${name}`);
        const two = await context.newPage();
        await openApp(two, '#/goals');
        await addGoal(two, name);
        expect(await settledStatus(two)).toMatch(/^Saved/);
        await two.close();
        await expect(page.getByRole('rowheader', { name, exact: true })).toBeVisible();
        saved = new Set(await goalNames(page));
      } else {
        log.push('wait');
        await page.waitForTimeout(300);
      }
    }

    // Space back, one more edit and a reload: everything saved is there, and
    // the edits made while storage was full are saved now.
    await freeStorage(page);
    await addGoal(page, `Goal ${seed}-final`);
    expect(await settledStatus(page)).toMatch(/^Saved/);
    saved = new Set(await goalNames(page));
    await reload(page);
    await checkSaved('the final reload');
    expect((await storageKeys(page)).filter((k) => k.startsWith('abm-planner:head:'))).toHaveLength(1);
  });
}
