/**
 * Run, Cancel and the progress bar. Run is disabled, with the reason next to it, while the
 * scenario has problems; Cancel appears only while something runs.
 */
import { formatNumber } from '../viewmodel/format.ts';
import type { Progress } from '../viewmodel/sliced-run.ts';
import { h } from './dom.ts';

export class RunControls {
  readonly run: HTMLButtonElement;
  readonly cancel: HTMLButtonElement;
  private readonly bar = h('progress', {
    class: 'progress',
    max: 1,
    value: 0,
    'aria-label': 'Simulation progress',
  });
  private readonly status = h('span', { class: 'run-status', role: 'status', 'aria-live': 'polite' });
  private readonly show = h(
    'button',
    { type: 'button', class: 'link-button show-problem', hidden: true },
    'Show me',
  );
  readonly root: HTMLElement;
  private readonly showable: boolean;

  /** `onShowProblem`, when given, offers a "Show me" link beside the reason Run is disabled. */
  constructor(
    label: string,
    onRun: () => void,
    onCancel: () => void,
    id: string,
    onShowProblem?: () => void,
  ) {
    this.run = h('button', { type: 'button', class: 'primary', id: `${id}-run`, onclick: onRun }, label);
    this.cancel = h(
      'button',
      { type: 'button', class: 'secondary', id: `${id}-cancel`, hidden: true, onclick: onCancel },
      'Cancel',
    );
    this.root = h(
      'div',
      { class: 'run-bar' },
      h('div', { class: 'run-buttons' }, this.run, this.cancel),
      this.bar,
      this.status,
      this.show,
    );
    if (onShowProblem) this.show.addEventListener('click', onShowProblem);
    this.showable = !!onShowProblem;
    this.bar.hidden = true;
  }

  /** Ready to run, or why not. */
  idle(blocked: string | null, message = '') {
    this.run.disabled = blocked !== null;
    this.run.title = blocked ?? '';
    this.cancel.hidden = true;
    this.bar.hidden = true;
    this.status.textContent = blocked ?? message;
    this.status.classList.toggle('blocked', blocked !== null);
    this.show.hidden = !(this.showable && blocked !== null);
  }

  running() {
    this.show.hidden = true;
    this.run.disabled = true;
    this.cancel.hidden = false;
    this.bar.hidden = false;
    this.bar.value = 0;
    this.status.classList.remove('blocked');
    this.status.textContent = 'Starting…';
  }

  /** Progress counted in finished pieces of work, e.g. "37 of 200 replications". */
  counted(done: number, total: number, noun: string) {
    this.bar.value = total > 0 ? done / total : 0;
    this.status.textContent = `${formatNumber(done)} of ${formatNumber(total)} ${noun}`;
  }

  progress(p: Progress, unit: string) {
    this.bar.value = p.fraction;
    const variant = p.variants > 1 ? `variant ${p.variant + 1} of ${p.variants}, ` : '';
    this.status.textContent = `${variant}replication ${Math.min(p.replicationsDone + 1, p.replications)} of ${p.replications} · simulated ${unit} ${formatNumber(p.time)}`;
  }
}
