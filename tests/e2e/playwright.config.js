// End-to-end tests drive the release build in Debian's headless Chromium, served
// from a nested path (/team/abm/) the way a static host would serve it.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);
export const basePath = '/team/abm/';

export default defineConfig({
  testDir: './specs',
  outputDir: '../../target/e2e/results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}${basePath}`,
    browserName: 'chromium',
    viewport: { width: 1366, height: 900 },
    locale: 'en-US',
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // E2E_DIST: another build to test (the quick one while working: target/dist-dev).
    command: `node support/static-server.mjs ${process.env.E2E_DIST ?? '../../dist'} ${basePath} ${port}`,
    url: `http://127.0.0.1:${port}${basePath}`,
    reuseExistingServer: false,
  },
});
