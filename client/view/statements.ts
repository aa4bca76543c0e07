// Public statements in diplomacy: which ones the seat may make now (the engine's legalCommands),
// and what each would do, by applying the command to a copy of the view with the engine itself.
import type { GameState } from '../../shared/model/state.js';
import type { StatementKind } from '../../shared/model/vocabulary.js';
import type { Command } from '../../shared/protocol/commands.js';
import { credibility } from '../../shared/rules/credibility.js';
import { statement } from '../../shared/rules/commands/statement.js';
import { legalCommands } from '../../shared/rules/legal.js';
import { nationOf, seatById } from '../../shared/rules/seats.js';
import type { GameView } from '../../shared/view/viewFor.js';
import type { Projected } from './budgetPlan.js';
import { statementLine, statementSubject } from './matchText.js';

export type StatementCommand = Extract<Command, { type: 'statement' }>;

export interface StatementOption {
  kind: StatementKind;
  subject: string;
  /** "Red line on Aurelia → Bosk". */
  label: string;
}

export const STATEMENT_NAMES: Readonly<Record<StatementKind, string>> = {
  red_line: 'Red line',
  clarify: 'Clarify',
  narrow: 'Narrow',
  exit_ramp: 'Exit ramp',
  sanction: 'Sanction',
  lift_sanctions: 'Lift sanctions',
};

export const STATEMENT_HELP: Readonly<Record<StatementKind, string>> = {
  red_line: 'Commit in public. Credibility rises now; backing down later costs consensus (an audience cost).',
  clarify: 'Say plainly what the guarantee covers. Clarity and credibility rise.',
  narrow: 'Take back part of the commitment: drops its least severe threat. Costs consensus now.',
  exit_ramp:
    'Offer the other side a way down: a challenger that takes it keeps part of what it seized, saves face, and your sanctions on it are lifted.',
  sanction:
    'Impose sanctions: the target loses revenue, growth and consensus as they bite over two turns; you lose some trade. Several senders add up, with diminishing returns.',
  lift_sanctions: 'Lift your sanctions on this nation.',
};

/** The statements the seat may make now, one per kind and subject, in the engine's order. */
export const statementOptions = (view: GameView, seat: string): StatementOption[] =>
  legalCommands(view, seat).flatMap((c) =>
    c.type === 'statement'
      ? [
          {
            kind: c.kind,
            subject: c.subject,
            label: `${STATEMENT_NAMES[c.kind]} ${c.kind === 'sanction' ? '' : 'on '}${statementSubject(view, c)}`,
          },
        ]
      : [],
  );

export interface StatementPreview {
  /** Before/after rows: credibility to the challenger, commitment, clarity, the seat's consensus. */
  rows: Projected[];
  /** The engine's refusal, if the statement would be refused. */
  refused: string | null;
}

/** What a statement would do, by running the engine's statement rule on a copy of the view. */
export const statementPreview = (view: GameView, seat: string, cmd: StatementCommand): StatementPreview => {
  // The engine's own statement rule (legalCommands already checked role and phase). It reads no
  // randomness; the view lacks only the generator's state.
  const state: GameState = { ...view, rng: 0 };
  const who = seatById(view, seat);
  if (!who) return { rows: [], refused: `no seat "${seat}" in this match` };
  const result = statement(state, who, cmd);
  if (!result.ok) return { rows: [], refused: result.error.message };
  const next = result.value.state;
  const rows: StatementPreview['rows'] = [];
  const g = view.guarantees[cmd.subject];
  const after = next.guarantees[cmd.subject];
  if (cmd.kind !== 'exit_ramp' && g && after) {
    const c = credibility(next, g.id, 'challenger');
    rows.push(
      {
        label: 'Credibility to the challenger',
        before: credibility(view, g.id, 'challenger').value,
        after: c.value,
        why: c,
      },
      { label: 'Public commitment (0–1)', before: g.commitment, after: after.commitment, why: null },
      { label: 'Clarity (0–1)', before: g.clarity, after: after.clarity, why: null },
    );
  }
  const me = nationOf(view, seat);
  const before = view.nations[me]?.consensus;
  const then = next.nations[me]?.consensus;
  if (before !== undefined && then !== undefined && before !== then)
    rows.push({ label: 'Your consensus', before, after: then, why: null });
  return { rows, refused: null };
};

/** This turn's statements, as lines for the diplomacy panel. */
export const statementLines = (view: GameView): string[] => view.statements.map((s) => statementLine(view, s));
