// A person using the app, for journeys: every click, typing and file pick
// they make goes through here and is counted (and listed, for a failure's
// message). Picking a file is two actions: the button, then the file.
import path from 'node:path';

export class Person {
  constructor(page) {
    this.page = page;
    this.done = [];
  }

  async click(locator, what = '') {
    this.done.push(`click ${what}`.trim());
    await locator.click();
  }

  async type(locator, text) {
    this.done.push(`type “${text}”`);
    await locator.fill(text);
  }

  async choose(locator, option) {
    this.done.push(`choose ${JSON.stringify(option)}`);
    await locator.selectOption(option);
  }

  async pickFile(button, file) {
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), this.click(button, 'the file button')]);
    this.done.push(`pick ${path.basename(file)}`);
    await chooser.setFiles(file);
  }

  get actions() {
    return this.done.length;
  }

  /** What was done so far, for an assertion's message. */
  toString() {
    return this.done.map((a, i) => `${i + 1}. ${a}`).join('\n');
  }
}
