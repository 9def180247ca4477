/**
 * The sandbox page: wires the views to the workspace (what the coach typed), the simulation
 * worker and the URL. The views draw; the view-model decides; this file only connects them.
 */
import './no-eval.ts';
import './styles.css';
import { parseScenarioText, type Scenario } from '../src/index.ts';
import { download } from './charts/export.ts';
import { presetChoices } from './viewmodel/comparison-setup.ts';
import { formFieldPaths, formLayout } from './viewmodel/form-layout.ts';
import { fileKind } from './viewmodel/history-file.ts';
import {
  addFitted,
  descriptionOf,
  duplicate,
  fileNameFor,
  nameOf,
  newScenario,
  openFile,
  remove,
  rename,
  undoRemove,
} from './viewmodel/library.ts';
import { offeredLoads } from './viewmodel/offered-load.ts';
import { PRESETS } from './viewmodel/preset-files.ts';
import { prettyJson } from './viewmodel/pretty-json.ts';
import { problemsByField, problemsByLine } from './viewmodel/problems.ts';
import { encodeShare, type SharePayload } from './viewmodel/share.ts';
import {
  activeDraft,
  draftOf,
  editText,
  isEdited,
  openDocument,
  readWorkspace,
  resetDraft,
  revertToLastGood,
  SHARED,
  STORAGE_KEY,
  selectSource,
  serializeWorkspace,
  type Workspace,
} from './viewmodel/workspace.ts';
import { CompareResults } from './views/compare-results.ts';
import { CompareSetup, type CompareSource } from './views/compare-setup.ts';
import { byId, h, yieldToPage } from './views/dom.ts';
import { ExploreView } from './views/explore-view.ts';
import { HistoryView } from './views/history-view.ts';
import { JsonEditor } from './views/json-editor.ts';
import { hideNotice, showNotice } from './views/notice.ts';
import { openLink } from './views/open-link.ts';
import { present, presentedLarge } from './views/presentation.ts';
import { renderPicker } from './views/preset-picker.ts';
import { ResultsView } from './views/results-view.ts';
import { RunControls } from './views/run-controls.ts';
import { ScenarioEditor } from './views/scenario-editor.ts';
import { ScenarioForm } from './views/scenario-form.ts';
import { openShareDialog } from './views/share-dialog.ts';
import { Cancelled, Simulator } from './views/simulator.ts';
import { StructureEditor } from './views/structure-editor.ts';
import { StructurePreview } from './views/structure-preview.ts';
import { WorkshopSession, workshopRequest } from './views/workshop-session.ts';

const restored = readWorkspace(readStorage(), PRESETS);
let ws: Workspace = restored.workspace;
let linked: CompareSource['linked'] = null;
/** The text of the scenario whose results are on screen, to say when they are out of date. */
let shownText: string | null = null;
let running = false;

const simulator = new Simulator();
const notice = byId('notice');
const large = () => ws.largeType;
const results = new ResultsView(byId('results'), large);
const form = new ScenarioForm(onFormChange, () => refreshRunState());
const json = new JsonEditor(onJsonInput, () => {
  ws = revertToLastGood(ws, PRESETS, prettyJson);
  save();
  refreshScenario(false);
});
const editor = new ScenarioEditor(form, json);
const structure = new StructureEditor((doc) => {
  ws = editText(ws, prettyJson(doc), PRESETS).workspace;
  save();
  refreshScenario(false);
});
const controls = new RunControls('Run', run, () => simulator.cancel(), 'scenario', showFirstProblem);
byId('scenario-editor').append(editor.root);
byId('editor-panel-form').prepend(structure.root);
const preview = new StructurePreview(large);
byId('scenario-editor').prepend(preview.root);
// The run bar replaces its placeholder so it is the panel's own child: sticky needs that to stay in view.
byId('run-controls').replaceWith(controls.root);

