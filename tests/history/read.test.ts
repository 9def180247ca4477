import { describe, expect, it } from 'vitest';
import { CSV_LIMITS, parseCsv } from '../../src/history/csv.ts';
import { dayOf } from '../../src/history/dates.ts';
import type { HistoryOutcome } from '../../src/history/history.ts';
import { MAX_STAGES, readHistory, workflowOrder } from '../../src/history/read.ts';

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayOf(y, m, d);
};
const ok = (outcome: HistoryOutcome) => {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.history;
};
const problems = (outcome: HistoryOutcome) => (outcome.ok ? [] : outcome.problems);
const notesOf = (outcome: HistoryOutcome) => ok(outcome).notes.map((n) => `${n.line}: ${n.note}`);

describe('CSV as spreadsheets write it', () => {
  it('reads quotes, doubled quotes, line breaks in quotes, CRLF and a byte-order mark', () => {
    const csv = parseCsv('\uFEFFid,title\r\n1,"a, ""quoted""\r\nline"\r\n2, plain \r\n\r\n');
    expect(csv).toEqual({
      ok: true,
      table: {
        delimiter: ',',
        header: ['id', 'title'],
        rows: [
          { line: 2, cells: ['1', 'a, "quoted"\r\nline'] },
          { line: 4, cells: ['2', 'plain'] },
        ],
      },
    });
  });

  it('takes ; between fields when the header has more of them', () => {
    const csv = parseCsv('ID;Title, with comma;Done\nA;x,y;2025-01-02');
    expect(csv.ok && csv.table.delimiter).toBe(';');
    expect(csv.ok && csv.table.rows[0].cells).toEqual(['A', 'x,y', '2025-01-02']);
  });

  it.each([
    ['', 'the file is empty'],
    ['\uFEFF \r\n\r\n', 'the file is empty'],
    ['id,x\n1,"open', 'never closed'],
    ['id,x\n1,"a"b', 'text after a closing quote'],
    [`id\n"${'x'.repeat(CSV_LIMITS.fieldCharacters + 1)}"`, 'more than the limit'],
    [`${'a,'.repeat(CSV_LIMITS.columns + 1)}a`, 'more than 500 columns'],
    ['id\n1\n'.repeat(1) + '2\n'.repeat(CSV_LIMITS.rows + 1), 'more than 200,000 rows'],
  ])('refuses a broken file with its line: %#', (text, reason) => {
    const csv = parseCsv(text);
    expect(csv.ok).toBe(false);
    expect(!csv.ok && csv.reason).toContain(reason);
  });

  it('a file of a million quotes is read in one pass, not retried', () => {
    const csv = parseCsv(`id\n${'"'.repeat(1_000_001)}`);
    expect(csv).toMatchObject({ ok: false, line: 2 });
  });
});

