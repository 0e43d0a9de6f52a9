/** Options for `init`. */
export interface InitOptions {
  /** Identifies your project to the collector. Required. */
  writeKey: string;
  /** Base URL of the collector, an http(s) URL or a path on this site; events go to `{endpoint}/v1/batch`. Default: this page's origin. */
  endpoint?: string;
  /** The guide file itself, as an object or JSON text. Give this or `guidesUrl`, not both. A file stamped by `wowpath check --stamp` is read without downloading the validator when given as its text (an object is checked in the browser). */
  guides?: object | string;
  /** Where to fetch the guide file when `guides` is not given. */
  guidesUrl?: string;
  /** How long to gather events before sending them, in ms. Default 500. */
  flushAfterMs?: number;
  /** Language of the guide texts (`fr`, `ar-EG`…). Default: the page's `lang`, then the browser's. */
  locale?: string;
  /** Log every decision to the console. Default false. */
  debug?: boolean;
  /** Gzip batches with CompressionStream. Only toward a collector that accepts `Content-Encoding: gzip` (ours). Default false. */
  gzip?: boolean;
  /** Treat Do Not Track and Global Privacy Control as an opt-out unless the user called `optIn`. Default false. */
  honorPrivacySignals?: boolean;
  /** Give up on a request after this many ms and retry later. Default 10000, at least 1000. */
  requestTimeoutMs?: number;
}

export type Properties = Record<string, unknown>;

export function init(options: InitOptions): Promise<void>;
export function identify(userId: string, traits?: Properties, options?: { userHash?: string }): Promise<void>;
export function group(accountId: string, traits?: Properties): Promise<void>;
export function track(event: string, properties?: Properties): Promise<void>;
export function page(name?: string, properties?: Properties): Promise<void>;
/** Marks a step done (`stepId` or `guideId/stepId`). Rejects when the guide file has no such step;
 * while the guide file is still loading, settles once it has been read. */
export function complete(stepId: string): Promise<void>;
/** Shows a guide now. Rejects with the reason when it cannot: the guide file has no such guide,
 * could not be loaded or is invalid, or something keeps the guide hidden from this user (the user
 * dismissed or completed it, the holdout, its targeting…); while the guide file is still loading,
 * settles once it has been read. `replay: true` shows a guide the user completed or dismissed
 * again, from its first step ("Take the tour again"). */
export function start(guideId: string, options?: { replay?: boolean }): Promise<void>;
/** Closes a guide for this user. Rejects when the guide file has no such guide or the guide is
 * not dismissible; while the guide file is still loading, settles once it has been read. */
export function dismiss(guideId: string): Promise<void>;
export function explain(): Promise<string>;

/** The onboarding events the widget sends (README, Events), which `on` listens to. */
export type OnboardingEvent =
  | 'Onboarding Group Assigned'
  | 'Onboarding Guide Started'
  | 'Onboarding Step Viewed'
  | 'Onboarding Step Completed'
  | 'Onboarding Guide Dismissed'
  | 'Onboarding Guide Completed'
  | 'Onboarding Guide Replayed'
  | 'Onboarding Wow Reached'
  | 'Onboarding Target Missing'
  | 'Onboarding Guide Config Invalid';
/** Calls `listener(properties, event)` for each such event the widget sends (`'*'`: all of
 * them), in a microtask after it; resolves to a function that stops it. Works before `init`. */
export function on(event: OnboardingEvent | '*', listener: (properties: Properties, event: OnboardingEvent) => void): Promise<() => void>;

/** One finding of the guide-file validator. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Stable snake_case kind, e.g. `unknown_field`, `unknown_reference`, `invalid_selector`. */
  code: string;
  /** RFC 6901 JSON pointer of the value concerned; empty for the whole document. */
  pointer: string;
  /** 1-based line and column (in characters) in the text. */
  line: number;
  column: number;
  /** What is wrong, what was expected, and a suggestion where there is one. */
  message: string;
}

/** Checks a guide file with the widget's own validator; `ok` is false when the widget would refuse it. Needs no `init`; the first call downloads the validator module (`wowpath_check_bg.wasm`). */
export function validate(guides: object | string): Promise<{ ok: boolean; diagnostics: Diagnostic[] }>;
export function reset(): Promise<void>;
export function flush(): Promise<void>;
export function optOut(): Promise<void>;
export function optIn(): Promise<void>;

export function identify(userId: string, traits?: Properties, options?: { userHash?: string }): Promise<void>;
export function group(accountId: string, traits?: Properties): Promise<void>;

declare global {
  interface Window {
    /** The snippet's entry point: `wowpath('track', 'Project Created')`. */
    wowpath: (command: Command, ...args: unknown[]) => Promise<void>;
  }
}