const compareView = byId('view-compare');
const compareSetup = new CompareSetup(
  () => refreshCompare(),
  () => refreshCompareState(),
);
const compareControls = new RunControls('Run comparison', runComparison, () => simulator.cancel(), 'compare');
const compareResultsHost = h('section', {
  class: 'results',
  id: 'compare-results',
  'aria-label': 'Comparison results',
  tabindex: -1,
});
const workshopButton = h(
  'button',
  { type: 'button', class: 'secondary', id: 'workshop-start', onclick: () => startWorkshop() },
  'Predict, then reveal',
);
const workshopNote = h('p', { class: 'hint workshop-start-note' });
compareView.append(
  h(
    'aside',
    { class: 'scenario-panel' },
    compareSetup.root,
    compareControls.root,
    h(
      'div',
      { class: 'workshop-start' },
      h('h3', { class: 'panel-heading' }, 'Workshop'),
      h(
        'p',
        { class: 'panel-intro' },
        'The room guesses which of the two has the shorter lead time, and by how much; the results stay hidden until you reveal them. Full screen, with a clicker.',
      ),
      workshopButton,
      workshopNote,
    ),
  ),
  compareResultsHost,
);
// Presented, the comparison is in large type for the back of the room.
const compareResults = new CompareResults(
  compareResultsHost,
  () => ws.largeType || presentedLarge(compareResultsHost),
  presentComparison,
);

const explore = new ExploreView(
  () => {
    const text = activeDraft(ws, PRESETS).text;
    const outcome = parseScenarioText(text);
    return outcome.ok
      ? { document: JSON.parse(text), scenario: outcome.scenario }
      : { document: null, scenario: null };
  },
  simulator,
  (busy) => {
    running = busy;
    if (busy) {
      controls.idle('A sweep or forecast is in progress.');
      compareControls.idle('A sweep or forecast is in progress.');
      historyView.block('A sweep or forecast is in progress.');
    } else {
      refreshRunState();
      refreshCompareState();
    }
  },
  large,
);
byId('view-explore').append(...explore.root.childNodes);

const historyView = new HistoryView(
  simulator,
  (busy) => {
    running = busy;
    if (busy) {
      controls.idle('A history is being fitted or forecast.');
      compareControls.idle('A history is being fitted or forecast.');
      explore.block('A history is being fitted or forecast.');
    } else {
      refreshRunState();
      refreshCompareState();
    }
  },
  large,
  (scenario) => {
    const added = addFitted(ws, scenario, PRESETS);
    changeWorkspace(added.workspace);
    showView('run');
    showNotice(
      notice,
      `Opened “${nameOf(draftOf(ws, added.id, PRESETS))}” in the editor, among My scenarios: change it and press Run to see what if.`,
    );
  },
);
byId('view-history').append(...historyView.root.childNodes);

function readStorage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function save() {
  try {
    localStorage.setItem(STORAGE_KEY, serializeWorkspace(ws));
  } catch {
    // Storage full or disabled (private mode): the page still works, edits just do not persist.
  }
}

function onFormChange(doc: unknown) {
  ws = editText(ws, prettyJson(doc), PRESETS).workspace;
  save();
  refreshScenario(true);
}

function onJsonInput(text: string) {
  ws = editText(ws, text, PRESETS).workspace;
  save();
  refreshScenario(false);
}

function sharedName(): string {
  const doc = draftOf(ws, SHARED, PRESETS).lastGood as { name?: unknown } | null;
  return typeof doc?.name === 'string' ? `${doc.name} (from a link)` : 'Scenario from a link';
}