describe('stage dates, as ActionableAgile and jira-agile-metrics write them', () => {
  const file = [
    'ID,Link,Name,Type,Blocked Days,Backlog,Ready for Dev,In Dev,Review,Done',
    'A-1,https://x/A-1,"Fix, now",Bug,0,2025-01-03,,2025-01-05,2025-01-07,2025-01-10',
    'A-2,,Second,Story,1,2025-01-13,2025-01-14,2025-01-20,2025-01-15,',
    'A-1,,Again,Bug,0,2025-01-01,,,,',
    'A-3,,Not started,Story,0,,,,,',
    ',,No id,Story,0,2025-01-02,,,,',
    'A-4,,Only done,Story,0,,,,,2025-02-01',
  ].join('\n');

  it('takes the date columns as stages in order, the last as done, and the rest as attributes', () => {
    const h = ok(readHistory(file));
    expect(h.format).toBe('stage dates');
    expect(h.stages).toEqual(['Backlog', 'Ready for Dev', 'In Dev', 'Review', 'Done']);
    expect(h.doneStage).toBe('Done');
    expect(h.items.map((i) => [i.id, i.type])).toEqual([
      ['A-1', 'Bug'],
      ['A-2', 'Story'],
      ['A-4', 'Story'],
    ]);
    expect(h.start).toBe(day('2025-01-03'));
    expect(h.end).toBe(day('2025-02-01'));
  });

  it('a skipped stage has no visit, and the time runs to the next stage reached', () => {
    const a1 = ok(readHistory(file)).items[0];
    expect(a1.visits).toEqual([
      { stage: 'Backlog', enteredAt: day('2025-01-03'), exitedAt: day('2025-01-05') },
      { stage: 'In Dev', enteredAt: day('2025-01-05'), exitedAt: day('2025-01-07') },
      { stage: 'Review', enteredAt: day('2025-01-07'), exitedAt: day('2025-01-10') },
    ]);
    expect(a1.doneAt).toBe(day('2025-01-10'));
  });

  it('says what it did with every row that was not taken as it stands', () => {
    expect(notesOf(readHistory(file))).toEqual([
      '2: skipped Ready for Dev',
      '3: In Dev is dated after the later stage Review: In Dev taken as skipped',
      '3: in progress, in Review',
      '4: the same ID as line 2: left out (the first row is kept)',
      '5: no dates: not started, left out',
      '6: no ID: left out',
    ]);
  });

  it('an item in progress has an open last visit and no done date', () => {
    const a2 = ok(readHistory(file)).items[1];
    expect(a2.doneAt).toBeNull();
    expect(a2.visits.at(-1)).toEqual({ stage: 'Review', enteredAt: day('2025-01-15'), exitedAt: null });
  });

  it('settles 03/04 from a date elsewhere in the file that can only be read one way', () => {
    const text = 'ID;To Do;Done\n1;03/04/2025;05/04/2025\n2;13/04/2025;\n';
    const h = ok(readHistory(text));
    expect(h.items[0].visits[0].enteredAt).toBe(day('2025-04-03'));
    expect(h.dateOrder?.order).toBe('dmy');
    expect(h.dateOrder?.from).toContain('"13/04/2025" (line 3, To Do)');
    const us = ok(readHistory('ID;To Do;Done\n1;03/04/2025;03/13/2025\n'));
    expect(us.items[0].visits[0].enteredAt).toBe(day('2025-03-04'));
  });

  it('refuses dates no date in the file settles, naming the line and column, unless told the order', () => {
    const text = 'ID,To Do,Done\n1,2025-01-01,2025-01-02\n2,03/04/2025,05/04/2025\n';
    expect(problems(readHistory(text))).toEqual([
      {
        line: 3,
        column: 'To Do',
        reason: expect.stringContaining('could be day 3 of month 4 or month 3 day 4'),
      },
    ]);
    expect(ok(readHistory(text, { dateOrder: 'mdy' })).items[1].doneAt).toBe(day('2025-05-04'));
  });

  it('refuses a file that writes dates both ways', () => {
    const [p] = problems(readHistory('ID,To Do,Done\n1,13/01/2025,\n2,01/13/2025,\n'));
    expect(p).toMatchObject({ line: 3, column: 'To Do' });
    expect(p.reason).toContain('both day first');
  });

  it('names the line and column of a value that is not a date', () => {
    const text =
      'ID,To Do,Doing,Done\n1,2025-01-01,2025-01-02,\n2,2025-01-01,soon,\n3,2025-01-01,2025-02-30,\n';
    expect(problems(readHistory(text))).toEqual([
      { line: 3, column: 'Doing', reason: expect.stringContaining('"soon" is not a date') },
      { line: 4, column: 'Doing', reason: expect.stringContaining('2025-02 has no day 30') },
    ]);
  });

  it('leaves aside a column of text that is no stage, and says so', () => {
    const h = ok(readHistory('Key,Estimate,To Do,Done,Notes\n1,large,2025-01-01,2025-01-03,"late, again"\n'));
    expect(h.stages).toEqual(['To Do', 'Done']);
    expect(h.ignoredColumns).toEqual(['Estimate', 'Notes']);
  });

  it('refuses an empty file, a header alone, and a file without stages', () => {
    expect(problems(readHistory(''))[0].reason).toBe('the file is empty');
    expect(problems(readHistory('ID,To Do,Done\n'))[0].reason).toContain('a header but no items');
    expect(problems(readHistory('ID,Title\n1,x\n'))[0].reason).toContain('no stage columns');
    expect(problems(readHistory('ID,To Do,Done\n,2025-01-01,\n'))[0].reason).toContain(
      'no item in the file has a date',
    );
  });
});

