/** Options for `init`. */
export interface InitOptions {
  /** Identifies your project to the collector. Required. */
  writeKey: string;
  /** Base URL of the collector; events go to `{endpoint}/v1/batch`. Default: this page's origin. */
  endpoint?: string;
  /** The guide file itself, as an object or JSON text. */
  guides?: object | string;
  /** Where to fetch the guide file when `guides` is not given. */
  guidesUrl?: string;
  /** How long to gather events before sending them, in ms. Default 500. */
  flushAfterMs?: number;
  /** Language of the guide texts (`fr`, `ar-EG`…). Default: the page's `lang`, then the browser's. */
  locale?: string;
  /** Log every decision to the console. Default false. */
  debug?: boolean;
}

export type Properties = Record<string, unknown>;

export function init(options: InitOptions): Promise<void>;
export function identify(userId: string, traits?: Properties, options?: { userHash?: string }): Promise<void>;
export function track(event: string, properties?: Properties): Promise<void>;
export function page(name?: string, properties?: Properties): Promise<void>;
export function complete(stepId: string): Promise<void>;
export function start(guideId: string): Promise<void>;
export function dismiss(guideId: string): Promise<void>;
export function explain(): Promise<string>;
export function reset(): Promise<void>;
export function flush(): Promise<void>;

type Command = 'init' | 'identify' | 'track' | 'page' | 'complete' | 'start' | 'dismiss' | 'explain' | 'reset' | 'flush';

declare global {
  interface Window {
    /** The snippet's entry point: `wowpath('track', 'Project Created')`. */
    wowpath: (command: Command, ...args: unknown[]) => Promise<void>;
  }
}