/** Everything that shows the active draft: picker, form, JSON, Run. */
function refreshScenario(fromForm: boolean) {
  const draft = activeDraft(ws, PRESETS);
  const outcome = parseScenarioText(draft.text);
  let doc: unknown = null;
  try {
    doc = JSON.parse(draft.text);
  } catch {
    doc = null;
  }
  const problems = outcome.ok ? [] : outcome.problems;
  const byField = doc === null ? new Map() : problemsByField(problems, formFieldPaths(formLayout(doc)));
  const loads = outcome.ok ? new Map(offeredLoads(outcome.scenario).map((n) => [n.id, n])) : null;
  form.update({ doc, problems: byField, loads, fromForm });
  structure.update(doc);
  preview.update(outcome.ok ? outcome.scenario : null);
  json.update(draft.text, problemsByLine(draft.text, problems), draft.lastGood !== null);
  const onForm = [...byField.values()].reduce((n, m) => n + m.length, 0);
  editor.setCounts(doc === null ? problems.length : onForm, problems.length);
  renderPicker(
    byId('preset-picker'),
    {
      presets: PRESETS,
      own: ownChoices(),
      active: ws.active,
      edited: (id) => isEdited(ws, id, PRESETS),
      shared: ws.drafts[SHARED] ? { id: SHARED, name: sharedName() } : null,
    },
    pickerEvents,
  );
  results.setStale(shownText !== null && shownText !== draft.text);
  refreshRunState();
  refreshCompare();
  explore.refresh();
}

/** My scenarios as the picker lists them, each by its own name, with what it is a variant of. */
function ownChoices() {
  return ws.own.map((e) => {
    const draft = draftOf(ws, e.id, PRESETS);
    const origin = e.from && ws.own.some((o) => o.id === e.from) ? e.from : null;
    return {
      id: e.id,
      name: nameOf(draft),
      description: descriptionOf(draft),
      from: origin ? { id: origin, name: nameOf(draftOf(ws, origin, PRESETS)) } : null,
    };
  });
}

function changeWorkspace(next: Workspace) {
  ws = next;
  save();
  refreshScenario(false);
}

async function openScenarioFile(file: File) {
  const opened = openFile(ws, file.name, await file.text(), PRESETS);
  if (typeof opened === 'string') return showNotice(notice, `Could not open the file: ${opened}.`, 'error');
  changeWorkspace(opened.workspace);
  showView('run');
  const name = nameOf(draftOf(ws, opened.id, PRESETS));
  showNotice(
    notice,
    opened.problems === 0
      ? `Opened “${name}” from ${file.name} into My scenarios.`
      : `Opened “${name}” from ${file.name} into My scenarios; it has ${opened.problems} problem${opened.problems === 1 ? '' : 's'} to fix, shown beside the fields.`,
    opened.problems === 0 ? 'info' : 'error',
  );
}

const pickerEvents = {
  select: (id: string) => changeWorkspace(selectSource(ws, id)),
  reset: (id: string) => changeWorkspace(resetDraft(ws, id)),
  create: () => {
    changeWorkspace(newScenario(ws, PRESETS).workspace);
    byId('own-name').focus();
  },
  open: (file: File) => void openDropped(file),
  duplicate: (id: string) => {
    changeWorkspace(duplicate(ws, id, PRESETS).workspace);
    byId('own-name').focus();
  },
  save: (id: string) => {
    const draft = draftOf(ws, id, PRESETS);
    download(
      fileNameFor(nameOf(draft)),
      draft.text.endsWith('\n') ? draft.text : `${draft.text}\n`,
      'application/json',
    );
  },
  rename: (id: string, name: string, description: string) => {
    const next = rename(ws, id, PRESETS, name, description);
    if (typeof next === 'string') return showNotice(notice, `Could not rename: ${next}.`, 'error');
    changeWorkspace(next);
  },
  remove: (id: string) => {
    const name = nameOf(draftOf(ws, id, PRESETS));
    const fallback = PRESETS[0]?.id ?? SHARED;
    const done = remove(ws, id, fallback);
    if (!done) return;
    changeWorkspace(done.workspace);
    showNotice(notice, `Deleted “${name}” from My scenarios.`, 'info', {
      label: 'Undo',
      run: () => changeWorkspace(undoRemove(ws, done.removed)),
    });
  },
  compareWith: (from: string, id: string) => {
    compareSetup.choose([from, id]);
    showView('compare');
    refreshCompare();
  },
};

/** A file opened or dropped: a scenario opens as one of My scenarios, a team's history on its page. */
async function openDropped(file: File) {
  if (fileKind(file.name, await file.slice(0, 64).text()) === 'scenario') return openScenarioFile(file);
  showView('history');
  if (running)
    return showNotice(notice, 'Wait for the run in progress to end, then drop the history again.', 'error');
  hideNotice(notice);
  await historyView.open(file);
}