describe('the event log', () => {
  const log = [
    'id,stage,enteredAt,exitedAt,type',
    '7,Dev,2025-03-03 09:00,2025-03-04 12:00,feature',
    '7,Review,2025-03-04 12:00,2025-03-05 09:00,feature',
    '7,Dev,2025-03-05 09:00,2025-03-06 09:00,feature', // sent back: rework
    '7,Review,2025-03-06 09:00,2025-03-06 18:00,feature',
    '7,Done,2025-03-06 18:00,,feature',
    '7,Done,2025-03-06 18:00,,feature', // the same row twice
    '8,Dev,2025-03-05 10:00,2025-03-04 10:00,bug', // goes back in time
    '8,Dev,2025-03-05 10:00,,bug',
    '9,Review,2025-03-07 10:00,2025-03-08 10:00,bug',
    '9,Dev,2025-03-06 10:00,2025-03-07 12:00,fix', // out of order, overlapping
  ].join('\r\n');

  it('keeps every visit, rework included, and ends an item at its done stage', () => {
    const h = ok(readHistory(log));
    expect(h.format).toBe('event log');
    expect(h.stages).toEqual(['Dev', 'Review', 'Done']);
    expect(h.doneStage).toBe('Done');
    expect(h.dateOnly).toBe(false);
    const item = h.items[0];
    expect(item.visits.map((v) => v.stage)).toEqual(['Dev', 'Review', 'Dev', 'Review']);
    expect(item.doneAt).toBe(day('2025-03-06') + 0.75);
  });

  it('sorts an item’s visits in time and clamps one that overlaps the next', () => {
    const nine = ok(readHistory(log)).items[2];
    expect(nine.visits).toEqual([
      { stage: 'Dev', enteredAt: day('2025-03-06') + 10 / 24, exitedAt: day('2025-03-07') + 10 / 24 },
      { stage: 'Review', enteredAt: day('2025-03-07') + 10 / 24, exitedAt: day('2025-03-08') + 10 / 24 },
    ]);
    expect(nine.doneAt).toBeNull(); // it never reached Done
  });

  it('says what it did with each messy row', () => {
    expect(notesOf(readHistory(log))).toEqual([
      '7: the same visit as line 6: left out',
      '8: exitedAt is before enteredAt: the row goes back in time, left out',
      '9: in progress, in Dev',
      '11: types bug, fix on its rows: bug kept',
      '11: overlaps the next visit (Review): taken to end when it began',
      '10: in progress, in Review',
    ]);
  });

  it('without a done stage, an item is done when it leaves its last stage', () => {
    const h = ok(
      readHistory(
        'id,stage,enteredAt,exitedAt\n1,a,2025-01-01,2025-01-02\n1,b,2025-01-02,2025-01-04\n2,a,2025-01-03,\n',
      ),
    );
    expect(h.doneStage).toBeNull();
    expect(h.items.map((i) => i.doneAt)).toEqual([day('2025-01-04'), null]);
  });

  it('refuses a file of more stages than any workflow has, and a stage named __proto__', () => {
    const rows = ['id,stage,enteredAt'];
    for (let i = 0; i <= MAX_STAGES; i++) rows.push(`${i},stage ${i},2025-01-01`);
    expect(problems(readHistory(rows.join('\n')))).toEqual([
      {
        line: MAX_STAGES + 2,
        column: 'stage',
        reason: 'more than 200 different stages; a workflow has a few dozen at most',
      },
    ]);
    expect(problems(readHistory('id,stage,enteredAt\n1,__proto__,2025-01-01\n'))[0]).toMatchObject({
      line: 2,
      column: 'stage',
    });
    expect(problems(readHistory('ID,__proto__,Done\n1,2025-01-01,\n'))[0].reason).toContain('__proto__');
  });

  it('orders stages by how most items went, whatever a few sent back did', () => {
    const v = (...stages: string[]) => stages.map((stage, i) => ({ stage, enteredAt: i, exitedAt: i + 1 }));
    expect(
      workflowOrder([
        v('review', 'build', 'review'),
        v('build', 'review'),
        v('build', 'test'),
        v('build', 'review', 'test'),
      ]),
    ).toEqual(['build', 'review', 'test']);
  });
});
