/**
 * What the pre-flight found on a submittable sheet: errors (they block; each with its cell to select), the
 * warnings needing a 说明 (typed here, written into the sheet's 说明 cells, then checked again), hints that
 * do not block, and "ready" when nothing does.
 */
import { Body1, Button, Caption1, Field, Spinner, Text, Textarea } from '@fluentui/react-components';
import { textOf } from '../../../core/i18n/message';
import { completenessText, countsText } from '../../../core/report/report-findings';
import type { BlockingItem, NoteItem, Place } from '../../../client/preflight';
import { canWriteNotes, isApproved, readySheet, unchangedSinceSent } from '../../../client/submission-runner';
import { Notice } from '../../../ui/Notice';
import { failureText } from '../error-text';
import { CellButton, ListItem, ListSection, useSubmitStyles, type SubmitPartProps } from './submit-layout';
import { placesText } from './submit-names';

/** The longest 说明 accepted (the server's limit for a note). */
const NOTE_MAX_LENGTH = 2000;

export function SheetFindings(props: SubmitPartProps) {
  const { state, strings: s, locale } = props;
  const ready = readySheet(state);
  if (!ready) return null;
  return (
    <>
      {/* the counts 检查 and `indicators check` show for this sheet; the lists below hold as many */}
      <Text weight="semibold">{`${completenessText(ready.counts, locale)} · ${countsText(ready.counts, locale)}`}</Text>
      {ready.errors.length > 0 && <ErrorList {...props} errors={ready.errors} />}
      {ready.notes.length > 0 && <NoteList {...props} notes={ready.notes} />}
      {state.notes.kind === 'written' && <Notice intent="success">{s.notesWritten(state.notes.count)}</Notice>}
      {state.notes.kind === 'failed' && <Notice intent="error">{s.writeNotesFailed(failureText(state.notes.error, locale))}</Notice>}
      {ready.hints.length > 0 && (
        <ListSection id="submit-hints-heading" heading={s.hintsHeading(ready.hints.length)}>
          {ready.hints.map((item, index) => (
            <ListItem key={index} tone="plain">
              <Caption1>{textOf(item, locale)}</Caption1>
            </ListItem>
          ))}
        </ListSection>
      )}
      {/* "可以提交" only when it can: not when locked (the status says 已锁定), nor for the very version already sent (the button says why) */}
      {ready.acceptable && !isApproved(state) && !unchangedSinceSent(state) && <Body1>{s.ready(ready.document.values.length)}</Body1>}
    </>
  );
}

function ErrorList({ errors, ...props }: SubmitPartProps & { errors: readonly BlockingItem[] }) {
  const { strings: s, locale } = props;
  return (
    <ListSection id="submit-errors-heading" heading={s.errorsHeading(errors.length)} hint={s.errorsHint}>
      {errors.map((item, index) => (
        <ListItem key={index} tone="error">
          <FindingHead {...props} cell={item.cell} places={item.places} />
          <Body1>{textOf(item, locale)}</Body1>
        </ListItem>
      ))}
    </ListSection>
  );
}

function NoteList({ notes, ...props }: SubmitPartProps & { notes: readonly NoteItem[] }) {
  const { state, runner, strings: s, locale } = props;
  const styles = useSubmitStyles();
  const actions = (
    <div className={styles.actions}>
      <Button appearance="primary" disabled={!canWriteNotes(state)} onClick={() => void runner.writeNotes()}>
        {s.writeNotes}
      </Button>
      {state.notes.kind === 'writing' && <Spinner size="tiny" label={s.writingNotes} />}
    </div>
  );
  return (
    <ListSection id="submit-notes-heading" heading={s.notesHeading(notes.length)} hint={s.notesHint} footer={actions}>
      {notes.map((item) => (
        <ListItem key={item.noteCell} tone="note">
          <FindingHead {...props} cell={item.valueCell} places={item.places} />
          {item.messages.map((message, index) => (
            <Body1 key={index}>{textOf(message, locale)}</Body1>
          ))}
          <Field label={s.noteLabel(item.noteCell)}>
            <Textarea
              value={state.drafts[item.noteCell] ?? ''}
              maxLength={NOTE_MAX_LENGTH}
              placeholder={s.notePlaceholder}
              resize="vertical"
              onChange={(_event, data) => runner.setDraft(item.noteCell, data.value)}
            />
          </Field>
        </ListItem>
      ))}
    </ListSection>
  );
}

/** A finding's first line: the cell to select (when it is about one) and the entries it names. */
function FindingHead({ cell, places, runner, strings: s, locale }: SubmitPartProps & { cell: string | undefined; places: readonly Place[] }) {
  const styles = useSubmitStyles();
  return (
    <span className={styles.itemHead}>
      {cell && <CellButton address={cell} label={s.selectCell(cell)} onSelect={(address) => void runner.selectCell(address)} />}
      {places.length > 0 && <Text weight="semibold">{placesText(places, s, locale)}</Text>}
    </span>
  );
}