// A file dropped anywhere on the page opens where it belongs.
document.addEventListener('dragover', (e) => {
  if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
});
document.addEventListener('drop', (e) => {
  const file = e.dataTransfer?.files[0];
  if (!file) return;
  e.preventDefault();
  void openDropped(file);
});

/** Takes the coach to the first problem: its field in the form, or its line in the JSON. */
function showFirstProblem() {
  const field = document.querySelector<HTMLInputElement>(
    '.scenario-form .field.invalid input, .scenario-form .field.invalid select',
  );
  if (field) {
    editor.show('form');
    field.scrollIntoView({ block: 'center' });
    field.focus();
    return;
  }
  const draft = activeDraft(ws, PRESETS);
  const outcome = parseScenarioText(draft.text);
  editor.show('json');
  if (!outcome.ok) json.selectLine(problemsByLine(draft.text, outcome.problems)[0].line);
}

function blockReason(): string | null {
  const outcome = parseScenarioText(activeDraft(ws, PRESETS).text);
  if (!outcome.ok) {
    const n = outcome.problems.length;
    return `Fix ${n} problem${n === 1 ? '' : 's'} in the scenario to run it.`;
  }
  if (form.localProblems > 0) return 'Fix the highlighted field to run.';
  return null;
}

function refreshRunState() {
  if (running) return;
  controls.idle(blockReason());
  explore.refreshState();
  historyView.refreshState();
}

async function run() {
  const text = activeDraft(ws, PRESETS).text;
  const outcome = parseScenarioText(text);
  if (running || !outcome.ok || form.localProblems > 0) return;
  const scenario: Scenario = outcome.scenario;
  running = true;
  controls.running();
  compareControls.idle('A run is in progress.');
  explore.block('A run is in progress.');
  historyView.block('A run is in progress.');
  const started = performance.now();
  performance.mark('run-start');
  try {
    const result = await simulator.run(JSON.parse(text), (p) => controls.progress(p, scenario.timeUnit));
    shownText = text;
    await results.show({ result, scenario, document: JSON.parse(text) });
    results.setStale(false);
    performance.measure('run-to-charts', 'run-start');
    const ms = performance.now() - started;
    document.body.dataset.runToChartsMs = ms.toFixed(0);
    running = false;
    controls.idle(blockReason(), `Done in ${(ms / 1000).toFixed(ms < 10_000 ? 2 : 0)} s.`);
  } catch (error) {
    running = false;
    if (error instanceof Cancelled) controls.idle(blockReason(), 'Cancelled.');
    else {
      controls.idle(blockReason(), 'The run failed.');
      showNotice(
        notice,
        `The run failed: ${error instanceof Error ? error.message : String(error)}`,
        'error',
      );
    }
  }
  refreshCompare();
}

function compareSource(): CompareSource {
  const docOf = (id: string) => {
    const draft = draftOf(ws, id, PRESETS);
    return parseScenarioText(draft.text).ok ? JSON.parse(draft.text) : null;
  };
  const current = activeDraft(ws, PRESETS);
  const currentOk = parseScenarioText(current.text);
  return {
    presets: presetChoices(
      PRESETS,
      (id) => ({
        edited: isEdited(ws, id, PRESETS),
        document: docOf(id),
        name: nameOf(draftOf(ws, id, PRESETS)),
      }),
      ws.own.map((e) => ({ id: e.id, name: nameOf(draftOf(ws, e.id, PRESETS)), document: docOf(e.id) })),
    ),
    current: {
      name: currentOk.ok ? currentOk.scenario.name : 'the scenario',
      document: currentOk.ok ? JSON.parse(current.text) : null,
      routing: currentOk.ok ? currentOk.scenario.routing : 'fixed',
    },
    linked,
  };
}

