// Page object for the demo app: what a person sees and does, so specs read like stories.
export class Trackly {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  async open(path = '/') {
    await this.page.goto(this.baseUrl + path);
  }

  async createProject(name) {
    await this.page.getByLabel('Project name').fill(name);
    await this.page.getByRole('button', { name: 'Create project' }).click();
  }

  async inviteTeammate(email) {
    await this.page.getByRole('link', { name: 'Team' }).click();
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByRole('button', { name: 'Send invite' }).click();
  }

  async shareReport() {
    await this.page.getByRole('link', { name: 'Reports' }).click();
    await this.page.getByRole('button', { name: 'Share report' }).click();
  }

  async goTo(name) {
    await this.page.getByRole('link', { name }).click();
  }

  async signIn() {
    await this.page.getByRole('button', { name: 'Sign in as Ada' }).click();
  }

  /** The app's help item: the project tour again. */
  async takeTheTour() {
    await this.page.getByRole('button', { name: 'Take the tour' }).click();
  }
}

// Page object for the widget's checklist, reached through its open shadow root.
export class Checklist {
  constructor(page) {
    this.page = page;
    this.panel = page.locator('wowpath-root section.panel');
    this.launcher = page.locator('wowpath-root button.launcher');
    this.finished = page.locator('wowpath-root section.panel .finished');
    this.close = page.locator('wowpath-root section.panel button.close');
  }

  item(stepId) {
    return this.page.locator(`wowpath-root li[data-step="${stepId}"]`);
  }

  async doneSteps() {
    return this.page.locator('wowpath-root li.done').evaluateAll((els) => els.map((e) => e.dataset.step));
  }

  async startTour(stepId) {
    await this.item(stepId).getByRole('button').click();
  }

  async count() {
    return this.page.locator('wowpath-root .count').textContent();
  }
}

// Page object for a tour step (tooltip, hotspot card or modal).
export class TourStep {
  constructor(page) {
    this.page = page;
    this.card = page.locator('wowpath-root .card');
  }

  async waitFor(title) {
    await this.page.locator('wowpath-root .card', { hasText: title }).waitFor({ state: 'visible' });
  }

  async title() {
    return this.card.locator('h2').textContent();
  }
}
