import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Two test files at a time on this 2-core kind of machine (the default leaves one core idle): the E2E files wait on
    // Chromium and the LibreOffice files on soffice much of their time.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