function refreshCompare() {
  // Re-rendering replaces the inputs; keep keyboard focus on the one the coach was using.
  const active = document.activeElement;
  const focused =
    active instanceof HTMLInputElement && compareView.contains(active)
      ? `${active.name}=${active.value}`
      : null;
  compareSetup.render(compareSource());
  if (focused) {
    const [name, value] = focused.split('=');
    compareView.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)?.focus();
  }
  refreshCompareState();
}

function refreshCompareState() {
  if (running) return;
  const request = compareSetup.request(compareSource());
  compareControls.idle(typeof request === 'string' ? `To compare, ${request}.` : null);
  const blocked =
    typeof request === 'string'
      ? `To start, ${request}.`
      : request.variants.length !== 2
        ? 'A workshop puts exactly two variants side by side: tick two.'
        : null;
  workshopButton.disabled = blocked !== null;
  workshopNote.textContent = blocked ?? '';
}

async function runComparison() {
  const request = compareSetup.request(compareSource());
  if (running || typeof request === 'string') return;
  running = true;
  compareControls.running();
  controls.idle('A comparison is in progress.');
  explore.block('A comparison is in progress.');
  historyView.block('A comparison is in progress.');
  try {
    const unit = (request.variants[0].scenario as { timeUnit?: string }).timeUnit ?? 'day';
    const comparison = await simulator.compare(
      request.variants,
      { seed: request.seed, replications: request.replications },
      (p) => compareControls.progress(p, unit),
    );
    await compareResults.show(
      comparison,
      request.variants.map((v) => ({ name: v.name, document: v.scenario })),
    );
    running = false;
    compareControls.idle(null, 'Done.');
  } catch (error) {
    running = false;
    if (error instanceof Cancelled) compareControls.idle(null, 'Cancelled.');
    else
      showNotice(
        notice,
        `The comparison failed: ${error instanceof Error ? error.message : String(error)}`,
        'error',
      );
  }
  refreshRunState();
  refreshCompare();
}

// Predict, then reveal: the comparison runs hidden while the room guesses.
const workshops = new WorkshopSession({
  compare: async (request, progress) => {
    if (running) throw new Error('another run is in progress; wait for it, then start again');
    running = true;
    compareControls.running();
    controls.idle('A comparison is in progress.');
    explore.block('A comparison is in progress.');
    const unit = (request.variants[0].scenario as { timeUnit?: string }).timeUnit ?? 'day';
    try {
      return await simulator.compare(
        [...request.variants],
        { seed: request.seed, replications: request.replications },
        (p) => {
          compareControls.progress(p, unit);
          progress(p.fraction);
        },
      );
    } finally {
      running = false;
      refreshRunState();
      refreshCompareState();
    }
  },
  // With the two to watch side by side: what the room saw, as it happened.
  revealed: (c, request) =>
    void compareResults.show(
      c,
      request.variants.map((v) => ({ name: v.name, document: v.scenario })),
    ),
  whole: presentComparison,
});

function startWorkshop() {
  const request = compareSetup.request(compareSource());
  const pair = typeof request === 'string' ? null : workshopRequest(request);
  if (pair) workshops.open(pair, true);
}

/** The comparison on the Compare view, moved into the presentation layout and back. */
function presentComparison() {
  present(
    {
      title: 'Comparison',
      mount(host) {
        const place = document.createComment('comparison');
        compareResultsHost.replaceWith(place);
        host.append(compareResultsHost);
        void compareResults.redraw();
        return {
          redraw: () => void compareResults.redraw(),
          unmount: () => place.replaceWith(compareResultsHost),
        };
      },
    },
    { fullscreen: true, onLeave: () => void compareResults.redraw() },
  );
}

// Views: the scenario and its results, a comparison, or a sweep and forecast. Arrow keys move between the tabs.
const VIEWS = ['run', 'compare', 'explore', 'history'] as const;
type View = (typeof VIEWS)[number];
const tabs = Object.fromEntries(VIEWS.map((v) => [v, byId<HTMLButtonElement>(`tab-${v}`)])) as Record<
  View,
  HTMLButtonElement
>;
function showView(view: View) {
  for (const key of VIEWS) {
    tabs[key].setAttribute('aria-selected', String(key === view));
    tabs[key].tabIndex = key === view ? 0 : -1;
    byId(`view-${key}`).hidden = key !== view;
  }
  redrawView(view);
}
function redrawView(view: View) {
  if (view === 'compare') compareResults.redraw();
  else if (view === 'explore') explore.redraw();
  else if (view === 'history') historyView.redraw();
  else results.redraw();
}
VIEWS.forEach((key, i) => {
  tabs[key].addEventListener('click', () => showView(key));
  tabs[key].addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = VIEWS[(i + (e.key === 'ArrowRight' ? 1 : VIEWS.length - 1)) % VIEWS.length];
    showView(next);
    tabs[next].focus();
  });
});
const currentView = (): View => VIEWS.find((v) => !byId(`view-${v}`).hidden) ?? 'run';

// Large type, for projectors.
const largeButton = byId<HTMLButtonElement>('large-type');
function applyLargeType() {
  document.documentElement.classList.toggle('large-type', ws.largeType);
  largeButton.setAttribute('aria-pressed', String(ws.largeType));
}
largeButton.addEventListener('click', () => {
  ws = { ...ws, largeType: !ws.largeType };
  save();
  applyLargeType();
  results.redraw();
  preview.redraw();
  compareResults.redraw();
  explore.redraw();
  historyView.redraw();
});

// Share: the comparison when on the Compare view, otherwise the scenario.
byId('share-button').addEventListener('click', async () => {
  let payload: SharePayload;
  let what: string;
  if (currentView() === 'compare') {
    const request = compareSetup.request(compareSource());
    if (typeof request === 'string')
      return showNotice(notice, `Nothing to share yet: to compare, ${request}.`, 'error');
    payload = { v: 1, compare: request };
    what = 'this comparison';
  } else {
    const text = activeDraft(ws, PRESETS).text;
    if (!parseScenarioText(text).ok)
      return showNotice(notice, 'Fix the scenario’s problems before sharing it.', 'error');
    payload = { v: 1, scenario: JSON.parse(text) };
    what = 'this scenario';
  }
  const url = `${location.origin}${location.pathname}${location.search}${await encodeShare(payload)}`;
  openShareDialog(byId<HTMLDialogElement>('share-dialog'), what, url);
});

/** Opens a link in the hash, then removes it from the address bar so a reload keeps later edits. */
async function handleHash() {
  const opened = await openLink(location.hash);
  if (opened.kind === 'none') return;
  history.replaceState(null, '', `${location.pathname}${location.search}`);
  if (opened.kind === 'refused') return showNotice(notice, opened.message, 'error');
  if (opened.kind === 'scenario') {
    ws = openDocument(ws, SHARED, prettyJson(opened.document));
    save();
    showView('run');
    refreshScenario(false);
    showNotice(
      notice,
      'Opened the scenario from the link. Press Run to simulate it; your own edits to the presets are kept.',
    );
  } else {
    linked = { variants: opened.variants, seed: opened.seed, replications: opened.replications };
    compareSetup.useLinked();
    showView('compare');
    refreshCompare();
    showNotice(
      notice,
      `Opened a comparison of ${opened.variants.map((v) => v.name).join(', ')} from the link. Press Run comparison to see it.`,
    );
  }
}
window.addEventListener('hashchange', handleHash);

// Charts follow the width of their cards.
let lastWidth = 0;
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
new ResizeObserver(([entry]) => {
  const width = Math.round(entry.contentRect.width);
  if (Math.abs(width - lastWidth) < 8) return;
  lastWidth = width;
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => redrawView(currentView()), 150);
}).observe(document.querySelector('main') as HTMLElement);

applyLargeType();
// The first render in its own task: on a cold load, evaluating the scripts is already a long
// task, and the page answers input sooner if the form is built after it rather than in it.
await yieldToPage();
refreshScenario(false);
hideNotice(notice);
if (restored.problems.length > 0) showNotice(notice, restored.problems.join(' '), 'error');
await handleHash();
if (workshops.restore()) showView('compare');
document.body.dataset.ready = 'true';
